// The numeric facade's calls other than plot sampling (numeric_api.cpp):
// the limit table, the tangent, the gradient field, the contour grid and
// evaluation. Each runs once per action on the page, so, unlike plot
// sampling, this file is compiled for size with the rest of the core.
#include <cmath>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ad/forward_tape.h"
#include "ad/reverse.h"
#include "api/json.h"
#include "api/json_reader.h"
#include "api/numeric_api.h"
#include "api/numeric_input.h"
#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/vector_calculus.h"
#include "expr/decimal.h"
#include "expr/shape_check.h"
#include "numeric/evaluate.h"
#include "numeric/finite_difference.h"
#include "numeric/tape.h"
#include "parse/parser.h"
#include "print/print.h"

namespace calc::api {

namespace {

// Caps that keep one call cheap on the page.
constexpr int kMaxGridSide = 400;
constexpr int kMaxFieldPoints = 10000;
constexpr std::size_t kMaxSteps = 64;

using json::ApiResult;
using json::error_json;
using json::JsonReader;

// Members holding numbers, in order (a row of the limit table, an arrow of
// the gradient field).
void numbers(json::Writer& w, std::initializer_list<std::pair<std::string_view, double>> members) {
  for (const auto& [key, value] : members) {
    w.key(key);
    w.value(value);
  }
}

}  // namespace

// ---- Limit table ----

std::string limit_table_json(std::string_view text, double at, std::string_view hs_json) {
  if (!std::isfinite(at)) return error_json(bad_arguments("The point must be a finite number.", "该点必须是有限数。"));
  const ApiResult<std::vector<double>> steps = JsonReader(hs_json).number_array();
  if (!steps.ok()) return error_json(steps.error());
  const std::vector<double>& hs = *steps;
  if (hs.empty() || hs.size() > kMaxSteps)
    return error_json(bad_arguments("Give between 1 and 64 steps h.", "请给出 1 到 64 个步长 h。"));
  for (double h : hs)
    if (!std::isfinite(h) || h == 0)
      return error_json(bad_arguments("Every step h must be a nonzero number.", "每个步长 h 都必须是非零数。"));
  const ApiResult<numeric::Tape> compiled = compile_one_variable(text);
  if (!compiled.ok()) return error_json(compiled.error());
  const numeric::Tape& tape = *compiled;
  std::vector<double> reg64;
  std::vector<float> reg32;
  const auto f64 = [&](double x) {
    double y;
    tape.run(std::span<const double>(&x, 1), std::span<double>(&y, 1), reg64);
    return y;
  };
  const auto f32 = [&](float x) {
    float y;
    tape.run(std::span<const float>(&x, 1), std::span<float>(&y, 1), reg32);
    return y;
  };
  const auto rows64 = numeric::limit_table<double>(f64, at, hs);
  const auto rows32 = numeric::limit_table<float>(f32, static_cast<float>(at), hs);

  json::Writer w;
  w.begin_object();
  w.key("rows");
  w.begin_array();
  for (std::size_t i = 0; i < hs.size(); ++i) {
    w.begin_object();
    numbers(w, {{"h", hs[i]},
                {"forward64", rows64[i].forward},
                {"central64", rows64[i].central},
                {"forward32", rows32[i].forward},
                {"central32", rows32[i].central}});
    w.end_object();
  }
  w.end_array();
  // f'(at) by forward-mode AD: exact up to rounding, no step involved.
  w.key("exact");
  w.value(ad::forward_derivative(tape, std::span<const double>(&at, 1), 0).d);
  w.end_object();
  return w.take();
}

// ---- Tangent line ----

namespace {

// x0 as an exact number when a short decimal reads back to the same double
// (1 -> 1, 0.5 -> 1/2, 0.3 -> 3/10), so the printed line has exact
// coefficients; otherwise the double itself.
Expr point_number(double x0) {
  const std::string text = decimal::general(x0, 15);
  double back = 0;
  decimal::parse(text, back);
  if (back == x0)
    if (std::optional<Number> n = Number::from_literal(text)) return number(*n);
  return real(x0);
}

}  // namespace

std::string tangent_json(std::string_view text, double x0) {
  if (!std::isfinite(x0)) return error_json(bad_arguments("The point must be a finite number.", "该点必须是有限数。"));
  const ApiResult<OneVariableFunction> function = one_variable_function(text);
  if (!function.ok()) return error_json(function.error());
  const Expr& f = function->expr;
  const Expr x = symbol(function->variable);
  const std::string name = static_cast<const SymbolNode&>(*x).name();
  // A shape error on the way (no rule for the derivative of a matrix
  // product) fails the request as the core's, with the internal error, before
  // the undefined value it leaves could pass for undefined-at-point.
  ShapeCheck check;
  const double y0 = evaluate(f, {{name, x0}});
  const double slope = evaluate(diff(f, x), {{name, x0}});
  if (check.failed()) return json::internal_error_json();
  if (!std::isfinite(y0) || !std::isfinite(slope))
    return error_json({"undefined-at-point", "The function or its derivative is undefined at this point.",
                       "函数或其导数在该点无定义。", {}, {}});
  const Expr line = simplify(tangent_line(f, x, point_number(x0)));
  const std::string line_text = to_text(line), line_latex = to_latex(line);
  if (check.failed()) return json::internal_error_json();
  json::Writer w;
  w.begin_object();
  numbers(w, {{"x0", x0}, {"y0", y0}, {"slope", slope}, {"intercept", y0 - slope * x0}});
  w.key("text");
  w.value(line_text);
  w.key("latex");
  w.value(line_latex);
  w.end_object();
  return w.take();
}

// ---- Grids ----

std::string gradient_field_json(std::string_view text, double xmin, double xmax, double ymin, double ymax, int nx,
                                int ny) {
  if (auto e = require_range(xmin, xmax)) return error_json(*e);
  if (auto e = require_range(ymin, ymax)) return error_json(*e);
  if (auto e = require_count(nx, 1, kMaxGridSide)) return error_json(*e);
  if (auto e = require_count(ny, 1, kMaxGridSide)) return error_json(*e);
  if (nx * ny > kMaxFieldPoints) return error_json(bad_arguments("At most 10000 arrows.", "箭头最多 10000 个。"));
  const ApiResult<numeric::Tape> tape = compile_two_variables(text);
  if (!tape.ok()) return error_json(tape.error());
  ad::ReverseGradient grad(*tape);
  const std::vector<double> xs = linspace(xmin, xmax, nx), ys = linspace(ymin, ymax, ny);
  json::Writer w;
  w.begin_object();
  w.key("points");
  w.begin_array();
  for (double y : ys) {
    for (double x : xs) {
      const double point[2] = {x, y};
      double g[2];
      const double f = grad(point, g);
      w.begin_object();
      numbers(w, {{"x", x}, {"y", y}, {"f", f}, {"gx", g[0]}, {"gy", g[1]}});
      w.end_object();
    }
  }
  w.end_array();
  w.end_object();
  return w.take();
}

std::string sample_grid_json(std::string_view text, double xmin, double xmax, double ymin, double ymax, int n) {
  if (auto e = require_range(xmin, xmax)) return error_json(*e);
  if (auto e = require_range(ymin, ymax)) return error_json(*e);
  if (auto e = require_count(n, 2, kMaxGridSide)) return error_json(*e);
  const ApiResult<numeric::Tape> tape = compile_two_variables(text);
  if (!tape.ok()) return error_json(tape.error());
  const std::vector<double> xs = linspace(xmin, xmax, n), ys = linspace(ymin, ymax, n);
  std::vector<double> points;
  points.reserve(2 * xs.size() * ys.size());
  for (double y : ys)
    for (double x : xs) {
      points.push_back(x);
      points.push_back(y);
    }
  std::vector<double> values(xs.size() * ys.size());
  tape->evaluate(points, values);
  json::Writer w;
  w.begin_object();
  w.key("nx");
  w.value(n);
  w.key("ny");
  w.value(n);
  w.key("values");
  w.begin_array();
  for (double v : values) w.value(v);
  w.end_array();
  w.end_object();
  return w.take();
}

// ---- Evaluation ----

std::string evaluate_json(std::string_view text, std::string_view bindings_json) {
  const auto bindings = JsonReader(bindings_json).number_object();
  if (!bindings.ok()) return error_json(bindings.error());
  const ApiResult<Expr> e = parse_function(text);
  if (!e.ok()) return error_json(e.error());
  std::vector<std::string> names;
  std::vector<double> values;
  for (const auto& [name, value] : *bindings) {
    // Bindings are matched by the parser's spelling: "x1" and "x_1" are one variable.
    ParseResult r = parse(name, ParseContext::permissive());
    if (!r.ok() || !r.expr->is(Kind::Symbol))
      return error_json(bad_arguments("'" + name + "' is not a variable name.", "“" + name + "” 不是变量名。"));
    names.push_back(static_cast<const SymbolNode&>(**r.expr).name());
    values.push_back(value);
  }
  const ApiResult<numeric::Tape> tape = compile(*e, names);
  if (!tape.ok()) return error_json(tape.error());
  std::vector<double> out(tape->output_count());
  tape->evaluate(values, out);
  json::Writer w;
  w.begin_object();
  if (e->is(Kind::Vector)) {
    w.key("vector");
    w.begin_array();
    for (double v : out) w.value(v);
    w.end_array();
  } else {
    w.key("value");
    w.value(out.empty() ? std::nan("") : out[0]);
  }
  w.end_object();
  return w.take();
}

}  // namespace calc::api
