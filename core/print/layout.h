#pragma once
// Decisions shared by the two printers (print/text.cpp, print/latex.cpp):
// the display order of the terms of a sum, and which factors of a product go
// below a fraction bar. Neither changes what an expression is; they only
// decide how it reads ("3*x^2 - 4*x" rather than "-4*x + 3*x^2").
#include <string>
#include <utility>
#include <vector>

#include "expr/expr.h"

namespace calc::print_detail {

// A printed operand and its precedence level (each printer has its own
// levels). One type for both printers, so that they share one instance of
// each std::vector<Out> member.
struct Out {
  std::string s;
  int level;
};

// The terms of a sum, highest degree first (3x^2 before -4x before x^-2);
// ties keep the canonical order, so the output is deterministic.
std::vector<std::pair<Expr, Number>> display_terms(const AddNode& sum);

// A factor base^exponent of a product.
struct Factor {
  Expr base;
  Expr exponent;
};

// The factors of a term (a Mul's factors, a Pow's base and exponent, or the
// term itself with exponent 1), in display order: a bare constant first.
std::vector<Factor> factors_of(const Expr& term);

// Whether an exponent is a negative number, i.e. the factor belongs in a
// denominator (x^-2 = 1/x^2).
bool is_negative_number(const Expr& exponent);

}  // namespace calc::print_detail
