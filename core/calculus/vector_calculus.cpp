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

Expr jacobian(std::span<const Expr> fs, std::span<const Expr> vars) {
  std::vector<Expr> rows;
  for (const Expr& f : fs) rows.push_back(gradient(f, vars));
  return vector(std::move(rows));
}

// Second partials are computed for j >= i only and mirrored, so the result is
// symmetric by construction (the same node above and below the diagonal).
Expr hessian(const Expr& f, std::span<const Expr> vars) {
  const std::size_t n = vars.size();
  std::vector<std::vector<Expr>> h(n, std::vector<Expr>(n));
  for (std::size_t i = 0; i < n; ++i) {
    Expr fi = diff(f, vars[i]);
    for (std::size_t j = i; j < n; ++j) h[i][j] = h[j][i] = diff(fi, vars[j]);
  }
  std::vector<Expr> rows;
  for (auto& row : h) rows.push_back(vector(std::move(row)));
  return vector(std::move(rows));
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
