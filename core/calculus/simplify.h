#pragma once
// Simplification beyond what canonical construction already does: the
// rewrites a learner expects to see in a printed derivative (x*x^-1 -> 1,
// numeric folding inside functions, exp(ln x) -> x on the declared domain is
// NOT done: simplify never changes where an expression is defined).
#include "expr/expr.h"

namespace calc {

// Returns an expression equal to e wherever e is defined, never larger than e
// (counted in nodes). Memoized per call; idempotent: simplify(simplify(e)) == simplify(e).
Expr simplify(const Expr& e);

}  // namespace calc
