#include "expr/decimal.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace calc::decimal {
namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

// Significant digits kept when reading. A rounding boundary (the midpoint of
// two neighbouring doubles, (2m+1)·2^(e-1)) has at most 768 significant
// digits, so the first 768 of the input plus a '1' after them standing for
// any nonzero digit further on compare with every boundary as the whole
// input does.
constexpr int kMaxDigits = 768;

// An unsigned integer of up to 84·32 bits, least significant limb first.
// The largest value held is in to_double's division: 5^1092 (a 769-digit
// mantissa times 10^-1092, the smallest scale that can still round to a
// subnormal) shifted left by 64 bits, or the mantissa (< 2^2555) by up to 64,
// under 2610 bits: 82 limbs, plus the one above that shift_left writes before
// trimming.
constexpr int kLimbs = 84;
struct Big {
  explicit Big(u64 v) : size(v == 0 ? 0 : v >> 32 ? 2 : 1) {
    limb[0] = static_cast<u32>(v);
    limb[1] = static_cast<u32>(v >> 32);
  }
  u64 at(int i) const { return i < size ? limb[i] : 0; }
  int bits() const { return size == 0 ? 0 : 32 * size - __builtin_clz(limb[size - 1]); }
  // *this = *this · factor + addend
  void mul_add(u32 factor, u32 addend) {
    u64 carry = addend;
    for (int i = 0; i < size; ++i) {
      carry += u64{limb[i]} * factor;
      limb[i] = static_cast<u32>(carry);
      carry >>= 32;
    }
    if (carry) limb[size++] = static_cast<u32>(carry);
  }
  void mul_pow5(int n) {
    for (; n > 0; n -= 13) {  // 5^13 is the largest power of 5 in a limb
      u32 factor = 1;
      for (int i = std::min(n, 13); i > 0; --i) factor *= 5;
      mul_add(factor, 0);
    }
  }
  void shift_left(int n) {
    if (size == 0) return;
    const int words = n / 32, rest = n % 32;
    // From the top down, so that each source limb is read before it is overwritten.
    for (int i = size + words; i >= words; --i) {
      const u64 high = i - words < size ? limb[i - words] : 0;
      const u64 low = i - words >= 1 ? limb[i - words - 1] : 0;
      limb[i] = static_cast<u32>(((high << 32 | low) << rest) >> 32);
    }
    std::fill(limb, limb + words, 0u);
    size += words + 1;
    if (limb[size - 1] == 0) --size;
  }
  // *this -= y, where y <= *this
  void subtract(const Big& y) {
    u64 borrow = 0;
    for (int i = 0; i < size; ++i) {
      const u64 d = u64{limb[i]} - (i < y.size ? u64{y.limb[i]} : 0) - borrow;
      limb[i] = static_cast<u32>(d);
      borrow = d >> 63;
    }
    while (size > 0 && limb[size - 1] == 0) --size;
  }
  u32 limb[kLimbs];
  int size;
};

int compare(const Big& x, const Big& y) {
  if (x.size != y.size) return x.size < y.size ? -1 : 1;
  for (int i = x.size - 1; i >= 0; --i)
    if (x.limb[i] != y.limb[i]) return x.limb[i] < y.limb[i] ? -1 : 1;
  return 0;
}

// floor(x · 2^shift / y), which must be below 2^64, by restoring division one
// bit at a time; inexact tells whether a remainder was left.
u64 quotient(Big x, Big y, int shift, bool& inexact) {
  if (shift > 0) x.shift_left(shift);
  if (y.size == 1 && y.limb[0] == 1) {
    // A power of two (every number below 10^17 written, or read with a
    // nonnegative exponent): the quotient is x's bits from -shift up.
    const int low = shift < 0 ? -shift : 0, word = low / 32, rest = low % 32;
    const u64 bottom = x.at(word + 1) << 32 | x.at(word);
    inexact = (bottom & ((u64{1} << rest) - 1)) != 0;
    for (int i = 0; i < word && i < x.size; ++i) inexact |= x.limb[i] != 0;
    const u64 q = bottom >> rest | x.at(word + 2) << 32 << (32 - rest);
    return q;
  }
  if (shift < 0) y.shift_left(-shift);
  y.shift_left(63);
  u64 q = 0;
  for (int bit = 0; bit < 64; ++bit) {
    q <<= 1;
    if (compare(x, y) >= 0) {
      x.subtract(y);
      q |= 1;
    }
    x.shift_left(1);
  }
  inexact = x.size != 0;
  return q;
}

// The double nearest (q + f) · 2^exponent, where q >= 2^62 and f in [0, 1) is
// nonzero exactly when inexact: ties to even, subnormals and overflow to
// infinity as IEEE 754 rounds.
double nearest(u64 q, int exponent, bool inexact) {
  const int length = 64 - __builtin_clzll(q);
  // The bits of q below the result's last place: all but 53, or more when the
  // result is subnormal (its last place is then 2^-1074).
  const int drop = std::max(length - 53, -1074 - exponent);
  if (drop > length) return 0;  // less than half the smallest subnormal
  const u64 half = u64{1} << (drop - 1);
  u64 kept = q >> (drop - 1) >> 1;
  const u64 rest = q & (half + half - 1);  // drop = 64: half + half wraps to 0, the mask is all of q
  if (rest > half || (rest == half && (inexact || (kept & 1)))) ++kept;
  // kept in [2^52, 2^53] for a normal result: adding it to the biased
  // exponent minus one sets the hidden bit's exponent field and carries a
  // rounding up to 2^53 into the next binade; a subnormal's field is 0.
  const u64 bits = (static_cast<u64>(exponent + drop + 1074) << 52) + kept;
  if (bits >= 0x7FF0000000000000u) return std::numeric_limits<double>::infinity();
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// digits[0, n) (ASCII, no leading zero, n <= kMaxDigits + 1) times
// 10^exponent, correctly rounded.
double to_double(const char* digits, int n, long long exponent) {
  if (n == 0 || n + exponent <= -324) return 0;  // below 10^-324, under half the smallest subnormal
  if (n + exponent > 309) return std::numeric_limits<double>::infinity();  // at least 10^309
  const int k = static_cast<int>(exponent);
  u64 w = 0;
  for (int i = 0; i < std::min(n, 19); ++i) w = w * 10 + static_cast<u64>(digits[i] - '0');
  // Clinger's fast path: w and 10^|k| are exact doubles, so the one
  // multiplication or division rounds once, correctly.
  if (n <= 19 && w <= u64{1} << 53 && k >= -22 && k <= 22) {
    double power = 1;
    for (int i = 0; i < std::abs(k); ++i) power *= 10;
    return k < 0 ? static_cast<double>(w) / power : static_cast<double>(w) * power;
  }
  Big x(0), y(1);
  for (int i = 0; i < n;) {
    u32 chunk = 0, scale = 1;
    for (const int end = std::min(n, i + 9); i < end; ++i) {
      chunk = chunk * 10 + static_cast<u32>(digits[i] - '0');
      scale *= 10;
    }
    x.mul_add(scale, chunk);
  }
  if (k >= 0) x.mul_pow5(k);
  else y.mul_pow5(-k);
  // value = x / y · 2^k; scaled by 2^shift the quotient lies in (2^62, 2^64).
  const int shift = y.bits() - x.bits() + 63;
  bool inexact = false;
  const u64 q = quotient(x, y, shift, inexact);
  return nearest(q, k - shift, inexact);
}

// The first 18 significant digits of a finite nonzero |v|, truncated: q in
// [10^17, 10^18) with |v| = (q + f) · 10^(exponent - 17), f in [0, 1) nonzero
// exactly when inexact. Enough to round to up to 17 digits exactly.
struct Leading {
  u64 q;
  int exponent;
  bool inexact;
};

Leading leading_digits(double v) {
  u64 bits;
  std::memcpy(&bits, &v, sizeof bits);
  const int biased = static_cast<int>(bits >> 52 & 0x7FF);
  u64 m = bits & ((u64{1} << 52) - 1);
  int e = -1074;
  if (biased > 0) {
    m |= u64{1} << 52;
    e = biased - 1075;
  }
  // |v| = m · 2^e lies in [2^top, 2^(top+1)), so 10^estimate <= |v| < 2 · 10^(estimate+1).
  // (top · log10 2 is at least 4e-4 away from an integer for top != 0, far
  // beyond the double product's error.)
  const int top = e + 63 - __builtin_clzll(m);
  const int estimate = static_cast<int>(std::floor(top * 0.30102999566398120));
  // |v| · 10^j is below 2 · 10^17 for the first j, and at least 10^17 for the second.
  for (int j = 16 - estimate;; ++j) {
    Big x(m), y(1);
    if (j >= 0) x.mul_pow5(j);
    else y.mul_pow5(-j);
    bool inexact = false;
    const u64 q = quotient(x, y, e + j, inexact);  // floor(m · 2^e · 10^j)
    if (q >= 100000000000000000u) return {q, 17 - j, inexact};
  }
}

// Rounds to precision (1 to 17) digits, half to even, into digits[0,
// precision); returns the decimal exponent of the first.
int round_to(const Leading& lead, int precision, char* digits) {
  u64 unit = 1;
  for (int i = precision; i < 18; ++i) unit *= 10;
  u64 q = lead.q / unit;
  const u64 rest = lead.q % unit, half = unit / 2;
  if (rest > half || (rest == half && (lead.inexact || (q & 1)))) ++q;
  for (int i = precision - 1; i >= 0; --i, q /= 10) digits[i] = static_cast<char>('0' + q % 10);
  if (q == 0) return lead.exponent;
  digits[0] = '1';  // 99...9 rounded up to 10^precision: 10...0, one place up
  return lead.exponent + 1;
}

// printf's %g layout of digits[0, precision) · 10^(exponent - precision + 1):
// scientific when the exponent is below -4 or at least the precision, and
// trailing zeros (then a bare point) dropped unless keep_zeros ("%#g").
std::string layout(bool negative, const char* digits, int precision, int exponent, bool keep_zeros) {
  int n = precision;
  if (!keep_zeros)
    while (n > 1 && digits[n - 1] == '0') --n;
  std::string out = negative ? "-" : "";
  if (exponent < -4 || exponent >= precision) {
    out += digits[0];
    if (n > 1 || keep_zeros) out += '.';
    out.append(digits + 1, static_cast<std::size_t>(n - 1));
    out += exponent < 0 ? "e-" : "e+";
    if (std::abs(exponent) < 10) out += '0';
    out += std::to_string(std::abs(exponent));
  } else if (exponent >= 0) {
    for (int i = 0; i <= exponent; ++i) out += i < n ? digits[i] : '0';
    if (n > exponent + 1 || keep_zeros) out += '.';
    if (n > exponent + 1) out.append(digits + exponent + 1, static_cast<std::size_t>(n - exponent - 1));
  } else {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out.append(digits, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace

std::size_t parse(std::string_view text, double& value) {
  value = 0;
  const std::size_t size = text.size();
  auto digit_at = [&](std::size_t j) { return j < size && text[j] >= '0' && text[j] <= '9'; };
  std::size_t i = 0;
  const bool negative = size > 0 && text[0] == '-';
  if (size > 0 && (text[0] == '+' || text[0] == '-')) ++i;
  char digits[kMaxDigits + 1];
  int n = 0;
  long long exponent = 0;  // value = digits · 10^exponent
  bool any = false;
  bool dropped = false;  // a nonzero digit beyond kMaxDigits
  auto take = [&](char c, bool fraction) {
    any = true;
    if (n == 0 && c == '0') {
      if (fraction) --exponent;
    } else if (n < kMaxDigits) {
      digits[n++] = c;
      if (fraction) --exponent;
    } else {
      dropped |= c != '0';
      if (!fraction) ++exponent;
    }
  };
  for (; digit_at(i); ++i) take(text[i], false);
  if (i < size && text[i] == '.')
    for (++i; digit_at(i); ++i) take(text[i], true);
  if (!any) return 0;
  if (i < size && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    const bool minus = j < size && text[j] == '-';
    if (j < size && (text[j] == '+' || text[j] == '-')) ++j;
    if (digit_at(j)) {  // else the 'e' is not part of the number
      long long e = 0;
      for (; digit_at(j); ++j)
        if (e < 1000000000) e = e * 10 + (text[j] - '0');  // beyond, the value is 0 or inf anyway
      exponent += minus ? -e : e;
      i = j;
    }
  }
  if (dropped) {
    digits[n++] = '1';
    --exponent;
  }
  while (n > 0 && digits[n - 1] == '0') {  // fewer digits, so more inputs take the fast path
    --n;
    ++exponent;
  }
  value = to_double(digits, n, exponent);
  if (negative) value = -value;
  return i;
}

std::string general(double v, int precision, bool keep_zeros) {
  const bool negative = std::signbit(v);
  if (std::isnan(v)) return negative ? "-nan" : "nan";
  if (std::isinf(v)) return negative ? "-inf" : "inf";
  char digits[17];
  int exponent = 0;
  if (v == 0) std::fill(digits, digits + precision, '0');
  else exponent = round_to(leading_digits(v), precision, digits);
  return layout(negative, digits, precision, exponent, keep_zeros);
}

std::string shortest(double v) {
  if (!std::isfinite(v) || v == 0) return general(v, 1);
  const Leading lead = leading_digits(v);
  char digits[17];
  int precision = 1, exponent = round_to(lead, precision, digits);
  while (precision < 17 && to_double(digits, precision, exponent - precision + 1) != std::fabs(v))
    exponent = round_to(lead, ++precision, digits);
  return layout(std::signbit(v), digits, precision, exponent, false);
}

}  // namespace calc::decimal
