// Forward (dual) and reverse (adjoint sweep) AD over compiled tapes agree
// with each other and with Ridders' finite differences on seeded random
// expressions; reverse mode sweeps a heavily shared DAG once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "ad/forward_tape.h"
#include "ad/reverse.h"
#include "expr/functions.h"
#include "numeric/finite_difference.h"
#include "numeric/tape.h"
#include "ad_random_expr.h"

namespace calc::ad {
namespace {

const std::vector<std::string> kVars = {"x", "y", "z"};

TEST(AdTape, ReverseAndForwardAgreeWithRiddersOnRandomExpressions) {
  std::mt19937 rng(20241128);
  int checked = 0;
  for (int n = 0; n < 300; ++n) {
    const Expr f = testing_support::random_expr(rng, 4, kVars);
    const numeric::TapeResult compiled = numeric::Tape::compile(f, kVars);
    ASSERT_TRUE(compiled.ok());
    const numeric::Tape& tape = *compiled.tape;
    std::uniform_real_distribution<double> coordinate(0.3, 1.7);
    const std::vector<double> point = {coordinate(rng), coordinate(rng), coordinate(rng)};
    // Skip points where any intermediate is infinite or NaN (1/0^2 folded
    // into a sum): there the two modes may legitimately differ (0 vs NaN).
    std::vector<double> registers, out(1);
    tape.run<double>(point, out, registers);
    if (!std::all_of(registers.begin(), registers.end(), [](double r) { return std::isfinite(r); })) continue;
    double reverse[3], forward[3];
    const double value = gradient(tape, point, reverse);
    const double value2 = forward_gradient(tape, point, forward);
    EXPECT_EQ(value, value2);
    for (int i = 0; i < 3; ++i) {
      EXPECT_NEAR(reverse[i], forward[i], 1e-12 * (1 + std::abs(forward[i])));
      // Ridders along coordinate i.
      const std::function<double(double)> along = [&](double t) {
        std::vector<double> p = point;
        p[i] = t;
        return tape(p);
      };
      const auto fd = numeric::ridders(along, point[i], 0.05);
      if (!std::isfinite(fd.derivative) || fd.error > 1e-6 * (1 + std::abs(fd.derivative))) continue;
      EXPECT_NEAR(reverse[i], fd.derivative, 1e-5 * (1 + std::abs(fd.derivative)))
          << "d/d" << kVars[i] << " at " << point[0] << ", " << point[1] << ", " << point[2];
      ++checked;
    }
  }
  EXPECT_GT(checked, 400);
}

TEST(AdTape, ReverseSweepVisitsSharedNodesOnce) {
  // f_{k+1} = sin(f_k + f_k²): a tree of 2^30 leaves, a DAG of ~3 nodes a level.
  Expr f = symbol("x");
  for (int i = 0; i < 30; ++i) f = apply(*find_function("sin"), f + f * f);
  const std::string vars[] = {"x"};
  const numeric::TapeResult compiled = numeric::Tape::compile(f, vars);
  ASSERT_TRUE(compiled.ok());
  const double x = 0.3;
  double g;
  const double value = gradient(*compiled.tape, std::span<const double>(&x, 1), std::span<double>(&g, 1));
  // The same derivative by hand, with the chain rule level by level.
  double v = x, d = 1;
  for (int i = 0; i < 30; ++i) {
    const double u = v + v * v;
    d = std::cos(u) * (1 + 2 * v) * d;
    v = std::sin(u);
  }
  EXPECT_NEAR(value, v, 1e-15);
  EXPECT_NEAR(g, d, 1e-12 * (1 + std::abs(d)));
  EXPECT_NEAR(forward_derivative(*compiled.tape, std::span<const double>(&x, 1), 0).d, d, 1e-12 * (1 + std::abs(d)));
}

TEST(AdTape, GradientEvaluatorReusesItsBuffersAcrossPoints) {
  const std::string vars[] = {"x", "y"};
  const numeric::TapeResult compiled =
      numeric::Tape::compile(mul(pow(symbol("x"), integer(2)), apply(*find_function("exp"), symbol("y"))), vars);
  ASSERT_TRUE(compiled.ok());
  ReverseGradient grad(*compiled.tape);
  for (double x : {-1.0, 0.5, 2.0}) {
    const double p[] = {x, 0.25};
    double g[2];
    EXPECT_DOUBLE_EQ(grad(p, g), x * x * std::exp(0.25));
    EXPECT_DOUBLE_EQ(g[0], 2 * x * std::exp(0.25));
    EXPECT_DOUBLE_EQ(g[1], x * x * std::exp(0.25));
  }
}

TEST(AdTape, UndefinedDerivativesAreNaNNotExceptions) {
  const std::string vars[] = {"x"};
  const numeric::TapeResult compiled = numeric::Tape::compile(apply(*find_function("abs"), symbol("x")), vars);
  ASSERT_TRUE(compiled.ok());
  const double x = 0;
  double g;
  gradient(*compiled.tape, std::span<const double>(&x, 1), std::span<double>(&g, 1));
  EXPECT_TRUE(std::isnan(g));
}

}  // namespace
}  // namespace calc::ad
