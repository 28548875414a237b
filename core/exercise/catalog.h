#pragma once
// All exercises, built from exercise files: the page's, as trees
// (api::load_exercises_json, exercise/tree_json.h), or TOML text: the
// compiled-in files of the native programs (exercise/builtin.h), a
// directory's (`--exercises DIR`, `workbook check DIR`) and the site build's
// (the exercise tool). Box ids are unique across files.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exercise/model.h"
#include "exercise/toml.h"

namespace calc::exercise {

struct SourceFile {
  std::string name;  // shown in file:line messages
  std::string text;
};

// A file's document, as tree_json reads it (its values have line 0).
struct TreeFile {
  std::string name;
  toml::Value tree;
};

struct Catalog {
  std::vector<Exercise> exercises;  // ordered by `order`, then id
  std::vector<LoadError> errors;    // files that failed to load (they are left out)

  const Exercise* find_exercise(std::string_view id) const;
  // The box and the exercise it belongs to; {nullptr, nullptr} when unknown.
  std::pair<const Exercise*, const Box*> find_box(std::string_view box_id) const;
  std::size_t box_count() const;
};

// The page's path: no TOML is read.
Catalog build_catalog_from_trees(const std::vector<TreeFile>& files);
// Reads each file's TOML, then builds as build_catalog_from_trees does; a
// file that does not read is an error in its place.
Catalog build_catalog(const std::vector<SourceFile>& files);
// Reads every *.toml in dir (sorted by name). A missing or unreadable
// directory is reported in `error` and yields no files.
std::vector<SourceFile> read_directory(const std::string& dir, std::string& error);

}  // namespace calc::exercise
