// Symbolic derivatives: every function record's rule against a central
// difference (through the chain rule), canonical results, general powers,
// abstract functions, and memoization on a deep DAG.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "calculus/derivative.h"
#include "expr/functions.h"
#include "numeric/evaluate.h"

namespace calc {
namespace {

double central_difference(const Expr& f, double x0) {
  const double h = 1e-6;
  return (evaluate(f, {{"x", x0 + h}}) - evaluate(f, {{"x", x0 - h}})) / (2 * h);
}

// Inner function u = x/3 + 0.2 keeps every point inside all domains (asin, acos, ln).
TEST(Diff, EveryFunctionRecordMatchesCentralDifferenceThroughChainRule) {
  Expr x = symbol("x");
  Expr inner = add(div(x, integer(3)), rational(1, 5));
  for (const FunctionRecord& fn : builtin_functions()) {
    Expr f = apply(fn, inner);
    Expr df = diff(f, x);
    for (double x0 : {0.3, 0.9, 1.7}) {
      double numeric = central_difference(f, x0);
      EXPECT_NEAR(evaluate(df, {{"x", x0}}), numeric, 1e-6 * (1 + std::abs(numeric)))
          << std::string(fn.name) << " at " << x0;
    }
  }
}

TEST(Diff, PolynomialsGiveCanonicalResults) {
  Expr x = symbol("x");
  Expr f = sub(mul(integer(3), pow(x, integer(2))), mul(integer(4), x));
  EXPECT_EQ(diff(f, x), sub(mul(integer(6), x), integer(4)));
  Expr g = sub(pow(x, integer(3)), div(integer(1), x));
  EXPECT_EQ(diff(g, x), add(mul(integer(3), pow(x, integer(2))), pow(x, integer(-2))));
}

TEST(Diff, GeneralPowerXToTheX) {
  Expr x = symbol("x");
  Expr f = pow(x, x);
  Expr expected = mul(pow(x, x), add(apply(*find_function("ln"), x), integer(1)));
  for (double x0 : {0.5, 1.3, 2.2}) {
    EXPECT_NEAR(evaluate(diff(f, x), {{"x", x0}}), evaluate(expected, {{"x", x0}}), 1e-12);
    EXPECT_NEAR(evaluate(diff(f, x), {{"x", x0}}), central_difference(f, x0), 1e-6);
  }
}

TEST(Diff, AbstractFunctionChainRuleRaisesOrders) {
  Expr a = symbol("a"), b = symbol("b");
  Expr xa = mul(a, b), ya = add(a, b);
  Expr u = function("f", {"x", "y"}, {xa, ya}, {0, 0});
  Expr expected = add(mul(function("f", {"x", "y"}, {xa, ya}, {1, 0}), b),
                      function("f", {"x", "y"}, {xa, ya}, {0, 1}));
  EXPECT_EQ(diff(u, a), expected);
}

TEST(Diff, ResolveDerivativesEvaluatesUnevaluatedNodes) {
  Expr x = symbol("x");
  Expr written = add(derivative_of(pow(x, integer(3)), x), x);  // d/dx (x^3) + x
  EXPECT_EQ(resolve_derivatives(written), add(mul(integer(3), pow(x, integer(2))), x));
}

// The product rule builds temporary factors (b^k) and differentiates them;
// a memo keyed by address once returned a freed temporary's derivative for a
// later node at the same address. This sum of products of powers hit it.
TEST(Diff, TemporaryFactorsDoNotPoisonTheMemo) {
  Expr a = symbol("a"), b = symbol("b");
  auto call = [](std::string_view name, const Expr& u) { return apply(*find_function(name), u); };
  Expr x = call("cos", mul(integer(2), a)), y = mul(b, call("atan", a));
  Expr z = pow(add(integer(1), pow(a, integer(2))), rational(1, 2));
  Expr f = add(div(pow(x, integer(3)), add(integer(2), pow(y, integer(2)))), mul(z, x));
  Expr df = diff(f, a);
  for (double a0 : {0.3, -0.7, 1.1}) {
    const double h = 1e-6;
    double numeric = (evaluate(f, {{"a", a0 + h}, {"b", -0.4}}) - evaluate(f, {{"a", a0 - h}, {"b", -0.4}})) / (2 * h);
    EXPECT_NEAR(evaluate(df, {{"a", a0}, {"b", -0.4}}), numeric, 1e-6 * (1 + std::abs(numeric)));
  }
}

// e_{k+1} = e_k^2 + x for 30 levels: 2^30 nodes as a tree, ~60 as a DAG.
TEST(Diff, DeepDagIsDifferentiatedOncePerNode) {
  Expr x = symbol("x");
  Expr e = x;
  double value = 0.1, slope = 1.0;
  for (int k = 0; k < 30; ++k) {
    e = add(mul(e, e), x);
    slope = 2 * value * slope + 1;
    value = value * value + 0.1;
  }
  auto start = std::chrono::steady_clock::now();
  Expr d = diff(e, x);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_NEAR(evaluate(d, {{"x", 0.1}}), slope, 1e-9 * std::abs(slope));
}

}  // namespace
}  // namespace calc
