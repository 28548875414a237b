#pragma once
// Printers. to_text prints in the parser's own syntax, so that
// parse(to_text(e)) == e for every canonical expression; to_latex prints
// KaTeX-ready LaTeX with minimal parentheses.
#include <iosfwd>
#include <string>

#include "expr/expr.h"

namespace calc {

std::string to_text(const Expr& e);   // "6*x - 4", "3*x^2 + x^(-2)", "[6*x_1, 5*e^(x_2)]"
std::string to_latex(const Expr& e);  // "6x - 4", "\\frac{x}{\\lVert x \\rVert_2}"

// to_text, for gtest messages; an expression whose tree exceeds 100,000
// nodes (a deep shared DAG) streams as "<expression of N+ nodes>" instead.
std::ostream& operator<<(std::ostream& os, const Expr& e);

}  // namespace calc
