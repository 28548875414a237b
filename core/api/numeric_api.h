#pragma once
// The JSON facade for plots and numeric tables (see wasm/API.md). Each
// function takes learner or page text and numbers and returns JSON text;
// any failure becomes {"error":{code,en,zh,position?,length?}}.
// Expressions are parsed with ParseContext::permissive() (one-letter names,
// optionally indexed, are variables).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace calc::api {

// {segments:[{x:[…], y:[…]}]}: n samples of a one-variable f on [xmin, xmax],
// split into separate polylines at poles, jumps and non-finite values.
std::string sample_plot_json(std::string_view expr_text, double xmin, double xmax, int n);

// The same samples as numbers, for callers that want no text (the wasm
// binding samplePlotArrays copies them into Float64Arrays): the kept points'
// x and y in order, segment k being [segment_ends[k-1], segment_ends[k]).
struct PlotSamples {
  std::vector<double> x, y;
  std::vector<std::uint32_t> segment_ends;
};
// error_json is empty on success, else the {"error":…} text
// sample_plot_json would return (and samples is empty).
struct SampledPlot {
  PlotSamples samples;
  std::string error_json;
  bool ok() const { return error_json.empty(); }
};
SampledPlot sample_plot(std::string_view expr_text, double xmin, double xmax, int n);

// {rows:[{h, forward64, central64, forward32, central32}], exact}: the h -> 0
// table of difference quotients at `at`; hs_json is a JSON array of steps.
// exact is f'(at) by forward-mode AD (exact up to rounding; null if undefined).
std::string limit_table_json(std::string_view expr_text, double at, std::string_view hs_json);

// {x0, y0, slope, intercept, text, latex}: the tangent y = y0 + slope·(x − x0).
std::string tangent_json(std::string_view expr_text, double x0);

// {points:[{x, y, f, gx, gy}]}: f and its gradient (reverse-mode AD) on an
// nx × ny grid, for a function of two variables.
std::string gradient_field_json(std::string_view expr_text, double xmin, double xmax, double ymin, double ymax,
                                int nx, int ny);

// {nx, ny, values:[…]}: f on an n × n grid, row-major (values[j·nx + i] =
// f(x_i, y_j)), non-finite values as null.
std::string sample_grid_json(std::string_view expr_text, double xmin, double xmax, double ymin, double ymax, int n);

// {value} for a scalar, {vector:[…]} for a vector; bindings_json is an object
// {"x": 1.5, "x_1": 2, …}. Non-finite results are null.
std::string evaluate_json(std::string_view expr_text, std::string_view bindings_json);

}  // namespace calc::api
