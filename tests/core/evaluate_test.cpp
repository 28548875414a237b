// Tree-walk evaluator: values of canonical expressions, NaN on domain
// problems, and memoization on shared subexpressions (DAGs).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "expr/expr.h"
#include "expr/functions.h"
#include "numeric/evaluate.h"

namespace calc {
namespace {

TEST(Evaluate, PolynomialAndRational) {
  Expr x = symbol("x");
  Expr f = sub(mul(integer(3), pow(x, integer(2))), mul(integer(4), x));  // 3x^2 - 4x
  EXPECT_DOUBLE_EQ(evaluate(f, {{"x", 1.0}}), -1.0);
  EXPECT_DOUBLE_EQ(evaluate(f, {{"x", 2.5}}), 3 * 6.25 - 10);
  Expr g = sub(pow(x, integer(3)), div(integer(1), x));  // x^3 - 1/x
  EXPECT_DOUBLE_EQ(evaluate(g, {{"x", 2.0}}), 8.0 - 0.5);
}

TEST(Evaluate, FunctionsConstantsAndIndexedSymbols) {
  Expr x1 = symbol("x_1"), x2 = symbol("x_2");
  Expr f = add(mul(integer(3), pow(x1, integer(2))), mul(integer(5), pow(constant(ConstantId::E), x2)));
  EXPECT_NEAR(evaluate(f, {{"x_1", 2.0}, {"x_2", 0.5}}), 12.0 + 5 * std::exp(0.5), 1e-12);
  Expr s = apply(*find_function("sin"), mul(constant(ConstantId::Pi), symbol("t")));
  EXPECT_NEAR(evaluate(s, {{"t", 0.5}}), 1.0, 1e-15);
}

TEST(Evaluate, DomainErrorsAndUnboundSymbolsAreNaN) {
  Expr x = symbol("x");
  EXPECT_TRUE(std::isnan(evaluate(apply(*find_function("ln"), x), {{"x", -1.0}})));
  EXPECT_TRUE(std::isnan(evaluate(div(integer(1), x), {{"x", 0.0}})));
  EXPECT_TRUE(std::isnan(evaluate(pow(x, rational(1, 2)), {{"x", -4.0}})));
  EXPECT_TRUE(std::isnan(evaluate(x, {{"y", 1.0}})));
  EXPECT_TRUE(std::isnan(evaluate(vector({x, x}), {{"x", 1.0}})));
  EXPECT_TRUE(std::isnan(evaluate(symbol("v", Shape::Vector), {{"v", 1.0}})));
}

TEST(Evaluate, NormAndVectors) {
  Expr a = symbol("a"), b = symbol("b");
  Expr v = vector({a, b});
  EXPECT_DOUBLE_EQ(evaluate(norm(v), {{"a", 3.0}, {"b", 4.0}}), 5.0);
  std::vector<double> vals = evaluate_vector(vector({add(a, b), mul(a, b)}), {{"a", 3.0}, {"b", 4.0}});
  ASSERT_EQ(vals.size(), 2u);
  EXPECT_DOUBLE_EQ(vals[0], 7.0);
  EXPECT_DOUBLE_EQ(vals[1], 12.0);
  EXPECT_EQ(evaluate_vector(a, {{"a", 2.0}}), std::vector<double>{2.0});
}

// e_{k+1} = e_k^2 + x, 30 levels: the tree view has ~2^30 nodes, the DAG 60.
// Without memoization this would not finish.
TEST(Evaluate, DeepDagIsEvaluatedOncePerNode) {
  Expr x = symbol("x");
  Expr e = x;
  double expected = 0.1;
  for (int k = 0; k < 30; ++k) {
    e = add(mul(e, e), x);
    expected = expected * expected + 0.1;
  }
  EXPECT_NEAR(evaluate(e, {{"x", 0.1}}), expected, 1e-12);
}

}  // namespace
}  // namespace calc
