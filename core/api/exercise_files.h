#pragma once
// The exercise files handed to the core as JSON: the page's, as trees
// (load_exercises_json in grade_api.h): [{"name": "calculus.example.toml",
// "tree": {...}}, ...] (exercise/tree_json.h); the site build's, as TOML text
// (the exercise tool, exercise_tool.h): [{"name": ..., "text": "<TOML>"}, ...].
#include <string_view>
#include <vector>

#include "api/json.h"
#include "exercise/catalog.h"

namespace calc::api {

// All the exercise files' JSON together may be at most this long (the
// shipped trees are ~25 KB): a bound on what one call reads and builds.
constexpr std::size_t kMaxExerciseFilesJson = 4 << 20;

// The trees in order, or bad-json for malformed JSON or another shape (each
// object needs the members name, a string, and tree, an object; other members
// are ignored), or bad-arguments for a text over the bound.
json::ApiResult<std::vector<exercise::TreeFile>> read_exercise_trees(std::string_view files_json);

// One load error as the page and the site build read it: {file, line, message}.
void load_error_json(json::Writer& w, const exercise::LoadError& e);

// The TOML files in order, with the same errors (each object needs the string
// members name and text, once each; other string members are ignored).
json::ApiResult<std::vector<exercise::SourceFile>> read_exercise_files(std::string_view files_json);

}  // namespace calc::api
