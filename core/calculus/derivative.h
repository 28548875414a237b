#pragma once
// Symbolic differentiation over the canonical expression DAG.
#include "expr/expr.h"

namespace calc {

// d e / d var; var is a scalar Symbol. Memoized per call by node, so shared
// subexpressions are differentiated once. A shape error (expr/shape_check.h)
// for shapes the rules do not cover.
Expr diff(const Expr& e, const Expr& var);
// Replaces every DerivativeNode by its evaluated derivative.
Expr resolve_derivatives(const Expr& e);

}  // namespace calc
