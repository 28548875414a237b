// Canonical add(), mul() and pow() (after SymEngine).
//
// Add = constant + sorted (term, coefficient) pairs; Mul = coefficient +
// sorted (base, exponent) pairs. Like SymEngine, a numeric coefficient times
// a sum is distributed: 2*(x+1) -> 2*x + 2, so that c*(a+b) and c*a + c*b are
// one node; a non-numeric factor times a sum, y*(x+1), is kept as a product.
// Unlike SymEngine, a sum inside a product or under an integer power gives up
// its numeric content to the coefficient, (2x+2)*y -> 2*(x+1)*y and
// (2x+2)^2 -> 4*(x+1)^2, so that every grouping and order of the same
// factors builds one node: mul(2, (x+1)*y) == mul(2*(x+1), y).
// Coefficients of ±1.0 (doubles) become exact, since a unit coefficient is
// not printed and could not be read back.
//
// Each constructor only looks one level into its (already canonical) inputs,
// so construction never walks a whole tree; the only recursion is into
// strictly smaller parts (exponents, factors of a base), which is bounded by
// the input's depth.
#include <algorithm>
#include <cmath>
#include <optional>

#include "expr/expr.h"
#include "expr/internal.h"
#include "expr/shape_check.h"
#include "numeric/libm/libm.h"
#include "util/stable_order.h"

namespace calc {

using detail::compare;
using detail::make;
using detail::without_coefficient;
using detail::content;

namespace detail {
Expr factor_expr(const Expr& base, const Expr& exponent) {
  return is_one(exponent) ? base : make<PowNode>(base, exponent);
}
Expr without_coefficient(const MulNode& m) {
  auto f = m.factors();
  if (f.size() == 1) return factor_expr(f[0].first, f[0].second);
  return make<MulNode>(Number::integer(1), std::vector<std::pair<Expr, Expr>>(f.begin(), f.end()), m.shape());
}
}  // namespace detail

namespace {

using Term = std::pair<Expr, Number>;
using Factor = std::pair<Expr, Expr>;

bool is_scalar(const Expr& e) { return e->shape() == Shape::Scalar; }

// Every factor is added through here, as two const references, so that one
// emplace instance (with its reallocation path) serves all of them rather
// than one per kind of argument (a temporary exponent, a non-const base).
void add_factor(std::vector<Factor>& factors, const Expr& base, const Expr& exponent) {
  factors.emplace_back(base, exponent);
}

// The same for the terms of a sum.
void add_term(std::vector<Term>& terms, const Expr& term, const Number& coefficient) {
  terms.emplace_back(term, coefficient);
}

// The exponent 1, by reference for add_factor().
const Expr& one() {
  static const Expr e = integer(1);
  return e;
}

// Stable sort of terms or factors by their first element. Sums and products
// are small and usually arrive nearly sorted (an existing canonical node plus
// one more operand), so insertion sort: no temporary buffer, which
// std::stable_sort allocates on every call. Large lists use stable_order(),
// one merge sort shared by both pair types.
template <class Pair>
void sort_by_first(std::vector<Pair>& xs) {
  auto less = [](const Pair& a, const Pair& b) { return compare(a.first, b.first) < 0; };
  if (xs.size() > 32) {
    apply_order(xs, stable_order(xs.size(), [&](std::uint32_t i, std::uint32_t j) { return less(xs[i], xs[j]); }));
    return;
  }
  for (std::size_t i = 1; i < xs.size(); ++i) {
    if (!less(xs[i], xs[i - 1])) continue;
    Pair moving = std::move(xs[i]);
    std::size_t j = i;
    for (; j > 0 && less(moving, xs[j - 1]); --j) xs[j] = std::move(xs[j - 1]);
    xs[j] = std::move(moving);
  }
}

Expr make_add(const Number& constant, std::vector<Term> terms);

// A double 1.0 or -1.0 coefficient is the exact one: 1.0*x*y is x*y.
Number unit_exact(const Number& c) {
  if (c.is_exact()) return c;
  if (c.is_one()) return Number::integer(1);
  if (c.is_minus_one()) return Number::integer(-1);
  return c;
}

std::int64_t gcd_i64(std::int64_t a, std::int64_t b) {
  a = a < 0 ? -a : a;  // exact numerators and denominators are never INT64_MIN
  b = b < 0 ? -b : b;
  while (b != 0) {
    std::int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

}  // namespace

namespace {

// Accumulates gcd(numerators)/lcm(denominators) and the sign of the first
// nonzero number seen, over the numeric parts of a sum.
class ContentOf {
 public:
  bool ok() const { return ok_; }
  Number result() const { return sign_ < 0 ? -Number::rational(num_, den_) : Number::rational(num_, den_); }

  void number(const Number& c) {
    if (!ok_ || c.is_zero()) return;
    if (!c.is_exact()) {
      ok_ = false;
      return;
    }
    if (sign_ == 0) sign_ = c.is_negative() ? -1 : 1;
    num_ = gcd_i64(num_, c.num());
    const std::int64_t g = gcd_i64(den_, c.den());
    if (__builtin_mul_overflow(den_ / g, c.den(), &den_)) ok_ = false;
  }

  // The numeric content of k*e for an entry e of an explicit vector: a
  // vector sum w + [3x, 3] has content 1, not 3, and -3w + [-3x, -3] has -3.
  void entry(const Expr& e, const Number& k) {
    switch (e.kind()) {
      case Kind::Number:
        return number(k * *as_number(e));
      case Kind::Mul:
        return number(k * static_cast<const MulNode&>(*e).coefficient());
      case Kind::Add: {
        const auto& a = static_cast<const AddNode&>(*e);
        for (const auto& [t, c] : a.terms()) number(k * c);
        return number(k * a.constant());
      }
      case Kind::Vector:
        for (const auto& x : static_cast<const VectorNode&>(*e).elements()) entry(x, k);
        return;
      default:
        return number(k);
    }
  }

 private:
  std::int64_t num_ = 0, den_ = 1;
  int sign_ = 0;
  bool ok_ = true;
};

}  // namespace

namespace {

ContentOf content_of(const AddNode& sum) {
  ContentOf acc;
  for (const auto& [t, c] : sum.terms()) {
    if (t.is(Kind::Vector))
      acc.entry(t, c);
    else
      acc.number(c);
  }
  acc.number(sum.constant());
  return acc;
}

}  // namespace

bool detail::has_unknown_content(const AddNode& sum) { return !content_of(sum).ok(); }

// 6x + 4 -> 2, -x/2 - 1 -> -1/2 (see internal.h). The sign is that of the
// first term in canonical order (of its first entry, for an explicit vector).
std::optional<Number> detail::content(const AddNode& sum) {
  const ContentOf acc = content_of(sum);
  if (!acc.ok()) return std::nullopt;
  const Number g = acc.result();
  if (g.is_one() || g.is_zero()) return std::nullopt;
  return g;
}

namespace {

// c * sum, term by term (defined after Sum, which it uses for vector sums).
Expr distribute(const Expr& sum, const Number& c);

// Coefficient times canonical, sorted factors.
Expr make_product(const Number& coefficient, std::vector<Factor> factors, Shape shape) {
  const Number c = unit_exact(coefficient);
  if (c.is_zero() || factors.empty()) return number(c);
  if (c.is_one() && factors.size() == 1) return detail::factor_expr(factors[0].first, factors[0].second);
  if (factors.size() == 1 && is_one(factors[0].second) && factors[0].first.is(Kind::Add))
    return distribute(factors[0].first, c);
  return make<MulNode>(c, std::move(factors), shape);
}

std::vector<Factor> factors_of(const Expr& term) {
  if (term.is(Kind::Mul)) {
    auto f = static_cast<const MulNode&>(*term).factors();
    return {f.begin(), f.end()};
  }
  if (term.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*term);
    return {{p.base(), p.exponent()}};
  }
  return {{term, integer(1)}};
}

// c * term for a term of a canonical Add (never a Number or an Add).
Expr scale(const Expr& term, const Number& c) {
  if (c.is_one()) return term;
  return make_product(c, factors_of(term), term->shape());
}

Expr make_add(const Number& constant, std::vector<Term> terms) {
  if (terms.empty()) return number(constant);
  for (auto& t : terms) t.second = unit_exact(t.second);
  if (constant.is_zero() && terms.size() == 1) return scale(terms[0].first, terms[0].second);
  // A double zero constant (0 * 0.5 when distributing) is the exact zero, as in number().
  return make<AddNode>(constant.is_zero() ? Number() : constant, std::move(terms));
}


class Sum {
 public:
  // Room for a few terms up front: growing an empty vector one push at a
  // time reallocated two or three times for the usual two-term sum.
  Sum() { terms_.reserve(4); }

  void take(const Expr& e, const Number& k) {
    if (!e.is(Kind::Number)) note_shape(e);
    switch (e.kind()) {
      case Kind::Number:
        constant_ = constant_ + k * *as_number(e);
        return;
      case Kind::Add: {
        const auto& a = static_cast<const AddNode&>(*e);
        constant_ = constant_ + k * a.constant();
        for (const auto& [t, c] : a.terms()) {
          if (t.is(Kind::Vector)) take(t, k * c);  // scales the entries, as below
          else add_term(terms_, t, k * c);
        }
        return;
      }
      case Kind::Mul: {
        const auto& m = static_cast<const MulNode&>(*e);
        if (!m.coefficient().is_one()) {
          add_term(terms_, without_coefficient(m), k * m.coefficient());
          return;
        }
        break;
      }
      case Kind::Vector:
        // Explicit vectors carry their coefficient inside, as mul() does.
        if (!k.is_one()) {
          add_term(terms_, mul(number(k), e), Number::integer(1));
          return;
        }
        break;
      default:
        break;
    }
    add_term(terms_, e, k);
  }

  // k * e, exactly as take(mul(number(k), e), 1) would take it, but without
  // building that product when the result is plain: for an exact k and a
  // scalar e that is neither a sum nor a number, mul() would only set k
  // (times e's own coefficient) as the coefficient of e's factors, which
  // take() then splits off again. diff() and simplify() rebuild every sum
  // from its terms' coefficients this way.
  void take_scaled(const Expr& e, const Number& k) {
    if (k.is_exact() && k.is_one()) return take(e, k);  // mul(1, e) is e
    if (!k.is_exact() || e->shape() != Shape::Scalar || e.is(Kind::Add) || e.is(Kind::Number))
      return take(mul(number(k), e), Number::integer(1));
    if (k.is_zero()) return;  // mul(0, e) is 0
    note_shape(e);
    if (e.is(Kind::Mul)) {
      const auto& m = static_cast<const MulNode&>(*e);
      // make_product: a zero coefficient is 0, ±1.0 is exact.
      const Number c = k * m.coefficient();
      if (c.is_zero()) return;
      add_term(terms_, without_coefficient(m), unit_exact(c));
      return;
    }
    add_term(terms_, e, k);
  }

  // The constant of a sum being rebuilt, as take(number(c), 1) takes it.
  void take_constant(const Number& c) {
    if (!c.is_zero()) constant_ = constant_ + c;
  }

  Expr finish() {
    if (mixed_shapes_) return shape_error("cannot add expressions of different shapes");
    sort_by_first(terms_);
    // Like terms are adjacent now: merge them in place.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
      if (kept > 0 && terms_[kept - 1].first == terms_[i].first) {
        terms_[kept - 1].second = terms_[kept - 1].second + terms_[i].second;
      } else {
        if (kept != i) terms_[kept] = std::move(terms_[i]);
        ++kept;
      }
    }
    terms_.erase(terms_.begin() + static_cast<std::ptrdiff_t>(kept), terms_.end());
    std::erase_if(terms_, [](const Term& t) { return t.second.is_zero(); });
    if (shape_ != Shape::Scalar && !constant_.is_zero()) return shape_error("cannot add a number to a vector or matrix");
    if ((shape_ == Shape::Vector || shape_ == Shape::Matrix) && !combine_explicit_vectors(terms_))
      return shape_error("cannot add vectors of different lengths");
    return make_add(constant_, std::move(terms_));
  }

 private:
  void note_shape(const Expr& e) {
    if (!shape_set_) {
      shape_ = e->shape();
      shape_set_ = true;
    } else if (shape_ != e->shape()) {
      mixed_shapes_ = true;
    }
  }

  // [a, b] + [c, d] -> [a + c, b + d], and [a, b] + [a, b] -> [2a, 2b]
  // (equal terms were merged into one with coefficient 2); symbolic vectors
  // stay as terms. Matrices combine row by row the same way. False when
  // the lengths differ.
  static bool combine_explicit_vectors(std::vector<Term>& terms) {
    std::vector<std::pair<const VectorNode*, Number>> vectors;
    for (const auto& [t, c] : terms)
      if (t.is(Kind::Vector)) vectors.emplace_back(&static_cast<const VectorNode&>(*t), c);
    if (vectors.empty() || (vectors.size() == 1 && vectors[0].second == Number::integer(1))) return true;
    std::size_t n = vectors[0].first->elements().size();
    std::vector<Expr> sum(n, integer(0));
    for (const auto& [v, c] : vectors) {
      if (v->elements().size() != n) return false;
      for (std::size_t i = 0; i < n; ++i) sum[i] = add(sum[i], mul(number(c), v->elements()[i]));
    }
    std::erase_if(terms, [](const Term& t) { return t.first.is(Kind::Vector); });
    Term combined{vector(std::move(sum)), Number::integer(1)};
    auto at = std::lower_bound(terms.begin(), terms.end(), combined,
                               [](const Term& a, const Term& b) { return compare(a.first, b.first) < 0; });
    terms.insert(at, std::move(combined));
    return true;
  }

  Number constant_;
  std::vector<Term> terms_;
  Shape shape_ = Shape::Scalar;
  bool shape_set_ = false;
  bool mixed_shapes_ = false;  // reported by finish(), which every use ends in
};

Expr distribute(const Expr& e, const Number& c) {
  const auto& sum = static_cast<const AddNode&>(*e);
  if (e->shape() != Shape::Scalar) {
    // An explicit vector term takes the factor into its entries.
    Sum s;
    s.take(e, c);
    return s.finish();
  }
  std::vector<Term> terms;
  terms.reserve(sum.terms().size());
  for (const auto& [t, k] : sum.terms()) {
    Number scaled = k * c;
    if (!scaled.is_zero()) terms.emplace_back(t, scaled);
  }
  return make_add(sum.constant() * c, std::move(terms));
}

class Product {
 public:
  Product() { scalars_.reserve(4); }  // as in Sum: one allocation for the usual few factors

  void take(const Expr& e) {
    switch (e.kind()) {
      case Kind::Number:
        coeff_ = coeff_ * *as_number(e);
        return;
      case Kind::Mul: {
        const auto& m = static_cast<const MulNode&>(*e);
        coeff_ = coeff_ * m.coefficient();
        for (const auto& [b, x] : m.factors()) {
          if (is_scalar(b))
            add_factor(scalars_, b, x);
          else
            nonscalars_.push_back(b);
        }
        return;
      }
      case Kind::Add:
        // (2x+2)*y -> 2*(x+1)*y; see the file comment.
        if (auto g = content(static_cast<const AddNode&>(*e))) {
          coeff_ = coeff_ * *g;
          take(distribute(e, Number::integer(1) / *g));
          return;
        }
        break;
      default:
        break;
    }
    if (!is_scalar(e)) {
      nonscalars_.push_back(e);
    } else if (e.is(Kind::Pow)) {
      const auto& p = static_cast<const PowNode&>(*e);
      add_factor(scalars_, p.base(), p.exponent());
    } else {
      add_factor(scalars_, e, one());
    }
  }

  Expr finish() {
    if (coeff_.is_zero()) return number(coeff_);  // 0 times anything, of any shape, is 0
    if (nonscalars_.size() >= 2) {
      Expr m = detail::matmul(std::move(nonscalars_), coeff_);
      if (m.is(Kind::Number)) return m;  // NaN: the dimensions did not match
      nonscalars_.clear();
      if (is_scalar(m))
        add_factor(scalars_, m, one());
      else
        nonscalars_.push_back(m);
    }
    if (nonscalars_.size() == 1 && nonscalars_[0].is(Kind::Vector) && (!coeff_.is_one() || !scalars_.empty()))
      return scale_explicit_vector(static_cast<const VectorNode&>(*nonscalars_[0]));
    merge_scalars();
    if (coeff_.is_zero()) return number(coeff_);
    Shape shape = Shape::Scalar;
    if (!nonscalars_.empty()) {
      shape = nonscalars_[0]->shape();
      add_factor(scalars_, nonscalars_[0], one());
      sort_factors();
    }
    return make_product(coeff_, std::move(scalars_), shape);
  }

 private:
  void sort_factors() {
    sort_by_first(scalars_);
  }

  // Adds the exponents of equal bases. pow() of a merged numeric base can
  // produce a new base (8^(1/2) -> 2*2^(1/2)), so a few passes may be needed;
  // they are capped so that construction always terminates.
  void merge_scalars() {
    for (int pass = 0; pass < 4; ++pass) {
      sort_factors();
      // Usually every base is distinct: then there is nothing to rebuild.
      auto same_base = [](const Factor& a, const Factor& b) { return a.first == b.first; };
      if (std::adjacent_find(scalars_.begin(), scalars_.end(), same_base) == scalars_.end()) return;
      bool merged_any = false;
      std::vector<Factor> out;
      out.reserve(scalars_.size());
      std::size_t i = 0;
      while (i < scalars_.size()) {
        std::size_t j = i + 1;
        while (j < scalars_.size() && scalars_[j].first == scalars_[i].first) ++j;
        if (j == i + 1) {
          add_factor(out, scalars_[i].first, scalars_[i].second);
        } else {
          merged_any = true;
          std::vector<Expr> exponents;
          for (std::size_t k = i; k < j; ++k) exponents.push_back(scalars_[k].second);
          absorb(pow(scalars_[i].first, add(exponents)), out);
        }
        i = j;
      }
      scalars_ = std::move(out);
      if (!merged_any) return;
    }
    sort_factors();
  }

  void absorb(const Expr& p, std::vector<Factor>& out) {
    switch (p.kind()) {
      case Kind::Number:
        coeff_ = coeff_ * *as_number(p);
        return;
      case Kind::Mul: {
        const auto& m = static_cast<const MulNode&>(*p);
        coeff_ = coeff_ * m.coefficient();
        for (const auto& [b, x] : m.factors()) add_factor(out, b, x);
        return;
      }
      case Kind::Pow: {
        const auto& q = static_cast<const PowNode&>(*p);
        add_factor(out, q.base(), q.exponent());
        return;
      }
      default:
        add_factor(out, p, one());
    }
  }

  // x*[a, b] -> [x*a, x*b], so explicit vectors compare element by element.
  Expr scale_explicit_vector(const VectorNode& v) {
    Product scalar_part;
    scalar_part.coeff_ = coeff_;
    scalar_part.scalars_ = std::move(scalars_);
    Expr s = scalar_part.finish();
    std::vector<Expr> elements;
    elements.reserve(v.elements().size());
    for (const auto& e : v.elements()) elements.push_back(mul(s, e));
    return vector(std::move(elements));
  }

  Number coeff_ = Number::integer(1);
  std::vector<Factor> scalars_;
  std::vector<Expr> nonscalars_;
};

// ---- Powers of numbers ----

std::int64_t floor_div(std::int64_t p, std::int64_t q) {
  std::int64_t n = p / q;
  return (p % q != 0 && (p < 0) != (q < 0)) ? n - 1 : n;
}

// Largest k with k^q dividing m, by trial division over small divisors
// (bounded work; a large prime power left over only costs canonicality).
std::int64_t perfect_power_part(std::int64_t m, std::int64_t q) {
  std::int64_t k = 1;
  for (std::int64_t d = 2; d <= 1000 && d * d <= m; ++d) {
    int count = 0;
    while (m % d == 0) {
      m /= d;
      ++count;
    }
    for (int c = 0; c + q <= count; c += static_cast<int>(q)) k *= d;
  }
  return k;
}

Expr unevaluated(const Number& b, const Number& x) { return make<PowNode>(number(b), number(x)); }

// b^x for numbers. Exact results stay exact; results that do not fit are left
// as an unevaluated power (2^100), never approximated silently and never
// computed with unbounded work.
Expr number_power(const Number& b, const Number& x) {
  if (!b.is_exact() || !x.is_exact()) {
    double r = libm::pow(b.value(), x.value());
    return std::isfinite(r) ? real(r) : unevaluated(b, x);
  }
  if (x.is_integer()) {
    Number r = Number::pow_int(b, x.num());
    return r.is_exact() ? number(r) : unevaluated(b, x);
  }
  const std::int64_t p = x.num(), q = x.den();
  if (auto root = Number::exact_root(b, q)) {
    Number r = Number::pow_int(*root, p);
    return r.is_exact() ? number(r) : unevaluated(b, x);
  }
  if (b.is_negative()) return unevaluated(b, x);  // not real-valued; kept as written
  if (b.den() != 1) {
    // (n/d)^x = n^x * d^(-x): one canonical form for roots of fractions.
    return mul(number_power(Number::integer(b.num()), x), number_power(Number::integer(b.den()), -x));
  }
  // m^(p/q) = m^n * m^(frac) with frac in (0, 1): 2^(3/2) -> 2*2^(1/2), 2^(-1/2) -> 2^(1/2)/2.
  std::int64_t n = floor_div(p, q);
  if (n != 0) {
    Number whole = Number::pow_int(b, n);
    if (!whole.is_exact()) return unevaluated(b, x);
    return mul(number(whole), number_power(b, x - Number::integer(n)));
  }
  // m^(p/q) with k^q | m: k^p * (m/k^q)^(p/q), e.g. 8^(1/2) = 2*2^(1/2).
  std::int64_t k = perfect_power_part(b.num(), q);
  if (k > 1) {
    Number kq = Number::pow_int(Number::integer(k), q), kp = Number::pow_int(Number::integer(k), p);
    if (kq.is_exact() && kp.is_exact())
      return mul(number(kp), number_power(Number::integer(b.num() / kq.num()), x));
  }
  return unevaluated(b, x);
}

}  // namespace

// ---- Public constructors ----

Expr add(const Expr& a, const Expr& b) {
  if (is_zero(a) && a.is(Kind::Number) && as_number(a)->is_exact()) return b;
  if (is_zero(b) && as_number(b)->is_exact()) return a;
  if (a.is(Kind::Number) && b.is(Kind::Number)) return number(*as_number(a) + *as_number(b));
  Sum s;
  s.take(a, Number::integer(1));
  s.take(b, Number::integer(1));
  return s.finish();
}

Expr add(std::span<const Expr> terms) {
  Sum s;
  for (const auto& t : terms) s.take(t, Number::integer(1));
  return s.finish();
}

Expr linear_combination(const Number& constant, std::span<const std::pair<Expr, Number>> terms) {
  Sum s;
  s.take_constant(constant);
  for (const auto& [t, k] : terms) s.take_scaled(t, k);
  return s.finish();
}

Expr sub(const Expr& a, const Expr& b) {
  Sum s;
  s.take(a, Number::integer(1));
  s.take(b, Number::integer(-1));
  return s.finish();
}

Expr neg(const Expr& a) { return mul(integer(-1), a); }

Expr mul(const Expr& a, const Expr& b) {
  if (a.is(Kind::Number) && b.is(Kind::Number)) return number(*as_number(a) * *as_number(b));
  if (is_one(a) && as_number(a)->is_exact()) return b;
  if (is_one(b) && as_number(b)->is_exact()) return a;
  Product p;
  p.take(a);
  p.take(b);
  return p.finish();
}

Expr mul(std::span<const Expr> factors) {
  Product p;
  for (const auto& f : factors) p.take(f);
  return p.finish();
}

Expr div(const Expr& a, const Expr& b) { return mul(a, pow(b, integer(-1))); }

Expr pow(const Expr& base, const Expr& exponent) {
  const Number* xn = as_number(exponent);
  if (xn && xn->is_one()) return base;
  if (!is_scalar(base) || !is_scalar(exponent))
    return shape_error("powers are defined for scalars only (write x^T for a transpose)");
  if (xn && xn->is_zero()) return xn->is_exact() ? integer(1) : real(1.0);
  if (const Number* bn = as_number(base)) {
    if (bn->is_one() && bn->is_exact()) return base;
    if (xn) return number_power(*bn, *xn);
    return make<PowNode>(base, exponent);
  }
  if (base.is(Kind::Pow)) {
    // (c^y)^x = c^(y*x) holds for real values when x is an integer, when c^y
    // forces c >= 0 (y a fraction with even denominator), or when c = e.
    const auto& p = static_cast<const PowNode&>(*base);
    const Number* yn = as_number(p.exponent());
    bool sound = (xn && xn->is_integer()) || (yn && yn->is_exact() && yn->den() % 2 == 0) ||
                 (p.base().is(Kind::Constant) && static_cast<const ConstantNode&>(*p.base()).id() == ConstantId::E);
    if (sound) return pow(p.base(), mul(p.exponent(), exponent));
  }
  if (base.is(Kind::Add) && xn && xn->is_integer()) {
    // (2x+2)^n = 2^n * (x+1)^n, the form a product of the same factors takes.
    if (auto g = content(static_cast<const AddNode&>(*base)))
      return mul(number_power(*g, *xn),
                 pow(distribute(base, Number::integer(1) / *g), exponent));
  }
  if (base.is(Kind::Mul) && xn) {
    const auto& m = static_cast<const MulNode&>(*base);
    if (xn->is_integer()) {
      // (c * prod b_i^e_i)^n = c^n * prod b_i^(e_i*n)
      std::vector<Expr> parts{number_power(m.coefficient(), *xn)};
      for (const auto& [b, e] : m.factors()) parts.push_back(pow(b, mul(e, exponent)));
      return mul(parts);
    }
    // (c*r)^x = c^x * r^x for a positive number c: both sides are undefined
    // together (r < 0 with a fractional x), so this is sound for real values.
    if (!m.coefficient().is_one() && !m.coefficient().is_negative() && !m.coefficient().is_zero())
      return mul(number_power(m.coefficient(), *xn), pow(without_coefficient(m), exponent));
  }
  return make<PowNode>(base, exponent);
}

}  // namespace calc
