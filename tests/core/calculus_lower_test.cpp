// Lowering: abstract functions instantiated with concrete bodies (the chain
// rule of exercise 4 checked against differentiating the concrete function),
// and vector expressions expanded into components (exercise 3).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "calculus/derivative.h"
#include "calculus/lower.h"
#include "expr/functions.h"
#include "numeric/evaluate.h"
#include "shape_error_util.h"

namespace calc {
namespace {

Expr call(std::string_view name, const Expr& u) { return apply(*find_function(name), u); }
Expr sq(const Expr& u) { return pow(u, integer(2)); }

TEST(InstantiateFunctions, DifferentiatesTheBodyPerOrderAndSubstitutesArguments) {
  Expr x = symbol("x"), y = symbol("y"), a = symbol("a"), b = symbol("b");
  std::vector<FunctionInstance> fs{{"f", {"x", "y"}, add(mul(x, sq(y)), call("sin", x))}};
  Expr args_ab = function("f", {"x", "y"}, {mul(a, b), add(a, b)}, {0, 0});
  EXPECT_EQ(instantiate_functions(args_ab, fs), add(mul(mul(a, b), sq(add(a, b))), call("sin", mul(a, b))));
  Expr f_x = function("f", {"x", "y"}, {a, b}, {1, 0});
  EXPECT_EQ(instantiate_functions(f_x, fs), add(sq(b), call("cos", a)));
  Expr f_xy = function("f", {"x", "y"}, {a, b}, {1, 1});
  EXPECT_EQ(instantiate_functions(f_xy, fs), mul(integer(2), b));
  // Simultaneous substitution: f(y, x) swaps the roles, it does not chain.
  Expr swapped = function("f", {"x", "y"}, {y, x}, {0, 0});
  EXPECT_EQ(instantiate_functions(swapped, fs), add(mul(y, sq(x)), call("sin", y)));
}

TEST(InstantiateFunctions, LeavesFunctionsWithoutInstanceAndRejectsArityMismatch) {
  Expr a = symbol("a");
  Expr g = function("g", {"t"}, {a}, {0});
  std::vector<FunctionInstance> fs{{"f", {"t"}, symbol("t")}};
  EXPECT_EQ(instantiate_functions(add(g, a), fs), add(g, a));
  std::vector<FunctionInstance> wrong{{"g", {"s", "t"}, symbol("s")}};
  EXPECT_EQ(shape_error_of([&] { instantiate_functions(g, wrong); }),
            "function g: the instance has 2 parameters, the call 1 arguments");
}

// Exercise 4: u = f(x, y, z) with x = x(a, b), y = y(a, b), z = z(a, b). The
// chain rule diff() builds from the abstract nodes, instantiated, equals the
// derivative of the instantiated u, for several sets of concrete functions.
TEST(InstantiateFunctions, ChainRuleOfNestedFunctionsMatchesConcreteDerivative) {
  Expr a = symbol("a"), b = symbol("b"), x = symbol("x"), y = symbol("y"), z = symbol("z");
  auto inner = [&](const std::string& name) { return function(name, {"a", "b"}, {a, b}, {0, 0}); };
  Expr u = function("f", {"x", "y", "z"}, {inner("x"), inner("y"), inner("z")}, {0, 0, 0});
  const std::vector<std::vector<FunctionInstance>> choices{
      {{"f", {"x", "y", "z"}, add(mul(x, y), call("sin", z))},
       {"x", {"a", "b"}, mul(a, b)},
       {"y", {"a", "b"}, add(sq(a), b)},
       {"z", {"a", "b"}, call("exp", sub(a, b))}},
      {{"f", {"x", "y", "z"}, div(pow(x, integer(3)), add(integer(2), sq(y))) + mul(z, x)},
       {"x", {"a", "b"}, call("cos", mul(integer(2), a))},
       {"y", {"a", "b"}, mul(b, call("atan", a))},
       {"z", {"a", "b"}, pow(add(integer(1), sq(a)), rational(1, 2))}},
  };
  for (const Expr& var : {a, b}) {
    Expr chain = diff(u, var);  // Σ f_i(x, y, z) ∂x_i/∂var, abstract
    for (const auto& fs : choices) {
      Expr ours = instantiate_functions(chain, fs);
      Expr concrete = diff(instantiate_functions(u, fs), var);
      for (auto [a0, b0] : {std::pair{0.3, -0.4}, {1.2, 0.7}, {-0.9, 1.6}}) {
        Bindings at{{"a", a0}, {"b", b0}};
        EXPECT_NEAR(evaluate(ours, at), evaluate(concrete, at), 1e-9 * (1 + std::abs(evaluate(concrete, at))));
      }
    }
  }
}

TEST(ExpandVector, NormTransposeAndProducts) {
  Expr x = symbol("x", Shape::Vector), A = symbol("A", Shape::Matrix);
  Expr x1 = indexed("x", 1), x2 = indexed("x", 2), x3 = indexed("x", 3);
  EXPECT_EQ(expand_vector(norm(x), x, 3), pow(add(std::vector<Expr>{sq(x1), sq(x2), sq(x3)}), rational(1, 2)));
  EXPECT_EQ(expand_vector(x, x, 2), vector({x1, x2}));
  EXPECT_EQ(expand_vector(mul(integer(2), x), x, 2), vector({mul(integer(2), x1), mul(integer(2), x2)}));
  EXPECT_EQ(expand_vector(mul(transpose(x), x), x, 2), add(sq(x1), sq(x2)));
  std::vector<Expr> shaped{A};
  Expr a11 = indexed("A", 11), a12 = indexed("A", 12), a21 = indexed("A", 21), a22 = indexed("A", 22);
  EXPECT_EQ(expand_vector(mul(A, x), x, 2, shaped), vector({add(mul(a11, x1), mul(a12, x2)), add(mul(a21, x1), mul(a22, x2))}));
  Bindings at{{"x_1", 0.5}, {"x_2", -1.5}, {"A_11", 1}, {"A_12", 2}, {"A_21", 3}, {"A_22", 4}};
  // xᵀAx = 0.25·1 + 0.5·(-1.5)·(2 + 3) + 2.25·4
  EXPECT_DOUBLE_EQ(evaluate(expand_vector(mul(mul(transpose(x), A), x), x, 2, shaped), at), 0.25 - 3.75 + 9.0);
}

TEST(ExpandVector, RejectsBadShapesAndUnexpandedVectors) {
  Expr x = symbol("x", Shape::Vector), y = symbol("y", Shape::Vector);
  EXPECT_SHAPE_ERROR(expand_vector(mul(transpose(x), y), x, 2));  // y has no components
  EXPECT_SHAPE_ERROR(expand_vector(norm(x), x, 0));
  EXPECT_SHAPE_ERROR(expand_vector(add(x, vector({integer(1), integer(2), integer(3)})), x, 2));
}

}  // namespace
}  // namespace calc
