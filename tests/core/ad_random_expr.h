#pragma once
// Seeded random scalar expressions for property tests (AD against finite
// differences, AD against the symbolic gradient). Built through the
// canonical constructors, over the given variables, with functions whose
// domains contain the positive reals used as test points most of the time.
#include <random>
#include <span>
#include <string>

#include "expr/expr.h"
#include "expr/functions.h"

namespace calc::testing_support {

inline Expr random_expr(std::mt19937& rng, int depth, std::span<const std::string> vars) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  if (depth <= 0 || pick(5) == 0) {
    if (pick(4) == 0) return integer(pick(7) + 1);
    return symbol(vars[static_cast<std::size_t>(pick(static_cast<int>(vars.size())))]);
  }
  static const char* const kFunctions[] = {"sin", "cos", "exp", "ln", "sqrt", "atan", "tanh", "sinh"};
  switch (pick(6)) {
    case 0:
      return add(random_expr(rng, depth - 1, vars), random_expr(rng, depth - 1, vars));
    case 1:
      return sub(random_expr(rng, depth - 1, vars), random_expr(rng, depth - 1, vars));
    case 2:
      return mul(random_expr(rng, depth - 1, vars), random_expr(rng, depth - 1, vars));
    case 3:  // a denominator that stays away from zero at positive points
      return div(random_expr(rng, depth - 1, vars), add(integer(1), pow(random_expr(rng, depth - 1, vars), integer(2))));
    case 4: {
      const int exponents[] = {-2, -1, 2, 3};
      return pow(random_expr(rng, depth - 1, vars), integer(exponents[pick(4)]));
    }
    default: {
      const FunctionRecord* fn = find_function(kFunctions[pick(8)]);
      Expr arg = random_expr(rng, depth - 1, vars);
      // ln and sqrt of 1 + u² keep the argument positive.
      if (fn->name == "ln" || fn->name == "sqrt") arg = add(integer(1), pow(arg, integer(2)));
      return apply(*fn, arg);
    }
  }
}

}  // namespace calc::testing_support
