// Lowering as the grader uses it on exercises 3 and 4: learner text parsed in
// the exercise's context, then expanded (∇‖x‖ in dimensions 1..5) or
// instantiated (the chain rule with concrete f, x, y, z) and compared
// numerically with the reference; the book's typical mistakes must differ.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "calculus/derivative.h"
#include "calculus/lower.h"
#include "calculus/vector_calculus.h"
#include "expr/functions.h"
#include "numeric/evaluate.h"
#include "parse/parser.h"

namespace calc {
namespace {

Expr parse_in(std::string_view text, const ParseContext& ctx) {
  ParseResult r = parse(text, ctx);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.error ? r.error->message : "");
  return r.ok() ? *r.expr : integer(0);
}

// Whether two vector expressions in x agree at random points in every dimension 1..5.
bool same_vector_function(const Expr& a, const Expr& b, const Expr& x) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-2, 2);
  for (int n = 1; n <= 5; ++n) {
    Expr ea = expand_vector(a, x, n), eb = expand_vector(b, x, n);
    for (int trial = 0; trial < 3; ++trial) {
      Bindings at;
      for (int i = 1; i <= n; ++i) at["x_" + std::to_string(i)] = u(rng);
      std::vector<double> va = evaluate_vector(ea, at), vb = evaluate_vector(eb, at);
      if (va.size() != vb.size()) return false;
      for (std::size_t i = 0; i < va.size(); ++i)
        if (!(std::abs(va[i] - vb[i]) <= 1e-9 * (1 + std::abs(vb[i])))) return false;
    }
  }
  return true;
}

TEST(LowerParsed, Exercise3NormGradientInEveryDimension) {
  ParseContext ctx;
  ctx.vectors = {"x"};
  const Expr x = symbol("x", Shape::Vector);
  const Expr f = parse_in("2‖x‖", ctx);
  const Expr reference = gradient_wrt_vector(f, x);
  EXPECT_EQ(reference, parse_in("2x/‖x‖", ctx));
  for (const char* right : {"2x/‖x‖", "2*x/norm(x)", "2 x (x^T x)^(-1/2)", "x/(‖x‖/2)", "2x/sqrt(dot(x, x))"})
    EXPECT_TRUE(same_vector_function(parse_in(right, ctx), reference, x)) << right;
  for (const char* wrong : {"2‖x‖^2 x", "2x", "x/‖x‖", "2x/‖x‖^2"})
    EXPECT_FALSE(same_vector_function(parse_in(wrong, ctx), reference, x)) << wrong;
}

TEST(LowerParsed, Exercise4ChainRuleWithRandomConcreteFunctions) {
  ParseContext ctx;
  ctx.scalars = {"a", "b"};
  ctx.functions = {{"f", {"x", "y", "z"}}, {"x", {"a", "b"}}, {"y", {"a", "b"}}, {"z", {"a", "b"}}};
  const Expr u = parse_in("f(x, y, z)", ctx);
  const Expr a = symbol("a"), b = symbol("b"), x = symbol("x"), y = symbol("y"), z = symbol("z");
  const Expr right = parse_in("∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a", ctx);
  const Expr dropped = parse_in("∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a", ctx);
  const Expr multiplied = parse_in("∂f/∂x ∂x/∂a ∂f/∂y ∂y/∂a ∂f/∂z ∂z/∂a", ctx);
  // Random smooth bodies from a small menu, seeded.
  std::mt19937 rng(17);
  auto sin_ = [](const Expr& e) { return apply(*find_function("sin"), e); };
  auto pick = [&](std::vector<Expr> menu) { return menu[rng() % menu.size()]; };
  int right_agrees = 0, dropped_differs = 0, multiplied_differs = 0;
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<FunctionInstance> inst{
        {"f", {"x", "y", "z"}, pick({add(mul(x, y), sin_(z)), mul(mul(x, z), y), add(pow(x, integer(2)), mul(y, z))})},
        {"x", {"a", "b"}, pick({mul(a, b), add(a, pow(b, integer(2))), sin_(a)})},
        {"y", {"a", "b"}, pick({sub(a, b), mul(integer(3), a), pow(constant(ConstantId::E), b)})},
        {"z", {"a", "b"}, pick({mul(a, a), add(b, sin_(a)), mul(integer(2), a)})}};
    const Expr reference = diff(instantiate_functions(u, inst), a);
    Bindings at{{"a", 0.4 + 0.1 * trial}, {"b", -0.3 + 0.2 * trial}};
    const double want = evaluate(reference, at);
    auto value = [&](const Expr& answer) { return evaluate(instantiate_functions(answer, inst), at); };
    right_agrees += std::abs(value(right) - want) <= 1e-9 * (1 + std::abs(want));
    dropped_differs += std::abs(value(dropped) - want) > 1e-9 * (1 + std::abs(want));
    multiplied_differs += std::abs(value(multiplied) - want) > 1e-9 * (1 + std::abs(want));
  }
  EXPECT_EQ(right_agrees, 10);
  EXPECT_GE(dropped_differs, 8);  // z's path can vanish for some bodies at some points, not usually
  EXPECT_GE(multiplied_differs, 8);
}

}  // namespace
}  // namespace calc
