#include "grade/feedback.h"

#include <cmath>

#include "expr/decimal.h"

namespace calc::grade {

namespace {

std::string shown(double v, int digits) {
  if (std::isfinite(v) && v == std::round(v) && std::fabs(v) < 1e15) return decimal::general(v, 16);
  return decimal::general(v, digits);
}

}  // namespace

std::string show_number(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "undefined" : (v > 0 ? "∞" : "-∞");
  if (v == std::round(v) && std::fabs(v) < 1e15) return decimal::general(v, 16);
  return decimal::general(v, 3);
}

std::string show_numbers_apart(double a, double b, std::string& other) {
  for (int digits = 3; digits <= 17; ++digits) {
    std::string sa = shown(a, digits), sb = shown(b, digits);
    if (sa != sb || digits == 17) {
      other = sb;
      return sa;
    }
  }
  other = show_number(b);
  return show_number(a);
}

namespace fb {

namespace {
Feedback make(std::string code, std::string zh, std::string en) { return {std::move(code), std::move(zh), std::move(en)}; }
}  // namespace

Feedback correct() { return make("correct", "正确。", "Correct."); }
Feedback undecided() {
  return make("undecided", "无法可靠地判定：在定义域内找不到足够多可用于比较的点。",
              "Cannot decide reliably: too few points in the domain where the comparison is meaningful.");
}
Feedback mismatch() { return make("mismatch", "与正确答案不一致。", "This does not match the correct answer."); }
Feedback domain_mismatch(const std::string& point) {
  return make("domain-mismatch", "你的答案的定义域与正确答案不一致：在 " + point + " 处它没有定义，而正确答案有定义。",
              "The domain of your answer doesn't match: it is undefined at " + point +
                  ", where the correct answer is defined.");
}
Feedback counterexample(const std::string& point, double answer, double reference, std::string_view what_en,
                        std::string_view what_zh) {
  std::string ref;
  const std::string ans = show_numbers_apart(answer, reference, ref);
  return make("counterexample", "在 " + point + " 处，你的答案等于 " + ans + "，而" + std::string(what_zh) + "等于 " + ref + "。",
              "At " + point + " your answer is " + ans + ", " + std::string(what_en) + " is " + ref + ".");
}
Feedback too_imprecise() {
  return make("too-imprecise", "很接近，但不够精确：请给出精确值（例如分数）或更多位有效数字。",
              "Close, but not exact: give the exact value (a fraction, say) or more digits.");
}
Feedback expected_number() {
  return make("expected-number", "这里要填一个数，而你的答案仍含有变量。",
              "A number is expected here, but your answer still contains a variable.");
}
Feedback function_for_value() {
  return make("function-for-value", "你给出的是导函数本身；这里要的是它在指定点的值。",
              "You gave the derivative as a function; this box wants its value at the given point.");
}
Feedback not_an_expression() {
  return make("not-an-expression", "这里要填一个表达式，而不是方程或向量。",
              "An expression is expected here, not an equation or a vector.");
}
Feedback scalar_for_vector() {
  return make("scalar-for-vector", "梯度是一个向量（与 $\\mathbf{x}$ 同形），而你给出的是一个标量。",
              "The gradient is a vector (shaped like $\\mathbf{x}$), but your answer is a scalar.");
}
Feedback dimension_mismatch(std::size_t given, std::size_t expected) {
  return make("dimension-mismatch",
              "你的向量有 " + std::to_string(given) + " 个分量，应当有 " + std::to_string(expected) + " 个。",
              "Your vector has " + std::to_string(given) + " components; it should have " + std::to_string(expected) +
                  ".");
}
Feedback wrong_component(std::size_t i) {
  const std::string n = std::to_string(i);
  return make("wrong-component", "第 " + n + " 个分量不对。", "Component " + n + " is wrong.");
}
Feedback swapped_components() {
  return make("swapped-components", "分量的顺序颠倒了：第 $i$ 个分量应是对 $x_i$ 的偏导数。",
              "The components are swapped: component $i$ is the partial derivative in $x_i$.");
}
Feedback sign_error() {
  return make("sign-error", "符号错了：你的答案恰好是正确答案的相反数。",
              "Sign error: your answer is exactly the negative of the correct one.");
}
Feedback constant_factor(const std::string& factor) {
  return make("constant-factor", "差一个常数因子：你的答案是正确答案的 " + factor + " 倍。",
              "Off by a constant factor: your answer is " + factor + " times the correct one.");
}
Feedback missing_term(const std::string& t) {
  return make("missing-term", "少了一项：$" + t + "$。", "A term is missing: $" + t + "$.");
}
Feedback extra_term(const std::string& t) {
  return make("extra-term", "多了一项：$" + t + "$ 不应出现（它是原函数中未求导的项）。",
              "There is an extra term: $" + t + "$ (a term of the function, left undifferentiated).");
}
Feedback extra_constant() {
  return make("extra-constant", "多了一个常数项：常数的导数是 0。",
              "There is an extra constant term: the derivative of a constant is 0.");
}
Feedback term_sign_error(const std::string& t) {
  return make("term-sign-error", "有一项的符号错了：应是 $" + t + "$。", "One term has the wrong sign: it should be $" + t + "$.");
}
Feedback not_differentiated() {
  return make("not-differentiated", "这是原函数本身，还没有求导。", "That is the function itself, not its derivative.");
}
Feedback derivative_for_tangent() {
  return make("derivative-for-tangent", "你给出的是导函数 $f^\\prime(x)$，但这里要的是切线方程：切线是一条直线，在切点处与 $f$ 相交。",
              "You gave the derivative $f^\\prime(x)$, but this box asks for the tangent line: a straight line "
              "that touches $f$ at the point.");
}
Feedback function_for_tangent() {
  return make("function-for-tangent", "你给出的是函数 $f$ 本身，而不是它的切线。",
              "You gave the function $f$ itself, not its tangent line.");
}
Feedback tangent_for_derivative() {
  return make("tangent-for-derivative", "你给出的是切线，但这里要的是导函数 $f^\\prime(x)$（对所有 $x$ 成立）。",
              "You gave the tangent line, but this box asks for the derivative $f^\\prime(x)$, valid for every $x$.");
}
Feedback tangent_wrong_slope() {
  return make("tangent-wrong-slope", "这条直线经过切点，但斜率不对：斜率应是 $f^\\prime$ 在该点的值。",
              "Your line passes through the point of contact, but its slope is wrong: it should be $f^\\prime$ there.");
}
Feedback tangent_wrong_point() {
  return make("tangent-wrong-point", "斜率对了，但这条直线不经过切点 $(p, f(p))$。",
              "The slope is right, but the line does not pass through the point of contact $(p, f(p))$.");
}
Feedback not_a_line() {
  return make("not-a-line", "这不是一条直线：切线方程应是 $x$ 与 $y$ 的一次式。",
              "That is not a straight line: a tangent's equation is linear in $x$ and $y$.");
}
Feedback value_at_wrong_point(const std::string& point) {
  return make("value-at-wrong-point", "这是在 " + point + " 处的值，不是在题目所给的点。",
              "That is the value at " + point + ", not at the point the question asks about.");
}
Feedback function_value_for_slope() {
  return make("function-value-for-slope", "这是函数值 $f(p)$，而不是斜率 $f^\\prime(p)$。",
              "That is the function value $f(p)$, not the slope $f^\\prime(p)$.");
}
Feedback table_entry(const std::string& h) {
  return make("table-entry", "这是表中 $h = " + h + "$ 时的差商，不是 $h \\to 0$ 时的极限。",
              "That is the quotient at $h = " + h + "$ from the table, not its limit as $h \\to 0$.");
}
Feedback wrong_variable(const std::string& v) {
  return make("wrong-variable", "这是对 $" + v + "$ 的导数，而题目要的是对另一个变量的。",
              "That is the derivative with respect to $" + v + "$; the question asks for another variable.");
}
Feedback dropped_chain_path(const std::string& t) {
  return make("dropped-chain-path", "漏掉了一条链式法则路径：$" + t + "$。每个中间变量都贡献一项。",
              "A chain-rule path is missing: $" + t + "$. Every intermediate variable contributes a term.");
}
Feedback product_instead_of_sum() {
  return make("product-instead-of-sum", "各条路径的贡献应当相加，而不是相乘。",
              "The contributions of the paths are added, not multiplied.");
}
Feedback restates_question() {
  return make("restates-question", "这只是把题目重新写了一遍：请用各个偏导数把它展开。",
              "That restates the question: expand it in terms of the individual partial derivatives.");
}
Feedback unknown_choice() {
  return make("unknown-choice", "请选择其中一个选项。", "Pick one of the choices.");
}
Feedback wrong_choice() { return make("wrong-choice", "这个选项不对。", "That choice is not right."); }

Feedback power_rule_on_exp() {
  return make("power-rule-on-exp", "幂法则只适用于 $x^n$（指数为常数）。$e^x$ 的导数是它本身，而不是 $x e^{x-1}$。",
              "The power rule is for $x^n$ with a constant exponent. The derivative of $e^x$ is $e^x$, not $x e^{x-1}$.");
}
Feedback reciprocal_sign() {
  return make("reciprocal-sign", "$\\frac{d}{dx}\\frac{1}{x} = -\\frac{1}{x^2}$，不是 $+\\frac{1}{x^2}$：指数 $-1$ 带来一个负号。",
              "$\\frac{d}{dx}\\frac{1}{x} = -\\frac{1}{x^2}$, not $+\\frac{1}{x^2}$: the exponent $-1$ brings down a minus sign.");
}
Feedback missing_inner_derivative() {
  return make("missing-inner-derivative", "链式法则还要乘以内层函数的导数。",
              "The chain rule also multiplies by the derivative of the inner function.");
}
Feedback product_of_derivatives() {
  return make("product-of-derivatives", "乘积的导数不是导数的乘积：$(fg)^\\prime = f^\\prime g + f g^\\prime$。",
              "The derivative of a product is not the product of derivatives: $(fg)^\\prime = f^\\prime g + f g^\\prime$.");
}
Feedback quotient_rule_sign() {
  return make("quotient-rule-sign", "除法法则的分子是相减：$\\left(\\frac{f}{g}\\right)^\\prime = \\frac{f^\\prime g - f g^\\prime}{g^2}$，不是相加。",
              "The quotient rule subtracts in the numerator: $\\left(\\frac{f}{g}\\right)^\\prime = \\frac{f^\\prime g - f g^\\prime}{g^2}$, not adds.");
}
Feedback quotient_rule_denominator() {
  return make("quotient-rule-denominator", "除法法则的分母是 $g^2$，不是 $g$：$\\left(\\frac{f}{g}\\right)^\\prime = \\frac{f^\\prime g - f g^\\prime}{g^2}$。",
              "The quotient rule divides by $g^2$, not by $g$: $\\left(\\frac{f}{g}\\right)^\\prime = \\frac{f^\\prime g - f g^\\prime}{g^2}$.");
}
Feedback power_rule_variable_exponent() {
  return make("power-rule-variable-exponent", "指数也含有 $x$，所以只用幂法则不够：还缺指数法则那一部分（含 $\\ln x$ 的项）。",
              "The exponent depends on $x$ too, so the power rule alone is not enough: the exponential part (the $\\ln x$ term) is missing.");
}
Feedback exponential_rule_variable_base() {
  return make("exponential-rule-variable-base", "底数也含有 $x$，所以只用 $a^x \\ln a$ 法则不够：还缺幂法则那一部分。",
              "The base depends on $x$ too, so the $a^x \\ln a$ rule alone is not enough: the power-rule part is missing.");
}
Feedback gradient_of_squared_norm() {
  return make("gradient-of-squared-norm", "$2\\mathbf{x}$ 是 $\\|\\mathbf{x}\\|_2^2$ 的梯度；$\\|\\mathbf{x}\\|_2$ 没有平方，它的梯度是单位向量。",
              "$2\\mathbf{x}$ is the gradient of $\\|\\mathbf{x}\\|_2^2$; $\\|\\mathbf{x}\\|_2$ is not squared, and its gradient is a unit vector.");
}
Feedback inverse_at_y() {
  return make("inverse-at-y", "$f^\\prime$ 要在 $f^{-1}(y)$ 处取值，而不是在 $y$ 处。",
              "$f^\\prime$ must be evaluated at $f^{-1}(y)$, not at $y$.");
}
Feedback reciprocal_for_inverse() {
  return make("reciprocal-for-inverse", "$f^{-1}$ 表示反函数，而不是倒数 $\\frac{1}{f}$。",
              "$f^{-1}$ is the inverse function, not the reciprocal $\\frac{1}{f}$.");
}
Feedback forgot_reciprocal() {
  return make("forgot-reciprocal", "反函数的导数是 $\\frac{1}{f^\\prime(f^{-1}(y))}$：别忘了取倒数。",
              "The inverse's derivative is $\\frac{1}{f^\\prime(f^{-1}(y))}$: don't forget the reciprocal.");
}

}  // namespace fb

}  // namespace calc::grade
