#include "ad/reverse.h"

#include <cmath>

#include "expr/functions.h"
#include "numeric/libm/libm.h"

namespace calc::ad {

using numeric::Instruction;
using numeric::Op;

ReverseGradient::ReverseGradient(const numeric::Tape& tape, std::size_t output)
    : tape_(tape), output_(output), outputs_(tape.output_count()) {}

double ReverseGradient::operator()(std::span<const double> point, std::span<double> gradient) {
  tape_.run(point.first(tape_.variable_count()), std::span<double>(outputs_), values_);
  const double* v = values_.data();
  adjoints_.assign(tape_.register_count(), 0.0);
  double* adj = adjoints_.data();
  adj[tape_.outputs()[output_]] = 1.0;

  const std::span<const Instruction> code = tape_.code();
  const std::size_t base = tape_.first_result();
  for (std::size_t i = code.size(); i-- > 0;) {
    const double g = adj[base + i];
    if (g == 0.0) continue;  // f does not depend on this register
    const Instruction& in = code[i];
    const double a = v[in.a];
    const double result = v[base + i];
    switch (in.op) {
      case Op::Add: adj[in.a] += g; adj[in.b] += g; break;
      case Op::Sub: adj[in.a] += g; adj[in.b] -= g; break;
      case Op::Mul: adj[in.a] += g * v[in.b]; adj[in.b] += g * a; break;
      case Op::Div: adj[in.a] += g / v[in.b]; adj[in.b] -= g * result / v[in.b]; break;
      case Op::Neg: adj[in.a] -= g; break;
      case Op::PowInt: adj[in.a] += g * in.n * libm::pow(a, in.n - 1); break;
      case Op::Pow: {
        const double b = v[in.b];
        adj[in.a] += g * b * libm::pow(a, b - 1);
        // The exponent's adjoint matters only when it depends on a variable;
        // skipping constants keeps x^2.5 defined at x = 0.
        if (in.b < tape_.first_constant() || in.b >= base) adj[in.b] += g * result * libm::log(a);
        break;
      }
      case Op::Exp: adj[in.a] += g * result; break;
      case Op::Log: adj[in.a] += g / a; break;
      case Op::Sqrt: adj[in.a] += g / (2 * result); break;
      case Op::Sin: adj[in.a] += g * libm::cos(a); break;
      case Op::Cos: adj[in.a] -= g * libm::sin(a); break;
      case Op::Tan: adj[in.a] += g * (1 + result * result); break;
      case Op::Asin: adj[in.a] += g / std::sqrt(1 - a * a); break;
      case Op::Acos: adj[in.a] -= g / std::sqrt(1 - a * a); break;
      case Op::Atan: adj[in.a] += g / (1 + a * a); break;
      case Op::Sinh: adj[in.a] += g * libm::cosh(a); break;
      case Op::Cosh: adj[in.a] += g * libm::sinh(a); break;
      case Op::Tanh: adj[in.a] += g * (1 - result * result); break;
      case Op::Abs: adj[in.a] += a > 0 ? g : a < 0 ? -g : std::nan(""); break;
      case Op::Call: adj[in.a] += g * in.fn->deriv(a); break;
    }
  }
  for (std::size_t k = 0; k < tape_.variable_count() && k < gradient.size(); ++k) gradient[k] = adj[k];
  return outputs_.empty() ? std::nan("") : outputs_[output_];
}

double gradient(const numeric::Tape& tape, std::span<const double> point, std::span<double> gradient,
                std::size_t output) {
  return ReverseGradient(tape, output)(point, gradient);
}

}  // namespace calc::ad
