// simplify(): printed derivatives come out simple, each rewrite fires where
// it is valid and only there, and on random expressions the result is equal
// in value, never larger, idempotent, and defined at the same points.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "ad_random_expr.h"
#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "expr/functions.h"
#include "numeric/evaluate.h"

namespace calc {
namespace {

Expr call(std::string_view name, const Expr& u) { return apply(*find_function(name), u); }
Expr sq(const Expr& u) { return pow(u, integer(2)); }
Expr pi() { return constant(ConstantId::Pi); }

TEST(Simplify, BookDerivativesAreSimple) {
  Expr x = symbol("x");
  Expr f = sub(mul(integer(3), sq(x)), mul(integer(4), x));
  EXPECT_EQ(simplify(diff(f, x)), sub(mul(integer(6), x), integer(4)));
  Expr g = sub(pow(x, integer(3)), div(integer(1), x));
  EXPECT_EQ(simplify(diff(g, x)), add(mul(integer(3), sq(x)), pow(x, integer(-2))));
}

TEST(Simplify, QuotientRuleResultsOverOneDenominator) {
  Expr x = symbol("x");
  Expr d = add(x, integer(2));
  Expr f = div(sub(mul(integer(3), x), integer(1)), d);  // (3x - 1)/(x + 2)
  EXPECT_EQ(simplify(diff(f, x)), mul(integer(7), pow(d, integer(-2))));
  Expr g = div(add(x, integer(1)), sub(x, integer(1)));  // (x + 1)/(x - 1)
  EXPECT_EQ(simplify(diff(g, x)), mul(integer(-2), pow(sub(x, integer(1)), integer(-2))));
  // Kept as a sum when one fraction is no smaller: 3x^2 + x^(-2), not (3x^4 + 1)/x^2.
  Expr h = add(mul(integer(3), pow(x, integer(2))), pow(x, integer(-2)));
  EXPECT_EQ(simplify(h), h);
  // Expansion is bounded: (x + 1)^4 (x + 2)^4 / x + 1/x^2 has too many summands.
  Expr big = add(mul(mul(pow(add(x, integer(1)), integer(4)), pow(d, integer(4))), pow(x, integer(-1))), pow(x, integer(-2)));
  Expr s = simplify(big);
  EXPECT_LE(s->size(), big->size());
  EXPECT_NEAR(evaluate(s, {{"x", 0.7}}), evaluate(big, {{"x", 0.7}}), 1e-9 * std::abs(evaluate(big, {{"x", 0.7}})));
}

// Sums over monomial denominators, where together() decides from the terms
// without building the quotient: it still combines whenever that is smaller,
// and only then.
TEST(Simplify, MonomialDenominatorsCombineOnlyWhenSmaller) {
  Expr x = symbol("x"), y = symbol("y"), z = symbol("z");
  EXPECT_EQ(simplify(add(div(y, x), div(z, x))), div(add(y, z), x));
  EXPECT_EQ(simplify(add(add(div(y, x), div(z, x)), div(integer(1), x))), div(add(add(y, z), integer(1)), x));
  // The factor x that 1/x lacks is multiplied in: (x + y + z)/x^2.
  EXPECT_EQ(simplify(add(add(div(y, sq(x)), div(z, sq(x))), div(integer(1), x))), div(add(add(x, y), z), sq(x)));
  // No smaller combined, so kept: (2x + y)/x, (x^3 + 1)/x, (y + x z)/x^2, (x + y)/(x y).
  for (const Expr& kept : {add(integer(2), div(y, x)), add(sq(x), div(integer(1), x)), add(div(y, sq(x)), div(z, x)),
                           add(div(integer(1), x), div(integer(1), y))})
    EXPECT_EQ(simplify(kept), kept);
}

TEST(Simplify, EvenPowersOfAbs) {
  Expr x = symbol("x");
  EXPECT_EQ(simplify(sq(call("abs", x))), sq(x));
  EXPECT_EQ(simplify(pow(call("abs", x), integer(4))), pow(x, integer(4)));
  // An odd power keeps the abs: |x|^3 != x^3 for x < 0.
  EXPECT_EQ(simplify(pow(call("abs", x), integer(3))), pow(call("abs", x), integer(3)));
}

TEST(Simplify, RootsOfEvenPowers) {
  Expr x = symbol("x");
  EXPECT_EQ(simplify(pow(sq(x), rational(1, 2))), call("abs", x));
  EXPECT_EQ(simplify(pow(pow(x, integer(4)), rational(1, 2))), sq(x));
  EXPECT_EQ(simplify(pow(sq(x), rational(-1, 2))), pow(call("abs", x), integer(-1)));
  // (x^3)^(1/3) is not |x| (it is x for x >= 0 and undefined otherwise): left alone.
  Expr cube_root = pow(pow(x, integer(3)), rational(1, 3));
  EXPECT_EQ(simplify(cube_root), cube_root);
}

TEST(Simplify, PythagoreanIdentities) {
  Expr x = symbol("x"), y = symbol("y");
  EXPECT_EQ(simplify(add(sq(call("sin", x)), sq(call("cos", x)))), integer(1));
  // With a common factor and coefficient, among other terms.
  Expr three_y = mul(integer(3), y);
  Expr e = add(std::vector<Expr>{mul(three_y, sq(call("sin", x))), mul(three_y, sq(call("cos", x))), x});
  EXPECT_EQ(simplify(e), add(three_y, x));
  EXPECT_EQ(simplify(sub(sq(call("cosh", x)), sq(call("sinh", x)))), integer(1));
  // Different coefficients or arguments: nothing to rewrite.
  Expr unequal = add(mul(integer(2), sq(call("sin", x))), sq(call("cos", x)));
  EXPECT_EQ(simplify(unequal), unequal);
  Expr other_arg = add(sq(call("sin", x)), sq(call("cos", y)));
  EXPECT_EQ(simplify(other_arg), other_arg);
}

TEST(Simplify, SpecialAngles) {
  EXPECT_EQ(simplify(call("sin", div(pi(), integer(6)))), rational(1, 2));
  EXPECT_EQ(simplify(call("cos", mul(rational(2, 3), pi()))), rational(-1, 2));
  EXPECT_EQ(simplify(call("sin", mul(rational(7, 2), pi()))), integer(-1));
  EXPECT_EQ(simplify(call("cos", div(pi(), integer(2)))), integer(0));
  EXPECT_EQ(simplify(call("tan", div(pi(), integer(4)))), integer(1));
  EXPECT_EQ(simplify(call("cos", mul(rational(-1, 4), pi()))), mul(rational(1, 2), pow(integer(2), rational(1, 2))));
  // tan(π/2) is undefined and stays so; sin(π/5) has no small exact form.
  Expr tan_pole = call("tan", div(pi(), integer(2)));
  EXPECT_EQ(simplify(tan_pole), tan_pole);
  Expr fifth = call("sin", div(pi(), integer(5)));
  EXPECT_EQ(simplify(fifth), fifth);
}

TEST(Simplify, NeverChangesTheDomain) {
  Expr x = symbol("x");
  Expr exp_ln = pow(constant(ConstantId::E), call("ln", x));
  EXPECT_EQ(simplify(exp_ln), exp_ln);
  Expr sign = div(x, call("abs", x));
  EXPECT_EQ(simplify(sign), sign);
}

// Rewrites that would cancel a restriction are refused: the left sides are
// undefined somewhere the right sides are not.
TEST(Simplify, CancellationNeverWidensTheDomain) {
  Expr x = symbol("x");
  Expr u = call("ln", x);
  Expr pythagoras = add(sq(call("sin", u)), sq(call("cos", u)));  // 1 only for x > 0
  EXPECT_EQ(simplify(pythagoras), pythagoras);
  Expr d = add(x, integer(1));
  Expr root = pow(x, rational(1, 2));
  // (√x + 1)/(x + 1) - √x/(x + 1) is 1/(x + 1) only for x >= 0.
  Expr fractions = sub(div(add(root, integer(1)), d), div(root, d));
  Expr s = simplify(fractions);
  EXPECT_TRUE(std::isnan(evaluate(s, {{"x", -0.5}})));
  EXPECT_NEAR(evaluate(s, {{"x", 0.5}}), 1 / 1.5, 1e-12);
  // Where nothing is cancelled the rewrites still apply.
  EXPECT_EQ(simplify(add(sq(call("sin", sq(x))), sq(call("cos", sq(x))))), integer(1));
}

TEST(Simplify, RewritesInsideVectorsAndEquations) {
  Expr x = symbol("x");
  Expr v = vector({sq(call("abs", x)), add(sq(call("sin", x)), sq(call("cos", x)))});
  EXPECT_EQ(simplify(v), vector({sq(x), integer(1)}));
  EXPECT_EQ(simplify(equation(symbol("y"), sq(call("abs", x)))), equation(symbol("y"), sq(x)));
}

// e_{k+1} = e_k^2 + x for 40 levels: ~2^40 nodes as a tree, ~120 as a DAG.
// Simplifying it and its derivative must visit each shared node once.
TEST(Simplify, DeepDagIsWalkedOncePerNode) {
  Expr x = symbol("x");
  Expr e = x;
  for (int k = 0; k < 40; ++k) e = add(mul(e, e), x);
  auto start = std::chrono::steady_clock::now();
  Expr s = simplify(diff(e, x));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 1.0);
  EXPECT_EQ(simplify(e), e);  // nothing to rewrite: the very same node comes back
  EXPECT_NEAR(evaluate(s, {{"x", 0.1}}), evaluate(diff(e, x), {{"x", 0.1}}), 1e-12);
}

// Random expressions (and their derivatives, which is what simplify is for):
// equal values, defined at the same points, never larger, idempotent.
TEST(Simplify, RandomExpressionsKeepValueDomainAndSize) {
  std::mt19937 rng(7);
  const std::vector<std::string> vars{"x", "y"};
  int compared = 0;
  for (int i = 0; i < 400; ++i) {
    Expr f = testing_support::random_expr(rng, 4, vars);
    for (const Expr& e : {f, diff(f, symbol("x"))}) {
      Expr s = simplify(e);
      ASSERT_LE(s->size(), e->size());
      ASSERT_EQ(simplify(s), s);
      for (double x0 : {-1.3, 0.4, 2.1}) {
        Bindings at{{"x", x0}, {"y", 0.7}};
        double a = evaluate(e, at), b = evaluate(s, at);
        ASSERT_EQ(std::isnan(a), std::isnan(b)) << "at x = " << x0;
        if (std::isnan(a) || std::isinf(a)) continue;
        EXPECT_NEAR(a, b, 1e-9 * (1 + std::abs(a)));
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

}  // namespace
}  // namespace calc
