#pragma once
// Helpers shared by the expression .cpp files; not part of the public contract.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "expr/expr.h"

namespace calc::detail {

// splitmix64-style combination: cheap, and good enough that structurally
// different nodes almost never share a hash (equality still checks structure).
inline std::size_t mix(std::size_t h, std::size_t v) {
  std::uint64_t x = static_cast<std::uint64_t>(h) ^
                    (static_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ULL + (static_cast<std::uint64_t>(h) << 6) +
                     (static_cast<std::uint64_t>(h) >> 2));
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<std::size_t>(x ^ (x >> 31));
}

// Node counts saturate instead of wrapping, so size() stays a safe work bound.
inline std::uint32_t add_size(std::uint32_t a, std::uint32_t b) {
  std::uint32_t r;
  return __builtin_add_overflow(a, b, &r) ? UINT32_MAX : r;
}

template <class T, class... Args>
Expr make(Args&&... args) {
  return Expr(std::make_shared<const T>(std::forward<Args>(args)...));
}

// Three-way structural comparison: the total order behind expr_less and ==.
int compare(const Expr& a, const Expr& b);

// Structural equality, after equal hashes: pointer, then hash, then fields,
// with children proven equal remembered (linear in distinct nodes).
bool equal(const Expr& a, const Expr& b);

// The PowNode (or the base itself when the exponent is 1) for a factor that
// canonical construction already produced; no re-simplification.
Expr factor_expr(const Expr& base, const Expr& exponent);

// The product m with coefficient 1 (6*x*y -> x*y), built directly rather
// than as m/c, which for a double c need not cancel exactly.
Expr without_coefficient(const MulNode& m);

// Ordered product of two or more non-scalar factors (nested MatMuls are
// flattened); checks dimensions and may return a scalar-shaped MatMul (x^T y).
// Sum factors are made primitive, their numeric content multiplied into
// `coefficient`: x^T (2y + 2z) is 2 * x^T (y + z), as in a scalar product.
Expr matmul(std::vector<Expr> factors, Number& coefficient);

// The numeric content g of a sum with exact coefficients, sum = g * primitive
// (coprime integer coefficients, positive first term); null when it is 1,
// a coefficient is a double, or it would overflow.
std::optional<Number> content(const AddNode& sum);

// Whether content() cannot be computed at all (a double among the numbers,
// or an overflow, as for 1/312345678901234567*x - 1/8901234567): such a sum
// keeps a coefficient multiplied into it, so c*S*y depends on grouping, and
// the text printer brackets it as c*(S*y).
bool has_unknown_content(const AddNode& sum);

}  // namespace calc::detail
