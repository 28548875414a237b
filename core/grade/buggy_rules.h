#pragma once
// Buggy rules: what a learner applying a wrong differentiation rule would get.
// The grader compares an answer with these and, on a match, names the rule.
#include <vector>

#include "expr/expr.h"
#include "grade/feedback.h"

namespace calc::grade {

struct BuggyAnswer {
  Expr answer;
  Feedback feedback;
};

// Derivatives a wrong rule would give for d f/d var (power rule on e^x, d(1/x)=1/x^2, missing inner derivative, (fg)'=f'g', ...). Deterministic order.
std::vector<BuggyAnswer> buggy_derivatives(const Expr& f, const Expr& var);
// Wrong gradients wrt a vector symbol (∇‖x‖ confused with ∇‖x‖² = 2x, ...).
std::vector<BuggyAnswer> buggy_vector_gradients(const Expr& f, const Expr& x);

}  // namespace calc::grade
