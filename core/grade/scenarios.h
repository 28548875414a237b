#pragma once
// The scenarios a box's answers are compared in (see sampler.h):
// - plain scalar variables: the identity, 31 points;
// - a vector variable of unspecified dimension (x ∈ ℝⁿ): expanded at
//   n = 2, 3 and 5, 16 points each, so an answer that only works in one
//   dimension (or confuses shapes) is caught;
// - abstract functions (u = f(x, y, z), x = x(a, b), ...): three instances
//   of random smooth concrete bodies, 16 points each. Two chain-rule answers
//   that differ symbolically differ for generic bodies, and three independent
//   draws make an accidental agreement of all of them at 48 points
//   practically impossible.
#include <cstdint>
#include <vector>

#include "grade/problem.h"
#include "grade/sampler.h"

namespace calc::grade {

struct ScenarioSet {
  std::vector<Scenario> scenarios;
  std::size_t per_scenario = kPointsPerScenario;
  std::vector<int> dimensions;  // per scenario: n for a vector variable, 0 otherwise
};

ScenarioSet make_scenarios(const Problem& p);

}  // namespace calc::grade
