#include "expr/number.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include "expr/decimal.h"
#include "numeric/libm/libm.h"

namespace calc {

namespace {

using i64 = std::int64_t;

constexpr std::size_t mix(std::size_t h, std::size_t v) {
  // splitmix64-style finalizer folded into a running hash.
  std::uint64_t x = static_cast<std::uint64_t>(h) ^ (static_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ULL +
                                                     (static_cast<std::uint64_t>(h) << 6) +
                                                     (static_cast<std::uint64_t>(h) >> 2));
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<std::size_t>(x ^ (x >> 31));
}

i64 gcd64(i64 a, i64 b) {
  // Works on magnitudes as unsigned so that INT64_MIN does not overflow.
  std::uint64_t x = a < 0 ? 0 - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
  std::uint64_t y = b < 0 ? 0 - static_cast<std::uint64_t>(b) : static_cast<std::uint64_t>(b);
  while (y != 0) {
    std::uint64_t t = x % y;
    x = y;
    y = t;
  }
  return static_cast<i64>(x);  // only INT64_MIN itself can be 2^63; callers avoid that
}

double ratio(i64 num, i64 den) { return static_cast<double>(num) / static_cast<double>(den); }

// Exact values exclude INT64_MIN, so negation and gcd never overflow.
bool fits(i64 v) { return v != std::numeric_limits<i64>::min(); }

}  // namespace

Number Number::integer(i64 n) {
  if (!fits(n)) return real(static_cast<double>(n));
  Number r;
  r.num_ = n;
  return r;
}

Number Number::rational(i64 num, i64 den) {
  if (den == 0) return real(std::numeric_limits<double>::quiet_NaN());
  if (!fits(num) || !fits(den)) return real(ratio(num, den));
  if (den < 0) {
    num = -num;
    den = -den;
  }
  i64 g = gcd64(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  Number r;
  r.num_ = num;
  r.den_ = den;
  return r;
}

Number Number::real(double v) {
  Number r;
  r.exact_ = false;
  r.num_ = 0;
  r.den_ = 1;
  // One zero and one NaN, so equality and hashing agree.
  if (v == 0.0) v = 0.0;
  if (std::isnan(v)) v = std::numeric_limits<double>::quiet_NaN();
  r.real_ = v;
  return r;
}

// A literal is exact when it is an integer that fits int64, or a decimal with
// at most 16 significant digits whose scaled numerator and power-of-ten
// denominator fit. Seventeen or more written significant digits mark a double:
// that is how the printer writes doubles so that they parse back as doubles.
std::optional<Number> Number::from_literal(std::string_view text) {
  std::size_t i = 0, n = text.size();
  std::string mantissa;  // digits without the point, leading zeros dropped
  int frac_digits = 0;
  bool any_digit = false, has_point = false, has_exp = false;
  for (; i < n && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.'); ++i) {
    char c = text[i];
    if (c == '.') {
      if (has_point) return std::nullopt;
      has_point = true;
      continue;
    }
    any_digit = true;
    if (has_point) ++frac_digits;
    if (!(mantissa.empty() && c == '0')) mantissa.push_back(c);
  }
  if (!any_digit) return std::nullopt;
  i64 exp10 = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    has_exp = true;
    ++i;
    bool neg = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) neg = text[i++] == '-';
    if (i >= n) return std::nullopt;
    for (; i < n; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      if (exp10 < 100000) exp10 = exp10 * 10 + (text[i] - '0');  // clamp: beyond this it is 0 or inf
    }
    if (neg) exp10 = -exp10;
  }
  if (i != n) return std::nullopt;

  auto as_double = [&]() -> std::optional<Number> {
    double v = 0;
    decimal::parse(text, v);
    if (!std::isfinite(v)) return std::nullopt;
    return real(v);
  };
  if (mantissa.empty()) return integer(0);
  if ((has_point || has_exp) && mantissa.size() >= 17) return as_double();
  if (mantissa.size() > 19) return as_double();  // integer too long for int64
  // Nineteen digits fit int64 up to 9223372036854775807 (the printer writes
  // such denominators); beyond that the literal is a double.
  unsigned long long magnitude = 0;  // at most 19 digits: below 10^19 < 2^64
  for (char c : mantissa) magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
  if (magnitude > static_cast<unsigned long long>(std::numeric_limits<i64>::max())) return as_double();
  i64 num = static_cast<i64>(magnitude);
  i64 scale = exp10 - frac_digits;
  if (scale > 18 || scale < -18) return as_double();
  i64 pow10 = 1;
  for (i64 k = 0; k < (scale < 0 ? -scale : scale); ++k) pow10 *= 10;
  if (scale >= 0) {
    i64 r;
    if (__builtin_mul_overflow(num, pow10, &r)) return as_double();
    return integer(r);
  }
  return rational(num, pow10);
}

double Number::value() const { return exact_ ? ratio(num_, den_) : real_; }

bool Number::is_finite() const { return exact_ || std::isfinite(real_); }

Number Number::operator-() const {
  if (!exact_) return real(-real_);
  Number r = *this;
  r.num_ = -num_;  // num_ is never INT64_MIN
  return r;
}

Number operator+(const Number& a, const Number& b) {
  if (!a.exact_ || !b.exact_) return Number::real(a.value() + b.value());
  // Integers (most coefficients and exponents): the general rule below with
  // g = 1, without its three gcd loops.
  if (a.den_ == 1 && b.den_ == 1) {
    i64 sum;
    if (__builtin_add_overflow(a.num_, b.num_, &sum)) return Number::real(a.value() + b.value());
    return Number::integer(sum);
  }
  // a/b + c/d = (a*(d/g) + c*(b/g)) / (b/g*d), g = gcd(b, d)
  i64 g = gcd64(a.den_, b.den_);
  i64 bd = b.den_ / g, ad = a.den_ / g;
  i64 x, y, num, den;
  if (__builtin_mul_overflow(a.num_, bd, &x) || __builtin_mul_overflow(b.num_, ad, &y) ||
      __builtin_add_overflow(x, y, &num) || __builtin_mul_overflow(a.den_, bd, &den))
    return Number::real(a.value() + b.value());
  return Number::rational(num, den);
}

Number operator-(const Number& a, const Number& b) { return a + (-b); }

Number operator*(const Number& a, const Number& b) {
  if (!a.exact_ || !b.exact_) return Number::real(a.value() * b.value());
  if (a.den_ == 1 && b.den_ == 1) {  // integers: nothing to cancel (as for operator+)
    i64 product;
    if (__builtin_mul_overflow(a.num_, b.num_, &product)) return Number::real(a.value() * b.value());
    return Number::integer(product);
  }
  // Cross-cancel first so that exact results stay exact as long as possible.
  i64 g1 = gcd64(a.num_, b.den_), g2 = gcd64(b.num_, a.den_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  i64 num, den;
  if (__builtin_mul_overflow(a.num_ / g1, b.num_ / g2, &num) ||
      __builtin_mul_overflow(a.den_ / g2, b.den_ / g1, &den))
    return Number::real(a.value() * b.value());
  return Number::rational(num, den);
}

Number operator/(const Number& a, const Number& b) {
  if (!a.exact_ || !b.exact_) return Number::real(a.value() / b.value());
  if (b.num_ == 0) return Number::real(std::numeric_limits<double>::quiet_NaN());
  return a * Number::rational(b.den_, b.num_);
}

Number Number::pow_int(const Number& base, i64 exponent) {
  if (!base.exact_) return real(libm::pow(base.real_, static_cast<double>(exponent)));
  if (exponent == 0) return integer(1);
  if (base.num_ == 0) {
    return exponent > 0 ? integer(0) : real(std::numeric_limits<double>::quiet_NaN());
  }
  if (base.den_ == 1 && (base.num_ == 1 || base.num_ == -1)) {
    return integer((base.num_ == -1 && (exponent & 1)) ? -1 : 1);
  }
  auto fallback = [&] { return real(libm::pow(base.value(), static_cast<double>(exponent))); };
  // |base| >= 2 (or <= 1/2) overflows int64 long before 64 squarings.
  if (exponent > 64 || exponent < -64) return fallback();
  std::uint64_t e = exponent < 0 ? static_cast<std::uint64_t>(-exponent) : static_cast<std::uint64_t>(exponent);
  i64 rn = 1, rd = 1, bn = base.num_, bd = base.den_;
  while (true) {
    if (e & 1) {
      if (__builtin_mul_overflow(rn, bn, &rn) || __builtin_mul_overflow(rd, bd, &rd)) return fallback();
    }
    e >>= 1;
    if (e == 0) break;
    if (__builtin_mul_overflow(bn, bn, &bn) || __builtin_mul_overflow(bd, bd, &bd)) return fallback();
  }
  if (!fits(rn) || !fits(rd)) return fallback();
  return exponent > 0 ? rational(rn, rd) : rational(rd, rn);
}

namespace {

// The exact integer k-th root of v >= 0, if there is one.
std::optional<i64> integer_root(i64 v, i64 degree) {
  if (v < 2) return v;
  double guess = libm::pow(static_cast<double>(v), 1.0 / static_cast<double>(degree));
  i64 g = static_cast<i64>(std::llround(guess));
  for (i64 c = g > 1 ? g - 1 : 0; c <= g + 1; ++c) {
    Number p = Number::pow_int(Number::integer(c), degree);
    if (p.is_exact() && p.num() == v) return c;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Number> Number::exact_root(const Number& base, i64 degree) {
  if (!base.exact_ || degree < 1) return std::nullopt;
  if (degree == 1) return base;
  bool negative = base.num_ < 0;
  if (negative && degree % 2 == 0) return std::nullopt;
  if (degree > 64) {
    // Only 0 and ±1 have integer roots of such high degree.
    if (base.den_ == 1 && (base.num_ == 0 || base.num_ == 1 || base.num_ == -1)) return base;
    return std::nullopt;
  }
  auto n = integer_root(negative ? -base.num_ : base.num_, degree);
  auto d = integer_root(base.den_, degree);
  if (!n || !d) return std::nullopt;
  return rational(negative ? -*n : *n, *d);
}

bool operator==(const Number& a, const Number& b) {
  if (a.exact_ != b.exact_) return false;
  if (a.exact_) return a.num_ == b.num_ && a.den_ == b.den_;
  if (std::isnan(a.real_) || std::isnan(b.real_)) return std::isnan(a.real_) && std::isnan(b.real_);
  return a.real_ == b.real_;
}

bool operator<(const Number& a, const Number& b) {
  if (a.exact_ && b.exact_) {
    // Compare a.num/a.den < b.num/b.den without overflow.
    return static_cast<__int128>(a.num_) * b.den_ < static_cast<__int128>(b.num_) * a.den_;
  }
  double x = a.value(), y = b.value();
  // NaN sorts after everything so that the order stays total.
  if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
  if (x != y) return x < y;
  return a.exact_ && !b.exact_;
}

std::size_t Number::hash() const {
  if (exact_) return mix(mix(0x51ed, static_cast<std::size_t>(num_)), static_cast<std::size_t>(den_));
  // memcpy rather than std::bit_cast: Emscripten 3.1.6's libc++ lacks <bit>'s bit_cast.
  std::uint64_t bits;
  std::memcpy(&bits, &real_, sizeof bits);
  return mix(0xd0b1e, static_cast<std::size_t>(bits));
}

std::string Number::to_string() const {
  if (exact_) {
    std::string s = std::to_string(num_);
    if (den_ != 1) s += "/" + std::to_string(den_);
    return s;
  }
  if (real_ == 0.0) return "0";  // like number(): a double zero reads back as the exact zero
  if (std::isnan(real_)) return "nan";
  if (std::isinf(real_)) return real_ < 0 ? "-inf" : "inf";
  // Shortest form that reads back as the same double.
  const std::string shortest = decimal::shortest(real_);
  auto reread = from_literal(std::string_view(shortest).substr(shortest[0] == '-'));
  if (reread && !reread->is_exact()) return shortest;
  // The shortest form would read back as an exact rational; 17 significant
  // digits (the literal rule above) keep it a double.
  std::string digits17 = decimal::general(real_, 17, /*keep_zeros=*/true);
  // "%#g" keeps a bare trailing point (34328125000000000.), which is not a
  // literal; a zero after it keeps the value and the 17+ digits.
  if (digits17.back() == '.') digits17 += '0';
  return digits17;
}

}  // namespace calc
