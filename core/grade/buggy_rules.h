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

// What d f/d var becomes when one wrong rule replaces a right one everywhere
// it applies (everything else done right): the power rule on a^g (e^x ->
// x e^(x-1)), d x^-n = +n x^(-n-1) (d(1/x) = 1/x^2), the chain rule without
// the inner derivative, (fg)' = f'g', the quotient rule with + or over g,
// x^x by the power rule or the exponential rule alone, and the paths of an
// abstract chain rule multiplied. Only answers that differ from the right
// derivative are returned, each once (when two rules agree, the more
// specific one names it). Deterministic order.
std::vector<BuggyAnswer> buggy_derivatives(const Expr& f, const Expr& var);
// For f = F(‖x‖) with x a vector symbol: F'(‖x‖) times 2x, x or x/‖x‖² in
// place of x/‖x‖ (∇‖x‖ confused with ∇‖x‖² = 2x). Empty for other f.
std::vector<BuggyAnswer> buggy_vector_gradients(const Expr& f, const Expr& x);

}  // namespace calc::grade
