#pragma once
// One record per built-in function (after GiNaC / Compute Engine): how to
// evaluate it, its derivative, and its printed and LaTeX names. Everything
// else (parser, printers, evaluator, tape, AD, differentiation) reads these
// records, so adding tanh is one line in functions.cpp. The chain rule is
// applied once, generically, by the differentiator: d f(u) = f'(u) * du.
#include <span>
#include <string_view>

#include "expr/expr.h"

namespace calc {

struct FunctionRecord {
  std::string_view name;   // parser and plain-text printer name, e.g. "sin"
  std::string_view latex;  // e.g. "\\sin"; "\\sqrt" and "\\lvert" are special-cased by the LaTeX printer
  double (*eval)(double);
  // f'(u) as a numeric function, for forward/reverse AD and tapes.
  double (*deriv)(double);
  // f'(u) as an expression in u, for symbolic differentiation.
  Expr (*derivative)(const Expr& u);
  // Set for functions that have a canonical form as another node:
  // exp(u) -> e^u and sqrt(u) -> u^(1/2). apply() then returns that form, so
  // e^x and exp(x) are the same expression.
  Expr (*canonical)(const Expr& u) = nullptr;
  // Simplifications that are always valid for real arguments (sin(0) = 0,
  // ln(e^u) = u, cos(-u) = cos(u), abs(2x) = 2 abs(x)); returns a null Expr
  // when none applies. apply() calls it.
  Expr (*fold)(const Expr& u) = nullptr;
};

// All built-ins: exp ln log sqrt sin cos tan asin acos atan sinh cosh tanh abs.
std::span<const FunctionRecord> builtin_functions();
// Looks a function up by name ("log" is the natural log, an alias of "ln").
const FunctionRecord* find_function(std::string_view name);

}  // namespace calc
