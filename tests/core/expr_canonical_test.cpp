// Canonical construction: equal expressions built in any order are one node
// (issue 3, "Expressions"), plus regressions for bugs found in review.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "expr/expr.h"
#include "expr/functions.h"
#include "parse/parser.h"
#include "print/print.h"
#include "shape_error_util.h"

namespace calc {
namespace {

const FunctionRecord& fn(const char* name) { return *find_function(name); }

Expr x() { return symbol("x"); }
Expr product(const std::vector<Expr>& factors) { return mul(factors); }
Expr sum(const std::vector<Expr>& terms) { return add(terms); }
Expr y() { return symbol("y"); }

TEST(ExprCanonical, ArithmeticFoldsAtConstruction) {
  EXPECT_EQ(add(x(), x()), mul(integer(2), x()));
  EXPECT_EQ(mul(x(), x()), pow(x(), integer(2)));
  EXPECT_EQ(mul(integer(2), integer(3)), integer(6));
  EXPECT_EQ(pow(x(), integer(1)), x());
  EXPECT_EQ(pow(pow(x(), integer(2)), integer(3)), pow(x(), integer(6)));
  EXPECT_EQ(sub(x(), x()), integer(0));
  EXPECT_EQ(div(x(), x()), integer(1));
  EXPECT_EQ(mul(x(), y()), mul(y(), x()));
  EXPECT_EQ(add(x(), y()), add(y(), x()));
  EXPECT_EQ(mul(integer(2), add(x(), integer(1))), add(mul(integer(2), x()), integer(2)));
  EXPECT_EQ(div(add(mul(integer(2), x()), integer(2)), integer(2)), add(x(), integer(1)));
}

TEST(ExprCanonical, PowersOfPowersMergeOnlyWhereValidForRealValues) {
  // (x^2)^(1/2) is |x|, not x; (x^3)^(1/3) is x only for x >= 0 in the reals.
  EXPECT_TRUE(pow(pow(x(), integer(2)), rational(1, 2)).is(Kind::Pow));
  EXPECT_NE(pow(pow(x(), integer(2)), rational(1, 2)), x());
  EXPECT_NE(pow(pow(x(), integer(3)), rational(1, 3)), x());
  // An integer outer exponent, an even root inside, or base e always merge.
  EXPECT_EQ(pow(pow(x(), rational(1, 2)), integer(2)), x());
  EXPECT_EQ(pow(pow(x(), rational(1, 2)), rational(1, 3)), pow(x(), rational(1, 6)));
  const Expr e = constant(ConstantId::E);
  EXPECT_EQ(pow(pow(e, x()), y()), pow(e, mul(x(), y())));
}

TEST(ExprCanonical, BuiltinAliasesAreOneNode) {
  EXPECT_EQ(apply(fn("exp"), x()), pow(constant(ConstantId::E), x()));
  EXPECT_EQ(apply(fn("sqrt"), x()), pow(x(), rational(1, 2)));
  EXPECT_EQ(&fn("log"), &fn("ln"));
  EXPECT_EQ(symbol("x1"), indexed("x", 1));
  EXPECT_EQ(symbol("x_1"), indexed("x", 1));
  EXPECT_EQ(apply(fn("sqrt"), integer(8)), mul(integer(2), pow(integer(2), rational(1, 2))));
}

TEST(ExprCanonical, ExactAndDoubleNumbersStayApartExceptZeroAndUnitCoefficients) {
  EXPECT_NE(rational(1, 2), real(0.5));
  EXPECT_EQ(real(0.0), integer(0));  // no literal can spell a double zero
  EXPECT_EQ(mul(real(0.0), x()), integer(0));
  // 0.5x + 0.5x has coefficient 1.0, which is not printed, so it is the exact 1.
  EXPECT_EQ(sum({mul(real(0.5), x()), mul(real(0.5), x()), y()}), add(x(), y()));
  EXPECT_EQ(product({real(1.0), x(), y()}), mul(x(), y()));
  EXPECT_EQ(product({real(-1.0), x(), y()}), neg(mul(x(), y())));
  EXPECT_NE(mul(real(2.0), x()), mul(integer(2), x()));
}

// mul(c, A*B^-1) used to keep c beside the sum A while mul(c, A) distributed
// it, so one product had two forms depending on the order of construction.
TEST(ExprCanonical, CoefficientTimesSumIsOneNodeInEveryGrouping) {
  const Expr a = add(x(), integer(1));
  const Expr b_inv = pow(y(), integer(-1));
  const Expr c = integer(2);
  EXPECT_EQ(mul(c, mul(a, b_inv)), mul(mul(c, a), b_inv));
  EXPECT_EQ(mul(c, mul(a, apply(fn("sin"), x()))), mul(mul(c, a), apply(fn("sin"), x())));
  // The sum gives its numeric content to the coefficient: (2x+2) y = 2 (x+1) y.
  const Expr two_a = add(mul(integer(2), x()), integer(2));
  EXPECT_EQ(mul(two_a, y()), product({integer(2), a, y()}));
  EXPECT_EQ(mul(two_a, a), mul(integer(2), pow(a, integer(2))));
  EXPECT_EQ(pow(two_a, integer(2)), mul(two_a, two_a));
  EXPECT_EQ(pow(two_a, integer(-1)), div(integer(1), two_a));
  EXPECT_EQ(neg(mul(a, y())), mul(neg(a), y()));
  // ... and terms built either way merge in a sum.
  EXPECT_EQ(add(mul(two_a, y()), mul(a, y())), product({integer(3), a, y()}));
}

// Builds the same product and sum from shuffled, randomly grouped operands.
class Orders : public ::testing::Test {
 protected:
  std::vector<Expr> operands() {
    const Expr sum = add(x(), integer(1));
    return {integer(6),
            rational(-2, 3),
            x(),
            pow(x(), integer(-2)),
            sum,
            add(mul(integer(4), y()), integer(-6)),
            pow(sum, rational(1, 2)),
            apply(fn("sin"), x()),
            pow(integer(2), rational(1, 2)),
            constant(ConstantId::Pi),
            y()};
  }

  Expr fold(std::vector<Expr> items, std::mt19937& rng, const std::function<Expr(const Expr&, const Expr&)>& op) {
    // Repeatedly combine two random neighbours: every grouping is reachable.
    while (items.size() > 1) {
      const std::size_t i = rng() % (items.size() - 1);
      items[i] = op(items[i], items[i + 1]);
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
    return items[0];
  }
};

TEST_F(Orders, ProductsAreIndependentOfOrderAndGrouping) {
  std::mt19937 rng(7);
  const std::vector<Expr> base = operands();
  const Expr reference = mul(base);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Expr> items = base;
    std::shuffle(items.begin(), items.end(), rng);
    const std::size_t n = 2 + rng() % (items.size() - 1);
    items.resize(n);
    std::vector<Expr> sorted_items = items;
    const Expr expected = mul(sorted_items);
    std::shuffle(items.begin(), items.end(), rng);
    const Expr got = fold(items, rng, [](const Expr& a, const Expr& b) { return mul(a, b); });
    ASSERT_EQ(got, expected) << to_text(got) << " vs " << to_text(expected);
  }
  EXPECT_EQ(fold(base, rng, [](const Expr& a, const Expr& b) { return mul(a, b); }), reference);
}

TEST_F(Orders, SumsAreIndependentOfOrderAndGrouping) {
  std::mt19937 rng(11);
  std::vector<Expr> base = operands();
  for (const Expr& e : operands()) base.push_back(mul(e, y()));  // products as terms too
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Expr> items = base;
    std::shuffle(items.begin(), items.end(), rng);
    items.resize(2 + rng() % (items.size() - 1));
    const Expr expected = add(items);
    std::shuffle(items.begin(), items.end(), rng);
    const Expr got = fold(items, rng, [](const Expr& a, const Expr& b) { return add(a, b); });
    ASSERT_EQ(got, expected) << to_text(got) << " vs " << to_text(expected);
    // Subtracting every term again gives 0, whatever the grouping.
    Expr rest = got;
    for (const Expr& e : items) rest = sub(rest, e);
    ASSERT_EQ(rest, integer(0)) << to_text(rest);
  }
}

TEST(ExprCanonical, VectorSumsAndMatrixProductsGiveTheirContentToo) {
  const Expr v = symbol("v", Shape::Vector), w = symbol("w", Shape::Vector);
  const Expr s = apply(fn("sin"), x());
  // w + [x, x^x]: the entries count, so -3w + [-3x, -3x^x] has content -3.
  const Expr sum = add(w, vector({x(), pow(x(), x())}));
  EXPECT_EQ(mul(mul(integer(-3), sum), s), product({integer(-3), sum, s}));
  // x^T (2v + 2w) = 2 x^T (v + w), however the matrix product was reached.
  const Expr x_t = transpose(symbol("x", Shape::Vector));
  EXPECT_EQ(mul(x_t, add(mul(integer(2), v), mul(integer(2), w))), mul(integer(2), mul(x_t, add(v, w))));
  // A scalar x^T y is one node in both orientations, even when transposing
  // reorders the terms of a sum factor (y v - v has its sign on another term).
  const Expr u = add(mul(y(), v), neg(v));
  EXPECT_EQ(mul(transpose(u), w), mul(transpose(w), u));
  EXPECT_EQ(mul(transpose(neg(u)), w), neg(mul(transpose(w), u)));
}

TEST(ExprNumber, LiteralsOfNineteenDigitsStayExactWhenTheyFit) {
  const auto max = Number::from_literal("9223372036854775807");
  ASSERT_TRUE(max.has_value());
  EXPECT_TRUE(max->is_exact());
  EXPECT_EQ(max->num(), INT64_MAX);
  EXPECT_FALSE(Number::from_literal("9223372036854775808")->is_exact());
  // The printer writes such denominators, and they must read back exactly.
  const Expr r = rational(65536, 6568408355712890625);
  EXPECT_EQ(*parse(to_text(r)).expr, r);
}

TEST(ExprNumber, SeventeenDigitDoublesAreLiterals) {
  // %#.17g writes "34328125000000000." with a bare point, which is no literal.
  const Expr big = real(34328125000000000.0);
  EXPECT_EQ(to_text(big), "34328125000000000.0");
  EXPECT_EQ(*parse(to_text(big)).expr, big);
  EXPECT_EQ(*parse(to_text(real(0.5))).expr, real(0.5));
}

TEST(ExprCanonical, AbsOfHugeDoubleCoefficientTerminates) {
  // fold_abs used to rebuild abs(u/c); for c = 1e30 the quotient kept a
  // coefficient other than 1 and abs recursed until the stack overflowed.
  const Expr e = apply(fn("abs"), mul(real(1e30), x()));
  EXPECT_EQ(e, mul(real(1e30), apply(fn("abs"), x())));
  EXPECT_EQ(apply(fn("abs"), mul(real(-0.1), x())), mul(real(0.1), apply(fn("abs"), x())));
}

// Builds d_{n+1} = d_n^2 + d_n from fresh leaves: a DAG of n+1 distinct
// nodes whose tree has about 2^n nodes.
Expr doubling_dag(int n) {
  Expr d = add(symbol("x"), integer(1));
  for (int i = 0; i < n; ++i) d = add(pow(d, integer(2)), d);
  return d;
}

TEST(ExprEquality, PointerThenHashThenStructure) {
  const Expr a = add(x(), integer(1));
  EXPECT_TRUE(a == a);
  const Expr b = add(symbol("x"), integer(1));  // separately built
  EXPECT_NE(a.get(), b.get());
  EXPECT_TRUE(a == b);
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_FALSE(a == add(x(), integer(2)));
  EXPECT_FALSE(Expr() == a);
  EXPECT_TRUE(Expr() == Expr());
}

TEST(ExprEquality, SeparatelyBuiltDagsCompareInLinearTime) {
  // With a plain recursive walk this comparison visits ~2^60 nodes.
  const Expr a = doubling_dag(60), b = doubling_dag(60);
  EXPECT_NE(a.get(), b.get());
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == doubling_dag(59));
  EXPECT_FALSE(expr_less(a, b) || expr_less(b, a));
  // Sorting them as terms of a sum uses the same comparison.
  EXPECT_EQ(add(a, b), mul(integer(2), a));
}

TEST(ExprMatrix, VectorOfEqualRowsIsAMatrix) {
  const Expr m = vector({vector({x(), integer(1)}), vector({y(), integer(2)})});
  EXPECT_EQ(m->shape(), Shape::Matrix);
  EXPECT_TRUE(m.is(Kind::Vector));
  EXPECT_EQ(vector({x(), y()})->shape(), Shape::Vector);
  EXPECT_EQ(vector({vector({x()})})->shape(), Shape::Matrix);  // 1x1
  EXPECT_SHAPE_ERROR(vector({vector({x(), y()}), vector({x()})}));  // ragged
  EXPECT_SHAPE_ERROR(vector({vector({x(), y()}), x()}));
  EXPECT_SHAPE_ERROR(vector({m, m}));  // rows must be vectors of scalars
  EXPECT_SHAPE_ERROR(vector({symbol("v", Shape::Vector)}));
  EXPECT_SHAPE_ERROR(add(m, integer(1)));
  // A scalar multiple scales every entry, as for vectors.
  EXPECT_EQ(mul(integer(2), m),
            vector({vector({mul(integer(2), x()), integer(2)}), vector({mul(integer(2), y()), integer(4)})}));
}

TEST(ExprMatrix, ExplicitSumsAndTransposesCombineEntryByEntry) {
  const Expr a = symbol("a"), b = symbol("b");
  const Expr v = vector({a, b});
  // Equal explicit vectors merge into one term with coefficient 2 first; that
  // coefficient must reach the entries.
  EXPECT_EQ(add(v, v), vector({mul(integer(2), a), mul(integer(2), b)}));
  EXPECT_EQ(add(v, v), mul(integer(2), v));
  EXPECT_EQ(sum({v, v, vector({integer(1), integer(2)})}),
            vector({add(mul(integer(2), a), integer(1)), add(mul(integer(2), b), integer(2))}));
  EXPECT_EQ(sub(v, v), vector({integer(0), integer(0)}));  // keeps its shape
  const Expr m = vector({vector({a, integer(1)}), vector({b, integer(2)})});
  const Expr id = vector({vector({integer(1), integer(0)}), vector({integer(0), integer(1)})});
  EXPECT_EQ(add(m, id), vector({vector({add(a, integer(1)), integer(1)}), vector({b, integer(3)})}));
  EXPECT_EQ(add(m, m), mul(integer(2), m));
  EXPECT_EQ(transpose(m), vector({vector({a, b}), vector({integer(1), integer(2)})}));
  EXPECT_EQ(transpose(transpose(m)), m);
  EXPECT_EQ(transpose(vector({vector({a, b})})), vector({vector({a}), vector({b})}));
  EXPECT_SHAPE_ERROR(add(m, vector({vector({a, b, a}), vector({a, b, a})})));
}

TEST(ExprMatrix, ParserReadsRowsSeparatedBySemicolons) {
  const ParseResult r = parse("[x, 1; y, 2]");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r.expr, vector({vector({x(), integer(1)}), vector({y(), integer(2)})}));
  EXPECT_EQ(parse("[1, 2; 3]").error->code, "bad-vector");
  EXPECT_EQ(parse("[x; y]").expr->get()->shape(), Shape::Vector);  // one item per row: a column
}

TEST(ExprDerivative, DerivativeOfAbstractFunctionInItsParameterIsThePartial) {
  const Expr f = function("f", {"x", "y"}, {x(), y()}, {0, 0});
  EXPECT_EQ(derivative_of(f, x()), function("f", {"x", "y"}, {x(), y()}, {1, 0}));
  EXPECT_EQ(derivative_of(derivative_of(f, y()), x()), function("f", {"x", "y"}, {x(), y()}, {1, 1}));
  // Other arguments need the chain rule, so the derivative stays unevaluated.
  const Expr g = function("f", {"x", "y"}, {mul(integer(2), x()), y()}, {0, 0});
  EXPECT_TRUE(derivative_of(g, x()).is(Kind::Derivative));
  EXPECT_TRUE(derivative_of(f, symbol("z")).is(Kind::Derivative));
}

// Huge exponents must neither loop nor allocate: exact powers that do not
// fit int64 stay unevaluated powers.
TEST(ExprGuards, HugeIntegerExponentsStaySymbolic) {
  const Expr big = integer(99999999999);
  const Expr p = pow(x(), big);
  ASSERT_TRUE(p.is(Kind::Pow));
  EXPECT_EQ(static_cast<const PowNode&>(*p).exponent(), big);
  EXPECT_TRUE(pow(integer(10), big).is(Kind::Pow));
  EXPECT_TRUE(pow(rational(3, 7), neg(big)).is(Kind::Pow));
  EXPECT_EQ(pow(integer(-1), big), integer(-1));
  EXPECT_EQ(pow(integer(1), big), integer(1));
  EXPECT_EQ(pow(integer(0), big), integer(0));
  EXPECT_TRUE(pow(integer(2), rational(99999999999, 2)).is(Kind::Pow) ||
              pow(integer(2), rational(99999999999, 2)).is(Kind::Mul));
  // (2x+2)^n = 2^n (x+1)^n with 2^n unevaluated.
  const Expr q = pow(add(mul(integer(2), x()), integer(2)), big);
  EXPECT_EQ(q, mul(pow(integer(2), big), pow(add(x(), integer(1)), big)));
  // Products of such powers add exponents without evaluating them.
  EXPECT_EQ(mul(p, p), pow(x(), integer(199999999998)));
}

TEST(ExprGuards, TowerOfTensIsBuiltWithoutEvaluating) {
  const Expr ten = integer(10);
  const Expr tower = pow(ten, pow(ten, pow(ten, ten)));  // 10^10^10^10
  ASSERT_TRUE(tower.is(Kind::Pow));
  const Expr& exponent = static_cast<const PowNode&>(*tower).exponent();
  EXPECT_EQ(exponent, pow(ten, integer(10000000000)));
  EXPECT_TRUE(exponent.is(Kind::Pow));
  // Its text nests the exponent so that it reads back (print_test.cpp).
  EXPECT_EQ(to_text(tower), "10^((((10^1000)^1000)^1000)^10)");
  // The parser refuses what the constructors keep (ParseLimits::max_int_exponent).
  EXPECT_EQ(parse("10^10^10^10").error->code, "exponent-too-large");
  EXPECT_EQ(parse("x^99999999999").error->code, "exponent-too-large");
}

TEST(ExprGuards, HugeRationalExponentsOfNumbersStaySymbolic) {
  EXPECT_TRUE(pow(integer(4), rational(99999999999, 2)).is(Kind::Pow));
  EXPECT_TRUE(pow(integer(8), rational(1, 99999999999)).is(Kind::Pow));
  EXPECT_TRUE(pow(real(10.0), real(1e300)).is(Kind::Pow));  // inf is not a value
  EXPECT_EQ(pow(real(2.0), real(10.0)), real(1024.0));
}

}  // namespace
}  // namespace calc
