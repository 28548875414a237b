#include "grade/sampler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "numeric/libm/libm.h"

namespace calc::grade {

std::uint64_t Rng::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::uint64_t hash_string(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

bool close(double answer, double reference, const Tolerance& tol) {
  if (!std::isfinite(answer) || !std::isfinite(reference)) return false;
  return std::fabs(answer - reference) <= tol.rel * std::max(std::fabs(answer), std::fabs(reference)) + tol.abs;
}

namespace {

double round_3_significant(double v) {
  if (v == 0) return 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return std::strtod(buf, nullptr);
}

bool allowed(double v, exercise::Domain d) {
  switch (d) {
    case exercise::Domain::NonZero: return v != 0;
    case exercise::Domain::Positive: return v > 0;
    default: return true;
  }
}

double draw(Rng& rng, exercise::Domain d) {
  const double magnitude = libm::pow(10.0, rng.uniform(-1.0, 2.0));
  const bool negative = d != exercise::Domain::Positive && rng.uniform() < 0.5;
  return round_3_significant(negative ? -magnitude : magnitude);
}

// The k-th point of a scenario: the first three use -1, 0, 1 (rotated per
// symbol so several variables don't all take the same value), the rest random.
Bindings point(const Scenario& s, std::size_t k, Rng& rng) {
  static constexpr double kSpecial[] = {-1.0, 0.0, 1.0};
  while (true) {
    Bindings b;
    for (std::size_t i = 0; i < s.symbols.size(); ++i) {
      const auto& sym = s.symbols[i];
      double v = k < 3 ? kSpecial[(k + i) % 3] : draw(rng, sym.domain);
      if (!allowed(v, sym.domain)) v = draw(rng, sym.domain);
      while (!allowed(v, sym.domain)) v = draw(rng, sym.domain);
      b[sym.name] = v;
    }
    const bool vector_group = std::any_of(s.symbols.begin(), s.symbols.end(), [](const SampledSymbol& x) {
      return x.domain == exercise::Domain::VectorNonZero;
    });
    bool all_zero = true;
    for (const auto& sym : s.symbols)
      if (sym.domain == exercise::Domain::VectorNonZero && b[sym.name] != 0) all_zero = false;
    if (!vector_group || !all_zero) return b;
    k = 3;  // the special point was the excluded origin; draw a random one instead
  }
}

std::optional<std::vector<double>> values_at(const Expr& lowered, const Bindings& b) {
  if (!lowered) return std::nullopt;
  std::vector<double> v = evaluate_vector(lowered, b);
  if (v.empty()) return std::nullopt;
  for (double x : v)
    if (!std::isfinite(x)) return std::nullopt;
  return v;
}

Expr lower_safely(const Scenario& s, const Expr& e) {
  try {
    return s.lower ? s.lower(e) : e;
  } catch (...) {
    return Expr();
  }
}

}  // namespace

Table sample(const std::vector<Scenario>& scenarios, const Expr& reference, std::uint64_t seed,
             std::size_t per_scenario) {
  std::vector<Expr> lowered;
  for (const auto& s : scenarios) lowered.push_back(lower_safely(s, reference));
  return sample_lowered(scenarios, lowered, seed, per_scenario);
}

Table sample_lowered(const std::vector<Scenario>& scenarios, const std::vector<Expr>& lowered_references,
                     std::uint64_t seed, std::size_t per_scenario, const std::vector<Expr>& guards) {
  Table t;
  Rng rng(seed);
  for (std::size_t si = 0; si < scenarios.size() && si < lowered_references.size(); ++si) {
    const Expr& lowered = lowered_references[si];
    std::size_t kept = 0;
    for (std::size_t k = 0; k < 4 * per_scenario && kept < per_scenario; ++k) {
      ++t.attempts;
      Bindings b = point(scenarios[si], k, rng);
      auto v = values_at(lowered, b);
      if (!v) continue;
      if (si < guards.size() && guards[si] && !values_at(guards[si], b)) continue;
      t.scenario.push_back(si);
      t.points.push_back(std::move(b));
      t.reference.push_back(std::move(v));
      ++kept;
    }
  }
  return t;
}

Column column(const std::vector<Scenario>& scenarios, const Table& table, const Expr& e) {
  std::vector<Expr> lowered(scenarios.size());
  std::vector<bool> done(scenarios.size(), false);
  Column c;
  c.reserve(table.points.size());
  for (std::size_t i = 0; i < table.points.size(); ++i) {
    const std::size_t si = table.scenario[i];
    if (!done[si]) {
      lowered[si] = lower_safely(scenarios[si], e);
      done[si] = true;
    }
    c.push_back(values_at(lowered[si], table.points[i]));
  }
  return c;
}

std::string describe_point(const Bindings& b, const std::vector<SampledSymbol>& symbols) {
  auto show = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return std::string(buf);
  };
  std::vector<const SampledSymbol*> shown;
  for (const auto& s : symbols)
    if (b.count(s.name)) shown.push_back(&s);
  if (shown.size() == 1) return "$" + shown[0]->name + " = " + show(b.at(shown[0]->name)) + "$";
  std::string names = "(", values = "(";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    names += (i ? ", " : "") + shown[i]->name;
    values += (i ? ", " : "") + show(b.at(shown[i]->name));
  }
  return "$" + names + ") = " + values + ")$";
}

}  // namespace calc::grade
