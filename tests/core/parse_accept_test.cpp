// What learners type, and the expression each input must mean, built
// independently with the canonical constructors.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "parse_test_util.h"

namespace calc::parse_test {
namespace {

using Case = std::pair<const char*, Expr>;

void expect_all(const std::vector<Case>& cases, const ParseContext& ctx = ParseContext::permissive()) {
  for (const auto& [input, expected] : cases) EXPECT_TRUE(parses_to(input, expected, ctx));
}

Expr n(std::int64_t v) { return integer(v); }
Expr e_const() { return constant(ConstantId::E); }
Expr pi() { return constant(ConstantId::Pi); }

TEST(ParseAccept, ImplicitMultiplication) {
  const Expr a = symbol("a"), b = symbol("b");
  expect_all({
      {"4x", mul(n(4), x())},
      {"2(x-1)", mul(n(2), sub(x(), n(1)))},
      {"x y", mul(x(), y())},
      {"xy", mul(x(), y())},
      {"(a)(b)", mul(a, b)},
      {"2x^2", mul(n(2), pow(x(), n(2)))},
      {"x(x+1)", mul(x(), add(x(), n(1)))},
      {"(x+1)2", mul(add(x(), n(1)), n(2))},
      {"2 x y", mul(mul(n(2), x()), y())},
      {"xe^x", mul(x(), pow(e_const(), x()))},
      {"2e", mul(n(2), e_const())},
      {"2π", mul(n(2), pi())},
      {"πx", mul(pi(), x())},
      {"3x_1^2", mul(n(3), pow(indexed("x", 1), n(2)))},
  });
}

TEST(ParseAccept, PrecedenceAndAssociativity) {
  const Expr a = symbol("a"), b = symbol("b"), c = symbol("c");
  expect_all({
      {"-x^2", neg(pow(x(), n(2)))},
      {"2^3^2", n(512)},
      {"x^2^3", pow(x(), n(8))},
      {"a/b/c", div(div(a, b), c)},
      {"a-b-c", sub(sub(a, b), c)},
      {"1/2x", mul(rational(1, 2), x())},
      {"x/2y", mul(div(x(), n(2)), y())},
      {"a+b*c", add(a, mul(b, c))},
      {"--x", x()},
      {"-+-x", x()},
      {"2*-x", mul(n(2), neg(x()))},
      {"x^-1", pow(x(), n(-1))},
      {"x^(-1)", pow(x(), n(-1))},
      {"x^-2x", mul(pow(x(), n(-2)), x())},
      {"x^-x^2", pow(x(), neg(pow(x(), n(2))))},
      {"2^-1", rational(1, 2)},
      {"e^2x", mul(pow(e_const(), n(2)), x())},
      {"(x)^2", pow(x(), n(2))},
      {"3x^2 - 4x", sub(mul(n(3), pow(x(), n(2))), mul(n(4), x()))},
      {"x^3 - 1/x", sub(pow(x(), n(3)), div(n(1), x()))},
  });
}

TEST(ParseAccept, OperatorSpellings) {
  expect_all({
      {"x**2", pow(x(), n(2))},
      {"2×x", mul(n(2), x())},
      {"2·x", mul(n(2), x())},
      {"2⋅x", mul(n(2), x())},
      {"2∗x", mul(n(2), x())},
      {"x−1", sub(x(), n(1))},
      {"x–1", sub(x(), n(1))},
      {"x÷2", div(x(), n(2))},
      {"{x+1}^2", pow(add(x(), n(1)), n(2))},
      {"e^{x}", pow(e_const(), x())},
      {"  x \t+\n 1 ", add(x(), n(1))},
  });
}

TEST(ParseAccept, UnicodeSuperscriptsAndSubscripts) {
  expect_all({
      {"x²", pow(x(), n(2))},
      {"x³", pow(x(), n(3))},
      {"x⁻²", pow(x(), n(-2))},
      {"x⁻¹", pow(x(), n(-1))},
      {"x¹⁰", pow(x(), n(10))},
      {"2x²y", mul(mul(n(2), pow(x(), n(2))), y())},
      {"x⁽²⁾", pow(x(), n(2))},
      {"xˣ", pow(x(), x())},
      {"xˣ(ln x + 1)", mul(pow(x(), x()), add(fn("ln", x()), n(1)))},
      {"x₁", indexed("x", 1)},
      {"x₁₂", indexed("x", 12)},
      {"3x₁² + 5e^{x₂}", add(mul(n(3), pow(indexed("x", 1), n(2))), mul(n(5), pow(e_const(), indexed("x", 2))))},
      {"θ", symbol("θ")},
      {"2θ", mul(n(2), symbol("θ"))},
  });
}

TEST(ParseAccept, FullWidthCharactersFromChineseInputMethods) {
  expect_all({
      {"１２ｘ", mul(n(12), x())},
      {"（ｘ＋１）＾２", pow(add(x(), n(1)), n(2))},
      {"[x，y]", vector({x(), y()})},
  });
}

TEST(ParseAccept, IndexedVariables) {
  const Expr x1 = indexed("x", 1);
  expect_all({
      {"x1", x1},
      {"x_1", x1},
      {"x_{1}", x1},
      {"x₁", x1},
      {"x_12", indexed("x", 12)},
      {"x1x2", mul(x1, indexed("x", 2))},
      {"x_1 x_2", mul(x1, indexed("x", 2))},
  });
  EXPECT_TRUE(symbol("x_1") == x1) << "the constructor contract the parser relies on";
}

TEST(ParseAccept, Numbers) {
  expect_all({
      {"0.5", rational(1, 2)},
      {".5", rational(1, 2)},
      {"1e-3", number(*Number::from_literal("1e-3"))},
      {"1E3", n(1000)},
      {"2e-3", number(*Number::from_literal("2e-3"))},
      {"12", n(12)},
      {"0.25x", mul(rational(1, 4), x())},
  });
}

TEST(ParseAccept, ConstantsAndBuiltinFunctions) {
  expect_all({
      {"e^x", pow(e_const(), x())},
      {"exp(x)", fn("exp", x())},
      {"π", pi()},
      {"pi", pi()},
      {"ln x", fn("ln", x())},
      {"ln(x)", fn("ln", x())},
      {"log(x)", fn("ln", x())},
      {"sqrt(x)", fn("sqrt", x())},
      {"√x", fn("sqrt", x())},
      {"√(x+1)", fn("sqrt", add(x(), n(1)))},
      {"√x²", pow(fn("sqrt", x()), n(2))},
      {"√2x", mul(fn("sqrt", n(2)), x())},
      {"|x|", fn("abs", x())},
      {"|x-1|", fn("abs", sub(x(), n(1)))},
      {"|x||y|", mul(fn("abs", x()), fn("abs", y()))},
      {"||x|-1|", fn("abs", sub(fn("abs", x()), n(1)))},
      {"| |x| - 1 |", fn("abs", sub(fn("abs", x()), n(1)))},
      {"ln|x|", fn("ln", fn("abs", x()))},
      {"sin(x)", fn("sin", x())},
      {"arcsin(x)", fn("asin", x())},
      {"tanh(x)", fn("tanh", x())},
  });
  EXPECT_TRUE(*parse("e^x").expr == *parse("exp(x)").expr) << "e^x and exp(x) are one expression";
}

// Functions without brackets take one power as argument; a number glued to
// what follows joins it (sin 2x), and sin^2 x is (sin x)^2.
TEST(ParseAccept, FunctionsWithoutBrackets) {
  const Expr sin_x = fn("sin", x());
  expect_all({
      {"sin x", sin_x},
      {"sinx", sin_x},
      {"x sin x", mul(x(), sin_x)},
      {"sin x cos x", mul(sin_x, fn("cos", x()))},
      {"sin x^2", fn("sin", pow(x(), n(2)))},
      {"sin 2x", fn("sin", mul(n(2), x()))},
      {"sin2x", fn("sin", mul(n(2), x()))},
      {"sin 2 x", mul(fn("sin", n(2)), x())},
      {"sin -x", fn("sin", neg(x()))},
      {"sin^2 x", pow(sin_x, n(2))},
      {"sin²x", pow(sin_x, n(2))},
      {"sin^2(x)", pow(sin_x, n(2))},
      {"sin(x)^2", pow(sin_x, n(2))},
      {"2sin x", mul(n(2), sin_x)},
      {"xsin(x)", mul(x(), sin_x)},
      {"ln x + 1", add(fn("ln", x()), n(1))},
  });
}

TEST(ParseAccept, VectorsMatricesAndNorms) {
  ParseContext ctx;
  ctx.scalars = {"a", "b", "c", "d"};
  ctx.vectors = {"x", "v"};
  ctx.matrices = {"A"};
  const Expr a = symbol("a"), b = symbol("b"), c = symbol("c"), d = symbol("d");
  const Expr xv = symbol("x", Shape::Vector), v = symbol("v", Shape::Vector), A = symbol("A", Shape::Matrix);
  const Expr column = vector({a, b});
  expect_all(
      {
          {"[a, b]", column},
          {"(a, b)", column},
          {"[a; b]", column},
          {"[a]", vector({a})},
          {"‖x‖", norm(xv)},
          {"‖x‖₂", norm(xv)},
          {"‖x‖_2", norm(xv)},
          {"||x||", norm(xv)},
          {"||x||_2", norm(xv)},
          {"norm(x)", norm(xv)},
          {"‖x‖²", pow(norm(xv), n(2))},
          {"x/‖x‖₂", div(xv, norm(xv))},
          {"x^T", transpose(xv)},
          {"x^⊤", transpose(xv)},
          {"xᵀ", transpose(xv)},
          {"x^T A x", mul(mul(transpose(xv), A), xv)},
          {"x^Tx", mul(transpose(xv), xv)},
          {"(A + A^T)x", mul(add(A, transpose(A)), xv)},
          {"dot(x, v)", mul(transpose(xv), v)},
          {"2x", mul(n(2), xv)},
      },
      ctx);
  // Rows written with ';' mean the same as a bracket of brackets, whatever
  // the vector constructor makes of a vector of rows.
  const ParseResult rows = parse("[a, b; c, d]", ctx), nested = parse("[[a, b], [c, d]]", ctx);
  ASSERT_EQ(rows.ok(), nested.ok());
  if (rows.ok()) EXPECT_TRUE(*rows.expr == *nested.expr) << dump(*rows.expr) << " vs " << dump(*nested.expr);
  else EXPECT_EQ(rows.error->code, nested.error->code);
}

TEST(ParseAccept, Equations) {
  expect_all({
      {"y = 2x - 3", equation(y(), sub(mul(n(2), x()), n(3)))},
      {"y = 4x - 4", equation(y(), sub(mul(n(4), x()), n(4)))},
      {"x^2 = 1", equation(pow(x(), n(2)), n(1))},
  });
}

// In an exercise context only declared names exist, which is what lets a
// run of letters split into declared variables.
TEST(ParseAccept, DeclaredNamesSplitRunsOfLetters) {
  ParseContext ctx;
  ctx.scalars = {"x", "y", "ab"};
  const Expr ab = symbol("ab");
  expect_all(
      {
          {"xy", mul(x(), y())},
          {"yx", mul(y(), x())},
          {"ab", ab},
          {"abx", mul(ab, x())},
          {"xy(x+1)", mul(mul(x(), y()), add(x(), n(1)))},
          {"xsin x", mul(x(), fn("sin", x()))},
          {"xe", mul(x(), e_const())},
      },
      ctx);
}

TEST(ParseAccept, DeclaredIndexedNamesInAnySpelling) {
  ParseContext ctx;
  ctx.scalars = {"x1", "x_{2}"};
  expect_all({{"x_1 + x₂", add(indexed("x", 1), indexed("x", 2))}, {"x1x2", mul(indexed("x", 1), indexed("x", 2))}},
             ctx);
}

}  // namespace
}  // namespace calc::parse_test
