// Every error code, with the code-point position and length it reports.
#include <gtest/gtest.h>

#include <string>

#include "parse_test_util.h"

namespace calc::parse_test {
namespace {

ParseContext strict_xy() {
  ParseContext ctx;
  ctx.scalars = {"x", "y"};
  return ctx;
}

TEST(ParseErrors, EmptyInput) {
  EXPECT_TRUE(fails_with("", "empty", 0, 0));
  EXPECT_TRUE(fails_with(" \t\n", "empty", 0, 3));
  EXPECT_TRUE(fails_with("\u3000", "empty", 0, 1)) << "an ideographic space is a space";
}

TEST(ParseErrors, UnexpectedTokenAndEnd) {
  EXPECT_TRUE(fails_with("x + * y", "unexpected-token", 4, 1));
  EXPECT_TRUE(fails_with("x +", "unexpected-end", 3, 0));
  EXPECT_TRUE(fails_with("x^", "unexpected-end", 2, 0));
  EXPECT_TRUE(fails_with("()", "unexpected-token", 1, 1));
  EXPECT_TRUE(fails_with("[a, b,]", "unexpected-token", 6, 1));
  EXPECT_TRUE(fails_with("x, y", "unexpected-token", 1, 1));
  EXPECT_TRUE(fails_with("2 3", "unexpected-token", 2, 1)) << "no silent 6";
  EXPECT_TRUE(fails_with("1 1/2", "unexpected-token", 2, 1)) << "not a mixed number";
  EXPECT_TRUE(fails_with("x 2", "unexpected-token", 2, 1));
  EXPECT_TRUE(fails_with("x ₂", "unexpected-token", 2, 1));
  EXPECT_TRUE(fails_with("x⁻", "unexpected-token", 1, 1)) << "an incomplete superscript points at itself";
  EXPECT_TRUE(fails_with("sin", "unexpected-end", 3, 0));
  EXPECT_TRUE(fails_with("sin^-1 x", "unexpected-token", 3, 1)) << "sin⁻¹ is ambiguous";
  EXPECT_TRUE(fails_with("(x = 1)", "unexpected-token", 3, 1));
  EXPECT_TRUE(fails_with("√-x", "unexpected-token", 1, 1));
}

TEST(ParseErrors, UnbalancedPointsAtTheUnmatchedBracket) {
  EXPECT_TRUE(fails_with("(x + 1", "unbalanced", 0, 1));
  EXPECT_TRUE(fails_with("((x)", "unbalanced", 0, 1));
  EXPECT_TRUE(fails_with("x + 1)", "unbalanced", 5, 1));
  EXPECT_TRUE(fails_with("[x)", "unbalanced", 0, 1));
  EXPECT_TRUE(fails_with("f(x, (y)", "unbalanced", 1, 1));
  EXPECT_TRUE(fails_with("|x", "unbalanced", 0, 1));
  EXPECT_TRUE(fails_with("2|x + 1", "unbalanced", 1, 1));
  EXPECT_TRUE(fails_with("(|x)", "unbalanced", 1, 1));
  EXPECT_TRUE(fails_with("‖x", "unbalanced", 0, 1));
  EXPECT_TRUE(fails_with("||x|", "unbalanced", 0, 1)) << "no closing ||, so it is abs of abs, the outer unclosed";
  EXPECT_TRUE(fails_with("||x||y|", "unbalanced", 6, 1));
  const ParseResult r = parse("(x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error->message.find("'('"), std::string::npos) << r.error->message;
}

TEST(ParseErrors, UnknownFunction) {
  EXPECT_TRUE(fails_with("sinn(x)", "unknown-function", 0, 4));
  EXPECT_TRUE(fails_with("foo(x)", "unknown-function", 0, 3));
  EXPECT_TRUE(fails_with("2cot x", "unknown-function", 1, 3)) << "not c·o·t·x";
  EXPECT_TRUE(fails_with("sec(x)", "unknown-function", 0, 3));
  EXPECT_TRUE(fails_with("log10(x)", "unknown-function", 0, 5));
  EXPECT_TRUE(fails_with("log2 x", "unknown-function", 0, 4));
  EXPECT_TRUE(fails_with("g(x)", "unknown-function", 0, 1, strict_xy()));
}

TEST(ParseErrors, UnknownSymbolWhenTheContextDoesNotAllowIt) {
  EXPECT_TRUE(fails_with("z", "unknown-symbol", 0, 1, strict_xy()));
  EXPECT_TRUE(fails_with("x + z^2", "unknown-symbol", 4, 1, strict_xy()));
  EXPECT_TRUE(fails_with("xyz", "unknown-symbol", 2, 1, strict_xy())) << "points at the unknown letter";
  EXPECT_TRUE(fails_with("x_1", "unknown-symbol", 0, 3, strict_xy()));
  EXPECT_TRUE(fails_with("theta", "unknown-symbol", 0, 5, strict_xy()));
  const ParseResult r = parse("x + q", strict_xy());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error->message.find("'q'"), std::string::npos) << r.error->message;
}

TEST(ParseErrors, BadNumbersAndIndices) {
  EXPECT_TRUE(fails_with("1.2.3", "bad-number", 0, 5));
  EXPECT_TRUE(fails_with("x + 1.", "bad-number", 4, 2));
  EXPECT_TRUE(fails_with("1e999", "number-too-large", 0, 5));
  // Coefficients folded to infinity (fuzz finding: "inf" printed, read back as i*n*f).
  EXPECT_TRUE(fails_with("1e308*1e308*x", "number-too-large", 0, 11));
  EXPECT_TRUE(fails_with("1e308*x + 1e308*x", "number-too-large", 0, 17));
  EXPECT_TRUE(fails_with("x_{1.5}", "bad-index", 1, 6));
  EXPECT_TRUE(fails_with("x_", "bad-index", 1, 1));
  EXPECT_TRUE(fails_with("x_9999999", "bad-index", 1, 8));
  EXPECT_TRUE(fails_with("x_a", "bad-index", 1, 2)) << "x is not a declared function";
  EXPECT_TRUE(fails_with("‖x‖₁", "bad-index", 3, 1)) << "only the 2-norm";
  EXPECT_TRUE(fails_with("x1_2", "bad-index", 2, 2));
}

TEST(ParseErrors, LimitsOnDepthAndExponents) {
  EXPECT_TRUE(fails_with("x^1001", "exponent-too-large", 2, 4));
  EXPECT_TRUE(parse("x^1000").ok()) << "the bound itself is allowed";
  EXPECT_TRUE(fails_with("x^-1001", "exponent-too-large", 2, 5));
  EXPECT_TRUE(fails_with("10^10^10^10", "exponent-too-large", 6, 5));
  EXPECT_TRUE(fails_with("x^99999999999", "exponent-too-large", 2, 11));
  EXPECT_TRUE(fails_with("sin^2000 x", "exponent-too-large", 4, 4));
  const std::string deep = std::string(201, '(') + "x" + std::string(201, ')');
  EXPECT_TRUE(fails_with(deep, "too-deep", 200, 1));
  const std::string ok_depth = std::string(199, '(') + "x" + std::string(199, ')');
  EXPECT_TRUE(parse(ok_depth).ok()) << "199 brackets plus the top level is within 200";
  ParseLimits small;
  small.max_depth = 3;
  EXPECT_TRUE(parse("---x", ParseContext::permissive(), small).ok());
  EXPECT_TRUE(fails_with("----x", "too-deep", 0, 1, ParseContext::permissive(), small));
  EXPECT_TRUE(parse("x^x^x^x", ParseContext::permissive(), small).ok());
  EXPECT_TRUE(fails_with("x^x^x^x^x", "too-deep", 7, 1, ParseContext::permissive(), small));
  EXPECT_TRUE(fails_with("| | | |x| | | |", "too-deep", 6, 1, ParseContext::permissive(), small))
      << "bars count too";
  EXPECT_TRUE(fails_with("sin sin sin sin x", "too-deep", 16, 1, ParseContext::permissive(), small))
      << "and function arguments";
}

TEST(ParseErrors, TooLongCoversTheExcess) {
  EXPECT_TRUE(fails_with(std::string(4097, 'x'), "too-long", 4096, 1));
  EXPECT_TRUE(parse("x" + std::string(4095, ' ')).ok()) << "exactly at the limit";
  ParseLimits small;
  small.max_input_bytes = 4;
  EXPECT_TRUE(fails_with("x+x²", "too-long", 3, 1, ParseContext::permissive(), small))
      << "positions are in code points even when the limit is in bytes";
}

TEST(ParseErrors, EquationsHaveOneEqualsSign) {
  EXPECT_TRUE(fails_with("x = 1 = 2", "two-equals", 6, 1));
  EXPECT_TRUE(fails_with("= 1", "unexpected-token", 0, 1));
  EXPECT_TRUE(fails_with("x =", "unexpected-end", 3, 0));
}

TEST(ParseErrors, ArityAndShapes) {
  EXPECT_TRUE(fails_with("sin(x, y)", "wrong-arity", 0, 9));
  EXPECT_TRUE(fails_with("dot(x)", "wrong-arity", 0, 6));
  EXPECT_TRUE(fails_with("sin()", "wrong-arity", 0, 5));
  EXPECT_TRUE(fails_with("[a, b; c]", "bad-vector", 0, 9));
}

TEST(ParseErrors, ArithmeticThatHasNoValue) {
  EXPECT_TRUE(fails_with("1/0", "division-by-zero", 2, 1));
  EXPECT_TRUE(fails_with("x/(1-1)", "division-by-zero", 2, 5));
  EXPECT_TRUE(fails_with("0^-1", "division-by-zero", 0, 4));
}

TEST(ParseErrors, Characters) {
  EXPECT_TRUE(fails_with("x @ y", "unexpected-character", 2, 1));
  EXPECT_TRUE(fails_with("x ∞", "unexpected-character", 2, 1));
  EXPECT_TRUE(fails_with("f'(x)", "unexpected-character", 1, 1)) << "' is neither transpose nor derivative";
  EXPECT_TRUE(fails_with("x′", "unexpected-character", 1, 1));
  EXPECT_TRUE(fails_with("x\xff", "invalid-utf8", 1, 1));
  EXPECT_TRUE(fails_with("π\xe2\x82", "invalid-utf8", 1, 1)) << "truncated sequence";
  EXPECT_TRUE(fails_with("\xc0\xaf", "invalid-utf8", 0, 1)) << "overlong encoding";
  EXPECT_TRUE(fails_with("\xed\xa0\x80", "invalid-utf8", 0, 1)) << "a surrogate";
  EXPECT_TRUE(fails_with("x\x01", "control-character", 1, 1));
  EXPECT_TRUE(fails_with("x\x7f", "control-character", 1, 1));
  EXPECT_TRUE(fails_with("x\u200by", "control-character", 1, 1)) << "zero-width space";
  EXPECT_TRUE(fails_with("\ufeffx", "control-character", 0, 1)) << "byte-order mark";
}

TEST(ParseErrors, BidiControlsAreRefused) {
  EXPECT_TRUE(fails_with("x\u202e+1", "bidi-control", 1, 1));
  EXPECT_TRUE(fails_with("π\u2066x", "bidi-control", 1, 1));
  EXPECT_TRUE(fails_with("x\u200f", "bidi-control", 1, 1));
  const ParseResult r = parse("1\u202e2");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error->message.find("U+202E"), std::string::npos) << r.error->message;
}

TEST(ParseErrors, Derivatives) {
  EXPECT_TRUE(fails_with("∂f/∂x²", "bad-derivative", 0, 6));
  EXPECT_TRUE(fails_with("∂f", "unexpected-end", 2, 0));
  EXPECT_TRUE(fails_with("∂²f/∂x", "unexpected-end", 6, 0));
  EXPECT_TRUE(fails_with("∂/∂x", "unexpected-end", 4, 0));
  EXPECT_TRUE(fails_with("∂+x", "bad-derivative", 0, 2));
  EXPECT_TRUE(fails_with("∂f/x", "bad-derivative", 0, 4));
}

// u = x^2 names an expression, not a variable: d/du would need a change of
// variables, so it is refused at the u rather than printed as d/d(x^2).
TEST(ParseErrors, ADefinedNameIsNoVariableOfDifferentiation) {
  ParseContext ctx = strict_xy();
  ctx.functions = {{"f", {"x", "y"}}};
  ctx.definitions = {{"u", parse("x^2", strict_xy()).expr.value()}};
  EXPECT_TRUE(fails_with("f_u", "bad-derivative", 2, 1, ctx));
  EXPECT_TRUE(parse("∂u/∂x", ctx).ok());
}

// The parse ends at its first error. Each input has a later problem that a
// parse reading on would report instead (in brackets).
TEST(ParseErrors, TheFirstErrorEndsTheParse) {
  EXPECT_TRUE(fails_with("(x+)", "unexpected-token", 3, 1)) << "[the '(' left open]";
  EXPECT_TRUE(fails_with("x^1001 = y = z", "exponent-too-large", 2, 4)) << "[two-equals]";
  EXPECT_TRUE(fails_with("x^1001 + 1e999", "exponent-too-large", 2, 4)) << "[number-too-large]";
  EXPECT_TRUE(fails_with("2/0 + 1e999", "division-by-zero", 2, 1)) << "[number-too-large]";
  EXPECT_TRUE(fails_with("(1e999 = 2) = 3", "number-too-large", 1, 5)) << "['=' in brackets, two-equals]";
  EXPECT_TRUE(fails_with("[x, 1e999; y]", "number-too-large", 4, 5)) << "[bad-vector]";
  EXPECT_TRUE(fails_with("(x^1001, y)", "exponent-too-large", 3, 4)) << "[the vector]";
  EXPECT_TRUE(fails_with("|x^1001 + 2|", "exponent-too-large", 3, 4)) << "[the abs]";
  EXPECT_TRUE(fails_with("|1e999", "number-too-large", 1, 5)) << "[the '|' left open]";
  EXPECT_TRUE(fails_with("sin(1e999)", "number-too-large", 4, 5)) << "[the '(' left open]";
  EXPECT_TRUE(fails_with("sin^2000 x", "exponent-too-large", 4, 4)) << "[the argument]";
  EXPECT_TRUE(fails_with("d(1e999)/dx", "number-too-large", 2, 5)) << "[the derivative of nothing]";
  EXPECT_TRUE(fails_with("[1, 2] + 1 + 1e999", "invalid-expression", 0, 10)) << "[number-too-large]";
  EXPECT_TRUE(fails_with("sin([1, 2]) + x^1001", "invalid-expression", 0, 11)) << "[exponent-too-large]";
  ParseContext ctx;
  ctx.functions = {{"f", {"x", "y", "z"}}};
  EXPECT_TRUE(fails_with("f(1e999, y, z, w)", "number-too-large", 2, 5, ctx)) << "[wrong-arity]";
}

TEST(ParseErrors, MessagesAreBilingualAndQuoteShortly) {
  const ParseResult r = parse(std::string(300, 'q') + "(x)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->code, "unknown-function");
  EXPECT_LT(r.error->message.size(), 120u) << "learner text is cut in messages";
  EXPECT_NE(r.error->message_zh.find("未知函数"), std::string::npos);
}

}  // namespace
}  // namespace calc::parse_test
