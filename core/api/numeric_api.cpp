#include "api/numeric_api.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <set>
#include <vector>

#include "ad/forward_tape.h"
#include "ad/reverse.h"
#include "api/json.h"
#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/vector_calculus.h"
#include "numeric/evaluate.h"
#include "numeric/finite_difference.h"
#include "numeric/tape.h"
#include "parse/parser.h"
#include "print/print.h"

namespace calc::api {

namespace {

// Caps that keep one call cheap on the page.
constexpr int kMaxPlotSamples = 20000;
constexpr int kMaxGridSide = 400;
constexpr int kMaxFieldPoints = 10000;
constexpr std::size_t kMaxSteps = 64;

using json::ApiError;

ApiError bad_arguments(std::string en, std::string zh) { return {"bad-arguments", std::move(en), std::move(zh), {}, {}}; }

// Parses learner text; an equation y = rhs (a lone symbol on the left) means rhs.
Expr parse_function(std::string_view text) {
  ParseResult r = parse(text, ParseContext::permissive());
  if (!r.ok()) {
    const ParseError& e = *r.error;
    throw ApiError{e.code, e.message, e.message_zh, e.position, e.length};
  }
  Expr e = *r.expr;
  if (e.is(Kind::Equation)) {
    const auto& q = static_cast<const EquationNode&>(*e);
    if (q.lhs().is(Kind::Symbol)) e = q.rhs();
  }
  return e;
}

// The names of the symbols in e, sorted ("x", "x_1", "y"). The DAG is walked
// without recursion, each shared node once.
std::vector<std::string> symbol_names(const Expr& root) {
  std::set<std::string> names;
  std::set<const Node*> seen;
  std::vector<Expr> stack{root};
  while (!stack.empty()) {
    Expr e = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(e.get()).second) continue;
    if (e.is(Kind::Symbol)) names.insert(static_cast<const SymbolNode&>(*e).name());
    for_each_child(e, [&](const Expr& c) { stack.push_back(c); });
  }
  return {names.begin(), names.end()};
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The variable of a function of one variable: its only free symbol, or x.
std::string single_variable(const Expr& e) {
  std::vector<std::string> vars = symbol_names(e);
  if (vars.size() > 1)
    throw ApiError{"too-many-variables", "Expected a function of one variable, found " + join(vars) + ".",
                  "应为单变量函数，但出现了 " + join(vars) + "。", {}, {}};
  return vars.empty() ? "x" : vars[0];
}

// The two axes of a function of two variables: its free symbols, completed
// with the usual partner (x with y, x_1 with x_2) when only one appears.
std::vector<std::string> two_variables(const Expr& e) {
  std::vector<std::string> vars = symbol_names(e);
  if (vars.size() > 2)
    throw ApiError{"too-many-variables", "Expected a function of two variables, found " + join(vars) + ".",
                  "应为二元函数，但出现了 " + join(vars) + "。", {}, {}};
  if (vars.size() == 2) return vars;
  if (vars.empty()) return {"x", "y"};
  const std::string& v = vars[0];
  if (v == "x_1" || v == "x_2") return {"x_1", "x_2"};
  if (v == "y") return {"x", "y"};
  return {v, "y"};
}

numeric::Tape compile(const Expr& e, const std::vector<std::string>& vars) {
  numeric::TapeResult r = numeric::Tape::compile(e, vars);
  if (!r.ok()) {
    const bool unbound = r.error->code == "unbound-variable";
    throw ApiError{r.error->code, r.error->message + ".",
                  unbound ? "表达式中有未赋值的变量。" : "该表达式无法数值求值。", {}, {}};
  }
  return std::move(*r.tape);
}

void require_range(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
    throw bad_arguments("The range must be finite with min < max.", "范围必须有限且最小值小于最大值。");
}

void require_count(int n, int lo, int hi) {
  if (n < lo || n > hi)
    throw bad_arguments("The number of samples must be between " + std::to_string(lo) + " and " +
                            std::to_string(hi) + ".",
                        "采样数必须在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间。");
}

std::vector<double> linspace(double lo, double hi, int n) {
  std::vector<double> xs(static_cast<std::size_t>(n));
  if (n == 1) {
    xs[0] = lo;
    return xs;
  }
  for (int i = 0; i < n; ++i) xs[static_cast<std::size_t>(i)] = lo + (hi - lo) * i / (n - 1);
  xs.back() = hi;
  return xs;
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
    const std::string text(s_.substr(start, i_ - start));
    if (text.empty()) fail();
    char* stop = nullptr;
    const double v = std::strtod(text.c_str(), &stop);
    if (stop != text.c_str() + text.size()) fail();
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

// ---- Plot sampling ----

// Whether f jumps on [a, b] rather than varying continuously: bisect toward
// the half with the larger change. A continuous f's change shrinks with the
// interval; at a pole or a step it does not (or a non-finite value turns up).
template <class F>
bool discontinuous(F&& f, double a, double b, double fa, double fb, double tolerance) {
  double jump = std::abs(fb - fa);
  for (int k = 0; k < 60; ++k) {
    const double m = 0.5 * (a + b);
    if (!(m > a && m < b)) break;  // the interval cannot shrink any further
    const double fm = f(m);
    if (!std::isfinite(fm)) return true;
    const double left = std::abs(fm - fa), right = std::abs(fb - fm);
    if (left >= right) {
      b = m;
      fb = fm;
    } else {
      a = m;
      fa = fm;
    }
    jump = std::max(left, right);
    if (jump <= tolerance) return false;
  }
  return jump > tolerance;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

PlotSamples plot_samples(std::string_view text, double xmin, double xmax, int n) {
  require_range(xmin, xmax);
  require_count(n, 2, kMaxPlotSamples);
  const Expr e = parse_function(text);
  const numeric::Tape tape = compile(e, {single_variable(e)});
  const std::vector<double> xs = linspace(xmin, xmax, n);
  std::vector<double> ys(xs.size()), mids(xs.size() - 1), fmids(xs.size() - 1);
  // The tape counts non-finite values as it goes; a curve with none (most
  // curves) skips every finiteness test below.
  const bool gaps = tape.evaluate(xs, ys) > 0;
  for (std::size_t i = 0; i + 1 < xs.size(); ++i) mids[i] = 0.5 * (xs[i] + xs[i + 1]);
  const bool mid_gaps = tape.evaluate(mids, fmids) > 0;
  auto defined = [&](std::size_t i) { return !gaps || std::isfinite(ys[i]); };

  // Typical change between samples, to tell a jump from a steep stretch.
  std::vector<double> steps;
  steps.reserve(xs.size() - 1);
  for (std::size_t i = 0; i + 1 < xs.size(); ++i)
    if (defined(i) && defined(i + 1)) steps.push_back(std::abs(ys[i + 1] - ys[i]));
  double typical = median(std::move(steps));
  if (typical == 0) {
    std::vector<double> magnitudes;
    for (std::size_t i = 0; i < xs.size(); ++i)
      if (defined(i)) magnitudes.push_back(std::abs(ys[i]));
    typical = median(std::move(magnitudes)) / n;
  }
  if (typical == 0) typical = 1e-300;

  std::vector<double> registers;
  auto f = [&](double x) {
    double y;
    tape.run(std::span<const double>(&x, 1), std::span<double>(&y, 1), registers);
    return y;
  };
  auto breaks_after = [&](std::size_t i) {  // between sample i and i + 1
    const double fa = ys[i], fb = ys[i + 1], fm = fmids[i];
    if (mid_gaps && !std::isfinite(fm)) return true;
    const double jump = std::abs(fb - fa);
    const double slack = 1e-9 * (std::abs(fa) + std::abs(fb));
    const bool monotone_here = fm >= std::min(fa, fb) - slack && fm <= std::max(fa, fb) + slack;
    if (monotone_here && jump <= 10 * typical) return false;
    return discontinuous(f, xs[i], xs[i + 1], fa, fb, 1e-6 * std::max(jump, typical));
  };

  // Segments are runs of defined samples, cut where f breaks; each run is
  // copied whole. A run of one sample between two breaks sits on a pole
  // (1/(x-0.3) at x = 0.3 + 1 ulp is 1.8e16): it cannot be drawn as a line,
  // so it is dropped.
  PlotSamples out;
  out.x.reserve(xs.size());
  out.y.reserve(xs.size());
  std::size_t run = 0;  // the first sample of the current run
  auto end_run = [&](std::size_t end) {  // the run is samples [run, end)
    if (end - run >= 2) {
      out.x.insert(out.x.end(), xs.begin() + static_cast<std::ptrdiff_t>(run), xs.begin() + static_cast<std::ptrdiff_t>(end));
      out.y.insert(out.y.end(), ys.begin() + static_cast<std::ptrdiff_t>(run), ys.begin() + static_cast<std::ptrdiff_t>(end));
      out.segment_ends.push_back(static_cast<std::uint32_t>(out.x.size()));
    }
    run = end;
  };
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!defined(i)) {
      end_run(i);
      run = i + 1;
    } else if (i + 1 < xs.size() && defined(i + 1) && breaks_after(i)) {
      end_run(i + 1);
    }
  }
  end_run(xs.size());
  return out;
}

std::string plot_json(const PlotSamples& samples) {
  json::Writer w;
  w.begin_object();
  w.key("segments");
  w.begin_array();
  std::size_t start = 0;
  for (const std::uint32_t end : samples.segment_ends) {
    w.begin_object();
    w.key("x");
    w.begin_array();
    for (std::size_t i = start; i < end; ++i) w.value(samples.x[i]);
    w.end_array();
    w.key("y");
    w.begin_array();
    for (std::size_t i = start; i < end; ++i) w.value(samples.y[i]);
    w.end_array();
    w.end_object();
    start = end;
  }
  w.end_array();
  w.end_object();
  return w.take();
}

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
  const std::function<double(double)> f64 = [&](double x) {
    double y;
    tape.run(std::span<const double>(&x, 1), std::span<double>(&y, 1), reg64);
    return y;
  };
  const std::function<float(float)> f32 = [&](float x) {
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
    w.key("h");
    w.value(hs[i]);
    w.key("forward64");
    w.value(rows64[i].forward);
    w.key("central64");
    w.value(rows64[i].central);
    w.key("forward32");
    w.value(static_cast<double>(rows32[i].forward));
    w.key("central32");
    w.value(static_cast<double>(rows32[i].central));
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
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", x0);
  if (std::strtod(buf, nullptr) == x0)
    if (std::optional<Number> n = Number::from_literal(buf)) return number(*n);
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
  w.key("x0");
  w.value(x0);
  w.key("y0");
  w.value(y0);
  w.key("slope");
  w.value(slope);
  w.key("intercept");
  w.value(y0 - slope * x0);
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
      w.key("x");
      w.value(x);
      w.key("y");
      w.value(y);
      w.key("f");
      w.value(f);
      w.key("gx");
      w.value(g[0]);
      w.key("gy");
      w.value(g[1]);
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

std::string sample_plot_json(std::string_view expr_text, double xmin, double xmax, int n) {
  return json::guarded_json([&] { return plot_json(plot_samples(expr_text, xmin, xmax, n)); });
}

SampledPlot sample_plot(std::string_view expr_text, double xmin, double xmax, int n) {
  SampledPlot result;
  // guarded_json gives "" when the body returns normally, else the error object.
  result.error_json = json::guarded_json([&] {
    result.samples = plot_samples(expr_text, xmin, xmax, n);
    return std::string();
  });
  return result;
}

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
