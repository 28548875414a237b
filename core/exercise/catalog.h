#pragma once
// All exercises, built from exercise files: the page's (api::load_exercises_json),
// the compiled-in ones of the native programs (exercise/builtin.h) or a
// directory's (`--exercises DIR`, `workbook check DIR`). Box ids are unique
// across files.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exercise/model.h"

namespace calc::exercise {

struct SourceFile {
  std::string name;  // shown in file:line messages
  std::string text;
};

struct Catalog {
  std::vector<Exercise> exercises;  // ordered by `order`, then id
  std::vector<LoadError> errors;    // files that failed to load (they are left out)

  const Exercise* find_exercise(std::string_view id) const;
  // The box and the exercise it belongs to; {nullptr, nullptr} when unknown.
  std::pair<const Exercise*, const Box*> find_box(std::string_view box_id) const;
};

Catalog build_catalog(const std::vector<SourceFile>& files);
// Reads every *.toml in dir (sorted by name). A missing or unreadable
// directory is reported in `error` and yields no files.
std::vector<SourceFile> read_directory(const std::string& dir, std::string& error);

}  // namespace calc::exercise
