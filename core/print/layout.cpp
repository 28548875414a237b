#include "print/layout.h"

#include <algorithm>
#include <cmath>

#include "expr/decimal.h"

namespace calc::print_detail {

namespace {

// Polynomial degree for display purposes: symbols count 1, numeric powers
// scale their base's degree, anything else (sin x, e^x) counts 0.
double degree(const Expr& e) {
  switch (e.kind()) {
    case Kind::Symbol:
      return 1.0;
    case Kind::Pow: {
      const auto& p = static_cast<const PowNode&>(*e);
      const Number* x = as_number(p.exponent());
      return x ? degree(p.base()) * x->value() : 0.0;
    }
    case Kind::Mul: {
      double d = 0.0;
      for (const auto& [b, x] : static_cast<const MulNode&>(*e).factors()) {
        const Number* n = as_number(x);
        d += n ? degree(b) * n->value() : 0.0;
      }
      return d;
    }
    default:
      return 0.0;
  }
}

}  // namespace

std::vector<std::pair<Expr, Number>> display_terms(const AddNode& sum) {
  std::vector<std::pair<Expr, Number>> terms(sum.terms().begin(), sum.terms().end());
  std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
    const double da = degree(a.first), db = degree(b.first);
    // NaN degrees (from NaN exponents) compare as 0 so the order stays strict.
    return (std::isnan(da) ? 0.0 : da) > (std::isnan(db) ? 0.0 : db);
  });
  return terms;
}

std::vector<Factor> factors_of(const Expr& term) {
  std::vector<Factor> out;
  if (term.is(Kind::Mul)) {
    for (const auto& [b, x] : static_cast<const MulNode&>(*term).factors()) out.push_back({b, x});
  } else if (term.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*term);
    out.push_back({p.base(), p.exponent()});
  } else {
    out.push_back({term, integer(1)});
  }
  // A bare constant leads, as in 2 pi x (x e^x keeps its order); the order
  // in which a product is written does not change the product.
  std::stable_partition(out.begin(), out.end(),
                        [](const Factor& f) { return f.base.is(Kind::Constant) && is_one(f.exponent); });
  return out;
}

bool is_negative_number(const Expr& exponent) {
  const Number* n = as_number(exponent);
  return n && n->is_negative();
}

std::string shortest_double(double v) { return decimal::shortest(v); }

}  // namespace calc::print_detail
