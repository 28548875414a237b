// The numeric comparison primitives: tolerance, seeded sampling inside the
// declared domain, redraws where the reference is undefined, determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "expr/expr.h"
#include "grade/feedback.h"
#include "expr/functions.h"
#include "grade/sampler.h"

namespace calc::grade {
namespace {

using exercise::Domain;

std::vector<Scenario> one_variable(Domain d) { return {Scenario{nullptr, {{"x", d}}}}; }

TEST(GradeSampler, ToleranceIsRelativePlusAbsolute) {
  Tolerance tol;
  EXPECT_TRUE(close(4.0, 8.0 / 2.0, tol));
  EXPECT_FALSE(close(4.1, 4.0, tol));
  EXPECT_TRUE(close(1e20 * (1 + 1e-12), 1e20, tol));
  EXPECT_FALSE(close(NAN, 1.0, tol));
  EXPECT_TRUE(close(1e-13, 0.0, tol));
}

TEST(GradeSampler, PointsStayInTheDomainAndSkipUndefinedReference) {
  const Expr x = symbol("x");
  // 1/x is undefined at 0, so a real-domain sample must redraw there.
  Table t = sample(one_variable(Domain::Real), pow(x, integer(-1)), 7);
  ASSERT_EQ(t.points.size(), kPointsPerScenario);
  bool saw_minus_one = false;
  for (const auto& p : t.points) {
    EXPECT_NE(p.at("x"), 0.0);
    saw_minus_one = saw_minus_one || p.at("x") == -1.0;
    EXPECT_LE(std::fabs(p.at("x")), 100.0);
  }
  EXPECT_TRUE(saw_minus_one);
  Table positive = sample(one_variable(Domain::Positive), x, 7);
  for (const auto& p : positive.points) EXPECT_GT(p.at("x"), 0.0);
}

TEST(GradeSampler, SamplingIsDeterministicPerSeed) {
  const Expr x = symbol("x");
  Table a = sample(one_variable(Domain::Real), x, 42), b = sample(one_variable(Domain::Real), x, 42);
  Table c = sample(one_variable(Domain::Real), x, 43);
  ASSERT_EQ(a.points.size(), b.points.size());
  for (std::size_t i = 0; i < a.points.size(); ++i) EXPECT_EQ(a.points[i].at("x"), b.points[i].at("x"));
  bool differs = false;
  for (std::size_t i = 3; i < a.points.size(); ++i) differs = differs || a.points[i].at("x") != c.points[i].at("x");
  EXPECT_TRUE(differs);
}

TEST(GradeSampler, ColumnsMarkUndefinedValues) {
  const Expr x = symbol("x");
  Table t = sample(one_variable(Domain::Real), x, 1);
  Column logs = column(one_variable(Domain::Real), t, apply(*find_function("ln"), x));
  std::size_t undefined = 0;
  for (std::size_t i = 0; i < t.points.size(); ++i) {
    EXPECT_EQ(logs.defined(i), t.points[i].at("x") > 0);
    undefined += !logs.defined(i);
  }
  EXPECT_GT(undefined, 0u);
}

// Points of different widths (a gradient at dimensions 2 and 3) and
// undefined points share one array; each point gets back its own values.
TEST(GradeSampler, ColumnsKeepEachPointsComponents) {
  Column c;
  const std::vector<double> pair = {1.5, -2}, triple = {3, 4, 5};
  c.push(pair);
  c.push_undefined();
  c.push(triple);
  c.push({});
  ASSERT_EQ(c.size(), 4u);
  EXPECT_TRUE(c.defined(0));
  EXPECT_FALSE(c.defined(1));
  EXPECT_TRUE(c.defined(2));
  EXPECT_FALSE(c.defined(3));
  EXPECT_TRUE(std::equal(c[0].begin(), c[0].end(), pair.begin(), pair.end()));
  EXPECT_TRUE(c[1].empty());
  EXPECT_TRUE(std::equal(c[2].begin(), c[2].end(), triple.begin(), triple.end()));
}

TEST(GradeFeedback, CounterexampleShowsDistinguishableNumbers) {
  Feedback f = fb::counterexample("$x = 0.7$", 2.1000001, 2.1, "the derivative", "导数");
  EXPECT_EQ(f.code, "counterexample");
  EXPECT_NE(f.en.find("2.1000001"), std::string::npos) << f.en;
  EXPECT_EQ(show_number(4.0), "4");
  EXPECT_EQ(show_number(3.4321), "3.43");
}

}  // namespace
}  // namespace calc::grade
