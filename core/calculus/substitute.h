#pragma once
// Replacing subexpressions and listing variables.
#include <string>
#include <unordered_map>
#include <vector>

#include "expr/expr.h"

namespace calc {

using Substitution = std::unordered_map<Expr, Expr, ExprHash>;
// Replaces every occurrence of a key by its value, rebuilding through the
// canonical constructors; memoized per call (DAG-aware).
Expr substitute(const Expr& e, const Substitution& s);
// Sorted unique names of scalar and shaped symbols ("x_1" style).
std::vector<std::string> free_symbols(const Expr& e);

}  // namespace calc
