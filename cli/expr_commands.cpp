// Symbolic commands: diff (one expression or a batch on stdin), grad,
// simplify, latex. Results print in the parser's own syntax (to_text), so
// any of them can be pasted back as input.
#include <iostream>
#include <string>
#include <vector>

#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/substitute.h"
#include "calculus/vector_calculus.h"
#include "commands.h"
#include "expr/shape_check.h"
#include "parse/parser.h"
#include "print/print.h"

namespace workbook {

namespace {

constexpr std::string_view kDiffUsage = "diff EXPR VAR | diff --batch  (lines EXPR<TAB>VAR on stdin)";

calc::Expr derivative(const calc::Expr& e, const calc::Expr& var) { return calc::simplify(calc::diff(e, var)); }

// Prints the text of what build() gives; a shape error met on the way (no
// rule for the derivative of a matrix product) ends the command instead: its
// message on stderr, exit code 1.
template <class Build>
int print_or_report(Build&& build) {
  calc::ShapeCheck check;
  const std::string text = calc::to_text(build());
  if (check.failed()) {
    std::cerr << "error: " << check.message() << '\n';
    return 1;
  }
  std::cout << text << '\n';
  return 0;
}

// One batch line -> one output line; every failure becomes "error: ..." on
// that line, so answers stay aligned with their inputs.
std::string diff_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::size_t tab = line.rfind('\t');
  if (tab == std::string_view::npos) return "error: expected EXPR<TAB>VAR";
  calc::ParseResult e = calc::parse(line.substr(0, tab));
  if (!e.ok()) return "error: " + e.error->message;
  calc::ParseResult v = calc::parse(line.substr(tab + 1));
  if (!v.ok() || !v.expr->is(calc::Kind::Symbol)) return "error: the variable is not a symbol";
  calc::ShapeCheck check;
  std::string d = calc::to_text(derivative(*e.expr, *v.expr));
  if (check.failed()) return "error: " + check.message();
  return d;
}

int diff_batch() {
  std::string line, out;
  while (std::getline(std::cin, line)) {
    out += diff_line(line);
    out += '\n';
  }
  std::cout << out << std::flush;
  return 0;
}

}  // namespace

int run_diff(Args args) {
  if (args.size() == 1 && args[0] == "--batch") return diff_batch();
  if (args.size() != 2) return usage_error(kDiffUsage);
  std::optional<calc::Expr> e = parse_or_report(args[0]);
  if (!e) return 1;
  std::optional<calc::Expr> var = parse_variable(args[1]);
  if (!var) return 1;
  return print_or_report([&] { return derivative(*e, *var); });
}

// Without VARS the gradient is taken in every variable of EXPR, sorted by name.
int run_grad(Args args) {
  if (args.empty()) return usage_error("grad EXPR [VARS...]");
  std::optional<calc::Expr> e = parse_or_report(args[0]);
  if (!e) return 1;
  std::vector<calc::Expr> vars;
  if (args.size() == 1) {
    for (const std::string& name : calc::free_symbols(*e)) vars.push_back(calc::symbol(name));
    if (vars.empty()) {
      std::cerr << "error: the expression has no variables\n";
      return 1;
    }
  }
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::optional<calc::Expr> v = parse_variable(args[i]);
    if (!v) return 1;
    vars.push_back(*v);
  }
  return print_or_report([&] { return calc::simplify(calc::gradient(*e, vars)); });
}

int run_simplify(Args args) {
  if (args.size() != 1) return usage_error("simplify EXPR");
  std::optional<calc::Expr> e = parse_or_report(args[0]);
  if (!e) return 1;
  return print_or_report([&] { return calc::simplify(*e); });
}

int run_latex(Args args) {
  if (args.size() != 1) return usage_error("latex EXPR");
  std::optional<calc::Expr> e = parse_or_report(args[0]);
  if (!e) return 1;
  std::cout << calc::to_latex(*e) << '\n';
  return 0;
}

}  // namespace workbook
