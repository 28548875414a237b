#pragma once
// Replacing subexpressions and listing variables.
#include <string>
#include <vector>

#include "expr/expr.h"
#include "util/hash_index.h"

namespace calc {

using Substitution = HashMap<Expr, Expr, ExprHash>;
// Replaces every occurrence of a key by its value, rebuilding through the
// canonical constructors; memoized per call (DAG-aware).
Expr substitute(const Expr& e, const Substitution& s);
// Sorted unique names of scalar and shaped symbols ("x_1" style).
std::vector<std::string> free_symbols(const Expr& e);

}  // namespace calc
