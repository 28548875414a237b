#include "calculus/vector_calculus.h"

#include <vector>

#include "calculus/derivative.h"
#include "calculus/substitute.h"

namespace calc {

Expr gradient(const Expr& f, std::span<const Expr> vars) {
  std::vector<Expr> partials;
  for (const Expr& v : vars) partials.push_back(diff(f, v));
  return vector(std::move(partials));
}

Expr tangent_line(const Expr& f, const Expr& x, const Expr& x0) {
  Substitution at{{x, x0}};
  Expr slope = substitute(diff(f, x), at);
  return equation(symbol("y"), add(substitute(f, at), mul(slope, sub(x, x0))));
}

Expr tangent_plane(const Expr& f, const Expr& x, const Expr& y, const Expr& x0, const Expr& y0) {
  Substitution at{{x, x0}, {y, y0}};
  Expr fx = substitute(diff(f, x), at), fy = substitute(diff(f, y), at);
  return equation(symbol("z"), add(add(substitute(f, at), mul(fx, sub(x, x0))), mul(fy, sub(y, y0))));
}

}  // namespace calc
