// Gradient and tangent lines built from diff().
#include <gtest/gtest.h>

#include "calculus/vector_calculus.h"
#include "numeric/evaluate.h"

namespace calc {
namespace {

TEST(VectorCalculus, GradientOfBookExample) {
  Expr x1 = symbol("x_1"), x2 = symbol("x_2");
  Expr f = add(mul(integer(3), pow(x1, integer(2))), mul(integer(5), pow(constant(ConstantId::E), x2)));
  std::vector<Expr> vars{x1, x2};
  EXPECT_EQ(gradient(f, vars), vector({mul(integer(6), x1), mul(integer(5), pow(constant(ConstantId::E), x2))}));
}

TEST(VectorCalculus, TangentLines) {
  Expr x = symbol("x");
  Expr f = sub(mul(integer(3), pow(x, integer(2))), mul(integer(4), x));
  EXPECT_EQ(tangent_line(f, x, integer(1)), equation(symbol("y"), sub(mul(integer(2), x), integer(3))));
  Expr g = sub(pow(x, integer(3)), div(integer(1), x));
  EXPECT_EQ(tangent_line(g, x, integer(1)), equation(symbol("y"), sub(mul(integer(4), x), integer(4))));
}

}  // namespace
}  // namespace calc
