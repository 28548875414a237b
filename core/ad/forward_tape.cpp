#include "ad/forward_tape.h"

#include <cmath>
#include <vector>

namespace calc::ad {

namespace {

dual seeded_run(const numeric::Tape& tape, std::span<const double> point, std::size_t variable, std::size_t output,
                std::vector<dual>& registers) {
  std::vector<dual> in(tape.variable_count());
  for (std::size_t i = 0; i < in.size() && i < point.size(); ++i) in[i] = dual(point[i], i == variable ? 1.0 : 0.0);
  std::vector<dual> out(tape.output_count());
  tape.run(std::span<const dual>(in), std::span<dual>(out), registers);
  return output < out.size() ? out[output] : dual(std::nan(""));
}

}  // namespace

dual forward_derivative(const numeric::Tape& tape, std::span<const double> point, std::size_t variable,
                        std::size_t output) {
  std::vector<dual> registers;
  return seeded_run(tape, point, variable, output, registers);
}

double forward_gradient(const numeric::Tape& tape, std::span<const double> point, std::span<double> gradient,
                        std::size_t output) {
  std::vector<dual> registers;
  double value = std::nan("");
  for (std::size_t i = 0; i < tape.variable_count() && i < gradient.size(); ++i) {
    const dual r = seeded_run(tape, point, i, output, registers);
    gradient[i] = r.d;
    value = r.v;
  }
  if (tape.variable_count() == 0) value = seeded_run(tape, point, 0, output, registers).v;
  return value;
}

}  // namespace calc::ad
