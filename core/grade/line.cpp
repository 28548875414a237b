#include "grade/line.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calculus/substitute.h"
#include "grade/compare.h"
#include "grade/diagnose.h"
#include "grade/numeric_tasks.h"
#include "numeric/evaluate.h"
#include "numeric/tape.h"

namespace calc::grade {

namespace {

// F(x, y) = 0 for the answer; y = E for an expression without y.
Expr implicit_form(const Expr& answer, const Expr& y, bool& explicit_y) {
  if (answer.is(Kind::Equation)) {
    const auto& eq = static_cast<const EquationNode&>(*answer);
    explicit_y = eq.lhs() == y;
    return sub(eq.lhs(), eq.rhs());
  }
  const auto names = free_symbols(answer);
  const bool has_y = std::find(names.begin(), names.end(), "y") != names.end();
  explicit_y = !has_y;
  return has_y ? answer : sub(y, answer);
}

// The non-vertical line F = 0 when F is affine in (x, y) at sampled points.
// F is compiled once for its 15 points (walking the tree with a map of names
// per point cost more than the rest of grading a line); what a tape cannot
// run (another symbol, an abstract function) is evaluated as a tree, which
// reports it as before.
std::optional<Line> as_line(const Expr& F, const std::string& x) {
  const std::string vars[] = {x, "y"};
  const numeric::TapeResult compiled =
      x == "y" ? numeric::TapeResult{} : numeric::Tape::compile(F, vars);
  const numeric::Tape* tape = compiled.ok() && compiled.tape->output_count() == 1 ? &*compiled.tape : nullptr;
  std::vector<double> registers;
  auto at = [&](double xv, double yv) {
    if (!tape) return evaluate(F, {{x, xv}, {"y", yv}});
    const double point[] = {xv, yv};
    double value = 0;
    tape->run<double>(point, std::span<double>(&value, 1), registers);
    return value;
  };
  const double x0 = 0.37, y0 = 0.59;  // a base point off the axes, where terms like 1/x stay defined
  const double a = at(x0, y0), b = at(x0 + 1, y0) - a, c = at(x0, y0 + 1) - a;
  if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c)) return std::nullopt;
  Rng rng(0x11e5);
  for (int i = 0; i < 12; ++i) {
    const double xv = rng.uniform(-20, 20), yv = rng.uniform(-20, 20);
    const double v = at(xv, yv), expect = a + b * (xv - x0) + c * (yv - y0);
    const double scale = std::fabs(a) + std::fabs(b * (xv - x0)) + std::fabs(c * (yv - y0));
    if (!std::isfinite(v) || std::fabs(v - expect) > 1e-9 * scale + 1e-12) return std::nullopt;
  }
  if (std::fabs(c) <= 1e-12 * (std::fabs(a) + std::fabs(b))) return std::nullopt;  // vertical, or no y at all
  return Line{-b / c, y0 - (a - b * x0) / c};
}


// A verdict with one feedback item. Out of line, and through push_back: a
// braced list would copy the item and assign the vector from a range.
[[gnu::noinline]] Result verdict(Verdict v, Feedback f, double score = 0) {
  Result r;
  r.verdict = v;
  r.score = score;
  r.feedback.push_back(std::move(f));
  return r;
}

Result incorrect(Feedback f) { return verdict(Verdict::Incorrect, std::move(f)); }

}  // namespace

Result grade_line(PreparedBox& b, const Expr& answer) {
  const Problem& p = b.problem();
  const Reference& ref = b.reference();
  if (answer->shape() != Shape::Scalar) return incorrect(fb::not_a_line());
  const Expr x = p.wrt()[0];
  const std::string xname = static_cast<const SymbolNode&>(*x).name();
  const Expr y = symbol("y");
  bool explicit_y = false;
  const Expr F = implicit_form(answer, y, explicit_y);
  // Slope and intercept come from differences of F, exact up to rounding, so
  // the box's tolerance gets a floor of 1e-9.
  const Tolerance tol{std::max(p.box->tolerance.rel, 1e-9), std::max(p.box->tolerance.abs, 1e-9)};
  auto near = [&](double u, double v) { return close(u, v, tol); };
  // The tangent line itself is right first: it is right even where it also
  // agrees with f′ or f (f itself a line), and the columns of f′ and f below
  // only serve to name a mistake.
  const auto line = as_line(F, xname);
  if (line && near(line->slope, ref.slope) && near(line->intercept, ref.intercept))
    return verdict(Verdict::Correct, fb::correct(), 1);
  // The derivative or the function itself where the tangent was asked: a
  // bare expression (or y = …) that agrees with f′ or f at sampled points.
  if (explicit_y) {
    Expr rhs = answer.is(Kind::Equation) ? static_cast<const EquationNode&>(*answer).rhs() : answer;
    if (const Sampled* d = b.sampled_derivative())
      if (same(d->evaluate(rhs), d->table.reference, d->tol)) return incorrect(fb::derivative_for_tangent());
    const Sampled& f = b.sampled_function();
    if (same(f.evaluate(rhs), f.table.reference, f.tol)) return incorrect(fb::function_for_tangent());
  }
  if (!line) return incorrect(fb::not_a_line());
  const WrongLines& wrong = b.wrong_lines();
  CandidateColumns& declared = b.declared_mistakes();
  for (std::size_t i = 0; i < declared.size(); ++i) {
    const auto& m = wrong.declared[i];
    if (m && near(m->slope, line->slope) && near(m->intercept, line->intercept)) return incorrect(declared[i].feedback);
  }
  // The tangent at another (small integer) point of the same function.
  for (const auto& [q, t] : wrong.other_points)
    if (near(line->slope, t.slope) && near(line->intercept, t.intercept))
      return incorrect(fb::value_at_wrong_point("$" + xname + " = " + std::to_string(q) + "$"));
  const double y_contact = ref.slope * wrong.x0 + ref.intercept;
  if (near(line->slope, ref.slope)) return incorrect(fb::tangent_wrong_point());
  if (near(line->slope * wrong.x0 + line->intercept, y_contact)) return incorrect(fb::tangent_wrong_slope());
  return incorrect(fb::mismatch());
}

WrongLines wrong_lines(PreparedBox& b) {
  const Problem& p = b.problem();
  const std::string xname = static_cast<const SymbolNode&>(*p.wrt()[0]).name();
  const Expr y = symbol("y");
  WrongLines out;
  CandidateColumns& declared = b.declared_mistakes();
  for (std::size_t i = 0; i < declared.size(); ++i) {
    bool explicit_y = false;
    out.declared.push_back(as_line(implicit_form(declared[i].expr, y, explicit_y), xname));
  }
  out.x0 = value_of(p.at);
  const Expr f = p.of();
  const Expr& df = b.derivative();
  for (int q = -3; q <= 3 && df; ++q) {
    if (q == out.x0) continue;
    const double m = value_at(df, xname, q), fq = value_at(f, xname, q);
    if (std::isfinite(m) && std::isfinite(fq)) out.other_points.push_back({q, Line{m, fq - m * q}});
  }
  return out;
}

}  // namespace calc::grade
