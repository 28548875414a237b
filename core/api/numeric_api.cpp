#include "api/numeric_api.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "api/json.h"
#include "api/numeric_input.h"
#include "numeric/tape.h"
#include "util/stable_order.h"

namespace calc::api {

namespace {

// Caps that keep one call cheap on the page.
constexpr int kMaxPlotSamples = 20000;

// Whether f jumps on [a, b] rather than varying continuously: bisect toward
// the half with the larger change. A continuous f's change shrinks with the
// interval; at a pole or a step it does not (or a non-finite value turns up).
template <class F>
bool discontinuous(F&& f, double a, double b, double fa, double fb, double tolerance) {
  double jump = std::abs(fb - fa);
  for (int k = 0; k < 60; ++k) {
    const double m = 0.5 * (a + b);
    if (!(m > a && m < b)) break;  // the interval cannot shrink any further
    const double fm = f(m);
    if (!std::isfinite(fm)) return true;
    const double left = std::abs(fm - fa), right = std::abs(fb - fm);
    if (left >= right) {
      b = m;
      fb = fm;
    } else {
      a = m;
      fa = fm;
    }
    jump = std::max(left, right);
    if (jump <= tolerance) return false;
  }
  return jump > tolerance;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  // The middle of the sorted order through util/stable_order.h (no
  // std::nth_element instance); the values are finite, so it is the same.
  const std::vector<std::uint32_t> order =
      stable_order(v.size(), [&](std::uint32_t a, std::uint32_t b) { return v[a] < v[b]; });
  return v[order[v.size() / 2]];
}

json::ApiResult<PlotSamples> plot_samples(std::string_view text, double xmin, double xmax, int n) {
  if (auto e = require_range(xmin, xmax)) return *e;
  if (auto e = require_count(n, 2, kMaxPlotSamples)) return *e;
  const json::ApiResult<numeric::Tape> compiled = compile_one_variable(text);
  if (!compiled.ok()) return compiled.error();
  const numeric::Tape& tape = *compiled;
  const std::vector<double> xs = linspace(xmin, xmax, n);
  std::vector<double> ys(xs.size()), mids(xs.size() - 1), fmids(xs.size() - 1);
  // The tape counts non-finite values as it goes; a curve with none (most
  // curves) skips every finiteness test below.
  const bool gaps = tape.evaluate(xs, ys) > 0;
  for (std::size_t i = 0; i + 1 < xs.size(); ++i) mids[i] = 0.5 * (xs[i] + xs[i + 1]);
  const bool mid_gaps = tape.evaluate(mids, fmids) > 0;
  auto defined = [&](std::size_t i) { return !gaps || std::isfinite(ys[i]); };

  // Typical change between samples, to tell a jump from a steep stretch.
  std::vector<double> steps;
  steps.reserve(xs.size() - 1);
  for (std::size_t i = 0; i + 1 < xs.size(); ++i)
    if (defined(i) && defined(i + 1)) steps.push_back(std::abs(ys[i + 1] - ys[i]));
  double typical = median(std::move(steps));
  if (typical == 0) {
    std::vector<double> magnitudes;
    for (std::size_t i = 0; i < xs.size(); ++i)
      if (defined(i)) magnitudes.push_back(std::abs(ys[i]));
    typical = median(std::move(magnitudes)) / n;
  }
  if (typical == 0) typical = 1e-300;

  std::vector<double> registers;
  auto f = [&](double x) {
    double y;
    tape.run(std::span<const double>(&x, 1), std::span<double>(&y, 1), registers);
    return y;
  };
  auto breaks_after = [&](std::size_t i) {  // between sample i and i + 1
    const double fa = ys[i], fb = ys[i + 1], fm = fmids[i];
    if (mid_gaps && !std::isfinite(fm)) return true;
    const double jump = std::abs(fb - fa);
    const double slack = 1e-9 * (std::abs(fa) + std::abs(fb));
    const bool monotone_here = fm >= std::min(fa, fb) - slack && fm <= std::max(fa, fb) + slack;
    if (monotone_here && jump <= 10 * typical) return false;
    return discontinuous(f, xs[i], xs[i + 1], fa, fb, 1e-6 * std::max(jump, typical));
  };

  // Segments are runs of defined samples, cut where f breaks; each run is
  // copied whole. A run of one sample between two breaks sits on a pole
  // (1/(x-0.3) at x = 0.3 + 1 ulp is 1.8e16): it cannot be drawn as a line,
  // so it is dropped.
  PlotSamples out;
  out.x.reserve(xs.size());
  out.y.reserve(xs.size());
  std::size_t run = 0;  // the first sample of the current run
  auto end_run = [&](std::size_t end) {  // the run is samples [run, end)
    if (end - run >= 2) {
      out.x.insert(out.x.end(), xs.begin() + static_cast<std::ptrdiff_t>(run), xs.begin() + static_cast<std::ptrdiff_t>(end));
      out.y.insert(out.y.end(), ys.begin() + static_cast<std::ptrdiff_t>(run), ys.begin() + static_cast<std::ptrdiff_t>(end));
      out.segment_ends.push_back(static_cast<std::uint32_t>(out.x.size()));
    }
    run = end;
  };
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (!defined(i)) {
      end_run(i);
      run = i + 1;
    } else if (i + 1 < xs.size() && defined(i + 1) && breaks_after(i)) {
      end_run(i + 1);
    }
  }
  end_run(xs.size());
  return out;
}

std::string plot_json(const PlotSamples& samples) {
  json::Writer w;
  w.begin_object();
  w.key("segments");
  w.begin_array();
  std::size_t start = 0;
  for (const std::uint32_t end : samples.segment_ends) {
    w.begin_object();
    w.key("x");
    w.begin_array();
    for (std::size_t i = start; i < end; ++i) w.value(samples.x[i]);
    w.end_array();
    w.key("y");
    w.begin_array();
    for (std::size_t i = start; i < end; ++i) w.value(samples.y[i]);
    w.end_array();
    w.end_object();
    start = end;
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace

std::string sample_plot_json(std::string_view expr_text, double xmin, double xmax, int n) {
  const json::ApiResult<PlotSamples> samples = plot_samples(expr_text, xmin, xmax, n);
  return samples.ok() ? plot_json(*samples) : json::error_json(samples.error());
}

SampledPlot sample_plot(std::string_view expr_text, double xmin, double xmax, int n) {
  json::ApiResult<PlotSamples> samples = plot_samples(expr_text, xmin, xmax, n);
  SampledPlot result;
  if (samples.ok()) result.samples = std::move(*samples);
  else result.error_json = json::error_json(samples.error());
  return result;
}

}  // namespace calc::api
