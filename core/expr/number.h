#pragma once
// A number is an exact rational (int64 numerator/denominator, normalized, den > 0)
// when the input was exact, and a double otherwise. Exact arithmetic that would
// overflow int64 degrades to double instead of wrapping, so results stay sound.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace calc {

class Number {
 public:
  Number() = default;  // exact 0
  static Number integer(std::int64_t n);
  // Normalizes sign and gcd; den == 0 yields a double NaN (caller reports domain errors).
  static Number rational(std::int64_t num, std::int64_t den);
  static Number real(double v);
  // Parses a decimal literal as written by a learner ("12", "0.25", "1e-3").
  // Integers and short decimals become exact rationals; others become doubles.
  static std::optional<Number> from_literal(std::string_view text);

  bool is_exact() const { return exact_; }
  std::int64_t num() const { return num_; }  // only meaningful when exact
  std::int64_t den() const { return den_; }  // only meaningful when exact
  double value() const;

  // Inline: asked of every coefficient and exponent during construction.
  bool is_zero() const { return exact_ ? num_ == 0 : real_ == 0.0; }
  bool is_one() const { return exact_ ? (num_ == 1 && den_ == 1) : real_ == 1.0; }
  bool is_minus_one() const { return exact_ ? (num_ == -1 && den_ == 1) : real_ == -1.0; }
  bool is_integer() const { return exact_ && den_ == 1; }  // exact with den == 1
  bool is_negative() const { return exact_ ? num_ < 0 : real_ < 0.0; }
  bool is_finite() const;

  Number operator-() const;
  friend Number operator+(const Number& a, const Number& b);
  friend Number operator-(const Number& a, const Number& b);
  friend Number operator*(const Number& a, const Number& b);
  friend Number operator/(const Number& a, const Number& b);
  // Exact when the base is exact and the integer exponent's result fits.
  static Number pow_int(const Number& base, std::int64_t exponent);
  // Exact root of an exact rational when one exists (sqrt(4/9) = 2/3), else nullopt.
  static std::optional<Number> exact_root(const Number& base, std::int64_t degree);

  // Structural equality: 1/2 (exact) != 0.5 (double); they print differently.
  friend bool operator==(const Number& a, const Number& b);
  // Total order used for canonical sorting (by value, exact before double on ties).
  friend bool operator<(const Number& a, const Number& b);
  std::size_t hash() const;

  // Parser syntax: "3", "-1/2", "0.25" (doubles with 17 significant digits, shortest form).
  std::string to_string() const;

 private:
  bool exact_ = true;
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
  double real_ = 0.0;
};

}  // namespace calc
