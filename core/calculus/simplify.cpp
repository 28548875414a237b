// simplify(): a bottom-up rebuild through the canonical constructors, plus a
// few rewrites that hold wherever the expression is defined and that the
// constructors do not do because they would need to look deeper than one
// level:
//   |u|^(2k) -> u^(2k)                     (abs of an even power)
//   (u^(2k))^r -> |u|^(2k·r)              ((x^2)^(1/2) -> |x|)
//   c·sin²u·R + c·cos²u·R -> c·R, c·cosh²u·R - c·sinh²u·R -> c·R
//   a sum of fractions over a common denominator, numerator multiplied out
//   (3/(x+2) - (3x-1)/(x+2)^2 -> 7/(x+2)^2), when that is smaller
//   sin, cos, tan at rational multiples of π with denominator 1, 2, 3, 4, 6
//   (sin(π/6) -> 1/2; asin(1/2) -> π/6 would grow the expression, so is not done)
// A rewrite is kept only when it is no larger (in nodes) than what it
// replaces, so the result is never larger than the input.
#include "calculus/simplify.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "calculus/domain.h"
#include "calculus/memo.h"
#include "calculus/together.h"
#include "expr/functions.h"
#include "expr/map_children.h"

namespace calc {
namespace {

const FunctionRecord& fn(std::string_view name) { return *find_function(name); }
bool is_fn(const Expr& e, std::string_view name) {  // names are unique among the records
  return e.is(Kind::Apply) && static_cast<const ApplyNode&>(*e).fn().name == name;
}
const Expr& arg_of(const Expr& e) { return static_cast<const ApplyNode&>(*e).arg(); }

std::optional<Number> exact_number(const Expr& e) {
  const Number* n = as_number(e);
  if (n && n->is_exact()) return *n;
  return std::nullopt;
}
bool is_even_integer(const Number& n) { return n.is_integer() && n.num() % 2 == 0; }

// ---- Special angles ----

Expr pi() { return constant(ConstantId::Pi); }

// q with u = q·π for an exact rational q, or nullopt.
std::optional<Number> pi_multiple(const Expr& u) {
  if (u == pi()) return Number::integer(1);
  if (!u.is(Kind::Mul)) return std::nullopt;
  const auto& m = static_cast<const MulNode&>(*u);
  if (m.factors().size() != 1 || m.factors()[0].first != pi() || !is_one(m.factors()[0].second) ||
      !m.coefficient().is_exact())
    return std::nullopt;
  return m.coefficient();
}

// sin(q·π) for q in [0, 1/2] with denominator 1, 2, 3, 4 or 6; null otherwise.
Expr sin_first_quadrant(const Number& q) {
  const Expr half = rational(1, 2);
  if (q.is_zero()) return integer(0);
  if (q == Number::rational(1, 6)) return half;
  if (q == Number::rational(1, 4)) return mul(half, pow(integer(2), half));
  if (q == Number::rational(1, 3)) return mul(half, pow(integer(3), half));
  if (q == Number::rational(1, 2)) return integer(1);
  return Expr();
}

// sin(q·π) for any exact q, by symmetry onto [0, 1/2]; null when q is not special.
Expr sin_at(Number q) {
  const Number two = Number::integer(2), one = Number::integer(1), half = Number::rational(1, 2);
  // q mod 2, in [0, 2)
  Number turns = Number::integer(static_cast<std::int64_t>(std::floor((q / two).value())));
  q = q - two * turns;
  if (q.is_negative()) q = q + two;
  if (!(q < two)) q = q - two;
  bool negative = false;
  if (!(q < one)) {  // sin(q π) = -sin((q - 1) π)
    q = q - one;
    negative = true;
  }
  if (half < q) q = one - q;  // sin(q π) = sin((1 - q) π)
  Expr v = sin_first_quadrant(q);
  return v && negative ? neg(v) : v;
}

Expr cos_at(const Number& q) { return sin_at(q + Number::rational(1, 2)); }

Expr tan_at(const Number& q) {
  Expr s = sin_at(q), c = cos_at(q);
  if (!s || !c || is_zero(c)) return Expr();  // tan is undefined where cos is 0: leave it
  return div(s, c);
}

Expr fold_special(const ApplyNode& a) {
  std::string_view name = a.fn().name;
  std::optional<Number> q = pi_multiple(a.arg());
  if (!q) return Expr();
  if (name == "sin") return sin_at(*q);
  if (name == "cos") return cos_at(*q);
  if (name == "tan") return tan_at(*q);
  return Expr();
}

// ---- Powers ----

Expr rewrite_pow(const PowNode& p) {
  std::optional<Number> x = exact_number(p.exponent());
  if (!x) return Expr();
  // |u|^(2k) = u^(2k): both are defined exactly where u is.
  if (is_even_integer(*x) && is_fn(p.base(), "abs")) return pow(arg_of(p.base()), p.exponent());
  // (u^(2k))^r = |u|^(2k·r) for a fractional r: u^(2k) >= 0, and both sides
  // are undefined at u = 0 exactly when 2k·r < 0.
  if (!x->is_integer() && p.base().is(Kind::Pow)) {
    const auto& inner = static_cast<const PowNode&>(*p.base());
    std::optional<Number> n = exact_number(inner.exponent());
    if (n && is_even_integer(*n) && !n->is_zero())
      return pow(apply(fn("abs"), inner.base()), number(*n * *x));
  }
  return Expr();
}

// ---- Sums: sin² + cos² = 1, cosh² - sinh² = 1 ----

struct Identity {
  std::string_view square, partner;
  int partner_sign;  // c·square²·R + sign·c·partner²·R = c·R
};
constexpr Identity kIdentities[] = {{"sin", "cos", 1}, {"cosh", "sinh", -1}};

// The Apply nodes u with name(u)^2 among the factors of a term.
std::vector<Expr> squared_calls(const Expr& term, std::string_view name) {
  std::vector<Expr> out;
  auto consider = [&](const Expr& base, const Expr& exponent) {
    const Number* n = as_number(exponent);  // not == integer(2): that allocates a node per test
    if (n && n->is_integer() && n->num() == 2 && is_fn(base, name)) out.push_back(base);
  };
  if (term.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*term);
    consider(p.base(), p.exponent());
  } else if (term.is(Kind::Mul)) {
    for (const auto& [b, x] : static_cast<const MulNode&>(*term).factors()) consider(b, x);
  }
  return out;
}

Expr rewrite_add(const AddNode& a) {
  bool candidate = false;  // most sums have no sin² or cosh² term: no copy then
  for (const auto& [t, c] : a.terms())
    for (const Identity& id : kIdentities) candidate = candidate || !squared_calls(t, id.square).empty();
  if (!candidate) return Expr();
  std::vector<std::pair<Expr, Number>> terms(a.terms().begin(), a.terms().end());
  bool changed = false;
  for (const Identity& id : kIdentities) {
    for (std::size_t i = 0; i < terms.size(); ++i) {
      for (const Expr& call : squared_calls(terms[i].first, id.square)) {
        Expr rest = div(terms[i].first, pow(call, integer(2)));
        Expr partner = mul(pow(apply(fn(id.partner), arg_of(call)), integer(2)), rest);
        Number want = terms[i].second * Number::integer(id.partner_sign);
        auto j = std::find_if(terms.begin(), terms.end(),
                              [&](const auto& t) { return t.first == partner && t.second == want; });
        if (j == terms.end()) continue;
        Number c = terms[i].second;
        std::size_t jj = static_cast<std::size_t>(j - terms.begin());
        terms.erase(terms.begin() + static_cast<std::ptrdiff_t>(std::max(i, jj)));
        terms.erase(terms.begin() + static_cast<std::ptrdiff_t>(std::min(i, jj)));
        terms.emplace_back(rest, c);
        changed = true;
        i = static_cast<std::size_t>(-1);  // rescan: the new term may pair again
        break;
      }
    }
  }
  if (!changed) return Expr();
  std::vector<Expr> parts{number(a.constant())};
  for (const auto& [t, c] : terms) parts.push_back(mul(number(c), t));
  return add(parts);
}

// ---- The rebuild ----

class Simplifier {
 public:
  Expr operator()(const Expr& e) {
    // Leaves have nothing to rebuild and no rewrite: no memo entry for them.
    if (e.is(Kind::Number) || e.is(Kind::Symbol) || e.is(Kind::Constant)) return e;
    if (const Expr* known = memo_.find(e)) return *known;
    Expr r = rebuild(e);
    // Rewrites only at this node, each accepted when it does not grow the
    // expression; a successful one may enable another, so repeat (bounded).
    for (int round = 0; round < 8; ++round) {
      Expr w = rewrite(r);
      if (!w || w == r || w->size() > r->size()) break;
      r = rebuild(w);
    }
    if (r->size() > e->size()) r = e;
    return memo_.insert(e, r);
  }

 private:
  static Expr rewrite(const Expr& e) {
    switch (e.kind()) {
      case Kind::Pow:
        return rewrite_pow(static_cast<const PowNode&>(*e));
      case Kind::Add: {
        // Both rewrites can cancel a term, and with it a restriction on the
        // domain; they are kept only when every restriction survives.
        Expr w = rewrite_add(static_cast<const AddNode&>(*e));
        if (!w) w = detail::together(e);
        return w && detail::keeps_restrictions(e, w) ? w : Expr();
      }
      case Kind::Apply:
        return fold_special(static_cast<const ApplyNode&>(*e));
      default:
        return Expr();
    }
  }

  // The node rebuilt canonically from its simplified children; the node
  // itself (no allocation) when no child changed, which is the common case.
  Expr rebuild(const Expr& e) { return map_children(e, *this); }

  NodeMemo<Expr> memo_;
};

}  // namespace

Expr simplify(const Expr& e) { return Simplifier()(e); }

}  // namespace calc
