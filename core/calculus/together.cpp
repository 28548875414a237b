#include "calculus/together.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace calc::detail {
namespace {

// Expansion stops (and together() gives up) beyond this many summands, so the
// work stays small whatever the input.
constexpr std::size_t kMaxSummands = 64;
// Sums larger than this (in nodes) are left alone: the rewrite is for the
// quotient-rule results a learner reads, and skipping big sums keeps
// simplify() close to linear on large generated expressions.
constexpr std::uint32_t kMaxSumSize = 40;

// Calls f(base, exponent) for each factor of a term: a product's factors, a
// power's base and exponent, anything else as itself to the power 1. No
// copies: together() runs on every sum simplify() meets, and most have no
// denominator at all.
template <class F>
void for_each_factor(const Expr& term, F&& f) {
  static const Expr one = integer(1);
  if (term.is(Kind::Mul)) {
    for (const auto& [b, x] : static_cast<const MulNode&>(*term).factors()) f(b, x);
  } else if (term.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*term);
    f(p.base(), p.exponent());
  } else {
    f(term, one);
  }
}

// k when the exponent is the integer -k < 0, else 0.
std::int64_t denominator_power(const Expr& base, const Expr& exponent) {
  const Number* n = as_number(exponent);
  if (!n || !n->is_integer() || !n->is_negative() || base.is(Kind::Number)) return 0;
  return -n->num();
}

// The summands of e multiplied out: products of sums distributed, small
// positive integer powers of sums expanded. nullopt past kMaxSummands.
std::optional<std::vector<Expr>> expand(const Expr& e);

std::optional<std::vector<Expr>> times(const std::vector<Expr>& a, const std::vector<Expr>& b) {
  if (a.size() * b.size() > kMaxSummands) return std::nullopt;
  std::vector<Expr> out;
  for (const Expr& x : a)
    for (const Expr& y : b) out.push_back(mul(x, y));
  return out;
}

std::optional<std::vector<Expr>> summands(const AddNode& a) {
  std::vector<Expr> out;
  if (!a.constant().is_zero()) out.push_back(number(a.constant()));
  for (const auto& [t, c] : a.terms()) {
    auto inner = expand(t);
    if (!inner) return std::nullopt;
    for (const Expr& s : *inner) out.push_back(mul(number(c), s));
    if (out.size() > kMaxSummands) return std::nullopt;
  }
  return out;
}

// Whether expand() would multiply anything out of b^x: a sum to a power it
// expands (1 is distribution).
bool expands(const Expr& b, const Expr& x) {
  if (!b.is(Kind::Add)) return false;
  const Number* n = as_number(x);
  return n && n->is_integer() && !n->is_negative() && n->num() <= 4;
}

std::optional<std::vector<Expr>> expand(const Expr& e) {
  if (e.is(Kind::Add)) return summands(static_cast<const AddNode&>(*e));
  if (e.is(Kind::Mul)) {
    const auto& m = static_cast<const MulNode&>(*e);
    // A product of nothing expandable is its own single summand; rebuilding
    // it factor by factor would construct the same node again.
    if (std::none_of(m.factors().begin(), m.factors().end(), [](const auto& f) { return expands(f.first, f.second); }))
      return std::vector<Expr>{e};
    std::vector<Expr> acc{number(m.coefficient())};
    for (const auto& [b, x] : m.factors()) {
      auto f = expand(pow(b, x));
      if (!f) return std::nullopt;
      auto next = times(acc, *f);
      if (!next) return std::nullopt;
      acc = std::move(*next);
    }
    return acc;
  }
  if (e.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*e);
    if (expands(p.base(), p.exponent())) {
      const Number* n = as_number(p.exponent());
      auto base = summands(static_cast<const AddNode&>(*p.base()));
      if (!base) return std::nullopt;
      std::vector<Expr> acc{integer(1)};
      for (std::int64_t i = 0; i < n->num(); ++i) {
        auto next = times(acc, *base);
        if (!next) return std::nullopt;
        acc = std::move(*next);
      }
      return acc;
    }
  }
  return std::vector<Expr>{e};
}

}  // namespace

Expr together(const Expr& sum) {
  if (sum->shape() != Shape::Scalar || sum->size() > kMaxSumSize) return Expr();
  const auto& a = static_cast<const AddNode&>(*sum);
  // Highest power of each denominator base over all terms.
  std::map<Expr, std::int64_t, decltype(&expr_less)> denominators(&expr_less);
  for (const auto& [t, c] : a.terms())
    for_each_factor(t, [&](const Expr& b, const Expr& x) {
      if (std::int64_t k = denominator_power(b, x)) denominators[b] = std::max(denominators[b], k);
    });
  if (denominators.empty()) return Expr();

  // Each term times the common denominator, multiplied out.
  std::vector<Expr> numerator;
  auto append = [&](const Expr& term) {
    auto parts = expand(term);
    if (!parts || numerator.size() + parts->size() > kMaxSummands) return false;
    numerator.insert(numerator.end(), parts->begin(), parts->end());
    return true;
  };
  std::vector<Expr> scaled_constant{number(a.constant())};
  for (const auto& [d, k] : denominators) scaled_constant.push_back(pow(d, integer(k)));
  if (!a.constant().is_zero() && !append(mul(scaled_constant))) return Expr();
  for (const auto& [t, c] : a.terms()) {
    std::vector<Expr> parts{number(c)};
    for_each_factor(t, [&](const Expr& b, const Expr& x) {
      if (!denominator_power(b, x)) parts.push_back(pow(b, x));
    });
    for (const auto& [d, k] : denominators) {
      std::int64_t own = 0;
      for_each_factor(t, [&](const Expr& b, const Expr& x) {
        if (b == d) own = denominator_power(b, x);
      });
      if (k - own > 0) parts.push_back(pow(d, integer(k - own)));
    }
    if (!append(mul(parts))) return Expr();
  }
  std::vector<Expr> result{add(numerator)};
  for (const auto& [d, k] : denominators) result.push_back(pow(d, integer(-k)));
  Expr r = mul(result);
  return r->size() < sum->size() ? r : Expr();
}

}  // namespace calc::detail
