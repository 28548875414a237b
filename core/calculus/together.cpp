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

struct Factor {
  Expr base, exponent;
};

std::vector<Factor> factors_of(const Expr& term) {
  if (term.is(Kind::Mul)) {
    std::vector<Factor> out;
    for (const auto& [b, x] : static_cast<const MulNode&>(*term).factors()) out.push_back({b, x});
    return out;
  }
  if (term.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*term);
    return {{p.base(), p.exponent()}};
  }
  return {{term, integer(1)}};
}

// k when the exponent is the integer -k < 0, else 0.
std::int64_t denominator_power(const Factor& f) {
  const Number* n = as_number(f.exponent);
  if (!n || !n->is_integer() || !n->is_negative() || f.base.is(Kind::Number)) return 0;
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

std::optional<std::vector<Expr>> expand(const Expr& e) {
  if (e.is(Kind::Add)) return summands(static_cast<const AddNode&>(*e));
  if (e.is(Kind::Mul)) {
    const auto& m = static_cast<const MulNode&>(*e);
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
    const Number* n = as_number(p.exponent());
    if (p.base().is(Kind::Add) && n && n->is_integer() && !n->is_negative() && n->num() <= 4) {
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
    for (const Factor& f : factors_of(t))
      if (std::int64_t k = denominator_power(f)) denominators[f.base] = std::max(denominators[f.base], k);
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
    for (const Factor& f : factors_of(t))
      if (!denominator_power(f)) parts.push_back(pow(f.base, f.exponent));
    for (const auto& [d, k] : denominators) {
      std::int64_t own = 0;
      for (const Factor& f : factors_of(t))
        if (f.base == d) own = denominator_power(f);
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
