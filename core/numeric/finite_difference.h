#pragma once
// Numerical derivatives of a callable f: T -> T, for T = float or double.
//
// The difference quotients are computed entirely in T, so the float version
// shows the float32 round-off the book's MXNet table shows (2.00272 at
// h = 1e-5 where float64 gives 2.00003). Default steps follow SciPy's
// approx_derivative: h = sqrt(eps)·max(1,|x|) for one-sided differences
// (truncation error O(h) balanced against round-off eps/h), and
// h = eps^(1/3)·max(1,|x|) for the central difference (O(h²) against eps/h).
#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <type_traits>
#include <vector>

#include "numeric/libm/libm.h"
#include "util/function_ref.h"

namespace calc::numeric {

template <class T>
T forward_step(T x) {
  return std::sqrt(std::numeric_limits<T>::epsilon()) * std::max(T(1), std::abs(x));
}

template <class T>
T central_step(T x) {
  return T(libm::cbrt(std::numeric_limits<T>::epsilon())) * std::max(T(1), std::abs(x));
}

// (f(x+h) - f(x)) / h
template <class T, class F>
T forward_difference(F&& f, T x, T h) {
  const T fx = f(x);
  const T fxh = f(static_cast<T>(x + h));
  return static_cast<T>(static_cast<T>(fxh - fx) / h);
}

// (f(x) - f(x-h)) / h
template <class T, class F>
T backward_difference(F&& f, T x, T h) {
  const T fx = f(x);
  const T fxh = f(static_cast<T>(x - h));
  return static_cast<T>(static_cast<T>(fx - fxh) / h);
}

// (f(x+h) - f(x-h)) / 2h
template <class T, class F>
T central_difference(F&& f, T x, T h) {
  const T fp = f(static_cast<T>(x + h));
  const T fm = f(static_cast<T>(x - h));
  return static_cast<T>(static_cast<T>(fp - fm) / static_cast<T>(T(2) * h));
}

template <class T, class F>
T forward_difference(F&& f, T x) {
  return forward_difference(f, x, forward_step(x));
}
template <class T, class F>
T backward_difference(F&& f, T x) {
  return backward_difference(f, x, forward_step(x));
}
template <class T, class F>
T central_difference(F&& f, T x) {
  return central_difference(f, x, central_step(x));
}

// Ridders' method: Richardson extrapolation of central differences over a
// shrinking step h, h/c, h/c², ... (Numerical Recipes §5.7). Returns the
// extrapolated derivative and an error estimate from the tableau; it stops
// when the error grows by more than a factor `safe` (round-off takes over).
template <class T>
struct RiddersResult {
  T derivative;
  T error;  // estimated absolute error
};

template <class T>
RiddersResult<T> ridders(std::type_identity_t<FunctionRef<T(T)>> f, T x, T initial_step = T(0));

// One row of the h -> 0 table: forward and central quotients at x0 with step h.
template <class T>
struct LimitRow {
  T h;
  T forward;
  T central;
};

// The h -> 0 table of the difference quotient, computed in T (x0 and every h
// are first rounded to T, as an array of that dtype would hold them).
template <class T>
std::vector<LimitRow<T>> limit_table(std::type_identity_t<FunctionRef<T(T)>> f, T x0, std::span<const double> hs);

// The book's steps: 0.1, 0.01, ..., 1e-5.
std::vector<double> book_steps();

}  // namespace calc::numeric
