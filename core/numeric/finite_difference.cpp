#include "numeric/finite_difference.h"

#include <algorithm>

namespace calc::numeric {

template <class T>
RiddersResult<T> ridders(std::type_identity_t<FunctionRef<T(T)>> f, T x, T initial_step) {
  constexpr int kTable = 10;   // at most this many step reductions
  constexpr T kShrink = T(1.4);  // h_{i+1} = h_i / kShrink
  constexpr T kShrink2 = kShrink * kShrink;
  constexpr T kSafe = T(2);    // stop when the error grows by this factor

  T h = initial_step > T(0) ? initial_step : T(0.1) * std::max(T(1), std::abs(x));
  T a[kTable][kTable];
  a[0][0] = central_difference(f, x, h);
  RiddersResult<T> best{a[0][0], std::numeric_limits<T>::max()};
  for (int i = 1; i < kTable; ++i) {
    h /= kShrink;
    a[0][i] = central_difference(f, x, h);
    T factor = kShrink2;
    // Each column removes the next even power of h from the error series.
    for (int j = 1; j <= i; ++j) {
      a[j][i] = (a[j - 1][i] * factor - a[j - 1][i - 1]) / (factor - T(1));
      factor *= kShrink2;
      const T err = std::max(std::abs(a[j][i] - a[j - 1][i]), std::abs(a[j][i] - a[j - 1][i - 1]));
      if (err <= best.error) {
        best = {a[j][i], err};
      }
    }
    if (std::abs(a[i][i] - a[i - 1][i - 1]) >= kSafe * best.error) break;
  }
  return best;
}

template <class T>
std::vector<LimitRow<T>> limit_table(std::type_identity_t<FunctionRef<T(T)>> f, T x0, std::span<const double> hs) {
  std::vector<LimitRow<T>> rows;
  rows.reserve(hs.size());
  for (double hd : hs) {
    const T h = static_cast<T>(hd);
    rows.push_back({h, forward_difference(f, x0, h), central_difference(f, x0, h)});
  }
  return rows;
}

std::vector<double> book_steps() { return {0.1, 0.01, 0.001, 0.0001, 0.00001}; }

template RiddersResult<float> ridders<float>(FunctionRef<float(float)>, float, float);
template RiddersResult<double> ridders<double>(FunctionRef<double(double)>, double, double);
template std::vector<LimitRow<float>> limit_table<float>(FunctionRef<float(float)>, float,
                                                         std::span<const double>);
template std::vector<LimitRow<double>> limit_table<double>(FunctionRef<double(double)>, double,
                                                           std::span<const double>);

}  // namespace calc::numeric
