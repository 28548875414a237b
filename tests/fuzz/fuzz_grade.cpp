// grade_json on every box of the built-in catalog (loaded into the facade
// once, as the page loads its files at start-up): byte 0 picks the box, byte 1
// the seed (0 = the book's numbers), the rest is the learner's answer. Grading
// must never crash or hang (libFuzzer's -timeout) and must always answer with
// one of the four verdicts.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "api/grade_api.h"
#include "exercise/builtin.h"

namespace {

const std::vector<std::string>& box_ids() {
  static const std::vector<std::string> ids = [] {
    calc::api::load_catalog(calc::exercise::builtin_catalog());
    std::vector<std::string> v;
    for (const auto& exercise : calc::exercise::builtin_catalog().exercises)
      for (const auto& box : exercise.boxes) v.push_back(box.id);
    return v;
  }();
  return ids;
}

// The value of the top-level "verdict" member, read leniently (any spacing).
bool has_verdict(const std::string& json) {
  const auto key = json.find("\"verdict\"");
  if (key == std::string::npos) return false;
  auto at = json.find_first_not_of(" \t\n:", key + 9);
  if (at == std::string::npos || json[at] != '"') return false;
  const auto end = json.find('"', at + 1);
  if (end == std::string::npos) return false;
  const std::string value = json.substr(at + 1, end - at - 1);
  return value == "correct" || value == "incorrect" || value == "invalid" || value == "undecided";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& ids = box_ids();
  if (ids.empty()) std::abort();  // the catalog failed to load
  if (size < 2) return 0;
  const std::string& box = ids[data[0] % ids.size()];
  const std::uint64_t seed = data[1] < 128 ? 0 : data[1];
  const std::string_view answer(reinterpret_cast<const char*>(data + 2), size - 2);
  const std::string json = calc::api::grade_json(box, answer, seed);
  if (!has_verdict(json)) {
    std::fprintf(stderr, "grade_json(%s) gave no verdict: %s\n", box.c_str(), json.c_str());
    std::abort();
  }
  return 0;
}
