// Numeric commands: eval, limit-table.
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "ad/forward_tape.h"
#include "calculus/substitute.h"
#include "commands.h"
#include "numeric/finite_difference.h"
#include "numeric/tape.h"

namespace workbook {

namespace {

template <class T>
void print_rows(const calc::numeric::Tape& tape, T at) {
  std::vector<T> registers;
  const std::function<T(T)> f = [&](T x) {
    T y;
    tape.run(std::span<const T>(&x, 1), std::span<T>(&y, 1), registers);
    return y;
  };
  std::printf("%-10s %-12s %-12s\n", "h", "forward", "central");
  for (const auto& row : calc::numeric::limit_table<T>(f, at, calc::numeric::book_steps()))
    std::printf("%-10g %-12.5f %-12.5f\n", static_cast<double>(row.h), static_cast<double>(row.forward),
                static_cast<double>(row.central));
}

// Evaluates a constant expression (a value given as NAME=pi/4).
std::optional<double> constant_value(std::string_view text) {
  std::optional<calc::Expr> e = parse_or_report(text);
  if (!e) return std::nullopt;
  calc::numeric::TapeResult t = calc::numeric::Tape::compile(*e, {});
  if (!t.ok()) {
    std::cerr << "error: '" << text << "' is not a number: " << t.error->message << '\n';
    return std::nullopt;
  }
  return (*t.tape)(std::span<const double>{});
}

}  // namespace

int run_eval(Args args) {
  if (args.empty()) return usage_error("eval EXPR NAME=VALUE...");
  const std::optional<calc::Expr> e = parse_or_report(args[0]);
  if (!e) return 1;
  std::vector<std::string> names;
  std::vector<double> values;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::size_t eq = args[i].find('=');
    if (eq == std::string::npos) return usage_error("eval EXPR NAME=VALUE...");
    const std::optional<calc::Expr> var = parse_variable(args[i].substr(0, eq));
    if (!var) return 1;
    const std::optional<double> value = constant_value(args[i].substr(eq + 1));
    if (!value) return 1;
    names.push_back(static_cast<const calc::SymbolNode&>(**var).name());
    values.push_back(*value);
  }
  calc::numeric::TapeResult t = calc::numeric::Tape::compile(*e, names);
  if (!t.ok()) {
    std::cerr << "error: " << t.error->message << '\n';
    return 1;
  }
  std::vector<double> out(t.tape->output_count());
  t.tape->evaluate(values, out);
  if (e->is(calc::Kind::Vector)) {
    std::cout << '[';
    for (std::size_t i = 0; i < out.size(); ++i) std::cout << (i ? ", " : "") << format_number(out[i]);
    std::cout << "]\n";
  } else {
    std::cout << format_number(out.empty() ? std::nan("") : out[0]) << '\n';
  }
  return 0;
}

// The book's h -> 0 table (h = 0.1 ... 1e-5) of forward and central
// difference quotients, in float64 or, with --float32, in float32.
int run_limit_table(Args args) {
  constexpr std::string_view kUsage = "limit-table EXPR AT [--float32]";
  const bool float32 = args.size() == 3 && args[2] == "--float32";
  if (args.size() != 2 && !float32) return usage_error(kUsage);
  const std::optional<calc::Expr> parsed = parse_or_report(args[0]);
  if (!parsed) return 1;
  const calc::Expr e = *parsed;
  if (e->shape() != calc::Shape::Scalar) {  // the table has one quotient per step
    std::cerr << "error: expected a scalar function\n";
    return 1;
  }
  const std::vector<std::string> vars = calc::free_symbols(e);
  if (vars.size() > 1) {
    std::cerr << "error: expected a function of one variable\n";
    return 1;
  }
  const std::vector<std::string> var = vars.empty() ? std::vector<std::string>{"x"} : vars;
  const std::optional<calc::Expr> at_expr = parse_or_report(args[1]);
  if (!at_expr) return 1;
  calc::numeric::TapeResult at_tape = calc::numeric::Tape::compile(*at_expr, {});
  calc::numeric::TapeResult tape = calc::numeric::Tape::compile(e, var);
  if (!at_tape.ok() || !tape.ok()) {
    std::cerr << "error: " << (!at_tape.ok() ? "AT must be a number" : tape.error->message) << '\n';
    return 1;
  }
  const double at = (*at_tape.tape)(std::span<const double>{});
  if (float32) {
    print_rows<float>(*tape.tape, static_cast<float>(at));
  } else {
    print_rows<double>(*tape.tape, at);
  }
  // f'(AT) by forward-mode AD, for comparison with the quotients.
  std::cout << "exact: " << format_number(calc::ad::forward_derivative(*tape.tape, std::span<const double>(&at, 1), 0).d)
            << '\n';
  return 0;
}

}  // namespace workbook
