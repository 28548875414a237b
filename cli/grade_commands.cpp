// Grading commands: grade (one answer, one JSON line) and check (validate exercise files).
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <utility>

#include "api/grade_api.h"
#include "commands.h"
#include "exercise/builtin.h"
#include "exercise/catalog.h"
#include "grade/check.h"

namespace workbook {

namespace {

constexpr std::string_view kGradeUsage = "grade BOX_ID ANSWER [--seed N] [--exercises DIR]";
constexpr std::string_view kCheckUsage = "check [DIR]";

std::optional<std::uint64_t> parse_seed(const std::string& s) {
  if (s.empty() || s.size() > 20) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

// The catalog from DIR, with load errors printed; nullopt when DIR is unusable.
std::optional<calc::exercise::Catalog> catalog_from(const std::string& dir) {
  std::string error;
  auto files = calc::exercise::read_directory(dir, error);
  if (!error.empty()) {
    std::cerr << "error: " << error << '\n';
    return std::nullopt;
  }
  return calc::exercise::build_catalog(files);
}

}  // namespace

int run_grade(Args args) {
  std::vector<std::string> positional;
  std::uint64_t seed = 0;
  std::optional<std::string> dir;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--seed" && i + 1 < args.size()) {
      auto s = parse_seed(args[++i]);
      if (!s) return usage_error(kGradeUsage);
      seed = *s;
    } else if (args[i] == "--exercises" && i + 1 < args.size()) {
      dir = args[++i];
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.size() != 2) return usage_error(kGradeUsage);
  std::optional<calc::exercise::Catalog> catalog = dir ? catalog_from(*dir) : calc::exercise::builtin_catalog();
  if (!catalog) return 2;
  if (!catalog->find_box(positional[0]).second) {
    std::cerr << "workbook grade: unknown box id '" << positional[0] << "'\n";
    return 2;
  }
  calc::api::load_catalog(std::move(*catalog));
  std::cout << calc::api::grade_json(positional[0], positional[1], seed) << '\n';
  return 0;
}

int run_check(Args args) {
  if (args.size() > 1) return usage_error(kCheckUsage);
  std::optional<calc::exercise::Catalog> own;
  if (!args.empty()) {
    own = catalog_from(args[0]);
    if (!own) return 1;
  }
  const calc::exercise::Catalog& catalog = own ? *own : calc::exercise::builtin_catalog();
  const auto errors = calc::grade::check_catalog(catalog);
  for (const auto& e : errors) std::cerr << e << '\n';
  if (!errors.empty()) {
    std::cerr << errors.size() << " problem(s)\n";
    return 1;
  }
  std::cout << "ok: " << catalog.exercises.size() << " exercises, " << catalog.box_count() << " boxes\n";
  return 0;
}

}  // namespace workbook
