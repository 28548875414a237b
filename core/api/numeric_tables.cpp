// The numeric facade's calls other than plot sampling (numeric_api.cpp):
// the limit table, the tangent, the gradient field, the contour grid and
// evaluation. Each runs once per action on the page, so, unlike plot
// sampling, this file is compiled for size with the rest of the core.
#include <cctype>
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
#include "api/numeric_api.h"
#include "api/numeric_input.h"
#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/vector_calculus.h"
#include "expr/decimal.h"
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

using json::ApiError;

// Members holding numbers, in order (a row of the limit table, an arrow of
// the gradient field).
void numbers(json::Writer& w, std::initializer_list<std::pair<std::string_view, double>> members) {
  for (const auto& [key, value] : members) {
    w.key(key);
    w.value(value);
  }
}

// ---- Reading the small JSON inputs (an array of numbers, an object of numbers) ----

class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  std::vector<double> number_array() {
    std::vector<double> out;
    expect('[');
    if (peek() == ']') {
      ++i_;
    } else {
      for (;;) {
        out.push_back(number());
        if (peek() == ',') { ++i_; continue; }
        expect(']');
        break;
      }
    }
    end();
    return out;
  }

  std::vector<std::pair<std::string, double>> number_object() {
    std::vector<std::pair<std::string, double>> out;
    expect('{');
    if (peek() == '}') {
      ++i_;
    } else {
      for (;;) {
        std::string k = string();
        expect(':');
        out.emplace_back(std::move(k), number());
        if (peek() == ',') { ++i_; continue; }
        expect('}');
        break;
      }
    }
    end();
    return out;
  }

 private:
  char peek() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  void expect(char c) {
    if (peek() != c) fail();
    ++i_;
  }
  void end() {
    if (peek() != '\0') fail();
  }
  double number() {
    peek();
    const std::size_t start = i_;
    while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' || s_[i_] == '+' ||
                              s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E'))
      ++i_;
    const std::string_view text = s_.substr(start, i_ - start);
    double v = 0;
    if (text.empty() || decimal::parse(text, v) != text.size()) fail();
    return v;
  }
  // Names are plain ASCII identifiers (x, x_1); escapes are not needed.
  std::string string() {
    expect('"');
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\') ++i_;
    if (i_ >= s_.size() || s_[i_] != '"') fail();
    return std::string(s_.substr(start, i_++ - start));
  }
  [[noreturn]] void fail() {
    throw ApiError{"bad-json", "Malformed JSON argument near character " + std::to_string(i_) + ".",
                  "JSON 参数格式错误（第 " + std::to_string(i_) + " 个字符附近）。", {}, {}};
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// ---- Limit table ----

std::string limit_table(std::string_view text, double at, std::string_view hs_json) {
  if (!std::isfinite(at)) throw bad_arguments("The point must be a finite number.", "该点必须是有限数。");
  const std::vector<double> hs = JsonReader(hs_json).number_array();
  if (hs.empty() || hs.size() > kMaxSteps)
    throw bad_arguments("Give between 1 and 64 steps h.", "请给出 1 到 64 个步长 h。");
  for (double h : hs)
    if (!std::isfinite(h) || h == 0) throw bad_arguments("Every step h must be a nonzero number.", "每个步长 h 都必须是非零数。");
  const Expr e = parse_function(text);
  const std::string var = single_variable(e);
  const numeric::Tape tape = compile(e, {var});
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

std::string tangent(std::string_view text, double x0) {
  if (!std::isfinite(x0)) throw bad_arguments("The point must be a finite number.", "该点必须是有限数。");
  const Expr f = parse_function(text);
  const Expr x = symbol(single_variable(f));
  const std::string name = static_cast<const SymbolNode&>(*x).name();
  const double y0 = evaluate(f, {{name, x0}});
  const double slope = evaluate(diff(f, x), {{name, x0}});
  if (!std::isfinite(y0) || !std::isfinite(slope))
    throw ApiError{"undefined-at-point", "The function or its derivative is undefined at this point.",
                  "函数或其导数在该点无定义。", {}, {}};
  const Expr line = simplify(tangent_line(f, x, point_number(x0)));
  json::Writer w;
  w.begin_object();
  numbers(w, {{"x0", x0}, {"y0", y0}, {"slope", slope}, {"intercept", y0 - slope * x0}});
  w.key("text");
  w.value(to_text(line));
  w.key("latex");
  w.value(to_latex(line));
  w.end_object();
  return w.take();
}

// ---- Grids ----

std::string gradient_field(std::string_view text, double xmin, double xmax, double ymin, double ymax, int nx,
                           int ny) {
  require_range(xmin, xmax);
  require_range(ymin, ymax);
  require_count(nx, 1, kMaxGridSide);
  require_count(ny, 1, kMaxGridSide);
  if (nx * ny > kMaxFieldPoints)
    throw bad_arguments("At most 10000 arrows.", "箭头最多 10000 个。");
  const Expr e = parse_function(text);
  const numeric::Tape tape = compile(e, two_variables(e));
  ad::ReverseGradient grad(tape);
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

std::string sample_grid(std::string_view text, double xmin, double xmax, double ymin, double ymax, int n) {
  require_range(xmin, xmax);
  require_range(ymin, ymax);
  require_count(n, 2, kMaxGridSide);
  const Expr e = parse_function(text);
  const numeric::Tape tape = compile(e, two_variables(e));
  const std::vector<double> xs = linspace(xmin, xmax, n), ys = linspace(ymin, ymax, n);
  std::vector<double> points;
  points.reserve(2 * xs.size() * ys.size());
  for (double y : ys)
    for (double x : xs) {
      points.push_back(x);
      points.push_back(y);
    }
  std::vector<double> values(xs.size() * ys.size());
  tape.evaluate(points, values);
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

std::string evaluate_text(std::string_view text, std::string_view bindings_json) {
  const auto bindings = JsonReader(bindings_json).number_object();
  const Expr e = parse_function(text);
  std::vector<std::string> names;
  std::vector<double> values;
  for (const auto& [name, value] : bindings) {
    // Bindings are matched by the parser's spelling: "x1" and "x_1" are one variable.
    ParseResult r = parse(name, ParseContext::permissive());
    if (!r.ok() || !r.expr->is(Kind::Symbol))
      throw bad_arguments("'" + name + "' is not a variable name.", "“" + name + "” 不是变量名。");
    names.push_back(static_cast<const SymbolNode&>(**r.expr).name());
    values.push_back(value);
  }
  const numeric::Tape tape = compile(e, names);
  std::vector<double> out(tape.output_count());
  tape.evaluate(values, out);
  json::Writer w;
  w.begin_object();
  if (e.is(Kind::Vector)) {
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

}  // namespace

std::string limit_table_json(std::string_view expr_text, double at, std::string_view hs_json) {
  return json::guarded_json([&] { return limit_table(expr_text, at, hs_json); });
}

std::string tangent_json(std::string_view expr_text, double x0) {
  return json::guarded_json([&] { return tangent(expr_text, x0); });
}

std::string gradient_field_json(std::string_view expr_text, double xmin, double xmax, double ymin, double ymax,
                                int nx, int ny) {
  return json::guarded_json([&] { return gradient_field(expr_text, xmin, xmax, ymin, ymax, nx, ny); });
}

std::string sample_grid_json(std::string_view expr_text, double xmin, double xmax, double ymin, double ymax, int n) {
  return json::guarded_json([&] { return sample_grid(expr_text, xmin, xmax, ymin, ymax, n); });
}

std::string evaluate_json(std::string_view expr_text, std::string_view bindings_json) {
  return json::guarded_json([&] { return evaluate_text(expr_text, bindings_json); });
}

}  // namespace calc::api
