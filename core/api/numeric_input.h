#pragma once
// What every call of the numeric facade (numeric_api.h) reads: the function
// text, its variables, the tape it is evaluated with, and the range and count
// arguments. Each failure throws the json::ApiError the call reports.
#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"
#include "expr/expr.h"
#include "numeric/tape.h"

namespace calc::api {

json::ApiError bad_arguments(std::string en, std::string zh);

// Parses learner text; an equation y = rhs (a lone symbol on the left) means rhs.
Expr parse_function(std::string_view text);
// The variable of a function of one variable: its only free symbol, or x.
std::string single_variable(const Expr& e);
// The two axes of a function of two variables: its free symbols, completed
// with the usual partner (x with y, x_1 with x_2) when only one appears.
std::vector<std::string> two_variables(const Expr& e);
numeric::Tape compile(const Expr& e, const std::vector<std::string>& vars);

void require_range(double lo, double hi);
void require_count(int n, int lo, int hi);

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
