#pragma once
// Internal to simplify(): what restricts where a scalar expression is
// defined, so that a rewrite which could cancel a restriction (sin²(ln x) +
// cos²(ln x) -> 1 is defined for x <= 0, the left side is not) is checked.
#include "expr/expr.h"

namespace calc::detail {

// True when every restriction of `before` is still imposed by `after`:
// ln, asin, acos and tan of the same argument, a base raised to a negative
// power (must be nonzero), a base raised to a non-integer power (must be
// >= 0 or is a root). A sound, conservative test: false may reject a
// rewrite that was fine, true never accepts one that widens the domain
// through a cancelled restriction.
bool keeps_restrictions(const Expr& before, const Expr& after);

}  // namespace calc::detail
