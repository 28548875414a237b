#include "print/layout.h"

#include <cmath>
#include <cstdint>

#include "util/stable_order.h"

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
  const auto all = sum.terms();
  std::vector<double> degrees;
  degrees.reserve(all.size());
  for (const auto& [t, c] : all) {
    const double d = degree(t);
    // NaN degrees (from NaN exponents) count as 0 so the order stays strict.
    degrees.push_back(std::isnan(d) ? 0.0 : d);
  }
  std::vector<std::pair<Expr, Number>> terms;
  terms.reserve(all.size());
  const std::vector<std::uint32_t> order =
      stable_order(all.size(), [&](std::uint32_t a, std::uint32_t b) { return degrees[a] > degrees[b]; });
  for (std::uint32_t i : order) terms.push_back(all[i]);
  return terms;
}

std::vector<Factor> factors_of(const Expr& term) {
  std::vector<Factor> all;
  if (term.is(Kind::Mul)) {
    for (const auto& [b, x] : static_cast<const MulNode&>(*term).factors()) all.push_back({b, x});
  } else if (term.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*term);
    all.push_back({p.base(), p.exponent()});
  } else {
    all.push_back({term, integer(1)});
  }
  // A bare constant leads, as in 2 pi x (x e^x keeps its order); the order
  // in which a product is written does not change the product. Two passes
  // keep both groups in their order, as std::stable_partition would, without
  // its instance.
  auto leads = [](const Factor& f) { return f.base.is(Kind::Constant) && is_one(f.exponent); };
  std::vector<Factor> out;
  out.reserve(all.size());
  for (const Factor& f : all)
    if (leads(f)) out.push_back(f);
  for (Factor& f : all)
    if (!leads(f)) out.push_back(std::move(f));
  return out;
}

bool is_negative_number(const Expr& exponent) {
  const Number* n = as_number(exponent);
  return n && n->is_negative();
}

}  // namespace calc::print_detail
