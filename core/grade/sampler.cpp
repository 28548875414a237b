#include "grade/sampler.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "expr/decimal.h"
#include "expr/shape_check.h"
#include "numeric/libm/libm.h"
#include "numeric/tape.h"

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
  double rounded = 0;
  decimal::parse(decimal::general(v, 3), rounded);
  return rounded;
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

// The k-th point of a scenario, as values in the order of its symbols: the
// first three use -1, 0, 1 (rotated per symbol so several variables don't all
// take the same value), the rest random.
std::vector<double> point(const Scenario& s, std::size_t k, Rng& rng) {
  static constexpr double kSpecial[] = {-1.0, 0.0, 1.0};
  while (true) {
    std::vector<double> row;
    row.reserve(s.symbols.size());
    for (std::size_t i = 0; i < s.symbols.size(); ++i) {
      const auto& sym = s.symbols[i];
      double v = k < 3 ? kSpecial[(k + i) % 3] : draw(rng, sym.domain);
      if (!allowed(v, sym.domain)) v = draw(rng, sym.domain);
      while (!allowed(v, sym.domain)) v = draw(rng, sym.domain);
      row.push_back(v);
    }
    bool vector_group = false, all_zero = true;
    for (std::size_t i = 0; i < s.symbols.size(); ++i) {
      if (s.symbols[i].domain != exercise::Domain::VectorNonZero) continue;
      vector_group = true;
      if (row[i] != 0) all_zero = false;
    }
    if (!vector_group || !all_zero) return row;
    k = 3;  // the special point was the excluded origin; draw a random one instead
  }
}

Bindings bindings(const Scenario& s, const std::vector<double>& row) {
  Bindings b;
  for (std::size_t i = 0; i < s.symbols.size(); ++i) b[s.symbols[i].name] = row[i];
  return b;
}

// A lowered expression compiled once over a scenario's symbols. Every value
// of a table goes through a tape, the reference's as well as the answers',
// so equal expressions give bit-identical columns.
class Compiled {
 public:
  Compiled(const Scenario& s, const Expr& lowered) {
    if (!lowered) return;
    std::vector<std::string> names;
    for (const auto& sym : s.symbols) names.push_back(sym.name);
    numeric::TapeResult r = numeric::Tape::compile(lowered, names);
    // A tape without outputs (an empty vector) has no value anywhere.
    if (r.ok() && r.tape->output_count() > 0) tape_ = std::move(r.tape);
  }

  // Values at `rows` points (row-major inputs), `width()` per point, into
  // `out`; false when the expression has no numeric meaning anywhere
  // (unbound symbol, abstract function, a lowering that failed).
  bool values(std::span<const double> inputs, std::size_t rows, std::vector<double>& out) const {
    if (!tape_) return false;
    out.resize(rows * tape_->output_count());
    tape_->evaluate(inputs, out);
    return true;
  }
  std::size_t width() const { return tape_ ? tape_->output_count() : 0; }

  // The value at one point (while points are drawn one by one), without the
  // batch's block of registers.
  std::optional<std::vector<double>> at(const std::vector<double>& row) {
    if (!tape_) return std::nullopt;
    std::vector<double> v(tape_->output_count());
    if (tape_->run<double>(row, v, registers_) > 0) return std::nullopt;
    return v;
  }

 private:
  std::optional<numeric::Tape> tape_;
  std::vector<double> registers_;
};

}  // namespace

Expr lower_safely(const Scenario& s, const Expr& e) {
  if (!s.lower) return e;
  return unless_shape_error([&] { return (*s.lower)(e); });
}

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
  t.inputs.resize(scenarios.size());
  for (std::size_t si = 0; si < scenarios.size() && si < lowered_references.size(); ++si) {
    Compiled reference(scenarios[si], lowered_references[si]);
    Compiled guard(scenarios[si], si < guards.size() ? guards[si] : Expr());
    const bool guarded = si < guards.size() && guards[si];
    std::size_t kept = 0;
    for (std::size_t k = 0; k < 4 * per_scenario && kept < per_scenario; ++k) {
      ++t.attempts;
      std::vector<double> row = point(scenarios[si], k, rng);
      const auto v = reference.at(row);
      if (!v) continue;
      if (guarded && !guard.at(row)) continue;
      t.scenario.push_back(si);
      t.points.push_back(bindings(scenarios[si], row));
      t.inputs[si].insert(t.inputs[si].end(), row.begin(), row.end());
      t.reference.push(*v);
      ++kept;
    }
  }
  return t;
}

Column column(const std::vector<Scenario>& scenarios, const Table& table, const Expr& e) {
  // Each scenario's points, evaluated in one batch, then put back in table
  // order; a point is undefined where any of its components is not finite.
  std::vector<std::vector<double>> per_scenario(scenarios.size());
  std::vector<std::size_t> width(scenarios.size(), 0);
  std::size_t values = 0;
  for (std::size_t si = 0; si < scenarios.size() && si < table.inputs.size(); ++si) {
    const std::size_t inputs = scenarios[si].symbols.size();
    const std::size_t rows = inputs ? table.inputs[si].size() / inputs
                                    : static_cast<std::size_t>(std::count(table.scenario.begin(), table.scenario.end(), si));
    if (rows == 0) continue;
    const Compiled compiled(scenarios[si], lower_safely(scenarios[si], e));
    if (compiled.values(table.inputs[si], rows, per_scenario[si])) width[si] = compiled.width();
    values += per_scenario[si].size();
  }
  Column c;
  c.reserve(table.points.size(), values);
  std::vector<std::size_t> next(scenarios.size(), 0);
  for (std::size_t i = 0; i < table.points.size(); ++i) {
    const std::size_t si = table.scenario[i];
    const std::size_t n = si < width.size() ? width[si] : 0;
    if (n == 0 || (next[si] + 1) * n > per_scenario[si].size()) {
      c.push_undefined();
      continue;
    }
    const std::span<const double> v(per_scenario[si].data() + next[si]++ * n, n);
    if (std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); })) c.push(v);
    else c.push_undefined();
  }
  return c;
}

std::string describe_point(const Bindings& b, const std::vector<SampledSymbol>& symbols) {
  auto show = [](double v) { return decimal::general(v, 3); };
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
