#pragma once
// Gradient and tangent line/plane over explicit scalar variables.
#include <span>

#include "expr/expr.h"

namespace calc {

Expr gradient(const Expr& f, std::span<const Expr> vars);      // Vector of partials
// Gradient with respect to a vector symbol x of unspecified dimension, in
// vector notation: grad ||x||_2 = x/||x||_2, grad x^T A x = (A + A^T) x,
// grad (a^T x) = a, grad ||x||^2 = 2x; through sums, products, powers,
// functions and norms of affine forms (||Ax - a||). A gradient that is zero
// is the number 0. A shape error (expr/shape_check.h) for forms the vector
// rules do not cover (a matrix that depends on x, a non-scalar f, a scalar x).
Expr gradient_wrt_vector(const Expr& f, const Expr& x);
// Matrices are Vector nodes of row Vectors (shape Matrix).
Expr jacobian(std::span<const Expr> fs, std::span<const Expr> vars);  // rows: gradients of fs
Expr hessian(const Expr& f, std::span<const Expr> vars);             // symmetric matrix of 2nd partials
Expr tangent_line(const Expr& f, const Expr& x, const Expr& x0);  // y = f(x0) + f'(x0)(x - x0)
Expr tangent_plane(const Expr& f, const Expr& x, const Expr& y, const Expr& x0, const Expr& y0);  // z = ...

}  // namespace calc
