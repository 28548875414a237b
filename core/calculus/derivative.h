#pragma once
// Symbolic differentiation over the canonical expression DAG.
#include "expr/expr.h"

namespace calc {

// d e / d var; var is a scalar Symbol. Memoized per call by node, so shared
// subexpressions are differentiated once. Throws ShapeError for shapes the
// rules do not cover (the caller's API layer turns that into an error value).
Expr diff(const Expr& e, const Expr& var);
// Replaces every DerivativeNode by its evaluated derivative.
Expr resolve_derivatives(const Expr& e);

}  // namespace calc
