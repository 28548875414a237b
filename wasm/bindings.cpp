// Embind bindings: the core's JSON facade (core/api/), one JS function per C++
// function, strings and numbers in, JSON text out. No logic lives here; the
// facade catches everything, so no C++ exception reaches JS. See wasm/API.md.
//
// Embind cannot bind std::string_view parameters, so each wrapper takes
// std::string and passes it on.
#include <emscripten/bind.h>

#include <string>

#include "api/numeric_api.h"

namespace {

namespace api = calc::api;

// Which core build the page talks to; shown in the page footer and bench output.
std::string version_json() { return std::string("{\"version\":\"") + WORKBOOK_VERSION + "\"}"; }

std::string sample_plot(const std::string& text, double xmin, double xmax, int n) {
  return api::sample_plot_json(text, xmin, xmax, n);
}
std::string limit_table(const std::string& text, double at, const std::string& hs_json) {
  return api::limit_table_json(text, at, hs_json);
}
std::string gradient_field(const std::string& text, double xmin, double xmax, double ymin, double ymax, int nx, int ny) {
  return api::gradient_field_json(text, xmin, xmax, ymin, ymax, nx, ny);
}
std::string contours(const std::string& text, double xmin, double xmax, double ymin, double ymax, int n) {
  return api::sample_grid_json(text, xmin, xmax, ymin, ymax, n);
}
std::string evaluate(const std::string& text, const std::string& bindings_json) {
  return api::evaluate_json(text, bindings_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(calccore) {
  using emscripten::function;
  function("version", &version_json);
  function("samplePlot", &sample_plot);
  function("limitTable", &limit_table);
  function("gradientField", &gradient_field);
  function("contours", &contours);
  function("evaluate", &evaluate);
}
