// Embind bindings: the core's JSON facade (core/api/), one JS function per C++
// function, strings and numbers in, JSON text out. No logic lives here; the
// facade catches everything, so no C++ exception reaches JS. See wasm/API.md.
#include <emscripten/bind.h>

#include <string>

namespace {

// Which core build the page talks to; shown in the page footer and bench output.
std::string version_json() { return std::string("{\"version\":\"") + WORKBOOK_VERSION + "\"}"; }

}  // namespace

EMSCRIPTEN_BINDINGS(calccore) {
  emscripten::function("version", &version_json);
}
