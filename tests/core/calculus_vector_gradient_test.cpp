// gradient_wrt_vector(): the book's vector-notation results exactly, and
// every result checked against the componentwise gradient of the expanded
// function (expand_vector + gradient) in dimensions 1 to 5. Also jacobian
// and hessian against diff().
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
#include "shape_error_util.h"

namespace calc {
namespace {

Expr call(std::string_view name, const Expr& u) { return apply(*find_function(name), u); }

struct Symbols {
  Expr x = symbol("x", Shape::Vector);
  Expr a = symbol("a", Shape::Vector);
  Expr A = symbol("A", Shape::Matrix);
  Expr c = symbol("c");
};

TEST(VectorGradient, BookResultsInVectorNotation) {
  Symbols s;
  EXPECT_EQ(gradient_wrt_vector(norm(s.x), s.x), div(s.x, norm(s.x)));
  EXPECT_EQ(gradient_wrt_vector(mul(mul(transpose(s.x), s.A), s.x), s.x), mul(add(s.A, transpose(s.A)), s.x));
  EXPECT_EQ(gradient_wrt_vector(mul(transpose(s.a), s.x), s.x), s.a);
  EXPECT_EQ(gradient_wrt_vector(mul(transpose(s.x), s.a), s.x), s.a);
  EXPECT_EQ(gradient_wrt_vector(pow(norm(s.x), integer(2)), s.x), mul(integer(2), s.x));
  EXPECT_EQ(gradient_wrt_vector(mul(transpose(s.x), s.x), s.x), mul(integer(2), s.x));
  EXPECT_EQ(gradient_wrt_vector(mul(integer(3), s.c), s.x), integer(0));
}

TEST(VectorGradient, RejectsWhatTheRulesDoNotCover) {
  Symbols s;
  EXPECT_SHAPE_ERROR(gradient_wrt_vector(s.x, s.x));             // not a scalar function
  EXPECT_SHAPE_ERROR(gradient_wrt_vector(norm(s.x), s.c));       // not a vector variable
  Expr xxT = mul(s.x, transpose(s.x));                                  // a matrix depending on x
  EXPECT_SHAPE_ERROR(gradient_wrt_vector(mul(mul(transpose(s.a), xxT), s.a), s.x));
}

std::vector<Expr> components(int n) {
  std::vector<Expr> out;
  for (int i = 1; i <= n; ++i) out.push_back(indexed("x", i));
  return out;
}

// Values for every symbol the expansion can produce, seeded.
Bindings random_point(std::mt19937& rng, int n) {
  std::uniform_real_distribution<double> u(-1.5, 1.5);
  Bindings b{{"c", u(rng)}};
  for (int i = 1; i <= n; ++i) {
    b["x_" + std::to_string(i)] = u(rng);
    b["a_" + std::to_string(i)] = u(rng);
    for (int j = 1; j <= n; ++j) b["A_" + std::to_string(10 * i + j)] = u(rng);
  }
  return b;
}

// ∇f in vector notation, expanded, equals the gradient of f expanded.
void expect_matches_components(const Expr& f) {
  Symbols s;
  std::vector<Expr> shaped{s.A, s.a};
  Expr g = gradient_wrt_vector(f, s.x);
  std::mt19937 rng(11);
  for (int n = 1; n <= 5; ++n) {
    std::vector<Expr> xs = components(n);
    Expr reference = gradient(expand_vector(f, s.x, n, shaped), xs);
    Expr ours = expand_vector(g, s.x, n, shaped);
    for (int trial = 0; trial < 3; ++trial) {
      Bindings at = random_point(rng, n);
      std::vector<double> want = evaluate_vector(reference, at);
      std::vector<double> got = evaluate_vector(ours, at);
      if (is_zero(g)) {  // the zero gradient is the number 0
        for (double w : want) EXPECT_EQ(w, 0.0);
        continue;
      }
      ASSERT_EQ(got.size(), static_cast<std::size_t>(n));
      ASSERT_EQ(want.size(), static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        ASSERT_FALSE(std::isnan(want[i]));
        EXPECT_NEAR(got[i], want[i], 1e-9 * (1 + std::abs(want[i]))) << "n = " << n << ", component " << i + 1;
      }
    }
  }
}

TEST(VectorGradient, MatchesComponentsInDimensionsOneToFive) {
  Symbols s;
  Expr xT = transpose(s.x);
  Expr quad = mul(mul(xT, s.A), s.x);
  Expr sq = pow(norm(s.x), integer(2));
  const std::vector<Expr> cases{
      norm(s.x),
      quad,
      mul(transpose(s.a), s.x),
      sq,
      mul(xT, s.x),
      add(mul(integer(3), norm(s.x)), mul(s.c, quad)),                          // sums and scalar multiples
      call("sin", mul(transpose(s.a), s.x)),                                      // chain through sin
      pow(constant(ConstantId::E), neg(pow(norm(sub(s.x, s.a)), integer(2)))),  // exp(-‖x - a‖²)
      pow(add(integer(1), sq), rational(1, 2)),                                   // sqrt(1 + ‖x‖²)
      call("ln", add(integer(1), sq)),
      mul(norm(s.x), mul(transpose(s.a), s.x)),                                   // product rule
      div(mul(transpose(s.a), s.x), add(integer(2), sq)),                         // quotient
      norm(mul(s.A, s.x)),                                                        // ‖Ax‖
      mul(mul(transpose(s.a), s.A), s.x),                                         // aᵀAx
      pow(norm(s.x), mul(transpose(s.a), s.x)),                                   // a general power
      integer(7),
  };
  for (const Expr& f : cases) {
    SCOPED_TRACE(testing::Message() << "case " << (&f - cases.data()));
    expect_matches_components(f);
  }
}

TEST(VectorCalculus, JacobianRowsAreGradients) {
  Expr x = symbol("x"), y = symbol("y");
  std::vector<Expr> vars{x, y};
  std::vector<Expr> fs{mul(x, y), call("sin", x), add(pow(y, integer(2)), x)};
  Expr j = jacobian(fs, vars);
  ASSERT_TRUE(j.is(Kind::Vector));
  auto rows = static_cast<const VectorNode&>(*j).elements();
  ASSERT_EQ(rows.size(), fs.size());
  for (std::size_t i = 0; i < fs.size(); ++i) EXPECT_EQ(rows[i], gradient(fs[i], vars));
  EXPECT_EQ(j->shape(), Shape::Matrix);
}

TEST(VectorCalculus, HessianIsSymmetricSecondPartials) {
  Expr x = symbol("x"), y = symbol("y"), z = symbol("z");
  std::vector<Expr> vars{x, y, z};
  Expr f = add(mul(pow(x, integer(2)), call("sin", y)), mul(mul(x, y), pow(constant(ConstantId::E), z)));
  Expr h = hessian(f, vars);
  EXPECT_EQ(h->shape(), Shape::Matrix);
  auto rows = static_cast<const VectorNode&>(*h).elements();
  ASSERT_EQ(rows.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    auto row = static_cast<const VectorNode&>(*rows[i]).elements();
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_EQ(row[j], diff(diff(f, vars[i]), vars[j]));
      Bindings at{{"x", 0.3}, {"y", -0.8}, {"z", 1.1}};
      // Mixed partials commute (Schwarz): the other order agrees numerically.
      EXPECT_NEAR(evaluate(row[j], at), evaluate(diff(diff(f, vars[j]), vars[i]), at), 1e-12);
    }
  }
}

}  // namespace
}  // namespace calc
