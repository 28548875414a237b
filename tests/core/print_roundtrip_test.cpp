// parse(to_text(e)) == e over thousands of generated canonical expressions:
// scalars, vectors, matrices, norms, transposes and matrix products, abstract
// functions with partial orders, unevaluated derivatives, equations, and
// exact, rational and double numbers.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "ad_random_expr.h"
#include "expr/expr.h"
#include "expr/shape_check.h"
#include "expr/functions.h"
#include "parse/parser.h"
#include "print/print.h"

namespace calc {
namespace {

ParseContext context() {
  ParseContext ctx = ParseContext::permissive();
  ctx.vectors = {"v", "w"};
  ctx.matrices = {"A"};
  ctx.functions = {{"f", {"x", "y"}}, {"g", {"t"}}};
  return ctx;
}

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  Expr any(int depth) {
    switch (pick(10)) {
      case 0:
        return vec(depth);
      case 1:
        return matrix(depth);
      case 2:
        return equation(scalar(depth), scalar(depth));
      default:
        return scalar(depth);
    }
  }

  Expr scalar(int depth) {
    if (depth <= 0 || pick(6) == 0) return leaf();
    switch (pick(16)) {
      case 0:
      case 1:
        return add(scalar(depth - 1), scalar(depth - 1));
      case 2:
        return sub(scalar(depth - 1), scalar(depth - 1));
      case 3:
      case 4:
        return mul(scalar(depth - 1), scalar(depth - 1));
      case 5:
        return div(scalar(depth - 1), scalar(depth - 1));
      case 6: {
        static const Number kExponents[] = {Number::integer(2),    Number::integer(3),    Number::integer(-1),
                                            Number::integer(-2),   Number::rational(1, 2), Number::rational(-1, 2),
                                            Number::rational(3, 2), Number::rational(1, 3), Number::real(0.5)};
        return pow(scalar(depth - 1), number(kExponents[pick(9)]));
      }
      case 7:
        return pow(scalar(depth - 1), scalar(depth - 1));
      case 8:
      case 9: {
        auto fns = builtin_functions();
        return apply(fns[static_cast<std::size_t>(pick(static_cast<int>(fns.size())))], scalar(depth - 1));
      }
      case 10:
        return norm(vec(depth - 1));
      case 11:
        return mul(transpose(vec(depth - 1)), vec(depth - 1));
      case 12:
        return mul(mul(transpose(vec(depth - 1)), symbol("A", Shape::Matrix)), vec(depth - 1));
      case 13:
        return abstract_function(depth);
      case 14: {
        // The parser reads d/dx f(2x, y) as ∂f/∂x at (2x, y), a FunctionNode
        // with orders (generated above), so a function's own parameters are
        // not used as the variable of an unevaluated derivative of it.
        Expr body = scalar(depth - 1);
        return derivative_of(body, body.is(Kind::Function) ? symbol("z") : pick(2) ? symbol("x") : indexed("x", 1));
      }
      default:
        return neg(scalar(depth - 1));
    }
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }

  Expr leaf() {
    switch (pick(12)) {
      case 0:
        return integer(pick(20) - 5);
      case 1:
        return rational(pick(9) - 4, pick(5) + 2);
      case 2: {
        static const double kDoubles[] = {0.1, 2.5, -3.25, 1e30, 2.5e-7, 1.0 / 3.0, 6.02214076e23, -0.75};
        return real(kDoubles[pick(8)]);
      }
      case 3:
        return constant(pick(2) ? ConstantId::E : ConstantId::Pi);
      case 4:
        return indexed("x", pick(3) + 1);
      case 5:
        return symbol("y");
      case 6:
        return symbol("z");
      default:
        return symbol("x");
    }
  }

  Expr abstract_function(int depth) {
    if (pick(2)) {
      const std::uint8_t order = static_cast<std::uint8_t>(pick(13));  // above 9 nests
      Expr arg = pick(2) ? symbol("t") : scalar(depth - 1);
      return function("g", {"t"}, {arg}, {order});
    }
    std::vector<Expr> args{pick(2) ? symbol("x") : scalar(depth - 1), pick(2) ? symbol("y") : scalar(depth - 1)};
    return function("f", {"x", "y"}, args,
                    {static_cast<std::uint8_t>(pick(3)), static_cast<std::uint8_t>(pick(3))});
  }

  Expr vec(int depth) {
    if (depth <= 0) return symbol(pick(2) ? "v" : "w", Shape::Vector);
    switch (pick(7)) {
      case 0:
        return vector({scalar(depth - 1), scalar(depth - 1)});
      case 1:
        return mul(scalar(depth - 1), vec(depth - 1));
      case 2:
        return add(vec(depth - 1), vec(depth - 1));
      case 3:
        return mul(symbol("A", Shape::Matrix), vec(depth - 1));
      case 4:
        return derivative_of(scalar(depth - 1), symbol("v", Shape::Vector));
      default:
        return symbol(pick(2) ? "v" : "w", Shape::Vector);
    }
  }

  Expr matrix(int depth) {
    switch (pick(4)) {
      case 0: {
        const int rows = pick(3) + 1, cols = pick(3) + 1;
        std::vector<Expr> r;
        for (int i = 0; i < rows; ++i) {
          std::vector<Expr> row;
          for (int j = 0; j < cols; ++j) row.push_back(scalar(depth - 1));
          r.push_back(vector(std::move(row)));
        }
        return vector(std::move(r));
      }
      case 1:
        return mul(scalar(depth - 1), symbol("A", Shape::Matrix));
      case 2:
        return add(symbol("A", Shape::Matrix), transpose(symbol("A", Shape::Matrix)));
      default:
        return symbol("A", Shape::Matrix);
    }
  }

  std::mt19937 rng_;
};

// Constructors accept powers the parser refuses on purpose: 0^(-1) (built
// as (x - x)^(-1)) is a division by zero. Exponents above
// ParseLimits::max_int_exponent are printed in forms that read back
// ((x^1000)^2*x^500, exp(9000)), except on a double base or a number base
// with a double exponent, whose smaller powers may evaluate to numbers.
bool refused_power(const Expr& base, const Expr& exponent) {
  const Number* x = as_number(exponent);
  if (!x) return false;
  if (is_zero(base) && x->is_negative()) return true;
  const Number* b = as_number(base);
  return b && (!b->is_exact() || !x->is_exact()) &&
         std::fabs(x->value()) > static_cast<double>(ParseLimits{}.max_int_exponent);
}

bool unreadable(const Expr& e) {
  if (e.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*e);
    if (refused_power(p.base(), p.exponent())) return true;
  }
  if (e.is(Kind::Mul)) {
    for (const auto& [b, x] : static_cast<const MulNode&>(*e).factors())
      if (refused_power(b, x)) return true;
  }
  bool found = false;
  for_each_child(e, [&](const Expr& c) { found = found || unreadable(c); });
  return found;
}

void expect_round_trip(const Expr& e, const ParseContext& ctx) {
  if (unreadable(e)) return;
  const std::string text = to_text(e);
  ParseLimits roomy;
  roomy.max_input_bytes = 1 << 20;
  roomy.max_depth = 4000;
  const ParseResult back = parse(text, ctx, roomy);
  ASSERT_TRUE(back.ok()) << text << " -> " << back.error->code << " at " << back.error->position;
  EXPECT_TRUE(*back.expr == e) << text << "\n  reads back as " << to_text(*back.expr);
  (void)to_latex(e);  // every expression has a LaTeX form
}

TEST(PrintRoundTrip, GeneratedExpressionsReadBackEqual) {
  const ParseContext ctx = context();
  int checked = 0;
  for (unsigned seed = 1; seed <= 4000; ++seed) {
    Generator g(seed);
    ShapeCheck check;
    const Expr e = g.any(5);
    if (check.failed()) continue;  // e.g. a 2-vector plus a 3-row matrix product; not an expression
    expect_round_trip(e, ctx);
    ++checked;
    if (::testing::Test::HasFailure()) break;  // one clear counterexample
  }
  EXPECT_GE(checked, 3000);
}

TEST(PrintRoundTrip, SharedRandomScalarExpressionsReadBackEqual) {
  const ParseContext ctx = context();
  const std::vector<std::string> vars{"x", "y", "x_1", "x_2"};
  for (unsigned seed = 1; seed <= 500; ++seed) {
    std::mt19937 rng(seed);
    expect_round_trip(testing_support::random_expr(rng, 4, vars), ctx);
    if (::testing::Test::HasFailure()) break;
  }
}

// A sum whose content is unknown keeps a coefficient multiplied into it, so
// 200*S/y must not print as text that reads 200*S first (fuzz finding: the
// denominators' lcm overflowed, and the text read back as (200*S)/y).
TEST(PrintRoundTrip, CoefficientBesideASumWithUnknownContent) {
  const Expr y_inv = pow(symbol("y"), integer(-1));
  const Expr overflowing = add(add(symbol("x"), mul(rational(1, 312345678901234567), symbol("z"))),
                               rational(-1, 8901234567));
  const Expr inexact = add(symbol("x"), real(0.5));
  for (const Expr& sum : {overflowing, inexact})
    for (const Expr& c : {integer(200), rational(-3, 7), real(2.5)}) expect_round_trip(mul(c, mul(sum, y_inv)), context());
}

// The chain-rule exercise declares x = x(a, b), …; a derivative with respect
// to such a function (z_z, d/dz E) must print as text that reads back.
TEST(PrintRoundTrip, DerivativesWithRespectToADeclaredFunction) {
  ParseContext chain;
  chain.scalars = {"a", "b"};
  chain.functions = {{"f", {"x", "y", "z"}}, {"x", {"a", "b"}}, {"y", {"a", "b"}}, {"z", {"a", "b"}}};
  for (const char* text : {"z_z", "3f_x*x_ay_a + fz*z_z*z_a", "d/dz(x*y)", "d/dx(f)"}) {
    const ParseResult r = parse(text, chain);
    ASSERT_TRUE(r.ok()) << text << " -> " << r.error->message;
    expect_round_trip(*r.expr, chain);
  }
  EXPECT_EQ(to_text(*parse("z_z", chain).expr), "d/dz(z(a, b))");
  EXPECT_EQ(to_latex(*parse("z_z", chain).expr), "\\frac{d}{d z}(z(a, b))");
}

}  // namespace
}  // namespace calc
