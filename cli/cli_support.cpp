#include <cmath>
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "parse/parser.h"

namespace workbook {

namespace {

// The input as echoed above the caret: control characters (tabs, newlines)
// become spaces so the caret stays under the right code point.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return out;
}

}  // namespace

std::optional<calc::Expr> parse_or_report(std::string_view text) {
  calc::ParseResult r = calc::parse(text, calc::ParseContext::permissive());
  if (r.ok()) return r.expr;
  const calc::ParseError& e = *r.error;
  std::cerr << "error: " << e.message << "\n  " << printable(text) << "\n  " << std::string(e.position, ' ') << '^'
            << std::string(e.length > 1 ? e.length - 1 : 0, '~') << '\n';
  return std::nullopt;
}

// A variable named on the command line: "x", "x1", "x_1" or "x₁".
std::optional<calc::Expr> parse_variable(std::string_view text) {
  std::optional<calc::Expr> v = parse_or_report(text);
  if (v && !v->is(calc::Kind::Symbol)) {
    std::cerr << "error: '" << text << "' is not a variable\n";
    return std::nullopt;
  }
  return v;
}

int usage_error(std::string_view usage) {
  std::cerr << "usage: workbook " << usage << '\n';
  return 2;
}

std::string format_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace workbook
