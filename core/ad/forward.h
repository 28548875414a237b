#pragma once
// Forward-mode automatic differentiation with dual numbers v + d·ε, ε² = 0.
//
// Writing f with Dual<T> in place of T carries the derivative along with the
// value, so one evaluation gives f(x) and f'(x) to rounding, with no step
// size. The API reads like the math, in the style of the autodiff library:
//
//   using calc::ad::dual;
//   auto f = [](dual x) { return 3 * x * x - 4 * x; };
//   dual x = 1.0;
//   double slope = derivative(f, wrt(x), at(x));      // 2
//
// The same Dual type also runs a compiled Tape (numeric/tape.h), which is how
// forward mode differentiates expressions.
#include <cmath>
#include <compare>
#include <limits>
#include <tuple>
#include <type_traits>

#include "numeric/libm/libm.h"

namespace calc::ad {

template <class T>
struct Dual {
  T v{};  // value
  T d{};  // derivative along the seeded direction

  constexpr Dual() = default;
  constexpr Dual(T value) : v(value) {}  // NOLINT: a constant is a dual with zero derivative
  constexpr Dual(T value, T deriv) : v(value), d(deriv) {}
  // Lets integer and double literals mix with Dual<float> in user formulas.
  template <class U, class = std::enable_if_t<std::is_arithmetic_v<U> && !std::is_same_v<U, T>>>
  constexpr Dual(U value) : v(static_cast<T>(value)) {}  // NOLINT

  constexpr Dual& operator+=(const Dual& o) { return *this = *this + o; }
  constexpr Dual& operator-=(const Dual& o) { return *this = *this - o; }
  constexpr Dual& operator*=(const Dual& o) { return *this = *this * o; }
  constexpr Dual& operator/=(const Dual& o) { return *this = *this / o; }

  friend constexpr Dual operator+(const Dual& a, const Dual& b) { return {a.v + b.v, a.d + b.d}; }
  friend constexpr Dual operator-(const Dual& a, const Dual& b) { return {a.v - b.v, a.d - b.d}; }
  friend constexpr Dual operator-(const Dual& a) { return {-a.v, -a.d}; }
  friend constexpr Dual operator*(const Dual& a, const Dual& b) { return {a.v * b.v, a.d * b.v + a.v * b.d}; }
  friend constexpr Dual operator/(const Dual& a, const Dual& b) {
    return {a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)};
  }
  friend constexpr bool operator==(const Dual& a, const Dual& b) { return a.v == b.v; }
  friend constexpr auto operator<=>(const Dual& a, const Dual& b) { return a.v <=> b.v; }
};

using dual = Dual<double>;

// Elementary functions: value f(v), derivative f'(v)·d (the chain rule).
template <class T> Dual<T> exp(const Dual<T>& a) { const T e = T(libm::exp(a.v)); return {e, e * a.d}; }
template <class T> Dual<T> log(const Dual<T>& a) { return {T(libm::log(a.v)), a.d / a.v}; }
template <class T> Dual<T> sqrt(const Dual<T>& a) { const T s = std::sqrt(a.v); return {s, a.d / (T(2) * s)}; }
template <class T> Dual<T> sin(const Dual<T>& a) { return {T(libm::sin(a.v)), T(libm::cos(a.v)) * a.d}; }
template <class T> Dual<T> cos(const Dual<T>& a) { return {T(libm::cos(a.v)), -T(libm::sin(a.v)) * a.d}; }
template <class T> Dual<T> tan(const Dual<T>& a) {
  const T t = T(libm::tan(a.v));
  return {t, (T(1) + t * t) * a.d};
}
template <class T> Dual<T> asin(const Dual<T>& a) { return {T(libm::asin(a.v)), a.d / std::sqrt(T(1) - a.v * a.v)}; }
template <class T> Dual<T> acos(const Dual<T>& a) { return {T(libm::acos(a.v)), -a.d / std::sqrt(T(1) - a.v * a.v)}; }
template <class T> Dual<T> atan(const Dual<T>& a) { return {T(libm::atan(a.v)), a.d / (T(1) + a.v * a.v)}; }
template <class T> Dual<T> sinh(const Dual<T>& a) { return {T(libm::sinh(a.v)), T(libm::cosh(a.v)) * a.d}; }
template <class T> Dual<T> cosh(const Dual<T>& a) { return {T(libm::cosh(a.v)), T(libm::sinh(a.v)) * a.d}; }
template <class T> Dual<T> tanh(const Dual<T>& a) {
  const T t = T(libm::tanh(a.v));
  return {t, (T(1) - t * t) * a.d};
}
// |a|' = sign(a); undefined (NaN) at 0, like the symbolic derivative a/|a|.
template <class T> Dual<T> abs(const Dual<T>& a) {
  const T s = a.v > T(0) ? T(1) : a.v < T(0) ? T(-1) : std::numeric_limits<T>::quiet_NaN();
  return {std::abs(a.v), s * a.d};
}
// a^b = e^(b ln a): d = b a^(b-1) a' + a^b ln(a) b'. The second term is
// dropped when b' = 0, so x^2 stays defined for x <= 0.
template <class T> Dual<T> pow(const Dual<T>& a, const Dual<T>& b) {
  const T p = T(libm::pow(a.v, b.v));
  T d = (a.d == T(0)) ? T(0) : b.v * T(libm::pow(a.v, b.v - T(1))) * a.d;
  if (b.d != T(0)) d += p * T(libm::log(a.v)) * b.d;
  return {p, d};
}
template <class T> Dual<T> pow(const Dual<T>& a, T b) { return pow(a, Dual<T>(b)); }

// ---- derivative(f, wrt(x), at(x, y, ...)) ----

template <class T>
struct Wrt {
  Dual<T>& variable;
};
template <class T>
Wrt<T> wrt(Dual<T>& x) {
  return {x};
}

template <class... Args>
struct At {
  std::tuple<Args&...> args;
};
template <class... Args>
At<Args...> at(Args&... args) {
  return {std::tie(args...)};
}

// df/dx at the given arguments: seeds x with dx = 1, evaluates f once, and
// clears the seed again so x can be reused for the next variable.
template <class F, class T, class... Args>
T derivative(F&& f, Wrt<T> w, const At<Args...>& a) {
  w.variable.d = T(1);
  const auto result = std::apply(f, a.args);
  w.variable.d = T(0);
  return result.d;
}

// Value and derivative together, for when both are needed.
template <class F, class T, class... Args>
Dual<T> evaluate_with_derivative(F&& f, Wrt<T> w, const At<Args...>& a) {
  w.variable.d = T(1);
  const Dual<T> result = std::apply(f, a.args);
  w.variable.d = T(0);
  return result;
}

}  // namespace calc::ad
