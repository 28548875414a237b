// linear_combination(c, {(t_i, k_i)}) is a shortcut for
// add(number(c), mul(number(k_i), t_i)...): diff() and simplify() rebuild
// sums with it, so it must build the very same node, exact or double
// coefficients, overflow and underflow included. Likewise the derivative of
// a sum of c*x^n terms, which diff() takes as coefficient and power directly,
// must equal the sum of the terms' derivatives taken by the general rules.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "calculus/derivative.h"
#include "expr/expr.h"
#include "expr/functions.h"
#include "print/print.h"
#include "shape_error_util.h"

namespace calc {
namespace {

Expr x() { return symbol("x"); }
Expr y() { return symbol("y"); }

// Coefficients where the shortcut could part from mul(): exact and double
// units, values whose product overflows int64 or underflows to 0.0, and
// ones whose product is exactly 1.
std::vector<Number> coefficients() {
  return {Number::integer(1),   Number::integer(-1),        Number::integer(2),
          Number::integer(0),   Number::rational(1, 2),     Number::rational(-3, 7),
          Number::real(1.0),    Number::real(-1.0),         Number::real(0.5),
          Number::real(2.0),    Number::real(1e-200),       Number::integer(INT64_C(3037000500)),
          Number::integer(INT64_C(-4611686018427387904)),   Number::rational(7, 3)};
}

// Scalar terms of every kind the shortcut treats differently.
std::vector<Expr> scalar_terms() {
  const FunctionRecord& sin = *find_function("sin");
  return {
      x(),
      pow(x(), integer(3)),
      pow(x(), rational(1, 2)),
      apply(sin, x()),
      constant(ConstantId::Pi),
      mul(integer(2), x()),
      mul(rational(3, 7), mul(x(), y())),
      mul(real(0.5), pow(y(), integer(-2))),
      mul(real(1e-200), x()),
      mul(integer(INT64_C(3037000500)), y()),
      mul(x(), y()),
      add(x(), integer(1)),
      add(mul(integer(2), x()), integer(4)),
      add(mul(real(0.5), x()), real(1.5)),
      integer(3),
      rational(-5, 2),
      real(2.5),
      real(1e-200),
  };
}

Expr reference(const Number& constant, const std::vector<std::pair<Expr, Number>>& terms) {
  std::vector<Expr> parts{number(constant)};
  for (const auto& [t, k] : terms) parts.push_back(mul(number(k), t));
  return add(parts);
}

void expect_same(const Number& constant, const std::vector<std::pair<Expr, Number>>& terms) {
  Expr want = reference(constant, terms);
  Expr got = linear_combination(constant, terms);
  std::string listing = to_text(number(constant));
  for (const auto& [t, k] : terms) listing += " + (" + k.to_string() + ")*(" + to_text(t) + ")";
  // == compares exactness too (1/2 is not 0.5); the text shows what differs.
  EXPECT_EQ(got, want) << listing << "\n  got  " << to_text(got) << "\n  want " << to_text(want);
}

TEST(LinearCombination, EachTermAndCoefficientAloneMatchesAddOfProducts) {
  for (const Expr& t : scalar_terms())
    for (const Number& k : coefficients()) expect_same(Number(), {{t, k}});
}

TEST(LinearCombination, RandomSumsWithLikeTermsAndConstantsMatchAddOfProducts) {
  const std::vector<Expr> terms = scalar_terms();
  const std::vector<Number> ks = coefficients();
  std::mt19937 rng(20261129);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::pair<Expr, Number>> list;
    const int n = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) list.emplace_back(terms[rng() % terms.size()], ks[rng() % ks.size()]);
    expect_same(ks[rng() % ks.size()], list);
  }
}

TEST(LinearCombination, VectorTermsMatchAddOfProducts) {
  Expr v = symbol("v", Shape::Vector);
  Expr explicit_vector = vector({x(), integer(3)});
  for (const Number& k : coefficients()) {
    expect_same(Number(), {{v, k}, {explicit_vector, Number::integer(2)}});
    expect_same(Number(), {{explicit_vector, k}, {vector({y(), integer(1)}), k}});
  }
}

TEST(LinearCombination, ShapeErrorsAsForAdd) {
  Expr v = symbol("v", Shape::Vector);
  std::vector<std::pair<Expr, Number>> mixed{{v, Number::integer(2)}, {x(), Number::integer(3)}};
  EXPECT_SHAPE_ERROR(linear_combination(Number(), mixed));
  std::vector<std::pair<Expr, Number>> vector_only{{v, Number::integer(2)}};
  EXPECT_SHAPE_ERROR(linear_combination(Number::integer(1), vector_only));
}

TEST(LinearCombination, DerivativeOfMonomialSumsEqualsTheGeneralRulesTermByTerm) {
  // diff() takes c*x^n terms of a sum as (c*n) x^(n-1); each power alone
  // goes through the power rule and the sum's coefficients through mul().
  const std::vector<Number> exponents = {Number::integer(2),  Number::integer(3),     Number::integer(-1),
                                         Number::integer(-2), Number::rational(1, 2), Number::rational(-3, 2),
                                         Number::integer(INT64_C(4611686018427387904)), Number::real(2.5)};
  for (const Number& n : exponents) {
    for (const Number& c : coefficients()) {
      if (c.is_zero()) continue;
      Expr power = pow(x(), number(n));
      Expr e = add(mul(number(c), power), mul(integer(5), y()));
      if (!e.is(Kind::Add)) continue;  // c*x^n folded into something else
      std::vector<Expr> by_terms;
      for (const auto& [t, k] : static_cast<const AddNode&>(*e).terms()) by_terms.push_back(mul(number(k), diff(t, x())));
      Expr want = add(by_terms);
      Expr got = diff(e, x());
      EXPECT_EQ(got, want) << to_text(e) << "\n  got  " << to_text(got) << "\n  want " << to_text(want);
    }
  }
}

}  // namespace
}  // namespace calc
