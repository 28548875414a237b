#include "eval/handwritten.h"

#include <cmath>

namespace bench {
namespace {

void poly(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    double x = in[i];
    out[i] = 3 * x * x - 4 * x;
  }
}

void cubic_minus_reciprocal(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    double x = in[i];
    out[i] = x * x * x - 1 / x;
  }
}

void two_variables(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    double x1 = in[2 * i], x2 = in[2 * i + 1];
    out[i] = 3 * x1 * x1 + 5 * std::exp(x2);
  }
}

void damped(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    double x = in[i];
    out[i] = std::sin(x) * std::exp(x) / (1 + x * x);
  }
}

void self_power(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::pow(in[i], in[i]);
}

void softplus_of_product(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    double x = in[i];
    out[i] = std::log(1 + std::exp(std::sin(x) * std::cos(x)));
  }
}

void norm2(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    double x1 = in[2 * i], x2 = in[2 * i + 1];
    out[i] = std::sqrt(x1 * x1 + x2 * x2);
  }
}

}  // namespace

PlotFn handwritten(std::string_view name) {
  if (name == "3x^2-4x") return poly;
  if (name == "x^3-1/x") return cubic_minus_reciprocal;
  if (name == "3x1^2+5e^x2") return two_variables;
  if (name == "sin(x)e^x/(1+x^2)") return damped;
  if (name == "x^x") return self_power;
  if (name == "log(1+exp(sin x cos x))") return softplus_of_product;
  if (name == "sqrt(x1^2+x2^2)") return norm2;
  return nullptr;
}

}  // namespace bench
