#include "numeric/tape.h"

#include <algorithm>
#include <cmath>

#include "ad/forward.h"
#include "expr/functions.h"
#include "numeric/libm/libm.h"
#include "numeric/tape_ops.h"

namespace calc::numeric {

namespace {

template <class T>
struct ScalarOf {
  using type = T;
};
template <class T>
struct ScalarOf<ad::Dual<T>> {
  using type = T;
};

template <class T>
bool finite(T x) {
  return std::isfinite(x);
}
template <class T>
bool finite(const ad::Dual<T>& x) {
  return std::isfinite(x.v);
}

using tape_ops::call;  // double and float; the dual-number overload follows
using tape_ops::ipow;

template <class T>
ad::Dual<T> call(const FunctionRecord* fn, const ad::Dual<T>& x) {
  return {static_cast<T>(fn->eval(x.v)), static_cast<T>(fn->deriv(x.v)) * x.d};
}

}  // namespace

template <class T>
std::size_t Tape::run(std::span<const T> inputs, std::span<T> outputs, std::vector<T>& registers) const {
  using libm::acos, libm::asin, libm::atan, libm::cos, libm::cosh, libm::exp, libm::log, libm::pow, libm::sin,
      libm::sinh, libm::tan, libm::tanh, std::abs, std::sqrt;
  using S = typename ScalarOf<T>::type;
  const std::size_t nv = variable_count_, no = outputs_.size();
  if (no == 0) return 0;
  std::size_t points = outputs.size() / no;
  if (nv > 0) points = std::min(points, inputs.size() / nv);

  if (registers.size() < register_count()) registers.resize(register_count());
  T* r = registers.data();
  if constexpr (std::is_same_v<S, float>) {
    for (std::size_t k = 0; k < constants_f_.size(); ++k) r[nv + k] = T(constants_f_[k]);
  } else {
    for (std::size_t k = 0; k < constants_.size(); ++k) r[nv + k] = T(constants_[k]);
  }
  T* res = r + first_result();
  const Instruction* code = code_.data();
  const std::size_t count = code_.size();
  std::size_t non_finite = 0;

  for (std::size_t p = 0; p < points; ++p) {
    for (std::size_t v = 0; v < nv; ++v) r[v] = inputs[p * nv + v];
    for (std::size_t i = 0; i < count; ++i) {
      const Instruction& in = code[i];
      switch (in.op) {
        case Op::Add: res[i] = r[in.a] + r[in.b]; break;
        case Op::Sub: res[i] = r[in.a] - r[in.b]; break;
        case Op::Mul: res[i] = r[in.a] * r[in.b]; break;
        case Op::Div: res[i] = r[in.a] / r[in.b]; break;
        case Op::Neg: res[i] = -r[in.a]; break;
        case Op::PowInt: res[i] = ipow(r[in.a], in.n); break;
        case Op::Pow: res[i] = pow(r[in.a], r[in.b]); break;
        case Op::Exp: res[i] = exp(r[in.a]); break;
        case Op::Log: res[i] = log(r[in.a]); break;
        case Op::Sqrt: res[i] = sqrt(r[in.a]); break;
        case Op::Sin: res[i] = sin(r[in.a]); break;
        case Op::Cos: res[i] = cos(r[in.a]); break;
        case Op::Tan: res[i] = tan(r[in.a]); break;
        case Op::Asin: res[i] = asin(r[in.a]); break;
        case Op::Acos: res[i] = acos(r[in.a]); break;
        case Op::Atan: res[i] = atan(r[in.a]); break;
        case Op::Sinh: res[i] = sinh(r[in.a]); break;
        case Op::Cosh: res[i] = cosh(r[in.a]); break;
        case Op::Tanh: res[i] = tanh(r[in.a]); break;
        case Op::Abs: res[i] = abs(r[in.a]); break;
        case Op::Call: res[i] = call(in.fn, r[in.a]); break;
      }
    }
    for (std::size_t k = 0; k < no; ++k) {
      const T value = r[outputs_[k]];
      outputs[p * no + k] = value;
      if (!finite(value)) ++non_finite;
    }
  }
  return non_finite;
}

template std::size_t Tape::run<double>(std::span<const double>, std::span<double>, std::vector<double>&) const;
template std::size_t Tape::run<float>(std::span<const float>, std::span<float>, std::vector<float>&) const;
template std::size_t Tape::run<ad::Dual<double>>(std::span<const ad::Dual<double>>, std::span<ad::Dual<double>>,
                                                 std::vector<ad::Dual<double>>&) const;
template std::size_t Tape::run<ad::Dual<float>>(std::span<const ad::Dual<float>>, std::span<ad::Dual<float>>,
                                                std::vector<ad::Dual<float>>&) const;

std::size_t Tape::evaluate(std::span<const double> inputs, std::span<double> outputs) const {
  return run_batch(batch_, inputs, outputs);
}

std::size_t Tape::evaluate(std::span<const float> inputs, std::span<float> outputs) const {
  return run_batch(batch_, inputs, outputs);
}

double Tape::operator()(std::span<const double> point) const {
  std::vector<double> out(output_count());
  std::vector<double> registers;
  run(point, std::span<double>(out), registers);
  return out.empty() ? std::nan("") : out[0];
}

float Tape::operator()(std::span<const float> point) const {
  std::vector<float> out(output_count());
  std::vector<float> registers;
  run(point, std::span<float>(out), registers);
  return out.empty() ? std::nanf("") : out[0];
}

}  // namespace calc::numeric
