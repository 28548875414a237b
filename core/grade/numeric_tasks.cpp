#include "grade/numeric_tasks.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "calculus/substitute.h"
#include "numeric/evaluate.h"
#include "util/function_ref.h"

namespace calc::grade {

namespace {

double at(const Expr& g, const Expr& var, double x) { return value_at(g, static_cast<const SymbolNode&>(*var).name(), x); }

// The snapped value when it is an exact zero of g (or solution of f = y);
// otherwise the double.
Expr exact_or_real(double x, FunctionRef<bool(const Expr&)> exact_check) {
  if (auto q = snap_fraction(x))
    if (exact_check(*q)) return *q;
  return real(x);
}

}  // namespace

// Out of line: the searches below and the reference's checks call it at a
// dozen places, each of which would otherwise build and free the bindings.
[[gnu::noinline]] double value_at(const Expr& g, const std::string& name, double x) { return evaluate(g, {{name, x}}); }
// Out of line for the same reason: empty bindings at a dozen places.
[[gnu::noinline]] double value_of(const Expr& e) { return evaluate(e, {}); }

std::optional<Expr> snap_fraction(double v) {
  if (!std::isfinite(v) || std::fabs(v) > 1e9) return std::nullopt;
  for (int q = 1; q <= 12; ++q) {
    const double n = std::round(v * q);
    if (std::fabs(n / q - v) < 1e-7) return rational(static_cast<std::int64_t>(n), q);
  }
  return std::nullopt;
}

std::optional<Expr> unique_root(const Expr& g, const Expr& var, std::pair<double, double> search, std::string& error) {
  const auto [lo, hi] = search;
  constexpr int kGrid = 4000;
  std::vector<double> xs(kGrid + 1), gs(kGrid + 1);
  for (int i = 0; i <= kGrid; ++i) {
    xs[i] = lo + (hi - lo) * i / kGrid;
    gs[i] = at(g, var, xs[i]);
  }
  std::vector<double> roots;
  auto add_root = [&](double r) {
    for (double o : roots)
      if (std::fabs(o - r) < 1e-6 * std::max(1.0, std::fabs(r))) return;
    roots.push_back(r);
  };
  double scale = 0;
  for (double v : gs)
    if (std::isfinite(v)) scale = std::max(scale, std::fabs(v));
  for (int i = 0; i < kGrid; ++i) {
    const double a = gs[i], b = gs[i + 1];
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    if (a == 0) add_root(xs[i]);
    if (a * b < 0) {  // bisection on a sign change
      double l = xs[i], r = xs[i + 1], gl = a;
      for (int k = 0; k < 200 && r - l > 1e-15 * std::max(1.0, std::fabs(l)); ++k) {
        const double m = 0.5 * (l + r), gm = at(g, var, m);
        if (gm == 0) l = r = m;
        else if ((gm < 0) == (gl < 0)) l = m, gl = gm;
        else r = m;
      }
      add_root(0.5 * (l + r));
    }
  }
  // Touching zeros (g = 3(x - c)² at c) have no sign change: refine each local
  // minimum of |g| by golden-section search and keep it when |g| vanishes there.
  for (int i = 1; i < kGrid; ++i) {
    const double a = std::fabs(gs[i - 1]), b = std::fabs(gs[i]), c = std::fabs(gs[i + 1]);
    if (!(b <= a && b <= c) || (gs[i - 1] * gs[i + 1] < 0)) continue;
    double l = xs[i - 1], r = xs[i + 1];
    const double phi = 0.6180339887498949;
    for (int k = 0; k < 200 && r - l > 1e-14; ++k) {
      const double m1 = r - phi * (r - l), m2 = l + phi * (r - l);
      if (std::fabs(at(g, var, m1)) < std::fabs(at(g, var, m2))) r = m2;
      else l = m1;
    }
    const double m = 0.5 * (l + r);
    if (std::fabs(at(g, var, m)) <= 1e-12 * std::max(1.0, scale)) add_root(m);
  }
  if (roots.empty()) {
    error = "f' has no zero on the search interval";
    return std::nullopt;
  }
  if (roots.size() > 1) {
    error = "f' has more than one zero on the search interval";
    return std::nullopt;
  }
  return exact_or_real(roots[0], [&](const Expr& q) { return is_zero(substitute(g, {{var, q}})); });
}

std::optional<Expr> solve_monotone(const Expr& f, const Expr& var, const Expr& y, std::pair<double, double> search,
                                   std::string& error) {
  const double target = value_of(y);
  double l = search.first, r = search.second;
  double fl = at(f, var, l) - target, fr = at(f, var, r) - target;
  if (!std::isfinite(fl) || !std::isfinite(fr) || fl * fr > 0) {
    error = "f - y does not change sign on the search interval";
    return std::nullopt;
  }
  constexpr int kGrid = 400;  // monotone: the sign changes once along the grid
  int changes = 0;
  double prev = fl;
  for (int i = 1; i <= kGrid; ++i) {
    const double v = at(f, var, l + (r - l) * i / kGrid) - target;
    if (v * prev < 0) ++changes;
    if (v != 0) prev = v;
  }
  if (changes > 1) {
    error = "f is not monotone on the search interval";
    return std::nullopt;
  }
  for (int k = 0; k < 200 && r - l > 1e-15 * std::max(1.0, std::fabs(l)); ++k) {
    const double m = 0.5 * (l + r), fm = at(f, var, m) - target;
    if (fm == 0) l = r = m;
    else if ((fm < 0) == (fl < 0)) l = m, fl = fm;
    else r = m;
  }
  return exact_or_real(0.5 * (l + r), [&](const Expr& q) { return is_zero(sub(substitute(f, {{var, q}}), y)); });
}

std::string stationary_kind(const Expr& derivative, const Expr& var, double root) {
  int left = 0, right = 0;
  for (double d : {0.01, 0.001}) {
    left += at(derivative, var, root - d) < 0 ? -1 : 1;
    right += at(derivative, var, root + d) < 0 ? -1 : 1;
  }
  if (left < 0 && right > 0) return "minimum";
  if (left > 0 && right < 0) return "maximum";
  return "neither";
}

std::string differentiability(const Expr& f, const std::vector<std::string>& vars, const std::vector<double>& point) {
  auto value = [&](const std::vector<double>& x) {
    Bindings b;
    for (std::size_t i = 0; i < vars.size(); ++i) b[vars[i]] = x[i];
    return evaluate(f, b);
  };
  const double f0 = value(point);
  if (!std::isfinite(f0)) return "not-differentiable";
  // One-sided slope along d at two step sizes; they must agree (the limit exists).
  auto slope = [&](const std::vector<double>& d, double& out) {
    double s[2];
    int k = 0;
    for (double t : {1e-6, 1e-7}) {
      std::vector<double> x = point;
      for (std::size_t i = 0; i < x.size(); ++i) x[i] += t * d[i];
      s[k++] = (value(x) - f0) / t;
    }
    out = s[1];
    return std::isfinite(s[0]) && std::isfinite(s[1]) && std::fabs(s[0] - s[1]) <= 1e-3 * (1 + std::fabs(s[1]));
  };
  const std::size_t n = vars.size();
  std::vector<double> along(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> e(n, 0.0), m(n, 0.0);
    e[i] = 1;
    m[i] = -1;
    double plus = 0, minus = 0;
    if (!slope(e, plus) || !slope(m, minus)) return "not-differentiable";
    if (std::fabs(plus + minus) > 1e-4 * (1 + std::fabs(plus))) return "not-differentiable";
    along[i] = plus;
  }
  if (n > 1) {  // linearity: the diagonal slope is the sum of the axis slopes
    std::vector<double> d(n, 1.0);
    double diag = 0, expect = 0;
    for (double a : along) expect += a;
    if (!slope(d, diag) || std::fabs(diag - expect) > 1e-4 * (1 + std::fabs(expect))) return "not-differentiable";
  }
  return "differentiable";
}

}  // namespace calc::grade
