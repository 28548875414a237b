// Exact output of the two printers on representative expressions: what the
// CLI, the grader's feedback and the web preview show.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "expr/expr.h"
#include "expr/functions.h"
#include "parse/parser.h"
#include "print/print.h"

namespace calc {
namespace {

ParseContext context() {
  ParseContext ctx = ParseContext::permissive();
  ctx.scalars = {"theta"};
  ctx.vectors = {"v", "w"};
  ctx.matrices = {"A"};
  ctx.functions = {{"f", {"x", "y"}}, {"g", {"t"}}};
  return ctx;
}

Expr read(const std::string& text) {
  ParseResult r = parse(text, context());
  EXPECT_TRUE(r.ok()) << text << ": " << (r.error ? r.error->code : "");
  return r.ok() ? *r.expr : integer(0);
}

struct Case {
  const char* input;
  const char* text;
  const char* latex;
};

class PrintCase : public ::testing::TestWithParam<Case> {};

TEST_P(PrintCase, TextAndLatex) {
  const Case& c = GetParam();
  const Expr e = read(c.input);
  EXPECT_EQ(to_text(e), c.text) << c.input;
  EXPECT_EQ(to_latex(e), c.latex) << c.input;
}

INSTANTIATE_TEST_SUITE_P(
    Printers, PrintCase,
    ::testing::Values(
        // Derivatives of the section's examples, as diff() returns them.
        Case{"6x - 4", "6*x - 4", "6x - 4"},
        Case{"3x^2 + 1/x^2", "3*x^2 + x^(-2)", "3x^{2} + \\frac{1}{x^{2}}"},
        Case{"-4x + 3x^2", "3*x^2 - 4*x", "3x^{2} - 4x"},
        Case{"[6x_1, 5e^(x_2)]", "[6*x_1, 5*e^(x_2)]", "\\begin{bmatrix}6x_{1} \\\\ 5e^{x_{2}}\\end{bmatrix}"},
        Case{"v/norm(v)", "v/norm(v)", "\\frac{v}{\\lVert v \\rVert_2}"},
        Case{"(A + A^T) v", "(A + A^T)*v", "(A + A^{\\top}) v"},
        Case{"v^T A v", "v^T*A*v", "v^{\\top} A v"},
        // A symbol named T as an exponent: bare, x^T would read back as a transpose.
        Case{"exp(T)", "e^(T)", "e^{T}"},
        // Signs, quotients, roots.
        Case{"-x", "-x", "-x"},
        Case{"x - y", "x - y", "x - y"},
        Case{"-(x+1)^2", "-(x + 1)^2", "-(x + 1)^{2}"},
        Case{"x/10", "1/10*x", "\\frac{x}{10}"},
        Case{"-3x/(4y)", "-3/4*x/y", "-\\frac{3x}{4y}"},
        Case{"1/sqrt(x)", "x^(-1/2)", "\\frac{1}{\\sqrt{x}}"},
        Case{"3/x^2", "3/x^2", "\\frac{3}{x^{2}}"},
        Case{"x/(y z^3)", "x/(y*z^3)", "\\frac{x}{y z^{3}}"},
        Case{"1/(x y)", "1/(x*y)", "\\frac{1}{x y}"},
        Case{"(x+1)^(-1/3) y", "y/(x + 1)^(1/3)", "\\frac{y}{(x + 1)^{\\frac{1}{3}}}"},
        Case{"sqrt(x+1)", "sqrt(x + 1)", "\\sqrt{x + 1}"},
        Case{"x^(3/2)", "x^(3/2)", "x^{\\frac{3}{2}}"},
        Case{"2^(1/2)/2", "1/2*sqrt(2)", "\\frac{\\sqrt{2}}{2}"},
        Case{"x^y^z", "x^(y^z)", "x^{y^{z}}"},
        Case{"(x^T)", "x", "x"},
        // Functions and constants.
        Case{"sin x", "sin(x)", "\\sin x"},
        Case{"sin(x+1)", "sin(x + 1)", "\\sin(x + 1)"},
        Case{"sin(x)^2", "sin(x)^2", "\\sin^{2} x"},
        Case{"y sin(x) cos(x)", "y*cos(x)*sin(x)", "y \\cos(x) \\sin x"},
        Case{"exp(2x)", "e^(2*x)", "e^{2x}"},
        Case{"2 pi x", "2*pi*x", "2\\pi x"},
        Case{"|x - 1|", "abs(x - 1)", "\\left\\lvert x - 1 \\right\\rvert"},
        Case{"ln(x) + atan(x)", "atan(x) + ln(x)", "\\arctan x + \\ln x"},
        Case{"cos(x)/x - sin(x)/x^2", "cos(x)/x - sin(x)/x^2", "\\frac{\\cos x}{x} - \\frac{\\sin x}{x^{2}}"},
        Case{"2x/(x^2 + 1)", "2*x/(x^2 + 1)", "\\frac{2x}{x^{2} + 1}"},
        Case{"x^x (ln(x) + 1)", "x^x*(ln(x) + 1)", "x^{x} (\\ln x + 1)"},
        Case{"2 * 3^x", "2*3^x", "2 \\cdot 3^{x}"},
        // Abstract functions and unevaluated derivatives.
        Case{"f(x, y)", "f(x, y)", "f(x, y)"},
        Case{"∂f/∂x", "∂f/∂x", "\\frac{\\partial f}{\\partial x}"},
        Case{"∂²f/∂x∂y", "∂²f/∂x∂y", "\\frac{\\partial^{2} f}{\\partial x \\partial y}"},
        Case{"∂²f/∂y²", "∂²f/∂y²", "\\frac{\\partial^{2} f}{\\partial y^{2}}"},
        Case{"∂f(2x, y)/∂x", "∂f(2*x, y)/∂x", "\\frac{\\partial f}{\\partial x}(2x, y)"},
        Case{"d^2g/dt^2", "∂²g/∂t²", "\\frac{d^{2} g}{d t^{2}}"},
        Case{"d/dx(x^2 + y)", "d/dx(x^2 + y)", "\\frac{d}{d x}(x^{2} + y)"},
        Case{"(d/dx(x^2))^2", "(d/dx(x^2))^2", "\\left(\\frac{d}{d x}(x^{2})\\right)^{2}"},
        Case{"dy/dx", "d/dx(y)", "\\frac{d y}{d x}"},
        // Equations, vectors, matrices, numbers.
        Case{"y = 3x + 1", "y = 3*x + 1", "y = 3x + 1"},
        Case{"[1, 2; 3, 4]", "[1, 2; 3, 4]", "\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}"},
        Case{"[[1], [2]]", "[[1], [2]]", "\\begin{bmatrix}1 \\\\ 2\\end{bmatrix}"},
        Case{"[[x, y]]", "[[x, y]]", "\\begin{bmatrix}x & y\\end{bmatrix}"},
        Case{"[1, 2]^T", "[1, 2]^T", "\\begin{bmatrix}1 & 2\\end{bmatrix}"},
        Case{"x_12 + theta", "theta + x_12", "\\theta + x_{12}"},
        Case{"1e30 x", "1e+30*x", "1 \\times 10^{30} x"},
        Case{"0.10000000000000001", "0.10000000000000001", "0.1"},
        Case{"6.02214076e23", "6.02214076e+23", "6.02214076 \\times 10^{23}"}));

TEST(Print, DoublesUseTheShortestFormThatStaysADouble) {
  EXPECT_EQ(to_text(real(0.1)), "0.10000000000000001");
  EXPECT_EQ(to_text(real(-6.02214076e-23)), "-6.02214076e-23");
  EXPECT_EQ(to_text(real(1.0 / 3.0)), "0.33333333333333331");
  EXPECT_EQ(to_text(real(1e30)), "1e+30");
  EXPECT_EQ(to_text(real(0.5)), "0.50000000000000000");  // "0.5" would read back as the exact 1/2
  EXPECT_EQ(to_latex(real(0.5)), "0.5");
  EXPECT_EQ(to_text(real(0.0)), "0");  // a double zero is the exact zero
}

// ParseLimits::max_int_exponent refuses x^2500 as input, yet such powers
// arise from allowed input ((x^999)^999), so the text writes them in a form
// that reads back as the same node.
TEST(Print, ExponentsAboveTheParserLimitAreWrittenSoTheyReadBack) {
  const Expr x = symbol("x");
  const Expr e = constant(ConstantId::E);
  EXPECT_EQ(to_text(pow(e, integer(9000))), "exp(9000)");
  EXPECT_EQ(to_text(pow(e, real(2.767074077777778e+68))), "exp(2.767074077777778e+68)");
  EXPECT_EQ(to_text(pow(x, integer(2500))), "(x^1000)^2*x^500");
  EXPECT_EQ(to_text(pow(x, integer(-2500))), "(x^1000)^(-2)*x^(-500)");
  EXPECT_EQ(to_text(pow(x, integer(2000001))), "((x^1000)^1000)^2*x");
  EXPECT_EQ(to_text(mul(symbol("y"), pow(x, integer(-1001)))), "y/((x^1000)*x)");
  EXPECT_EQ(to_text(pow(x, rational(5001, 2))), "((x^(1/2))^1000)^5*(x^(1/2))");
  // A bare 2 would be a coefficient, not a factor of the power.
  EXPECT_EQ(to_text(pow(integer(2), integer(2001))), "(2^1000)*2^600*2^401");
  EXPECT_EQ(to_text(pow(x, real(1998.0))), "(x^(999.00000000000000))^2");
  const Expr huge = real(9.930209650349791e+20);  // 999^7, past the exact integers
  for (const Expr& p :
       {pow(e, integer(9000)), pow(e, rational(-5001, 2)), pow(x, integer(-2500)),
        pow(add(x, integer(1)), integer(3000007)), mul(symbol("y"), pow(x, integer(-1001))),
        pow(apply(*find_function("sin"), x), integer(123456789012)), pow(x, rational(3996001, 4)),
        pow(integer(3), rational(2998, 3)), pow(integer(2), integer(-2001)), pow(rational(3, 2), integer(5001)),
        pow(x, real(1500.0000000000002)), pow(x, huge), pow(x, -huge), pow(integer(2), huge),
        pow(integer(10), real(1500.0000000000002)), pow(x, real(1e300))}) {
    const ParseResult r = parse(to_text(p));
    ASSERT_TRUE(r.ok()) << to_text(p) << " -> " << r.error->code;
    EXPECT_EQ(*r.expr, p) << to_text(p);
  }
}

TEST(Print, CoefficientOfADoubleStaysVisible) {
  const Expr x = symbol("x");
  EXPECT_EQ(to_text(mul(real(2.0), x)), "2.0000000000000000*x");
  EXPECT_EQ(to_latex(mul(real(2.0), x)), "2x");
}

TEST(Print, StreamOperatorIsTheTextForm) {
  std::ostringstream os;
  os << add(symbol("x"), integer(1));
  EXPECT_EQ(os.str(), "x + 1");
}

TEST(Print, StreamOperatorSummarizesHugeSharedDags) {
  // d = d^2 + d forty times: 41 distinct nodes, a tree of about 2^40.
  Expr d = add(symbol("x"), integer(1));
  for (int i = 0; i < 40; ++i) d = add(pow(d, integer(2)), d);
  std::ostringstream os;
  os << d;
  EXPECT_EQ(os.str().rfind("<expression of ", 0), 0u) << os.str().substr(0, 80);
}

}  // namespace
}  // namespace calc
