#pragma once
// Internal to simplify(): a sum of fractions over one common denominator,
// with the numerator multiplied out, e.g. 3/(x+2) - (3x-1)/(x+2)^2 -> 7/(x+2)^2.
#include "expr/expr.h"

namespace calc::detail {

// The sum written as N · Π D_j^(-K_j), where the D_j^(-k) (k a positive
// integer) are the denominators among its terms and N is expanded. Null
// when the sum has no denominators, is large (over 40 nodes), would expand
// past a small bound, or would not get strictly smaller. Where it is
// defined is unchanged: each D_j is a denominator of the sum already.
Expr together(const Expr& sum);

}  // namespace calc::detail
