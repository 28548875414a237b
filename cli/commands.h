#pragma once
// The `workbook` command line: one table of subcommands (main.cpp), each
// group of commands in its own file. A command gets its arguments (after the
// subcommand's name) and returns the process exit code:
//   0 success, 1 bad input (a parse error, an undefined value), 2 misuse.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "expr/expr.h"

namespace workbook {

using Args = std::span<const std::string>;

struct Command {
  std::string_view name;
  std::string_view usage;  // shown by `workbook help`; empty for hidden commands
  int (*run)(Args args);
};

// expr_commands.cpp
int run_diff(Args args);      // diff EXPR VAR | diff --batch (lines "EXPR<TAB>VAR" on stdin)
int run_grad(Args args);      // grad EXPR [VARS...]
int run_eval(Args args);      // eval EXPR NAME=VALUE...
int run_simplify(Args args);  // simplify EXPR
int run_latex(Args args);     // latex EXPR

// numeric_commands.cpp
int run_limit_table(Args args);  // limit-table EXPR AT [--float32]

// grade_commands.cpp
int run_grade(Args args);  // grade BOX_ID ANSWER [--seed N] [--exercises DIR]: one JSON line; 2 for an unknown box
int run_check(Args args);  // check [DIR]: validates exercise files; errors as file:line: message

// cli_support.cpp
// Parses learner text in the permissive context. On a parse error prints the
// message, the input and a caret under the error's position to stderr, and
// returns nullopt.
std::optional<calc::Expr> parse_or_report(std::string_view text);
// A variable named on the command line: "x", "x1", "x_1" or "x₁"; reports
// anything else and returns nullopt.
std::optional<calc::Expr> parse_variable(std::string_view text);
// Prints "usage: workbook <usage>" to stderr and returns 2.
int usage_error(std::string_view usage);
// 17 significant digits, shortest form that round-trips ("2", "0.10000000000000001").
std::string format_number(double v);

}  // namespace workbook
