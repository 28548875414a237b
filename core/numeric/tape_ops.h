#pragma once
// Scalar steps that the SSA tape's run() (tape.cpp) and the batch program's
// evaluate() (tape_batch.cpp) must compute identically, because evaluate()
// promises the same bits as run(): one definition for both.
#include <bit>
#include <cstdint>

#include "expr/functions.h"

namespace calc::numeric::tape_ops {

// x^n for n ≥ 1, left-most bit first: x^2 = x·x and x^3 = (x·x)·x, as written
// by hand (x^4 = (x·x)·(x·x) is not used).
template <class T>
T ipow(T x, std::int32_t n) {
  T result = x;
  int top = 31 - std::countl_zero(static_cast<std::uint32_t>(n));
  for (int bit = top - 1; bit >= 0; --bit) {
    result = result * result;
    if ((n >> bit) & 1) result = result * x;
  }
  return result;
}

// A function record applied in double, and for float rounded once at the end.
inline double call(const FunctionRecord* fn, double x) { return fn->eval(x); }
inline float call(const FunctionRecord* fn, float x) { return static_cast<float>(fn->eval(x)); }

}  // namespace calc::numeric::tape_ops
