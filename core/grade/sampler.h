#pragma once
// Numeric comparison at seeded random points, the heart of equivalence.
//
// Why points and not algebra: symbolic simplification rejects correct answers
// written in unexpected forms (STACK's most common complaint, math.js's
// sin²x + cos²x ≠ 1). Two different expressions of the kind learners type
// agree to 1e-9 relative at 31 independent points drawn over three orders of
// magnitude only with probability zero in exact arithmetic, and in floating
// point only if they differ by less than the tolerance everywhere sampled,
// which no real mistake does. KAS uses the same count; unlike Numbas's
// default [0, 1] we sample signs and magnitudes 0.1..100 (plus -1, 0, 1) so
// that sqrt(x^2) is not mistaken for x.
//
// A Scenario lowers expressions to plain scalar (or Vector-of-scalar)
// expressions over sampled symbols: the identity, a vector variable expanded
// at dimension n, or abstract functions instantiated with concrete bodies.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exercise/model.h"
#include "grade/column.h"
#include "expr/expr.h"
#include "numeric/evaluate.h"

namespace calc::grade {

struct SampledSymbol {
  std::string name;
  exercise::Domain domain = exercise::Domain::Real;  // VectorNonZero: the group of such symbols is not all 0
};

// A scenario's lowering. A virtual call rather than std::function: its
// type-erasure machinery (__value_func, one __func class per lambda) costs
// more wasm than one vtable per kind of lowering.
class Lowering {
 public:
  virtual ~Lowering() = default;
  virtual Expr operator()(const Expr& e) = 0;  // may raise a shape error (expr/shape_check.h)
};

struct Scenario {
  std::shared_ptr<Lowering> lower;  // null: the expressions are already plain
  std::vector<SampledSymbol> symbols;
};

// The scenario's lowering of e, or a null Expr when the lowering raises a
// shape error: what cannot be lowered is undefined at every point.
Expr lower_safely(const Scenario& s, const Expr& e);

struct Tolerance {
  double rel = 1e-9;
  double abs = 1e-12;
};

bool close(double answer, double reference, const Tolerance& tol);


struct Table {
  std::vector<std::size_t> scenario;  // per point
  std::vector<Bindings> points;
  Column reference;  // always defined at the table's points
  std::size_t attempts = 0;
  // Per scenario, its points' values row-major in the order of the
  // scenario's symbols: the input of one batched tape evaluation per column.
  std::vector<std::vector<double>> inputs;
};

inline constexpr std::size_t kPointsPerScenario = 31;
// Fewer decisive points than this over all scenarios gives "undecided".
inline constexpr std::size_t kMinDecisivePoints = 12;

// Draws points where `reference` is defined: first -1, 0, 1 (as the domain
// allows), then random magnitudes 10^U(-1, 2) with random sign, each rounded
// to 3 significant digits so a counterexample can be shown exactly. Points
// where the reference is undefined are redrawn (up to 4x the count).
Table sample(const std::vector<Scenario>& scenarios, const Expr& reference, std::uint64_t seed,
             std::size_t per_scenario = kPointsPerScenario);

// The same with the reference already lowered per scenario (one entry per
// scenario; a null entry means the reference is undefined in that scenario).
// For references that are computed after lowering (a gradient taken
// component-wise at dimension n).
// `guards` (optional, one per scenario) are further expressions that must be
// defined at a point: the function a derivative is taken of, so that
// d/dx ln x = 1/x is compared only where ln x is defined.
Table sample_lowered(const std::vector<Scenario>& scenarios, const std::vector<Expr>& lowered_references,
                     std::uint64_t seed, std::size_t per_scenario = kPointsPerScenario,
                     const std::vector<Expr>& guards = {});

// Lowers e per scenario once, compiles it to a numeric::Tape and evaluates
// it at all of the scenario's points in one batch.
Column column(const std::vector<Scenario>& scenarios, const Table& table, const Expr& e);

// "x = 0.7" or "(x_1, x_2) = (1, -2.5)".
std::string describe_point(const Bindings& b, const std::vector<SampledSymbol>& symbols);

// Deterministic generator shared by the grader (same on every platform).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

 private:
  std::uint64_t state_;
};

std::uint64_t hash_string(std::string_view s);

}  // namespace calc::grade
