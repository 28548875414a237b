#include "grade/compare.h"

#include <cmath>
#include <span>

#include "calculus/derivative.h"
#include "calculus/lower.h"
#include "calculus/vector_calculus.h"
#include "expr/shape_check.h"

namespace calc::grade {

namespace {

// The reference as each scenario sees it. A vector gradient is differentiated
// after expansion, component by component, so the sampled reference does not
// depend on the vector-notation rules it is displayed with.
std::vector<Expr> lowered_references(const Problem& p, const Reference& ref, const ScenarioSet& set) {
  std::vector<Expr> out;
  for (std::size_t i = 0; i < set.scenarios.size(); ++i) {
    const Scenario& s = set.scenarios[i];
    if (p.box->task != exercise::Task::VectorGradient) {
      out.push_back(lower_safely(s, ref.expr));
      continue;
    }
    out.push_back(unless_shape_error([&] {
      const Expr x = p.wrt()[0];
      const Expr expanded = expand_vector(p.of(), x, set.dimensions[i]);
      std::vector<Expr> comps;
      const std::string& base = static_cast<const SymbolNode&>(*x).base();
      for (int k = 1; k <= set.dimensions[i]; ++k) comps.push_back(indexed(base, k));
      return gradient(expanded, comps);
    }));
  }
  return out;
}

}  // namespace

Sampled sample_reference(const Problem& p, const Reference& ref) {
  Sampled s;
  s.set = make_scenarios(p);
  s.tol = {p.box->tolerance.rel, p.box->tolerance.abs};
  // Only where the function itself is defined: its derivative may extend
  // further (1/x for ln x), and an answer need not agree there.
  std::vector<Expr> guards;
  if (const Expr f = p.of())
    for (const auto& sc : s.set.scenarios) guards.push_back(lower_safely(sc, f));
  s.table = sample_lowered(s.set.scenarios, lowered_references(p, ref, s.set), hash_string(p.box->id),
                           s.set.per_scenario, guards);
  return s;
}

Match match(const Column& answer, const Column& reference, const Tolerance& tol) {
  Match m;
  std::optional<std::size_t> first_undefined;
  for (std::size_t i = 0; i < reference.size() && i < answer.size(); ++i) {
    if (!reference.defined(i)) continue;
    const std::span<const double> r = reference[i];
    const std::span<const double> a = answer[i];
    if (!answer.defined(i) || a.size() != r.size()) {
      if (!first_undefined) first_undefined = i;
      continue;
    }
    ++m.decisive;
    bool differs = false;
    for (std::size_t k = 0; k < r.size(); ++k) {
      if (!close(a[k], r[k], tol)) {
        if (!m.bad_component) m.bad_component = k;
        differs = true;
      }
    }
    if (differs && !m.first_bad) m.first_bad = i;
  }
  if (m.first_bad) m.outcome = Outcome::Differs;
  else if (first_undefined) {
    m.outcome = Outcome::Undefined;
    m.first_bad = first_undefined;
  } else if (m.decisive < kMinDecisivePoints)
    m.outcome = Outcome::Undecided;
  else
    m.outcome = Outcome::Equal;
  return m;
}

bool same(const Column& answer, const Column& candidate, const Tolerance& tol) {
  std::size_t decisive = 0;
  for (std::size_t i = 0; i < answer.size() && i < candidate.size(); ++i) {
    if (!answer.defined(i) && !candidate.defined(i)) continue;
    const std::span<const double> a = answer[i];
    const std::span<const double> c = candidate[i];
    if (!answer.defined(i) || !candidate.defined(i) || a.size() != c.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
      if (!close(a[k], c[k], tol)) return false;
    ++decisive;
  }
  return decisive >= kMinDecisivePoints;
}

namespace {

// Collects one number per decisive point (f(answer, reference)) and returns it
// when it is the same at every point.
template <class F>
std::optional<double> common_value(const Column& answer, const Column& reference, F&& f) {
  std::optional<double> value;
  std::size_t decisive = 0;
  for (std::size_t i = 0; i < answer.size() && i < reference.size(); ++i) {
    const std::span<const double> a = answer[i];
    const std::span<const double> r = reference[i];
    if (!answer.defined(i) || !reference.defined(i) || a.size() != r.size()) return std::nullopt;
    for (std::size_t k = 0; k < a.size(); ++k) {
      const auto v = f(a[k], r[k]);
      if (!v) continue;
      if (!value) value = *v;
      else if (!close(*v, *value, {1e-7, 1e-9})) return std::nullopt;
      ++decisive;
    }
  }
  if (decisive < kMinDecisivePoints) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> constant_ratio(const Column& answer, const Column& reference) {
  auto ratio = common_value(answer, reference, [](double a, double r) -> std::optional<double> {
    if (std::fabs(r) < 1e-9) return std::nullopt;
    return a / r;
  });
  if (!ratio || close(*ratio, 1.0, {1e-7, 0}) || std::fabs(*ratio) < 1e-9) return std::nullopt;
  return ratio;
}

std::optional<double> constant_offset(const Column& answer, const Column& reference) {
  auto offset = common_value(answer, reference,
                             [](double a, double r) -> std::optional<double> { return a - r; });
  if (!offset || std::fabs(*offset) < 1e-7) return std::nullopt;
  return offset;
}

}  // namespace calc::grade
