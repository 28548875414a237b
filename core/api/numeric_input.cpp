#include "api/numeric_input.h"

#include <cmath>

#include "calculus/substitute.h"
#include "parse/parser.h"

namespace calc::api {

using json::ApiError;
using json::ApiResult;

ApiError bad_arguments(std::string en, std::string zh) { return {"bad-arguments", std::move(en), std::move(zh), {}, {}}; }

ApiResult<Expr> parse_function(std::string_view text) {
  ParseResult r = parse(text, ParseContext::permissive());
  if (!r.ok()) return json::api_error(*r.error);
  Expr e = *r.expr;
  if (e.is(Kind::Equation)) {
    const auto& q = static_cast<const EquationNode&>(*e);
    if (q.lhs().is(Kind::Symbol)) e = q.rhs();
  }
  return e;
}

namespace {

// The symbols of e, or the error that it has more than `most` of them.
ApiResult<std::vector<std::string>> variables(const Expr& e, std::size_t most, std::string_view en_function,
                                              std::string_view zh_function) {
  std::vector<std::string> vars = free_symbols(e);
  if (vars.size() <= most) return vars;
  std::string names;
  for (const auto& n : vars) names += (names.empty() ? "" : ", ") + n;
  return ApiError{"too-many-variables", "Expected a function of " + std::string(en_function) + ", found " + names + ".",
                  "应为" + std::string(zh_function) + "函数，但出现了 " + names + "。", {}, {}};
}

// The two axes of a function of two variables.
ApiResult<std::vector<std::string>> two_variables(const Expr& e) {
  ApiResult<std::vector<std::string>> vars = variables(e, 2, "two variables", "二元");
  if (!vars.ok() || vars->size() == 2) return vars;
  if (vars->empty()) return std::vector<std::string>{"x", "y"};
  const std::string& v = (*vars)[0];
  if (v == "x_1" || v == "x_2") return std::vector<std::string>{"x_1", "x_2"};
  if (v == "y") return std::vector<std::string>{"x", "y"};
  return std::vector<std::string>{v, "y"};
}

}  // namespace

ApiResult<std::string> single_variable(const Expr& e) {
  ApiResult<std::vector<std::string>> vars = variables(e, 1, "one variable", "单变量");
  if (!vars.ok()) return vars.error();
  return vars->empty() ? std::string("x") : (*vars)[0];
}

std::optional<ApiError> require_scalar(const Expr& e) {
  std::string_view en, zh;
  switch (e->shape()) {
    case Shape::Scalar:
      return std::nullopt;
    case Shape::Vector:
      en = "a vector";
      zh = "向量";
      break;
    case Shape::RowVector:
      en = "a row vector";
      zh = "行向量";
      break;
    case Shape::Matrix:
      en = "a matrix";
      zh = "矩阵";
      break;
  }
  return ApiError{"not-scalar", "Expected a scalar function, found " + std::string(en) + ".",
                  "应为标量函数，但其值是" + std::string(zh) + "。", {}, {}};
}

ApiResult<numeric::Tape> compile(const Expr& e, const std::vector<std::string>& vars) {
  numeric::TapeResult r = numeric::Tape::compile(e, vars);
  if (!r.ok()) {
    const bool unbound = r.error->code == "unbound-variable";
    return ApiError{r.error->code, r.error->message + ".",
                    unbound ? "表达式中有未赋值的变量。" : "该表达式无法数值求值。", {}, {}};
  }
  return std::move(*r.tape);
}

ApiResult<OneVariableFunction> one_variable_function(std::string_view text) {
  const ApiResult<Expr> e = parse_function(text);
  if (!e.ok()) return e.error();
  const ApiResult<std::string> var = single_variable(*e);
  if (!var.ok()) return var.error();
  if (auto error = require_scalar(*e)) return *error;
  return OneVariableFunction{*e, *var};
}

ApiResult<numeric::Tape> compile_one_variable(std::string_view text) {
  const ApiResult<OneVariableFunction> f = one_variable_function(text);
  if (!f.ok()) return f.error();
  return compile(f->expr, {f->variable});
}

ApiResult<numeric::Tape> compile_two_variables(std::string_view text) {
  const ApiResult<Expr> e = parse_function(text);
  if (!e.ok()) return e.error();
  const ApiResult<std::vector<std::string>> vars = two_variables(*e);
  if (!vars.ok()) return vars.error();
  if (auto error = require_scalar(*e)) return *error;
  return compile(*e, *vars);
}

std::optional<ApiError> require_range(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
    return bad_arguments("The range must be finite with min < max.", "范围必须有限且最小值小于最大值。");
  return std::nullopt;
}

std::optional<ApiError> require_count(int n, int lo, int hi) {
  if (n < lo || n > hi)
    return bad_arguments("The number of samples must be between " + std::to_string(lo) + " and " +
                             std::to_string(hi) + ".",
                         "采样数必须在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间。");
  return std::nullopt;
}

}  // namespace calc::api
