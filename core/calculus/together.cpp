#include "calculus/together.h"

#include <algorithm>
#include <map>
#include <optional>
#include <span>
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

using Denominators = std::map<Expr, std::int64_t, decltype(&expr_less)>;
// A summand's factors with its coefficient set aside, in any order. Two
// summands are like terms (add() merges them) exactly when these agree.
using Unit = std::vector<std::pair<Expr, Expr>>;

Unit unit_of(const Expr& summand) {
  Unit u;
  for_each_factor(summand, [&](const Expr& b, const Expr& x) { u.emplace_back(b, x); });
  return u;
}

bool same_unit(const Unit& a, const Unit& b) {
  return a.size() == b.size() &&
         std::all_of(a.begin(), a.end(), [&](const auto& f) { return std::find(b.begin(), b.end(), f) != b.end(); });
}

// The size of the unit as a term of a sum: a lone factor to the power 1 is
// the base itself, another lone factor a Pow, more factors a Mul.
std::uint32_t unit_size(const Unit& u) {
  if (u.size() == 1 && is_one(u[0].second)) return u[0].first->size();
  std::uint32_t s = 1;
  for (const auto& [b, x] : u) s += b->size() + x->size();
  return s;
}

// The size of mul(add(numerator), Π d^-k), from the numerator's summands
// (their units, and whether their numbers add up to a nonzero constant),
// when it follows without building them: no two units alike (nothing
// cancels or merges), at least two terms left in the sum (so it stays a
// sum), and denominators that are atoms (so d^-k is a plain power that
// cannot merge with the sum). nullopt otherwise. Sizes follow nodes.cpp: a
// sum counts itself and each term plus its coefficient, a product itself
// and each base and exponent.
std::optional<std::uint32_t> quotient_size(std::span<const Unit> units, bool constant, const Denominators& denominators) {
  std::uint32_t size = 1;  // the product
  for (const auto& [d, k] : denominators) {
    if (!d.is(Kind::Symbol) && !d.is(Kind::Constant) && !d.is(Kind::Apply) && !d.is(Kind::Function))
      return std::nullopt;
    size += d->size() + 1;  // base and exponent
  }
  if (units.size() + (constant ? 1 : 0) < 2) return std::nullopt;
  std::uint32_t sum_size = 1;
  for (std::size_t i = 0; i < units.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j)
      if (same_unit(units[i], units[j])) return std::nullopt;
    sum_size += unit_size(units[i]) + 1;
  }
  return size + sum_size + 1;  // the sum as a factor, to the power 1
}

// quotient_size() of the built numerator's summands.
std::optional<std::uint32_t> built_quotient_size(const std::vector<Expr>& numerator, const Denominators& denominators) {
  Number constant;
  // Sized up front (one unit per summand at most), here and below: filled
  // by assignment, with no vector-of-vectors reallocation path to instantiate.
  std::vector<Unit> units(numerator.size());
  std::size_t count = 0;
  for (const Expr& n : numerator) {
    if (const Number* c = as_number(n)) {
      constant = constant + *c;
    } else if (n.is(Kind::Add)) {
      return std::nullopt;
    } else {
      units[count++] = unit_of(n);
    }
  }
  return quotient_size({units.data(), count}, !constant.is_zero(), denominators);
}

// quotient_size() before building anything, when each summand of the
// numerator is one term's own factors times the denominators it lacks:
// no term has a sum among its factors (nothing to multiply out), and a
// denominator base appears in a term only with an integer exponent (which
// pow() adds up plainly). Only one term
// can lose every factor (two such terms would be alike), so the numbers add
// to a nonzero constant exactly when there is one.
std::optional<std::uint32_t> predicted_quotient_size(const AddNode& a, const Denominators& denominators) {
  std::vector<Unit> units(a.terms().size() + 1);
  std::size_t count = 0;
  bool constant = false;
  if (!a.constant().is_zero()) {
    Unit u;
    for (const auto& [d, k] : denominators) {
      const Expr power = integer(k);  // emplaced as a const reference, like every factor
      u.emplace_back(d, power);
    }
    units[count++] = std::move(u);
  }
  for (const auto& [t, c] : a.terms()) {
    Unit u;
    bool plain = true;
    for_each_factor(t, [&](const Expr& b, const Expr& x) {
      if (denominator_power(b, x) || denominators.count(b)) return;  // the latter: below
      plain = plain && !b.is(Kind::Add);
      u.emplace_back(b, x);
    });
    if (!plain) return std::nullopt;
    for (const auto& [base, k] : denominators) {
      const Expr& d = base;  // clang 14 (em++ 3.1.6) lets no lambda capture a structured binding
      // The term's own exponent of d: negative as a denominator, a positive
      // integer (x^2 in 3x^2 over x^2: x^4) adds up; anything else would
      // need pow() to tell.
      std::int64_t own = 0;
      for_each_factor(t, [&](const Expr& b, const Expr& x) {
        if (b != d) return;
        const Number* n = as_number(x);
        if (!n || !n->is_integer()) plain = false;
        else own = n->num();
      });
      if (!plain) return std::nullopt;
      if (k + own > 0) {
        const Expr power = integer(k + own);
        u.emplace_back(d, power);
      }
    }
    if (u.empty())
      constant = true;
    else
      units[count++] = std::move(u);
  }
  return quotient_size({units.data(), count}, constant, denominators);
}

}  // namespace

Expr together(const Expr& sum) {
  if (sum->shape() != Shape::Scalar || sum->size() > kMaxSumSize) return Expr();
  const auto& a = static_cast<const AddNode&>(*sum);
  // Highest power of each denominator base over all terms.
  Denominators denominators(&expr_less);
  for (const auto& [t, c] : a.terms())
    for_each_factor(t, [&](const Expr& b, const Expr& x) {
      if (std::int64_t k = denominator_power(b, x)) denominators[b] = std::max(denominators[b], k);
    });
  if (denominators.empty()) return Expr();
  // Most sums with a denominator gain nothing (3x^2 + x^(-2) over x^2 is
  // (3x^4 + 1)/x^2): tell so from the terms when they allow, before
  // building anything, and otherwise from the numerator's summands, before
  // building the sum and the quotient.
  if (auto predicted = predicted_quotient_size(a, denominators); predicted && *predicted >= sum->size()) return Expr();

  // Each term times the common denominator, multiplied out.
  std::vector<Expr> numerator;
  auto append = [&](const Expr& term) {
    auto parts = expand(term);
    if (!parts || numerator.size() + parts->size() > kMaxSummands) return false;
    for (const Expr& p : *parts) numerator.push_back(p);
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
    for (const auto& [base, k] : denominators) {
      const Expr& d = base;  // capturable, see above
      std::int64_t own = 0;
      for_each_factor(t, [&](const Expr& b, const Expr& x) {
        if (b == d) own = denominator_power(b, x);
      });
      if (k - own > 0) parts.push_back(pow(d, integer(k - own)));
    }
    if (!append(mul(parts))) return Expr();
  }
  if (auto predicted = built_quotient_size(numerator, denominators); predicted && *predicted >= sum->size())
    return Expr();
  std::vector<Expr> result{add(numerator)};
  for (const auto& [d, k] : denominators) result.push_back(pow(d, integer(-k)));
  Expr r = mul(result);
  return r->size() < sum->size() ? r : Expr();
}

}  // namespace calc::detail
