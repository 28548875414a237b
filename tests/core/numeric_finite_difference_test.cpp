// Finite differences, step rules, Ridders extrapolation and the book's h -> 0
// table in float64 and float32.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "numeric/finite_difference.h"

namespace calc::numeric {
namespace {

template <class T>
T book_f(T x) {  // f(x) = 3x² − 4x, written as 3·(x·x) − 4·x like the book's NumPy code
  return T(3) * (x * x) - T(4) * x;
}

TEST(NumericFiniteDifference, BookTableFloat64) {
  const auto rows = limit_table<double>(book_f<double>, 1.0, book_steps());
  const double expected[] = {2.3, 2.03, 2.003, 2.0003, 2.00003};
  ASSERT_EQ(rows.size(), 5u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_NEAR(rows[i].forward, expected[i], 5e-6) << "h=" << rows[i].h;
    EXPECT_NEAR(rows[i].central, 2.0, 1e-9) << "central is exact for a quadratic, up to round-off";
  }
}

TEST(NumericFiniteDifference, BookTableFloat32MatchesMXNetOutput) {
  const auto rows = limit_table<float>(book_f<float>, 1.0f, book_steps());
  // The book's printed float32 figures, to 5 decimals.
  const double expected[] = {2.30000, 2.02999, 2.00295, 2.00033, 2.00272};
  ASSERT_EQ(rows.size(), 5u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_NEAR(static_cast<double>(rows[i].forward), expected[i], 5e-6) << "h=" << rows[i].h;
  }
  // Round-off dominates at h = 1e-5 in float32 but not in float64.
  EXPECT_GT(std::abs(rows[4].forward - 2.0f), 1e-3f);
}

TEST(NumericFiniteDifference, SciPyStepRules) {
  EXPECT_DOUBLE_EQ(forward_step(0.5), std::sqrt(std::numeric_limits<double>::epsilon()));
  EXPECT_DOUBLE_EQ(forward_step(-4.0), 4 * std::sqrt(std::numeric_limits<double>::epsilon()));
  EXPECT_DOUBLE_EQ(central_step(10.0), 10 * std::cbrt(std::numeric_limits<double>::epsilon()));
  EXPECT_FLOAT_EQ(forward_step(1.0f), std::sqrt(std::numeric_limits<float>::epsilon()));
}

TEST(NumericFiniteDifference, DefaultStepsAreAccurate) {
  auto f = [](double x) { return std::sin(x) * std::exp(x); };
  const double x = 0.7, exact = (std::cos(x) + std::sin(x)) * std::exp(x);
  EXPECT_NEAR(forward_difference(f, x), exact, 1e-7);
  EXPECT_NEAR(backward_difference(f, x), exact, 1e-7);
  EXPECT_NEAR(central_difference(f, x), exact, 1e-10);
  // One-sided differences err on opposite sides for a convex function.
  auto g = [](double t) { return std::exp(t); };
  EXPECT_GT(forward_difference(g, 1.0, 1e-3), std::exp(1.0));
  EXPECT_LT(backward_difference(g, 1.0, 1e-3), std::exp(1.0));
}

TEST(NumericFiniteDifference, RiddersIsAccurateAndEstimatesItsError) {
  std::function<double(double)> f = [](double x) { return std::atan(x) / (1 + x * x); };
  const double x = 0.3;
  const double exact = (1 - 2 * x * std::atan(x)) / ((1 + x * x) * (1 + x * x));
  const auto r = ridders(f, x);
  EXPECT_NEAR(r.derivative, exact, 1e-11);
  EXPECT_LT(r.error, 1e-9);
  EXPECT_GE(r.error, 0.0);
  // Far better than a plain central difference with the same start step.
  EXPECT_GT(std::abs(central_difference(f, x, 0.1) - exact), 1e3 * std::abs(r.derivative - exact));
}

TEST(NumericFiniteDifference, RiddersErrorEstimateBoundsTheActualError) {
  std::function<double(double)> f = [](double x) { return std::exp(std::sin(3 * x)); };
  for (double x : {-1.0, 0.0, 0.5, 2.0}) {
    const double exact = 3 * std::cos(3 * x) * std::exp(std::sin(3 * x));
    const auto r = ridders(f, x);
    EXPECT_LE(std::abs(r.derivative - exact), 10 * r.error + 1e-14) << "x=" << x;
  }
}

}  // namespace
}  // namespace calc::numeric
