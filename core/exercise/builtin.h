#pragma once
// The exercise files compiled into the native programs (the CLI, the tests,
// the fuzz, bench and determinism drivers): library calccore_builtin_exercises,
// which the page's wasm module does not link. The page hands its files to the
// core at start-up instead (api::load_exercises_json), so the module carries no
// exercise text and an edited exercise needs no relink.
#include <vector>

#include "exercise/catalog.h"

namespace calc::exercise {

// exercises/*.toml as compiled in, sorted by name ("exercises/<name>" in messages).
std::vector<SourceFile> embedded_sources();
// The compiled-in catalog, built once.
const Catalog& builtin_catalog();

}  // namespace calc::exercise
