#pragma once
// Gradient and tangent line/plane over explicit scalar variables.
#include <span>

#include "expr/expr.h"

namespace calc {

Expr gradient(const Expr& f, std::span<const Expr> vars);      // Vector of partials
Expr tangent_line(const Expr& f, const Expr& x, const Expr& x0);  // y = f(x0) + f'(x0)(x - x0)
Expr tangent_plane(const Expr& f, const Expr& x, const Expr& y, const Expr& x0, const Expr& y0);  // z = ...

}  // namespace calc
