// Embind bindings of the exercise tool (calccore_exercise_tool in
// CMakeLists.txt): a Node-only module for the site build, not shipped. Its one
// function turns exercises/*.toml into the trees the page's loadExercises()
// takes (api::exercise_trees_json; wasm/API.md). No logic lives here.
#include <emscripten/bind.h>

#include <string>

#include "api/exercise_tool.h"

namespace {

std::string exercise_trees(const std::string& files_json) { return calc::api::exercise_trees_json(files_json); }

}  // namespace

EMSCRIPTEN_BINDINGS(calccore_exercise_tool) { emscripten::function("exerciseTrees", &exercise_trees); }
