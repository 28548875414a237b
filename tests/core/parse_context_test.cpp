// Parsing that depends on the exercise context: declared abstract functions
// and their partial-derivative notations, definitions, Leibniz notation.
#include <gtest/gtest.h>

#include <vector>

#include "parse/scope.h"
#include "parse_test_util.h"

namespace calc::parse_test {
namespace {

// Exercise 4 of the section: u = f(x, y, z) with x = x(a, b), y = y(a, b), z = z(a, b).
class ChainRuleContext : public ::testing::Test {
 protected:
  ChainRuleContext() {
    ctx.scalars = {"a", "b"};
    ctx.functions = {{"f", {"x", "y", "z"}}, {"x", {"a", "b"}}, {"y", {"a", "b"}}, {"z", {"a", "b"}}};
    ctx.definitions = {{"u", f({0, 0, 0})}};
  }
  static Expr inner(const char* name, std::vector<std::uint8_t> orders = {0, 0}) {
    return function(name, {"a", "b"}, {symbol("a"), symbol("b")}, std::move(orders));
  }
  static Expr f(std::vector<std::uint8_t> orders) {
    return function("f", {"x", "y", "z"}, {inner("x"), inner("y"), inner("z")}, std::move(orders));
  }
  ParseContext ctx;
};

TEST_F(ChainRuleContext, BareNamesMeanTheFunctionOfItsParameters) {
  EXPECT_TRUE(parses_to("f", f({0, 0, 0}), ctx));
  EXPECT_TRUE(parses_to("f(x, y, z)", f({0, 0, 0}), ctx));
  EXPECT_TRUE(parses_to("x", inner("x"), ctx));
  EXPECT_TRUE(parses_to("x(a, b)", inner("x"), ctx));
  EXPECT_TRUE(parses_to("u", f({0, 0, 0}), ctx));
  EXPECT_TRUE(parses_to("f(a, b, a)", function("f", {"x", "y", "z"}, {symbol("a"), symbol("b"), symbol("a")}, {0, 0, 0}),
                        ctx));
  EXPECT_TRUE(fails_with("f(a)", "wrong-arity", 0, 4, ctx));
}

TEST_F(ChainRuleContext, EveryPartialNotationRaisesTheOrderInTheParametersSlot) {
  const Expr fx = f({1, 0, 0});
  for (const char* input : {"∂f/∂x", "∂ f / ∂ x", "df/dx", "d f / d x", "f_x", "f_{x}", "∂_x f", "∂/∂x f",
                            "d/dx f", "∂f(x, y, z)/∂x", "∂u/∂x"})
    EXPECT_TRUE(parses_to(input, fx, ctx));
  EXPECT_TRUE(parses_to("∂f/∂z", f({0, 0, 1}), ctx));
  EXPECT_TRUE(parses_to("∂x/∂a", inner("x", {1, 0}), ctx));
  EXPECT_TRUE(parses_to("dy/db", inner("y", {0, 1}), ctx));
}

TEST_F(ChainRuleContext, HigherOrderPartials) {
  EXPECT_TRUE(parses_to("∂²f/∂x∂y", f({1, 1, 0}), ctx));
  EXPECT_TRUE(parses_to("∂²f/∂x²", f({2, 0, 0}), ctx));
  EXPECT_TRUE(parses_to("∂^2 f/∂x^2", f({2, 0, 0}), ctx));
  EXPECT_TRUE(parses_to("∂/∂y ∂f/∂x", f({1, 1, 0}), ctx));
  EXPECT_TRUE(fails_with("∂²f/∂x∂y∂z", "unexpected-end", 10, 0, ctx))
      << "the order says two, so ∂z starts a new factor that never gets its '/'";
}

TEST_F(ChainRuleContext, OtherDerivativesStayUnevaluated) {
  const Expr a = symbol("a");
  EXPECT_TRUE(parses_to("∂u/∂a", derivative_of(f({0, 0, 0}), a), ctx)) << "the question restated";
  EXPECT_TRUE(parses_to("u_a", derivative_of(f({0, 0, 0}), a), ctx));
  EXPECT_TRUE(parses_to("∂f/∂a", derivative_of(f({0, 0, 0}), a), ctx));
  EXPECT_TRUE(parses_to("∂(a^2)/∂a", derivative_of(pow(a, integer(2)), a), ctx));
}

TEST_F(ChainRuleContext, TheExpectedAnswerOfExerciseFour) {
  auto term = [&](std::vector<std::uint8_t> outer, const char* name) { return mul(f(std::move(outer)), inner(name, {1, 0})); };
  const Expr expected = add(add(term({1, 0, 0}, "x"), term({0, 1, 0}, "y")), term({0, 0, 1}, "z"));
  EXPECT_TRUE(parses_to("∂f/∂x·∂x/∂a + ∂f/∂y·∂y/∂a + ∂f/∂z·∂z/∂a", expected, ctx));
  EXPECT_TRUE(parses_to("∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a", expected, ctx));
  EXPECT_TRUE(parses_to("f_x x_a + f_y y_a + f_z z_a", expected, ctx));
  EXPECT_TRUE(parses_to("df/dx*dx/da + df/dy*dy/da + df/dz*dz/da", expected, ctx));
}

TEST_F(ChainRuleContext, UnknownNamesInDerivatives) {
  EXPECT_TRUE(fails_with("∂f/∂q", "unknown-symbol", 4, 1, ctx));
  EXPECT_TRUE(fails_with("∂g/∂x", "unknown-symbol", 1, 1, ctx));
  EXPECT_TRUE(fails_with("a_x", "bad-index", 1, 2, ctx)) << "a is a variable, not a function";
}

// A grader builds the scope once per box and parses every answer with it:
// each parse, in any order, means what parsing with the context means.
TEST_F(ChainRuleContext, OneScopeServesEveryParse) {
  const parsing::Scope scope(ctx);
  for (int round = 0; round < 2; ++round) {
    for (const char* text : {"f", "u", "x(a, b)", "f_x + ab", "∂f/∂y", "a x y", "f(a)", "q", "sin(", ""}) {
      const ParseResult with_scope = parse(text, scope);
      const ParseResult with_context = parse(text, ctx);
      ASSERT_EQ(with_scope.ok(), with_context.ok()) << text;
      if (with_scope.ok()) {
        EXPECT_EQ(dump(*with_scope.expr), dump(*with_context.expr)) << text;
      } else {
        EXPECT_EQ(with_scope.error->code, with_context.error->code) << text;
        EXPECT_EQ(with_scope.error->position, with_context.error->position) << text;
      }
    }
  }
  EXPECT_TRUE(parse("u", scope).ok());
  EXPECT_FALSE(parse("q", scope).ok());
}

TEST(ParseLeibniz, UnevaluatedDerivativesOfExpressions) {
  const Expr x2 = pow(x(), integer(2));
  EXPECT_TRUE(parses_to("d/dx(x^2)", derivative_of(x2, x())));
  EXPECT_TRUE(parses_to("d/dx x^2", derivative_of(x2, x())));
  EXPECT_TRUE(parses_to("d(x^2)/dx", derivative_of(x2, x())));
  EXPECT_TRUE(parses_to("d/dx (3x^2 - 4x)",
                        derivative_of(sub(mul(integer(3), x2), mul(integer(4), x())), x())));
  EXPECT_TRUE(parses_to("dy/dx", derivative_of(y(), x())));
  EXPECT_TRUE(parses_to("d²y/dx²", derivative_of(derivative_of(y(), x()), x())));
  EXPECT_TRUE(parses_to("d^2y/dx^2", derivative_of(derivative_of(y(), x()), x())));
  EXPECT_TRUE(parses_to("∂/∂x (x y)", derivative_of(mul(x(), y()), x())));
  EXPECT_TRUE(parses_to("∂_x (x y)", derivative_of(mul(x(), y()), x())));
  EXPECT_TRUE(parses_to("d/dx sin x", derivative_of(fn("sin", x()), x())));
  EXPECT_TRUE(parses_to("x dy/dx", mul(x(), derivative_of(y(), x()))));
}

TEST(ParseLeibniz, ANameStartingWithDIsOnlyADerivativeWhenComplete) {
  const Expr d = symbol("d");
  EXPECT_TRUE(parses_to("dx", mul(d, x())));
  EXPECT_TRUE(parses_to("d x", mul(d, x())));
  EXPECT_TRUE(parses_to("d/2", div(d, integer(2))));
  EXPECT_TRUE(parses_to("d(x+1)", mul(d, add(x(), integer(1)))));
  EXPECT_TRUE(parses_to("dx/2", div(mul(d, x()), integer(2))));
  EXPECT_TRUE(fails_with("d²y/dx", "bad-derivative", 0, 6)) << "the orders disagree";
  ParseContext declared;
  declared.scalars = {"d", "x", "y"};
  EXPECT_TRUE(parses_to("dx/dy", mul(div(mul(d, x()), d), symbol("y")), declared))
      << "an exercise that declares d turns Leibniz notation off";
}

TEST(ParseVectorContext, ShapesComeFromTheContext) {
  ParseContext ctx;
  ctx.vectors = {"x"};
  ctx.matrices = {"A"};
  const Expr xv = symbol("x", Shape::Vector), A = symbol("A", Shape::Matrix);
  EXPECT_TRUE(parses_to("x^T A x", mul(mul(transpose(xv), A), xv), ctx));
  EXPECT_TRUE(parses_to("x/‖x‖₂", div(xv, norm(xv)), ctx));
  EXPECT_TRUE(parses_to("(A + A^T)x", mul(add(A, transpose(A)), xv), ctx));
  EXPECT_TRUE(fails_with("x_1", "unknown-symbol", 0, 3, ctx)) << "components are not declared";
  ParseContext with_t = ctx;
  with_t.scalars = {"T"};
  EXPECT_TRUE(fails_with("x^T", "invalid-expression", 0, 3, with_t))
      << "a declared T is a variable, and a vector has no powers";
  EXPECT_TRUE(fails_with("x + 1", "invalid-expression", 0, 5, ctx)) << "a vector plus a number";
}

}  // namespace
}  // namespace calc::parse_test
