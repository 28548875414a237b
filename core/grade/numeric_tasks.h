#pragma once
// The numeric parts of some tasks: a stationary point found on an interval,
// f⁻¹(y) of a monotone f, one-sided directional slopes for differentiability.
// Results an author would write exactly are snapped to fractions and then
// verified exactly, so references stay exact (1/4, not 0.25000000001).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "expr/expr.h"

namespace calc::grade {

// g at the point name = x (NaN where undefined).
double value_at(const Expr& g, const std::string& name, double x);
// The value of an expression without free symbols (NaN where undefined).
double value_of(const Expr& e);

// Exact rational p/q with q <= 12 within 1e-7 of v, when one exists.
std::optional<Expr> snap_fraction(double v);

// The unique x in [lo, hi] with g(x) = 0 for g a function of `var` (sign
// changes and touching zeros both count); nullopt with `error` set when there
// is none or more than one.
std::optional<Expr> unique_root(const Expr& g, const Expr& var, std::pair<double, double> search, std::string& error);

// x in [lo, hi] with f(x) = y for f monotone there; nullopt with `error` otherwise.
std::optional<Expr> solve_monotone(const Expr& f, const Expr& var, const Expr& y, std::pair<double, double> search,
                                   std::string& error);

// "minimum", "maximum" or "neither" from the sign of g = f' at root ± 0.01 and ± 0.001.
std::string stationary_kind(const Expr& derivative, const Expr& var, double root);

// "differentiable" or "not-differentiable" at the origin of the scalar
// variables named in `vars` (f already lowered to scalars): f must be
// defined there and its one-sided directional slopes along ±eᵢ and the
// diagonal must be those of a linear map.
std::string differentiability(const Expr& f, const std::vector<std::string>& vars, const std::vector<double>& point);

}  // namespace calc::grade
