// What musl's src/internal/libm.h gives its double-precision functions, for the
// vendored copies in this folder: word access, branch hints, evaluation barriers,
// the error-result helpers and the internal kernels' declarations. Only what
// affects values is kept; floating-point exception flags are not observed by
// the core, so forcing their evaluation is a no-op on both targets (as musl
// itself does under Emscripten).
#pragma once

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "numeric/libm/libm.h"

namespace calc::libm {

// musl uses a union compound literal (C only); memcpy is the C++ equivalent
// and compiles to a register move.
inline std::uint64_t asuint64(double f) {
  std::uint64_t i;
  std::memcpy(&i, &f, sizeof i);
  return i;
}
inline double asdouble(std::uint64_t i) {
  double f;
  std::memcpy(&f, &i, sizeof f);
  return f;
}

// Exact operations (correctly rounded by IEEE 754 in every libm): the platform's
// are bit-identical to musl's.
using std::fabs;
using std::floor;
using std::isnan;
using std::scalbn;
using std::sqrt;

#define WANT_ROUNDING 1
// musl is built without signaling-NaN support (WANT_SNAN 0).
#define issignaling_inline(x) 0

#define predict_true(x) __builtin_expect(!!(x), 1)
#define predict_false(x) __builtin_expect(x, 0)

inline double eval_as_double(double x) { return x; }

// Keeps the compiler from folding or reordering through x, as in musl.
inline double fp_barrier(double x) {
  volatile double y = x;
  return y;
}
inline void fp_force_eval(double) {}
#define FORCE_EVAL(x) static_cast<void>(x)

#define EXTRACT_WORDS(hi, lo, d)    \
  do {                              \
    std::uint64_t u_ = asuint64(d); \
    (hi) = u_ >> 32;                \
    (lo) = (std::uint32_t)u_;       \
  } while (0)
#define GET_HIGH_WORD(hi, d) \
  do {                       \
    (hi) = asuint64(d) >> 32; \
  } while (0)
#define GET_LOW_WORD(lo, d)              \
  do {                                   \
    (lo) = (std::uint32_t)asuint64(d);   \
  } while (0)
#define INSERT_WORDS(d, hi, lo)                                              \
  do {                                                                       \
    (d) = asdouble(((std::uint64_t)(hi) << 32) | (std::uint32_t)(lo));       \
  } while (0)
#define SET_HIGH_WORD(d, hi) INSERT_WORDS(d, hi, (std::uint32_t)asuint64(d))
#define SET_LOW_WORD(d, lo) INSERT_WORDS(d, asuint64(d) >> 32, lo)

int rem_pio2_large(double* x, double* y, int e0, int nx, int prec);
int rem_pio2(double x, double* y);
double kernel_sin(double x, double y, int iy);
double kernel_cos(double x, double y);
double kernel_tan(double x, double y, int odd);
double expo2(double x, double sign);
double expm1(double x);

// Results of overflow, underflow, invalid and division by zero (musl's
// __math_* helpers, math_errors.cpp). Out of line as in musl: inlined, their
// volatile barrier would give every caller a stack frame.
double math_xflow(std::uint32_t sign, double y);
double math_oflow(std::uint32_t sign);
double math_uflow(std::uint32_t sign);
double math_invalid(double x);
double math_divzero(std::uint32_t sign);

}  // namespace calc::libm
