#pragma once
// Numeric evaluation of an expression by a tree walk, memoized per call so a
// shared subexpression (DAG) is evaluated once. Domain problems, unbound
// symbols and non-scalar results give NaN; nothing throws.
#include <string>
#include <vector>

#include "expr/expr.h"
#include "util/hash_index.h"

namespace calc {

using Bindings = HashMap<std::string, double>;  // symbol name ("x", "x_1") -> value

double evaluate(const Expr& e, const Bindings& b);
// Vector of scalars -> one value per element; a scalar -> 1 value.
std::vector<double> evaluate_vector(const Expr& e, const Bindings& b);

}  // namespace calc
