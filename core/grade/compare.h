#pragma once
// Comparing an answer with the reference at the sampled points of a box's
// scenarios, and comparing it with candidate wrong answers (diagnosis).
#include <cstddef>
#include <optional>
#include <vector>

#include "grade/problem.h"
#include "grade/reference.h"
#include "grade/sampler.h"
#include "grade/scenarios.h"

namespace calc::grade {

// The reference sampled once per grading; answers and candidates are then
// evaluated at the same points.
struct Sampled {
  ScenarioSet set;
  Table table;
  Tolerance tol;
  Column evaluate(const Expr& e) const { return column(set.scenarios, table, e); }
};

Sampled sample_reference(const Problem& p, const Reference& ref);

enum class Outcome { Equal, Differs, Undefined, Undecided };

struct Match {
  Outcome outcome = Outcome::Undecided;
  std::size_t decisive = 0;                // points where both are defined
  std::optional<std::size_t> first_bad;    // first point that differs (or where the answer is undefined)
  std::optional<std::size_t> bad_component;
};

// Vector values are compared component by component (gradients use one
// column per component to tell which is wrong).
Match match(const Column& answer, const Column& reference, const Tolerance& tol);
// True when a candidate wrong answer and the learner's answer agree at every
// decisive point (and enough of them).
bool same(const Column& answer, const Column& candidate, const Tolerance& tol);
// The constant c with answer = c · reference at every decisive point (c ≠ 0, 1), if any.
std::optional<double> constant_ratio(const Column& answer, const Column& reference);
// The constant c ≠ 0 with answer = reference + c everywhere, if any.
std::optional<double> constant_offset(const Column& answer, const Column& reference);

}  // namespace calc::grade
