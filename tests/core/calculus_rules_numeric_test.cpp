// Every derivative rule against central differences
// (numeric/finite_difference.h, SciPy's step): each function record applied
// directly and through the chain rule, general powers f^g in all their
// cases, products, quotients, abstract functions (instantiated with concrete
// bodies), second derivatives, and random compositions.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "ad_random_expr.h"
#include "calculus/derivative.h"
#include "calculus/lower.h"
#include "expr/functions.h"
#include "numeric/evaluate.h"
#include "numeric/finite_difference.h"

namespace calc {
namespace {

Expr call(std::string_view name, const Expr& u) { return apply(*find_function(name), u); }

// Compares diff(f, x) with a central difference of f at each point, in the
// variable x with the other variables held at `others`.
void expect_rule(const Expr& f, const std::vector<double>& points, const std::string& label,
                 const Bindings& others = {}) {
  Expr x = symbol("x");
  Expr df = diff(f, x);
  auto value_at = [&](const Expr& e, double v) {
    Bindings b = others;
    b["x"] = v;
    return evaluate(e, b);
  };
  for (double x0 : points) {
    double numeric = numeric::central_difference([&](double v) { return value_at(f, v); }, x0);
    double symbolic = value_at(df, x0);
    ASSERT_TRUE(std::isfinite(numeric)) << label << " at " << x0 << " (choose points in the domain)";
    EXPECT_NEAR(symbolic, numeric, 1e-6 * (1 + std::abs(numeric))) << label << " at x = " << x0;
  }
}

// Points inside every function's real domain: asin/acos need |x| < 1.
const std::vector<double> kPoints{-0.8, -0.35, 0.2, 0.55, 0.9};
const std::vector<double> kPositive{0.3, 0.9, 1.7, 2.6};

TEST(DiffRulesNumeric, EveryFunctionRecordDirectly) {
  Expr x = symbol("x");
  for (const FunctionRecord& fn : builtin_functions()) {
    const std::string name(fn.name);
    const bool positive_only = name == "ln" || name == "sqrt";
    expect_rule(apply(fn, x), positive_only ? kPositive : kPoints, name);
  }
}

TEST(DiffRulesNumeric, EveryFunctionRecordThroughTheChainRule) {
  Expr x = symbol("x");
  // u = x^2/3 + 0.1 lies in (0, 1) on the points, inside every domain.
  Expr u = add(div(pow(x, integer(2)), integer(3)), rational(1, 10));
  for (const FunctionRecord& fn : builtin_functions()) expect_rule(apply(fn, u), kPoints, std::string(fn.name) + "(u)");
  // Two levels: f(g(x)) for every pair, with g's value kept in (0, 1) by a squash.
  for (const FunctionRecord& outer : builtin_functions())
    for (const FunctionRecord& inner : builtin_functions()) {
      Expr g = apply(inner, u);
      Expr squashed = div(integer(1), add(integer(2), pow(g, integer(2))));  // in (0, 1/2]
      expect_rule(apply(outer, squashed), {0.2, 0.55, 0.9}, std::string(outer.name) + "(" + std::string(inner.name) + ")");
    }
}

TEST(DiffRulesNumeric, GeneralPowers) {
  Expr x = symbol("x");
  const Expr e = constant(ConstantId::E);
  expect_rule(pow(x, x), kPositive, "x^x");
  expect_rule(pow(call("sin", x), call("cos", x)), {0.3, 0.9, 1.4}, "sin(x)^cos(x)");
  expect_rule(pow(add(integer(1), pow(x, integer(2))), call("atan", x)), kPoints, "(1 + x^2)^atan(x)");
  expect_rule(pow(integer(2), x), kPoints, "2^x");
  expect_rule(pow(e, mul(integer(3), x)), kPoints, "e^(3x)");
  expect_rule(pow(rational(1, 3), call("sin", x)), kPoints, "(1/3)^sin(x)");
  expect_rule(pow(x, integer(7)), kPoints, "x^7");
  expect_rule(pow(x, integer(-3)), kPoints, "x^-3");
  expect_rule(pow(x, rational(2, 3)), kPositive, "x^(2/3)");
  expect_rule(pow(x, rational(-5, 2)), kPositive, "x^(-5/2)");
  expect_rule(pow(x, real(1.7)), kPositive, "x^1.7");
  expect_rule(pow(x, constant(ConstantId::Pi)), kPositive, "x^pi");
  expect_rule(pow(x, symbol("y")), kPositive, "x^y", {{"y", 2.3}});
  expect_rule(pow(symbol("y"), x), kPoints, "y^x", {{"y", 1.8}});
}

TEST(DiffRulesNumeric, ProductsAndQuotients) {
  Expr x = symbol("x"), y = symbol("y");
  expect_rule(mul(call("sin", x), call("exp", x)), kPoints, "sin(x) e^x");
  expect_rule(mul(std::vector<Expr>{x, call("cos", x), call("atan", x), pow(x, integer(2))}), kPoints, "four factors");
  expect_rule(div(call("sin", x), x), kPoints, "sin(x)/x");
  expect_rule(div(add(x, integer(1)), sub(x, integer(2))), kPoints, "(x+1)/(x-2)");
  expect_rule(div(call("ln", x), pow(x, integer(2))), kPositive, "ln(x)/x^2");
  expect_rule(div(integer(1), add(integer(1), call("exp", neg(x)))), kPoints, "sigmoid");
  expect_rule(mul(mul(x, y), call("sin", mul(x, y))), kPoints, "x y sin(x y)", {{"y", -1.3}});
  expect_rule(call("abs", sub(mul(integer(2), x), integer(1))), {-0.8, 0.2, 0.9}, "|2x - 1|");
}

// Abstract functions: the generic chain rule on f(g(x), h(x)), instantiated
// with concrete bodies, against the central difference of the concrete function.
TEST(DiffRulesNumeric, AbstractFunctionsInstantiated) {
  Expr x = symbol("x"), p = symbol("p"), q = symbol("q");
  Expr f = function("f", {"p", "q"}, {call("sin", x), mul(x, x)}, {0, 0});
  Expr fp = function("f", {"p", "q"}, {call("sin", x), mul(x, x)}, {1, 0});  // ∂f/∂p as a node
  const std::vector<Expr> bodies{add(mul(p, q), call("cos", q)), div(pow(p, integer(3)), add(integer(1), pow(q, integer(2)))),
                                 call("exp", mul(p, call("atan", q)))};
  for (const Expr& body : bodies) {
    std::vector<FunctionInstance> inst{{"f", {"p", "q"}, body}};
    Expr concrete = instantiate_functions(f, inst);
    Expr df = instantiate_functions(diff(f, x), inst);
    Expr dfp = instantiate_functions(diff(fp, x), inst);  // a second-order partial through the chain rule
    for (double x0 : kPoints) {
      auto at = [&](const Expr& e) { return [&e](double v) { return evaluate(e, {{"x", v}}); }; };
      double numeric = numeric::central_difference(at(concrete), x0);
      EXPECT_NEAR(evaluate(df, {{"x", x0}}), numeric, 1e-6 * (1 + std::abs(numeric)));
      Expr concrete_fp = instantiate_functions(fp, inst);
      double numeric_p = numeric::central_difference(at(concrete_fp), x0);
      EXPECT_NEAR(evaluate(dfp, {{"x", x0}}), numeric_p, 1e-6 * (1 + std::abs(numeric_p)));
    }
  }
}

TEST(DiffRulesNumeric, SecondDerivatives) {
  Expr x = symbol("x");
  for (const Expr& f : {mul(call("sin", x), pow(x, integer(3))), pow(x, x), div(call("atan", x), add(integer(2), x))}) {
    Expr d1 = diff(f, x), d2 = diff(d1, x);
    for (double x0 : kPositive) {
      double numeric = numeric::central_difference([&](double v) { return evaluate(d1, {{"x", v}}); }, x0);
      EXPECT_NEAR(evaluate(d2, {{"x", x0}}), numeric, 1e-6 * (1 + std::abs(numeric)));
    }
  }
}

// Random compositions of every rule (the sums, products, quotients, powers and
// functions of ad_random_expr.h), in x with y held fixed.
TEST(DiffRulesNumeric, RandomCompositions) {
  std::mt19937 rng(2024);
  const std::vector<std::string> vars{"x", "y"};
  int checked = 0;
  for (int i = 0; i < 300; ++i) {
    Expr f = testing_support::random_expr(rng, 4, vars);
    Expr df = diff(f, symbol("x"));
    for (double x0 : {0.4, 1.3}) {
      auto g = [&](double v) { return evaluate(f, {{"x", v}, {"y", 0.8}}); };
      double numeric = numeric::central_difference(g, x0);
      double symbolic = evaluate(df, {{"x", x0}, {"y", 0.8}});
      if (!std::isfinite(numeric) || std::abs(numeric) > 1e6) continue;  // near a pole: no reliable reference
      EXPECT_NEAR(symbolic, numeric, 1e-5 * (1 + std::abs(numeric))) << "expression " << i << " at " << x0;
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace calc
