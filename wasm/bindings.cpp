// Embind bindings: the core's JSON facade (core/api/), one JS function per C++
// function, strings and numbers in, JSON text out (samplePlotArrays alone
// returns an object of typed arrays). No logic lives here; the facade reports
// every failure as an error object in its JSON. See wasm/API.md.
//
// Embind cannot bind std::string_view parameters, so each wrapper takes
// std::string and passes it on. Seeds cross as JS numbers (uint32): a uint64_t
// parameter would need BigInt, which Emscripten 3.1.6's Embind does not map.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>

#include "api/grade_api.h"
#include "api/numeric_api.h"

namespace {

namespace api = calc::api;

// Which core build the page talks to; shown in the page footer and bench output.
std::string version_json() { return std::string("{\"version\":\"") + WORKBOOK_VERSION + "\"}"; }

std::string load_exercises(const std::string& files_json) { return api::load_exercises_json(files_json); }
std::string catalog() { return api::catalog_json(); }
std::string preview(const std::string& box_id, const std::string& text) { return api::preview_json(box_id, text); }
std::string grade(const std::string& box_id, const std::string& answer, std::uint32_t seed) {
  return api::grade_json(box_id, answer, seed);
}
std::string hint(const std::string& box_id, int index, std::uint32_t seed) { return api::hint_json(box_id, index, seed); }
std::string solution(const std::string& box_id, std::uint32_t seed) { return api::solution_json(box_id, seed); }
std::string variant(const std::string& exercise_id, std::uint32_t seed) { return api::variant_json(exercise_id, seed); }

std::string sample_plot(const std::string& text, double xmin, double xmax, int n) {
  return api::sample_plot_json(text, xmin, xmax, n);
}

// samplePlot's samples as {segments:[{x, y}]} with Float64Arrays instead of
// JSON numbers: no formatting and no parsing, one copy of each coordinate
// array. slice() copies the view of wasm memory into a JS-owned buffer (the
// view would be detached by the next memory growth, and the vectors are freed
// on return); each segment is a subarray of those two copies. The returned
// val is handed to JS as a plain object, so no Embind handle is left to free.
// A failure is the same {error:{…}} object samplePlot's JSON describes.
emscripten::val sample_plot_arrays(const std::string& text, double xmin, double xmax, int n) {
  using emscripten::val;
  const api::SampledPlot plot = api::sample_plot(text, xmin, xmax, n);
  if (!plot.ok()) return val::global("JSON").call<val>("parse", plot.error_json);
  const api::PlotSamples& s = plot.samples;
  const val x = val(emscripten::typed_memory_view(s.x.size(), s.x.data())).call<val>("slice");
  const val y = val(emscripten::typed_memory_view(s.y.size(), s.y.data())).call<val>("slice");
  val segments = val::array();
  std::uint32_t start = 0;
  for (const std::uint32_t end : s.segment_ends) {
    val segment = val::object();
    segment.set("x", x.call<val>("subarray", start, end));
    segment.set("y", y.call<val>("subarray", start, end));
    segments.call<void>("push", segment);
    start = end;
  }
  val result = val::object();
  result.set("segments", segments);
  return result;
}

std::string limit_table(const std::string& text, double at, const std::string& hs_json) {
  return api::limit_table_json(text, at, hs_json);
}
std::string tangent(const std::string& text, double x0) { return api::tangent_json(text, x0); }
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
  function("loadExercises", &load_exercises);
  function("catalog", &catalog);
  function("preview", &preview);
  function("grade", &grade);
  function("hint", &hint);
  function("solution", &solution);
  function("variant", &variant);
  function("samplePlot", &sample_plot);
  function("samplePlotArrays", &sample_plot_arrays);
  function("limitTable", &limit_table);
  function("gradientField", &gradient_field);
  function("contours", &contours);
  function("evaluate", &evaluate);
  function("tangent", &tangent);
}
