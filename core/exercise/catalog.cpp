#include "exercise/catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/hash_index.h"
#include "util/stable_order.h"

namespace calc::exercise {

const Exercise* Catalog::find_exercise(std::string_view id) const {
  for (const auto& e : exercises)
    if (e.id == id) return &e;
  return nullptr;
}

std::pair<const Exercise*, const Box*> Catalog::find_box(std::string_view box_id) const {
  for (const auto& e : exercises)
    if (const Box* b = e.find_box(box_id)) return {&e, b};
  return {nullptr, nullptr};
}

Catalog build_catalog(const std::vector<SourceFile>& files) {
  Catalog c;
  HashSet<std::string> exercise_ids, box_ids;
  for (const auto& f : files) {
    LoadResult r = load_exercise(f.text, f.name);
    if (r.error) {
      c.errors.push_back(*r.error);
      continue;
    }
    Exercise& ex = *r.exercise;
    if (!exercise_ids.insert(ex.id).second) {
      c.errors.push_back({f.name, 1, "exercise id '" + ex.id + "' is also used by another file"});
      continue;
    }
    bool clash = false;
    for (const auto& b : ex.boxes) {
      if (!box_ids.insert(b.id).second) {
        c.errors.push_back({f.name, b.line, "box id '" + b.id + "' is also used by another file"});
        clash = true;
      }
    }
    if (!clash) c.exercises.push_back(std::move(ex));
  }
  // Sorted through an index order (util/stable_order.h): std::stable_sort
  // would instantiate its merges for moving whole exercises.
  const std::vector<Exercise>& xs = c.exercises;
  apply_order(c.exercises, stable_order(xs.size(), [&](std::uint32_t a, std::uint32_t b) {
                return xs[a].order != xs[b].order ? xs[a].order < xs[b].order : xs[a].id < xs[b].id;
              }));
  return c;
}

std::vector<SourceFile> read_directory(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::vector<SourceFile> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = dir + ": not a directory";
    return out;
  }
  std::vector<fs::path> paths;
  // Only the error_code forms: the core catches no exceptions, so a throwing
  // one would end the program. An entry whose type cannot be read is skipped,
  // as a broken link is.
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code unreadable;
    if (it->is_regular_file(unreadable) && it->path().extension() == ".toml") paths.push_back(it->path());
  }
  if (ec) {
    error = dir + ": " + ec.message();
    return out;
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    out.push_back({p.string(), text.str()});
  }
  if (paths.empty()) error = dir + ": no *.toml exercise files";
  return out;
}

}  // namespace calc::exercise
