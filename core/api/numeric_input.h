#pragma once
// What every call of the numeric facade (numeric_api.h) reads: the function
// text, its variables, the tape it is evaluated with, and the range and count
// arguments. Each failure is the json::ApiError the call reports.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"
#include "expr/expr.h"
#include "numeric/tape.h"

namespace calc::api {

json::ApiError bad_arguments(std::string en, std::string zh);

// Parses learner text; an equation y = rhs (a lone symbol on the left) means rhs.
json::ApiResult<Expr> parse_function(std::string_view text);
// The variable of a function of one variable: its only free symbol, or x.
json::ApiResult<std::string> single_variable(const Expr& e);
// The error, if any, that e's value is a vector or a matrix: a plot, table,
// grid or tangent needs one number per point (a tape of a vector has one
// output per element, which their one-output buffers cannot take).
std::optional<json::ApiError> require_scalar(const Expr& e);
json::ApiResult<numeric::Tape> compile(const Expr& e, const std::vector<std::string>& vars);
// A function of one variable, as a plot, table or tangent reads it:
// parse_function, its single_variable, and a value that is a number
// (require_scalar).
struct OneVariableFunction {
  Expr expr;
  std::string variable;
};
json::ApiResult<OneVariableFunction> one_variable_function(std::string_view text);
// The tape of the function a plot, table or grid evaluates: parse_function,
// then compile in single_variable, or in the two axes of a function of two
// variables (its free symbols, completed with the usual partner, x with y and
// x_1 with x_2, when only one appears); a function whose value is not a
// number is refused (require_scalar).
json::ApiResult<numeric::Tape> compile_one_variable(std::string_view text);
json::ApiResult<numeric::Tape> compile_two_variables(std::string_view text);

// The error, if any, that the range or the count is out of bounds.
std::optional<json::ApiError> require_range(double lo, double hi);
std::optional<json::ApiError> require_count(int n, int lo, int hi);

// n evenly spaced values from lo to hi (both included; lo alone for n = 1).
inline std::vector<double> linspace(double lo, double hi, int n) {
  std::vector<double> xs(static_cast<std::size_t>(n));
  if (n == 1) {
    xs[0] = lo;
    return xs;
  }
  for (int i = 0; i < n; ++i) xs[static_cast<std::size_t>(i)] = lo + (hi - lo) * i / (n - 1);
  xs.back() = hi;
  return xs;
}

}  // namespace calc::api
