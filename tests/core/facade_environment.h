#pragma once
// The facade grades the catalog it was handed (api::load_catalog,
// api::load_exercises_json) and is empty before that. Every suite of
// core_tests that calls it grades the compiled-in exercises: the environment
// in facade_environment.cpp loads them before the first test, as the page
// loads its files at start-up, and keeps what the facade answered before.
#include <string>

namespace calc::testing_support {

// The facade's answers before any load (a box and an exercise of the
// compiled-in catalog asked for by id).
struct BeforeLoad {
  std::string catalog, preview, grade, hint, solution, variant;
};
const BeforeLoad& facade_before_load();

// Loads the compiled-in catalog into the facade again, after a test loaded
// other files.
void reload_builtin_catalog();

}  // namespace calc::testing_support
