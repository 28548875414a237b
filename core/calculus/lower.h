#pragma once
// Lowering shaped and abstract expressions to plain scalar ones, so that the
// evaluator and the grader's sampler can compare them at numeric points.
#include <span>
#include <string>
#include <vector>

#include "expr/expr.h"

namespace calc {

// A concrete body for a declared abstract function, e.g. f(x, y, z) := x*y + sin(z).
struct FunctionInstance {
  std::string name;
  std::vector<std::string> params;
  Expr body;  // over symbols named like params
};

// Replaces each FunctionNode f(args) (with derivative orders) by the matching
// instance's body, differentiated per `orders` and with params substituted by
// args. Functions without an instance are left as they are.
Expr instantiate_functions(const Expr& e, std::span<const FunctionInstance> instances);

// Replaces the Vector-shaped symbol `v` by [v_1, ..., v_n] and evaluates the
// shaped operations over it: norm -> (sum of squares)^(1/2), transpose, dot and
// matrix products of explicit vectors/matrices, elementwise sums and scalar
// products. Matrix-shaped symbols named in `matrices` become n x n matrices of
// indexed symbols A_11 ... (spelled indexed(base, 10*i + j) for n <= 9, with
// i*100 + j for n >= 10); Vector-shaped ones there (a in aᵀx) become
// [a_1, ..., a_n] like v. The result is a scalar, a Vector of scalars, a row
// as transpose([..]), or a matrix as a Vector of row Vectors. A shape error
// (expr/shape_check.h) when shapes do not agree or a shaped symbol is not
// expanded.
// Bind the components by name for evaluate(): "x_1", "A_12".
Expr expand_vector(const Expr& e, const Expr& v, int n, std::span<const Expr> matrices = {});

}  // namespace calc
