// Dual numbers: each elementary function's derivative against a central
// difference, and the derivative(f, wrt(x), at(...)) API.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "ad/forward.h"
#include "numeric/finite_difference.h"

namespace calc::ad {
namespace {

TEST(AdForward, DerivativeReadsLikeTheMath) {
  auto f = [](dual x) { return 3 * x * x - 4 * x; };
  dual x = 1.0;
  EXPECT_DOUBLE_EQ(derivative(f, wrt(x), at(x)), 2.0);
  x = 2.5;
  EXPECT_DOUBLE_EQ(derivative(f, wrt(x), at(x)), 6 * 2.5 - 4);
  EXPECT_EQ(x.d, 0.0) << "the seed is cleared after use";
}

TEST(AdForward, PartialDerivativesOfSeveralArguments) {
  auto f = [](dual x, dual y) { return x * x * y + exp(y) / x; };
  dual x = 2.0, y = 0.5;
  EXPECT_DOUBLE_EQ(derivative(f, wrt(x), at(x, y)), 2 * 2.0 * 0.5 - std::exp(0.5) / 4.0);
  EXPECT_DOUBLE_EQ(derivative(f, wrt(y), at(x, y)), 4.0 + std::exp(0.5) / 2.0);
  const dual both = evaluate_with_derivative(f, wrt(y), at(x, y));
  EXPECT_DOUBLE_EQ(both.v, 4.0 * 0.5 + std::exp(0.5) / 2.0);
}

struct Case {
  const char* name;
  std::function<dual(dual)> f;
  std::function<double(double)> g;  // the same function on doubles
  double x;
};

TEST(AdForward, EveryElementaryFunctionMatchesCentralDifferences) {
  const Case cases[] = {
      {"exp", [](dual x) { return exp(x); }, [](double x) { return std::exp(x); }, 0.3},
      {"log", [](dual x) { return log(x); }, [](double x) { return std::log(x); }, 1.7},
      {"sqrt", [](dual x) { return sqrt(x); }, [](double x) { return std::sqrt(x); }, 2.2},
      {"sin", [](dual x) { return sin(x); }, [](double x) { return std::sin(x); }, 0.9},
      {"cos", [](dual x) { return cos(x); }, [](double x) { return std::cos(x); }, 0.9},
      {"tan", [](dual x) { return tan(x); }, [](double x) { return std::tan(x); }, 0.4},
      {"asin", [](dual x) { return asin(x); }, [](double x) { return std::asin(x); }, 0.4},
      {"acos", [](dual x) { return acos(x); }, [](double x) { return std::acos(x); }, -0.3},
      {"atan", [](dual x) { return atan(x); }, [](double x) { return std::atan(x); }, 1.3},
      {"sinh", [](dual x) { return sinh(x); }, [](double x) { return std::sinh(x); }, 0.8},
      {"cosh", [](dual x) { return cosh(x); }, [](double x) { return std::cosh(x); }, -0.8},
      {"tanh", [](dual x) { return tanh(x); }, [](double x) { return std::tanh(x); }, 0.6},
      {"abs", [](dual x) { return abs(x); }, [](double x) { return std::abs(x); }, -1.4},
      {"pow", [](dual x) { return pow(x, x); }, [](double x) { return std::pow(x, x); }, 1.5},
      {"pow-const", [](dual x) { return pow(x, 2.5); }, [](double x) { return std::pow(x, 2.5); }, 1.5},
      {"quotient", [](dual x) { return (x + 1) / (x * x + 2); },
       [](double x) { return (x + 1) / (x * x + 2); }, -0.7},
  };
  for (const Case& c : cases) {
    dual x = c.x;
    const double ad = derivative(c.f, wrt(x), at(x));
    const double fd = numeric::central_difference(c.g, c.x);
    EXPECT_NEAR(ad, fd, 1e-8 * (1 + std::abs(fd))) << c.name;
  }
}

TEST(AdForward, PowerWithConstantExponentIsDefinedAtNegativeBase) {
  auto f = [](dual x) { return pow(x, dual(2.0)); };
  dual x = -3.0;
  EXPECT_DOUBLE_EQ(derivative(f, wrt(x), at(x)), -6.0);
}

TEST(AdForward, AbsHasNoDerivativeAtZero) {
  auto f = [](dual x) { return abs(x); };
  dual x = 0.0;
  EXPECT_TRUE(std::isnan(derivative(f, wrt(x), at(x))));
}

TEST(AdForward, WorksInFloat) {
  using dualf = Dual<float>;
  auto f = [](dualf x) { return 3 * x * x - 4 * x; };
  dualf x = 1.0f;
  EXPECT_FLOAT_EQ(derivative(f, wrt(x), at(x)), 2.0f);
}

}  // namespace
}  // namespace calc::ad
