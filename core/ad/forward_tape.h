#pragma once
// Forward-mode AD of a compiled expression: the Tape runs on dual numbers,
// with the chosen variable seeded (dx = 1), so one pass gives f and ∂f/∂x.
// A gradient takes one pass per variable; reverse.h takes one in all.
#include <cstddef>
#include <span>

#include "ad/forward.h"
#include "numeric/tape.h"

namespace calc::ad {

// f(point) and ∂f/∂var_i at point, for output `output` of the tape.
dual forward_derivative(const numeric::Tape& tape, std::span<const double> point, std::size_t variable,
                        std::size_t output = 0);

// f(point), with ∂f/∂var_i written into gradient for every variable.
double forward_gradient(const numeric::Tape& tape, std::span<const double> point, std::span<double> gradient,
                        std::size_t output = 0);

}  // namespace calc::ad
