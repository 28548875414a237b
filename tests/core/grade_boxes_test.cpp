// Every answer box of the section, graded through the JSON facade with the
// book's numbers (seed 0): equivalent forms a learner may type are accepted,
// and real mistakes are rejected with the feedback code that names them.
//
// The answers were worked out by hand from the section's mathematics (and
// checked with SymPy), never copied from the engine. With seed 0:
//   example: f = 3x^2 - 4x, p = 1: f'(1) = 2, f' = 6x - 4, tangent y = 2x - 3.
//   ex1: f = x^3 - 1/x: f' = 3x^2 + 1/x^2, f'(1) = 4, tangent y = 4x - 4;
//        f(2) = 7.5 and f'(2) = 12.25, so the tangent at 2 is y = 12.25x - 17.
//   ex2: f = 3x_1^2 + 5e^{x_2}: [6x_1, 5e^{x_2}].
//   ex3: f = ‖x‖: x/‖x‖; at 0 not differentiable.
//   ex4: u_a = f_x x_a + f_y y_a + f_z z_a, likewise u_b.
//   en-xx: (x^x)' = x^x (ln x + 1). en-stationary: f = x^3: f' = 0 at 0, neither.
//   en-inverse: f = x^3 + x, y = 2 = f(1): 1/f'(1) = 1/4 (1/f'(2) = 1/13, 1/f(2) = 1/10,
//        (1/f)'(2) = -f'(2)/f(2)^2 = -13/100).
//   rules (c = 3, n = 5, m = 2, a = 1): 12x^3, 5x^4 + e^x, 2x ln x + x,
//        x e^x/(x+1)^2, 5x^4, e^x, 1/x, 2x/(x^2+1).
// Rows whose expected code is "counterexample" are mistakes that no more
// specific message fits; the counterexample point is then what helps.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "api/grade_api.h"
#include "exercise/builtin.h"
#include "numeric_json_reader.h"

namespace calc {
namespace {

using testing_support::Json;
using testing_support::parse_json;

constexpr const char* kCorrect = "correct";

struct Row {
  std::string answer;
  std::string expect;  // kCorrect, or the feedback code the mistake must get
};

const std::map<std::string, std::vector<Row>>& table() {
  static const std::map<std::string, std::vector<Row>> rows = {
      {"calculus.example-limit",
       {{"2", kCorrect}, {"2.0", kCorrect}, {"4/2", kCorrect}, {"2.00000", kCorrect}, {"6/3", kCorrect},
        {"6*1 - 4", kCorrect}, {"1 + 1", kCorrect}, {"20/10", kCorrect}, {"sqrt(4)", kCorrect}, {"√4", kCorrect},
        {"0.5*4", kCorrect},
        {"2.3", "table-entry"}, {"2.03", "table-entry"}, {"2.003", "table-entry"}, {"2.0003", "table-entry"},
        {"2.00003", "table-entry"}, {"-2", "sign-error"}, {"4", "constant-factor"},
        {"-1", "function-value-for-slope"}, {"6x - 4", "function-for-value"}, {"x", "expected-number"},
        {"2.2", "mismatch"}, {"2.5", "mismatch"}}},
      {"calculus.example-derivative",
       {{"6x-4", kCorrect}, {"6*x - 4", kCorrect}, {"6x − 4", kCorrect}, {"-4 + 6x", kCorrect},
        {"2(3x - 2)", kCorrect}, {"6·x - 4", kCorrect}, {"(12x - 8)/2", kCorrect}, {"6.0x - 4.0", kCorrect},
        {"x*6 - 4", kCorrect}, {"6(x - 1) + 2", kCorrect}, {"3x + 3x - 4", kCorrect}, {"−4 + 6x", kCorrect},
        {"6x + 4", "term-sign-error"}, {"-6x + 4", "sign-error"}, {"12x - 8", "constant-factor"},
        {"3x - 2", "constant-factor"}, {"6x", "missing-term"}, {"-4", "missing-term"},
        {"3x^2 - 4x", "not-differentiated"}, {"2x - 3", "tangent-for-derivative"},
        {"6x - 4 + 3x^2", "extra-term"}, {"6x - 4 = 0", "not-an-expression"}, {"6x^2 - 4", "counterexample"},
        {"6x - 4 + ln(x) - ln(2x) + ln(2)", "domain-mismatch"}}},
      {"calculus.example-tangent",
       {{"y = 2x - 3", kCorrect}, {"2x - 3", kCorrect}, {"y = 2(x - 1) - 1", kCorrect},
        {"y + 1 = 2(x - 1)", kCorrect}, {"2x - y - 3 = 0", kCorrect}, {"y = -3 + 2x", kCorrect},
        {"y - 2x = -3", kCorrect}, {"2x - 3 = y", kCorrect}, {"y = 2.0x - 3.0", kCorrect},
        {"4x - 2y - 6 = 0", kCorrect}, {"y=2x−3", kCorrect}, {"2(x - 1) - 1", kCorrect},
        {"6x - 4", "derivative-for-tangent"}, {"y = 6x - 4", "derivative-for-tangent"},
        {"3x^2 - 4x", "function-for-tangent"}, {"y = 3x^2 - 4x", "function-for-tangent"},
        {"y = 2x", "tangent-wrong-point"}, {"y = 2x + 3", "tangent-wrong-point"},
        {"y = 2(x - 1)", "tangent-wrong-point"}, {"y = 6x - 7", "tangent-wrong-slope"},
        {"y = -2x + 1", "tangent-wrong-slope"}, {"y = -1", "tangent-wrong-slope"},
        {"y = x^2 - 2", "not-a-line"}, {"y = 8x - 12", "value-at-wrong-point"}}},
      {"calculus.ex1-tangent/derivative",
       {{"3x^2 + 1/x^2", kCorrect}, {"3x²+1/x²", kCorrect}, {"3x^2 + x^(-2)", kCorrect}, {"3x^2 + x^-2", kCorrect},
        {"(3x^4 + 1)/x^2", kCorrect}, {"3*x*x + 1/(x*x)", kCorrect}, {"3x^2 + (1/x)^2", kCorrect},
        {"x^(-2) + 3x^2", kCorrect}, {"3·x² + x⁻²", kCorrect}, {"3x^2 - (-1/x^2)", kCorrect},
        {"3x^2 + 1/x/x", kCorrect}, {"6x^2/2 + 1/x^2", kCorrect},
        {"3x^2 - 1/x^2", "sign-slip-reciprocal"}, {"-3x^2 - 1/x^2", "sign-error"}, {"3x^2", "missing-term"},
        {"1/x^2", "missing-term"}, {"6x^2 + 2/x^2", "constant-factor"}, {"x^3 - 1/x", "not-differentiated"},
        {"4x - 4", "tangent-for-derivative"}, {"3x^2 + 1/x^2 + x^3", "extra-term"},
        {"3x^2 + 1/x", "counterexample"}, {"3x + 1/x^2", "counterexample"},
        {"3x^2 + 1/x^2 = 0", "not-an-expression"}, {"3x^2 + 1/x^2 + ln(x^3) - 3ln(x)", "domain-mismatch"}}},
      {"calculus.ex1-tangent/slope",
       {{"4", kCorrect}, {"4.0", kCorrect}, {"8/2", kCorrect}, {"3 + 1", kCorrect}, {"3*1^2 + 1/1^2", kCorrect},
        {"4.000", kCorrect}, {"2^2", kCorrect}, {"sqrt(16)", kCorrect}, {"12/3", kCorrect}, {"2*2", kCorrect},
        {"0.4*10", kCorrect}, {"２ * ２", kCorrect},
        {"2", "sign-slip-reciprocal"}, {"-4", "sign-error"}, {"0", "function-value-for-slope"},
        {"4.1", "mismatch"}, {"5", "mismatch"}, {"8", "constant-factor"}, {"3x^2 + 1/x^2", "function-for-value"},
        {"12.25", "value-at-wrong-point"}, {"49/4", "value-at-wrong-point"}, {"3", "missing-term"},
        {"4x", "expected-number"}}},
      {"calculus.ex1-tangent/line",
       {{"y = 4x - 4", kCorrect}, {"4x - 4", kCorrect}, {"y = 4(x-1)", kCorrect}, {"y + 4 = 4x", kCorrect},
        {"4x - y - 4 = 0", kCorrect}, {"y = 4x − 4", kCorrect}, {"4(x - 1)", kCorrect},
        {"y - 0 = 4(x - 1)", kCorrect}, {"4x = y + 4", kCorrect}, {"2y = 8x - 8", kCorrect},
        {"y = -4 + 4x", kCorrect}, {"y=4.0x-4.0", kCorrect}, {"x - y/4 - 1 = 0", kCorrect},
        {"3x^2 + 1/x^2", "derivative-for-tangent"}, {"y = 3x^2 + 1/x^2", "derivative-for-tangent"},
        {"x^3 - 1/x", "function-for-tangent"}, {"y = 4x", "tangent-wrong-point"},
        {"y = 4x - 3", "tangent-wrong-point"}, {"y = 4(x + 1)", "value-at-wrong-point"},
        {"y = 2x - 2", "tangent-wrong-slope"}, {"y = -4x + 4", "tangent-wrong-slope"},
        {"y = 0", "tangent-wrong-slope"}, {"y = x - 1", "tangent-wrong-slope"}, {"y = 4x^2 - 4", "not-a-line"},
        {"y = 12.25x - 17", "value-at-wrong-point"}}},
      {"calculus.ex2-gradient",
       {{"[6x_1, 5e^(x_2)]", kCorrect}, {"[6x₁, 5e^{x₂}]", kCorrect}, {"(6x1, 5e^x2)", kCorrect},
        {"[6*x_1; 5*exp(x_2)]", kCorrect}, {"[2*3*x_1, 5*e^(x_2)]", kCorrect}, {"[6 x_1, 5 exp(x_2)]", kCorrect},
        {"[x_1*6, e^(x_2)*5]", kCorrect}, {"[12x_1/2, 5e^(x_2)]", kCorrect}, {"[6x_1, 5·e^{x_2}]", kCorrect},
        {"[6x_1 + 0, 10e^(x_2)/2]", kCorrect}, {"[3x_1 + 3x_1, 5e^(x_2)]", kCorrect},
        {"[3x_1^2, 5e^(x_2)]", "not-differentiated"}, {"[5e^(x_2), 6x_1]", "swapped-components"},
        {"[6x_1, 5x_2 e^(x_2 - 1)]", "power-rule-on-exp"}, {"[-6x_1, -5e^(x_2)]", "sign-error"},
        {"[6x_1, 0]", "wrong-component"}, {"[3x_1, 5e^(x_2)]", "wrong-component"},
        {"[6x_1, e^(x_2)]", "wrong-component"}, {"[6x_1]", "dimension-mismatch"},
        {"[6x_1, 5e^(x_2), 0]", "dimension-mismatch"}, {"6x_1 + 5e^(x_2)", "scalar-for-vector"},
        {"[12x_1, 10e^(x_2)]", "constant-factor"}}},
      {"calculus.ex3-norm-gradient",
       {{"x/‖x‖", kCorrect}, {"x/‖x‖₂", kCorrect}, {"x/||x||", kCorrect}, {"x/norm(x)", kCorrect},
        {"x/||x||_2", kCorrect}, {"x*‖x‖^(-1)", kCorrect}, {"(1/‖x‖)x", kCorrect}, {"x/sqrt(x^T x)", kCorrect},
        {"x/(x^T x)^(1/2)", kCorrect}, {"2x/(2‖x‖)", kCorrect}, {"x/√(xᵀx)", kCorrect},
        {"‖x‖x/‖x‖^2", kCorrect},
        {"2x", "gradient-of-squared-norm"}, {"x", "gradient-of-squared-norm"},
        {"x/‖x‖^2", "gradient-of-squared-norm"}, {"‖x‖^2 x", "norm-squared-times-x"},
        {"-x/‖x‖", "sign-error"}, {"2x/‖x‖", "constant-factor"}, {"x/(2‖x‖)", "constant-factor"},
        {"‖x‖", "scalar-for-vector"}, {"1/‖x‖", "scalar-for-vector"}, {"0", "scalar-for-vector"},
        {"1", "scalar-for-vector"}}},
      {"calculus.ex3-norm-gradient/at-zero",
       {{"not-differentiable", kCorrect}, {" not-differentiable ", kCorrect},
        {"gradient-zero", "wrong-choice"}, {"gradient-unit", "wrong-choice"}}},
      {"calculus.ex4-chain-rule/a",
       {{"∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a", kCorrect},
        {"df/dx*dx/da + df/dy*dy/da + df/dz*dz/da", kCorrect},
        {"∂x/∂a·∂f/∂x + ∂y/∂a·∂f/∂y + ∂z/∂a·∂f/∂z", kCorrect},
        {"∂f/∂z ∂z/∂a + ∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a", kCorrect}, {"f_x x_a + f_y y_a + f_z z_a", kCorrect},
        {"(∂f/∂x)(∂x/∂a) + (∂f/∂y)(∂y/∂a) + (∂f/∂z)(∂z/∂a)", kCorrect},
        {"∂ f / ∂ x * ∂ x / ∂ a + ∂ f / ∂ y * ∂ y / ∂ a + ∂ f / ∂ z * ∂ z / ∂ a", kCorrect},
        {"∂_x f ∂_a x + ∂_y f ∂_a y + ∂_z f ∂_a z", kCorrect},
        {"2(∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a)/2", kCorrect},
        {"∂f/∂x*∂x/∂a + ∂f/∂y*∂y/∂a + ∂f/∂z*∂z/∂a", kCorrect},
        {"∂/∂x f ∂/∂a x + ∂/∂y f ∂/∂a y + ∂/∂z f ∂/∂a z", kCorrect},
        {"∂u/∂a", "restates-question"}, {"∂f/∂x + ∂f/∂y + ∂f/∂z", "missing-inner-derivative"},
        {"(∂f/∂x ∂x/∂a)(∂f/∂y ∂y/∂a)(∂f/∂z ∂z/∂a)", "product-instead-of-sum"},
        {"∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a", "dropped-chain-path"}, {"∂f/∂x ∂x/∂a + ∂f/∂z ∂z/∂a", "dropped-chain-path"},
        {"∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a", "dropped-chain-path"},
        {"∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b", "wrong-variable"},
        {"-(∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a)", "sign-error"},
        {"2(∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a)", "constant-factor"},
        {"∂f/∂x ∂x/∂a - ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a", "term-sign-error"}}},
      {"calculus.ex4-chain-rule/b",
       {{"∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b", kCorrect},
        {"df/dx*dx/db + df/dy*dy/db + df/dz*dz/db", kCorrect},
        {"∂x/∂b·∂f/∂x + ∂y/∂b·∂f/∂y + ∂z/∂b·∂f/∂z", kCorrect},
        {"∂f/∂z ∂z/∂b + ∂f/∂y ∂y/∂b + ∂f/∂x ∂x/∂b", kCorrect}, {"f_x x_b + f_y y_b + f_z z_b", kCorrect},
        {"(∂f/∂x)(∂x/∂b) + (∂f/∂y)(∂y/∂b) + (∂f/∂z)(∂z/∂b)", kCorrect},
        {"∂ f / ∂ x * ∂ x / ∂ b + ∂ f / ∂ y * ∂ y / ∂ b + ∂ f / ∂ z * ∂ z / ∂ b", kCorrect},
        {"∂_x f ∂_b x + ∂_y f ∂_b y + ∂_z f ∂_b z", kCorrect},
        {"3(∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b)/3", kCorrect},
        {"∂f/∂x*∂x/∂b + ∂f/∂y*∂y/∂b + ∂f/∂z*∂z/∂b", kCorrect},
        {"∂/∂x f ∂/∂b x + ∂/∂y f ∂/∂b y + ∂/∂z f ∂/∂b z", kCorrect},
        {"∂u/∂b", "restates-question"}, {"∂f/∂x + ∂f/∂y + ∂f/∂z", "missing-inner-derivative"},
        {"(∂f/∂x ∂x/∂b)(∂f/∂y ∂y/∂b)(∂f/∂z ∂z/∂b)", "product-instead-of-sum"},
        {"∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b", "dropped-chain-path"}, {"∂f/∂x ∂x/∂b + ∂f/∂z ∂z/∂b", "dropped-chain-path"},
        {"∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b", "dropped-chain-path"},
        {"∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a", "wrong-variable"},
        {"-(∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b)", "sign-error"},
        {"2(∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b)", "constant-factor"},
        {"∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b - ∂f/∂z ∂z/∂b", "term-sign-error"}}},
      {"calculus.en-xx/derivative",
       {{"x^x(ln(x) + 1)", kCorrect}, {"x^x ln x + x^x", kCorrect}, {"x^x(1 + log(x))", kCorrect},
        {"e^(x ln x)(ln x + 1)", kCorrect}, {"x^x + x^x·ln(x)", kCorrect}, {"(ln x + 1)x^x", kCorrect},
        {"x^x·(ln x + 1)", kCorrect}, {"x·x^(x-1) + x^x ln x", kCorrect}, {"x^x ln(e x)", kCorrect},
        {"2x^x(ln x + 1)/2", kCorrect}, {"exp(x*ln(x))*(1 + ln(x))", kCorrect},
        {"x*x^(x-1)", "power-rule-variable-exponent"}, {"x^x ln x", "exponential-rule-variable-base"},
        {"-x^x(ln x + 1)", "sign-error"}, {"x^x ln x - x^x", "term-sign-error"},
        {"2x^x(1 + ln x)", "constant-factor"}, {"x^(x-1)·x", "power-rule-variable-exponent"},
        {"x^x(ln x + 1) = 0", "not-an-expression"}, {"ln x + 1", "counterexample"},
        {"x^(x-1)", "counterexample"}, {"[x^x, 1]", "not-an-expression"},
        {"x^x(ln x + 1) + ln(x - 1) - ln(2x - 2) + ln(2)", "domain-mismatch"}}},
      {"calculus.en-stationary/point",
       {{"0", kCorrect}, {"0.0", kCorrect}, {"-0", kCorrect}, {"0/5", kCorrect}, {"1 - 1", kCorrect},
        {"0*7", kCorrect}, {"0.000", kCorrect}, {"sin(0)", kCorrect}, {"ln(1)", kCorrect}, {"(3 - 3)/2", kCorrect},
        {"１ − １", kCorrect},
        {"1", "mismatch"}, {"-1", "mismatch"}, {"3", "mismatch"}, {"0.5", "mismatch"}, {"10", "mismatch"},
        {"-10", "mismatch"}, {"e", "mismatch"}, {"pi", "mismatch"}, {"3x^2", "expected-number"},
        {"x", "expected-number"}, {"2", "mismatch"}}},
      {"calculus.en-stationary/kind",
       {{"neither", kCorrect}, {"  neither", kCorrect}, {"minimum", "wrong-choice"}, {"maximum", "wrong-choice"}}},
      {"calculus.en-inverse/value",
       {{"1/4", kCorrect}, {"0.25", kCorrect}, {"2/8", kCorrect}, {"1/(3 + 1)", kCorrect},
        {"1/(3*1^2 + 1)", kCorrect}, {"25/100", kCorrect}, {"0.250", kCorrect}, {"4^(-1)", kCorrect},
        {"1÷4", kCorrect}, {"(1/2)^2", kCorrect}, {".25", kCorrect},
        {"4", "forgot-reciprocal"}, {"1/13", "inverse-at-y"}, {"1/10", "reciprocal-for-inverse"},
        {"-13/100", "reciprocal-for-inverse"}, {"-1/4", "sign-error"}, {"1/2", "constant-factor"},
        {"1/8", "constant-factor"}, {"0.2", "mismatch"}, {"0.3", "mismatch"}, {"1/(3x^2 + 1)", "expected-number"},
        {"x", "expected-number"}}},
      {"calculus.rules/constant-multiple",
       {{"12x^3", kCorrect}, {"3*4x^3", kCorrect}, {"12x³", kCorrect}, {"12·x·x·x", kCorrect},
        {"4*3*x^3", kCorrect}, {"24x^3/2", kCorrect}, {"x^3*12", kCorrect}, {"12 x^3", kCorrect},
        {"3(4x^3)", kCorrect}, {"6x^3 + 6x^3", kCorrect}, {"12.0x^3", kCorrect},
        {"4x^3", "constant-factor"}, {"36x^3", "constant-factor"}, {"3x^4", "not-differentiated"},
        {"12x^4", "counterexample"}, {"-12x^3", "sign-error"}, {"12x^2", "counterexample"},
        {"3·4x^5", "counterexample"}, {"12x^3 + 3x^4", "extra-term"}, {"12x^3 = 0", "not-an-expression"},
        {"12x^3 + ln(x) - ln(2x) + ln(2)", "domain-mismatch"}, {"3x^3", "constant-factor"}}},
      {"calculus.rules/sum",
       {{"5x^4 + e^x", kCorrect}, {"e^x + 5x^4", kCorrect}, {"5x^4 + exp(x)", kCorrect},
        {"5·x^4 + e^{x}", kCorrect}, {"10x^4/2 + e^x", kCorrect}, {"x^4*5 + exp(x)", kCorrect},
        {"5x*x^3 + e^x", kCorrect}, {"4x^4 + x^4 + e^x", kCorrect}, {"(5x^4 e^(-x) + 1)e^x", kCorrect},
        {"5x⁴ + e^x", kCorrect}, {"5 x^4 + e^(x)", kCorrect},
        {"5x^4", "missing-term"}, {"e^x", "missing-term"}, {"5x^4 + x e^(x-1)", "power-rule-on-exp"},
        {"5x^4 - e^x", "term-sign-error"}, {"-5x^4 - e^x", "sign-error"}, {"10x^4 + 2e^x", "constant-factor"},
        {"x^5 + e^x", "not-differentiated"}, {"5x^4 + e^x + x^5", "extra-term"}, {"5x^4 + x·e^x/e", "power-rule-on-exp"},
        {"4x^5 + e^x", "counterexample"}, {"5x^4 e^x", "counterexample"}}},
      {"calculus.rules/product",
       {{"2x ln x + x", kCorrect}, {"x(2ln x + 1)", kCorrect}, {"x + 2x ln(x)", kCorrect},
        {"2x·ln(x) + x", kCorrect}, {"x(1 + 2 log(x))", kCorrect}, {"x(ln(x^2) + 1)", kCorrect},
        {"x(ln(x) + ln(x) + 1)", kCorrect}, {"2x*ln(x) + x*1", kCorrect}, {"x ln(e x^2)", kCorrect},
        {"(2ln x + 1)x", kCorrect}, {"2x ln x + x^2/x", kCorrect},
        {"2", "product-of-derivatives"}, {"2x ln x", "missing-term"}, {"x", "missing-term"},
        {"2x ln x - x", "term-sign-error"}, {"-2x ln x - x", "sign-error"}, {"4x ln x + 2x", "constant-factor"},
        {"x^2 ln x", "not-differentiated"}, {"2x ln x + x + x^2 ln x", "extra-term"},
        {"2x·1/x", "product-of-derivatives"}, {"2x + 1/x", "counterexample"},
        {"2x ln x + x = 0", "not-an-expression"}}},
      {"calculus.rules/quotient",
       {{"x e^x/(x+1)^2", kCorrect}, {"(e^x(x+1) - e^x)/(x+1)^2", kCorrect},
        {"e^x/(x+1) - e^x/(x+1)^2", kCorrect}, {"x·e^x/(x+1)²", kCorrect}, {"x exp(x) (x+1)^(-2)", kCorrect},
        {"x e^x/(x^2 + 2x + 1)", kCorrect}, {"(x e^x)/((x+1)(x+1))", kCorrect}, {"e^x x/(1+x)^2", kCorrect},
        {"((x+1)e^x - e^x)/(x+1)^2", kCorrect}, {"x e^{x}/(x + 1)^{2}", kCorrect},
        {"e^x(x+1)^(-1) - e^x(x+1)^(-2)", kCorrect},
        {"(e^x(x+1) + e^x)/(x+1)^2", "quotient-rule-sign"}, {"(e^x(x+1) - e^x)/(x+1)", "quotient-rule-denominator"},
        {"-e^x/(x+1)^2", "product-of-derivatives"}, {"x e^(x-1)/(x+1) - e^x/(x+1)^2", "power-rule-on-exp"},
        {"(e^x - e^x(x+1))/(x+1)^2", "sign-error"}, {"2x e^x/(x+1)^2", "constant-factor"},
        {"e^x/(x+1)", "not-differentiated"}, {"e^x/(x+1) + e^x/(x+1)^2", "quotient-rule-sign"},
        {"x e^x/(x+1)^3", "counterexample"}, {"x e^x/(x+1)^2 = 0", "not-an-expression"},
        {"e^x", "counterexample"}}},
      {"calculus.rules/power",
       {{"5x^4", kCorrect}, {"5x⁴", kCorrect}, {"5·x^4", kCorrect}, {"5x*x*x*x", kCorrect}, {"10x^4/2", kCorrect},
        {"x^4·5", kCorrect}, {"5(x^2)^2", kCorrect}, {"5 x^{4}", kCorrect}, {"5.0x^4", kCorrect},
        {"4x^4 + x^4", kCorrect}, {"5*x**4", kCorrect},
        {"x^4", "constant-factor"}, {"4x^5", "counterexample"}, {"5x^6", "counterexample"}, {"-5x^4", "sign-error"},
        {"x^5", "not-differentiated"}, {"4x^4", "counterexample"}, {"5x^4 + x^5", "extra-term"},
        {"20x^3", "counterexample"}, {"5x^3", "counterexample"}, {"5x^4 = 0", "not-an-expression"},
        {"5x^4 + ln(x^3) - 3ln(x)", "domain-mismatch"}, {"x^6/6", "counterexample"}}},
      {"calculus.rules/exp",
       {{"e^x", kCorrect}, {"exp(x)", kCorrect}, {"e^{x}", kCorrect}, {"e^(x)", kCorrect}, {"2e^x/2", kCorrect},
        {"(e^(x/2))^2", kCorrect}, {"e^(x+1)/e", kCorrect}, {"e^x*1", kCorrect}, {"e^x + 0", kCorrect},
        {"e^(2x)/e^x", kCorrect}, {"sqrt(e^(2x))", kCorrect},
        {"x e^(x-1)", "power-rule-on-exp"}, {"x·e^x/e", "power-rule-on-exp"}, {"-e^x", "sign-error"},
        {"2e^x", "constant-factor"}, {"e^(x-1)", "counterexample"}, {"x e^x", "counterexample"},
        {"e^x/x", "counterexample"}, {"1", "counterexample"}, {"e^x = 0", "not-an-expression"},
        {"[e^x]", "not-an-expression"}, {"e^x + ln(x) - ln(2x) + ln(2)", "domain-mismatch"}}},
      {"calculus.rules/ln",
       {{"1/x", kCorrect}, {"x^(-1)", kCorrect}, {"x^-1", kCorrect}, {"1÷x", kCorrect}, {"2/(2x)", kCorrect},
        {"x/x^2", kCorrect}, {"3/(3x)", kCorrect}, {"1/x + 0", kCorrect}, {"x⁻¹", kCorrect},
        {"0.5/(0.5x)", kCorrect}, {"1/(x*1)", kCorrect},
        {"-1/x", "sign-error"}, {"1/x^2", "counterexample"}, {"ln x", "not-differentiated"},
        {"2/x", "constant-factor"}, {"x", "counterexample"}, {"-1/x^2", "counterexample"},
        {"1/(2x)", "constant-factor"}, {"e^x", "counterexample"}, {"1/x = 0", "not-an-expression"},
        {"ln(x)/x", "counterexample"}}},
      {"calculus.rules/chain",
       {{"2x/(x^2+1)", kCorrect}, {"2x/(1+x^2)", kCorrect}, {"2x·(x^2+1)^(-1)", kCorrect},
        {"(2x)/(x²+1)", kCorrect}, {"x/(x^2+1)*2", kCorrect}, {"4x/(2x^2+2)", kCorrect},
        {"1/(x^2+1)·2x", kCorrect}, {"2x (x^2+1)^-1", kCorrect}, {"x/((x^2+1)/2)", kCorrect},
        {"2x/(x*x+1)", kCorrect}, {"2x/(x^2+1) + 0", kCorrect},
        {"1/(x^2+1)", "missing-inner-derivative"}, {"-2x/(x^2+1)", "sign-error"},
        {"4x/(x^2+1)", "constant-factor"}, {"x/(x^2+1)", "constant-factor"}, {"ln(x^2+1)", "not-differentiated"},
        {"2x", "counterexample"}, {"1/(2x)", "counterexample"}, {"(x^2+1)^(-1)", "missing-inner-derivative"},
        {"2x/(x^2+1)^2", "counterexample"}, {"2x ln(x^2+1)", "counterexample"},
        {"2x/(x^2+1) = 0", "not-an-expression"}}},
  };
  return rows;
}

struct Outcome {
  std::string verdict;
  std::vector<std::string> codes;
  bool has_position = false;
};

Outcome grade(const std::string& box, const std::string& answer) {
  const Json j = parse_json(api::grade_json(box, answer, 0));
  Outcome o{j["verdict"].string, {}, j.has("position")};
  for (const Json& f : j["feedback"].array) o.codes.push_back(f["code"].string);
  return o;
}

std::string codes_text(const Outcome& o) {
  std::string s = o.verdict + " [";
  for (const auto& c : o.codes) s += c + " ";
  return s + "]";
}

bool has_code(const Outcome& o, const std::string& code) {
  for (const auto& c : o.codes)
    if (c == code) return true;
  return false;
}

bool is_choice(const exercise::Box& b) { return b.kind == exercise::BoxKind::Choice; }

TEST(GradeBoxes, EveryCatalogBoxHasEnoughRows) {
  const auto& catalog = exercise::builtin_catalog();
  ASSERT_TRUE(catalog.errors.empty());
  std::size_t boxes = 0;
  for (const auto& ex : catalog.exercises) {
    for (const auto& box : ex.boxes) {
      ++boxes;
      auto it = table().find(box.id);
      ASSERT_NE(it, table().end()) << box.id << " has no rows";
      std::size_t accepted = 0, rejected = 0;
      for (const Row& r : it->second) (r.expect == kCorrect ? accepted : rejected) += 1;
      if (is_choice(box)) {
        // A choice has exactly one right answer; every choice must be tried.
        for (const auto& c : box.choices) {
          bool tried = false;
          for (const Row& r : it->second) tried = tried || r.answer == c.id;
          EXPECT_TRUE(tried) << box.id << ": choice " << c.id << " untested";
        }
        continue;
      }
      EXPECT_GE(accepted, 10u) << box.id;
      EXPECT_GE(rejected, 10u) << box.id;
    }
  }
  // The section's required boxes (issue 4's table) are all in the catalog.
  for (const char* id : {"calculus.example-limit", "calculus.example-derivative", "calculus.example-tangent",
                         "calculus.ex1-tangent/derivative", "calculus.ex1-tangent/slope", "calculus.ex1-tangent/line",
                         "calculus.ex2-gradient", "calculus.ex3-norm-gradient", "calculus.ex3-norm-gradient/at-zero",
                         "calculus.ex4-chain-rule/a", "calculus.ex4-chain-rule/b"})
    EXPECT_NE(catalog.find_box(id).second, nullptr) << id;
  EXPECT_EQ(boxes, table().size()) << "rows for a box the catalog does not have";
}

// One test per box, so a failing box is named in the test list.
class GradeBox : public ::testing::TestWithParam<std::string> {};

TEST_P(GradeBox, AcceptsEquivalentFormsAndNamesMistakes) {
  auto it = table().find(GetParam());
  ASSERT_NE(it, table().end());
  for (const Row& r : it->second) {
    const Outcome o = grade(GetParam(), r.answer);
    if (r.expect == kCorrect) {
      EXPECT_EQ(o.verdict, "correct") << GetParam() << " | " << r.answer << " -> " << codes_text(o);
    } else {
      EXPECT_EQ(o.verdict, "incorrect") << GetParam() << " | " << r.answer << " -> " << codes_text(o);
      EXPECT_TRUE(has_code(o, r.expect)) << GetParam() << " | " << r.answer << " expected " << r.expect << " got "
                                         << codes_text(o);
    }
  }
}

TEST_P(GradeBox, SyntaxErrorsAreInvalidWithAPosition) {
  const auto [ex, box] = exercise::builtin_catalog().find_box(GetParam());
  ASSERT_NE(box, nullptr);
  const std::vector<std::string> broken =
      is_choice(*box) ? std::vector<std::string>{"", "maybe", "not differentiable?"}
                      : std::vector<std::string>{"", "(1 +", "1 +", "2 $ 3", "1 2", "[1, 2", "sin(", "foo(1)"};
  for (const auto& answer : broken) {
    const Outcome o = grade(GetParam(), answer);
    EXPECT_EQ(o.verdict, "invalid") << GetParam() << " | '" << answer << "' -> " << codes_text(o);
    EXPECT_TRUE(o.has_position) << GetParam() << " | '" << answer << "'";
    EXPECT_FALSE(o.codes.empty()) << GetParam() << " | '" << answer << "'";
  }
}

std::vector<std::string> box_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, rows] : table()) ids.push_back(id);
  return ids;
}

INSTANTIATE_TEST_SUITE_P(AllBoxes, GradeBox, ::testing::ValuesIn(box_ids()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char c : info.param.substr(std::string("calculus.").size()))
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(GradeBoxes, UnknownBoxIsAnError) {
  const Json j = parse_json(api::grade_json("calculus.no-such-box", "1", 0));
  EXPECT_EQ(j["error"]["code"].string, "unknown-box");
}

}  // namespace
}  // namespace calc
