// The out-of-line rebuilds behind map_children (map_children.h): each goes
// through the canonical constructors, so a rebuilt sum or product is
// canonical again (x + y with y := x is 2x, x*y with y := x is x^2).
#include "expr/map_children.h"

namespace calc::map_children_detail {

Expr rebuild_add(const AddNode& a, std::span<const Expr> terms) {
  std::vector<std::pair<Expr, Number>> scaled;
  scaled.reserve(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) scaled.emplace_back(terms[i], a.terms()[i].second);
  return linear_combination(a.constant(), scaled);
}

Expr rebuild_mul(const MulNode& m, std::span<const Expr> bases_and_exponents) {
  std::vector<Expr> parts;
  parts.reserve(bases_and_exponents.size() / 2 + 1);
  parts.push_back(number(m.coefficient()));
  // pow(v, 1) is v, of any shape, so a vector factor stays a factor.
  for (std::size_t i = 0; i + 1 < bases_and_exponents.size(); i += 2)
    parts.push_back(pow(bases_and_exponents[i], bases_and_exponents[i + 1]));
  return mul(parts);
}

Expr rebuild_function(const FunctionNode& f, std::vector<Expr> args) {
  return function(f.name(), {f.params().begin(), f.params().end()}, std::move(args),
                  {f.orders().begin(), f.orders().end()});
}

// A matrix product is ordered: folded left to right, as it was built.
Expr rebuild_matmul(std::span<const Expr> factors) {
  Expr r = factors[0];
  for (std::size_t i = 1; i < factors.size(); ++i) r = mul(r, factors[i]);
  return r;
}

}  // namespace calc::map_children_detail
