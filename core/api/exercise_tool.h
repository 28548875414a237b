#pragma once
// The exercise tool's one call (wasm/tool_bindings.cpp; a Node-only module,
// not shipped): the site build hands it exercises/*.toml and gets back the
// trees the page hands to load_exercises_json (grade_api.h), after the checks
// the page's core can no longer make because it reads no TOML.
#include <string>
#include <string_view>

namespace calc::api {

// files_json: [{"name":"calculus.example.toml","text":"<the file's TOML>"}, ...].
// Returns {"files":[{"name","tree"}],"errors":[{"file","line","message"}]}:
// the tree (exercise/tree_json.h) of every file the TOML reader read, and
// every problem the catalog's build finds (as the page's load or `workbook
// check` reports it on loading: TOML, the exercise model, ids across files)
// or the tree's JSON cannot carry (inf, nan). errors empty: every file is in
// files and the trees load without error. Malformed JSON or another shape:
// {"error":{"code":"bad-json",…}}; a text over 4 MiB: bad-arguments.
std::string exercise_trees_json(std::string_view files_json);

}  // namespace calc::api
