#pragma once
// Reverse-mode automatic differentiation over a compiled Tape.
//
// One forward run stores every register's value; one backward sweep over the
// instructions, last to first, accumulates adjoints (∂f/∂register). Each
// instruction is visited once however many times its result is used, so a
// shared subexpression is never re-walked and the cost of the whole gradient
// is a small constant times the cost of evaluating f, whatever the number of
// variables.
#include <cstddef>
#include <span>
#include <vector>

#include "numeric/tape.h"

namespace calc::ad {

class ReverseGradient {
 public:
  // Differentiates output `output` of tape (which must outlive this object).
  explicit ReverseGradient(const numeric::Tape& tape, std::size_t output = 0);

  // Returns f(point) and writes ∂f/∂var_i into gradient (variable_count()
  // values). NaN propagates where f or a local derivative is undefined.
  // Reuses its buffers: no allocation after the first call.
  double operator()(std::span<const double> point, std::span<double> gradient);

 private:
  const numeric::Tape& tape_;
  std::size_t output_;
  std::vector<double> values_;
  std::vector<double> adjoints_;
  std::vector<double> outputs_;
};

// One-shot form: f(point), with the gradient written into gradient.
double gradient(const numeric::Tape& tape, std::span<const double> point, std::span<double> gradient,
                std::size_t output = 0);

}  // namespace calc::ad
