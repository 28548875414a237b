#pragma once
// The exercise files the page hands to the core (load_exercises_json in
// grade_api.h): a JSON array [{"name": "calculus.example.toml", "text":
// "<the file's TOML>"}, ...].
#include <string_view>
#include <vector>

#include "api/json.h"
#include "exercise/catalog.h"

namespace calc::api {

// All the exercise files' text together may be at most this long (the
// shipped ones are ~30 KB): a bound on what one call reads and builds.
constexpr std::size_t kMaxExerciseFilesJson = 4 << 20;

// The files in order, or bad-json for malformed JSON or another shape (each
// object needs the string members name and text, once each; other string
// members are ignored), or bad-arguments for a text over the bound.
json::ApiResult<std::vector<exercise::SourceFile>> read_exercise_files(std::string_view files_json);

}  // namespace calc::api
