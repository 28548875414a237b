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

std::size_t Catalog::box_count() const {
  std::size_t n = 0;
  for (const auto& ex : exercises) n += ex.boxes.size();
  return n;
}

std::pair<const Exercise*, const Box*> Catalog::find_box(std::string_view box_id) const {
  for (const auto& e : exercises)
    if (const Box* b = e.find_box(box_id)) return {&e, b};
  return {nullptr, nullptr};
}

namespace {

// Adds the files' exercises one by one, keeping the errors in file order;
// the exercises are sorted at the end.
class CatalogBuilder {
 public:
  void add(LoadResult r, const std::string& file, int line) {
    if (r.error) {
      c_.errors.push_back(std::move(*r.error));
      return;
    }
    Exercise& ex = *r.exercise;
    if (!exercise_ids_.insert(ex.id).second) {
      c_.errors.push_back({file, line, "exercise id '" + ex.id + "' is also used by another file"});
      return;
    }
    bool clash = false;
    for (const auto& b : ex.boxes) {
      if (!box_ids_.insert(b.id).second) {
        c_.errors.push_back({file, b.line, "box id '" + b.id + "' is also used by another file"});
        clash = true;
      }
    }
    if (!clash) c_.exercises.push_back(std::move(ex));
  }

  Catalog finish() {
    // Sorted through an index order (util/stable_order.h): std::stable_sort
    // would instantiate its merges for moving whole exercises.
    const std::vector<Exercise>& xs = c_.exercises;
    apply_order(c_.exercises, stable_order(xs.size(), [&](std::uint32_t a, std::uint32_t b) {
                  return xs[a].order != xs[b].order ? xs[a].order < xs[b].order : xs[a].id < xs[b].id;
                }));
    return std::move(c_);
  }

 private:
  Catalog c_;
  HashSet<std::string> exercise_ids_, box_ids_;
};

}  // namespace

Catalog build_catalog_from_trees(const std::vector<TreeFile>& files) {
  CatalogBuilder b;
  // An exercise id's clash is reported at the document's line: 1 from TOML, none from JSON.
  for (const auto& f : files) b.add(load_exercise(f.tree, f.name), f.name, f.tree.line);
  return b.finish();
}

Catalog build_catalog(const std::vector<SourceFile>& files) {
  CatalogBuilder b;
  for (const auto& f : files) b.add(load_exercise(std::string_view(f.text), f.name), f.name, 1);
  return b.finish();
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
