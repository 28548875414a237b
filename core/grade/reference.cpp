#include "grade/reference.h"

#include <cmath>

#include "calculus/derivative.h"
#include "calculus/lower.h"
#include "calculus/simplify.h"
#include "calculus/substitute.h"
#include "calculus/vector_calculus.h"
#include "expr/shape_check.h"
#include "grade/numeric_tasks.h"

namespace calc::grade {

namespace {

using exercise::Task;

Expr at_point(const Expr& e, const Expr& var, const Expr& x0) { return simplify(substitute(e, {{var, x0}})); }

void set_number(Reference& r, const Expr& e) {
  r.expr = e;
  r.value = value_of(e);
  if (!std::isfinite(r.value)) r.error = "the reference value is undefined";
}

// (f(p + h) - f(p)) / h over the book's h column must approach f'(p): the
// last entries have to close in on it.
bool table_approaches(const Expr& f, const Expr& var, double p, double limit) {
  const std::string name = static_cast<const SymbolNode&>(*var).name();
  const double fp = value_at(f, name, p);
  double previous = INFINITY;
  for (double h : {1e-1, 1e-2, 1e-3, 1e-4, 1e-5}) {
    const double q = (value_at(f, name, p + h) - fp) / h;
    const double gap = std::fabs(q - limit);
    if (!std::isfinite(q) || gap > previous * 1.01 + 1e-9) return false;
    previous = gap;
  }
  return previous <= 1e-3 * (1 + std::fabs(limit));
}

void compute(const Problem& p, Reference& r) {
  const exercise::Box& box = *p.box;
  const Expr f = p.of();
  if (!f) {
    r.error = "'of' names no definition";
    return;
  }
  const std::vector<Expr> vars = p.wrt();
  const Expr x = vars.empty() ? Expr() : vars[0];
  switch (box.task) {
    case Task::Derivative:
      r.expr = simplify(diff(f, x));
      return;
    case Task::DerivativeAt:
    case Task::DifferenceQuotientLimit: {
      set_number(r, at_point(diff(f, x), x, p.at));
      if (r.ok() && box.task == Task::DifferenceQuotientLimit && !table_approaches(f, x, value_of(p.at), r.value))
        r.error = "the h-table does not approach f'(at)";
      return;
    }
    case Task::TangentLine: {
      r.slope = value_of(at_point(diff(f, x), x, p.at));
      const double x0 = value_of(p.at);
      r.intercept = value_of(at_point(f, x, p.at)) - r.slope * x0;
      if (!std::isfinite(r.slope) || !std::isfinite(r.intercept)) {
        r.error = "f or f' is undefined at the point";
        return;
      }
      const Expr line = tangent_line(f, x, p.at);
      const auto& eq = static_cast<const EquationNode&>(*line);
      r.expr = equation(eq.lhs(), simplify(eq.rhs()));
      return;
    }
    case Task::Gradient: {
      std::vector<Expr> parts;
      for (const Expr& v : vars) parts.push_back(simplify(diff(f, v)));
      r.expr = vector(std::move(parts));
      return;
    }
    case Task::VectorGradient:
      r.expr = simplify(gradient_wrt_vector(f, x));
      return;
    case Task::DifferentiableAt: {
      const double at = p.at ? value_of(p.at) : 0.0;
      const Expr vec = p.vector_variable();
      if (vec) {  // at the origin (or at·(1, …, 1)) of ℝ², which decides for every n ≥ 1 by symmetry of the norm forms
        const std::string& base = static_cast<const SymbolNode&>(*vec).base();
        const Expr lowered = expand_vector(f, vec, 2);
        r.claim = differentiability(lowered, {base + "_1", base + "_2"}, {at, at});
      } else {
        const std::string name = x ? static_cast<const SymbolNode&>(*x).name() : p.exercise->variables[0].name;
        r.claim = differentiability(f, {name}, {at});
      }
      return;
    }
    case Task::StationaryPoint:
    case Task::StationaryKind: {
      const Expr d = diff(f, x);
      auto root = unique_root(d, x, *box.search, r.error);
      if (!root) return;
      if (box.task == Task::StationaryPoint)
        set_number(r, *root);
      else
        r.claim = stationary_kind(d, x, value_of(*root));
      return;
    }
    case Task::InverseDerivativeAt: {
      auto x0 = solve_monotone(f, x, p.at, *box.search, r.error);
      if (!x0) return;
      set_number(r, simplify(div(integer(1), substitute(diff(f, x), {{x, *x0}}))));
      return;
    }
  }
}

}  // namespace

Expr box_derivative(const Problem& p) {
  const Expr f = p.of();
  const auto vars = p.wrt();
  if (!f || vars.empty()) return Expr();
  return unless_shape_error([&] { return simplify(diff(f, vars[0])); });
}

Reference compute_reference(const Problem& p) {
  Reference r;
  if (p.error) {
    r.error = *p.error;
    return r;
  }
  ShapeCheck check;
  compute(p, r);
  if (check.failed()) {
    r = Reference();
    r.error = "the reference cannot be computed: " + check.message();
  }
  if (r.ok() && !r.expr && r.claim.empty()) r.error = "the task produced no reference";
  return r;
}

}  // namespace calc::grade
