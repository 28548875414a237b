#pragma once
// The grading engine: parses a learner's answer in the box's context, checks
// its kind, compares it with the core-computed reference and says
// specifically what is wrong. Never throws; bounded work for any input.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grade/feedback.h"
#include "grade/prepared.h"
#include "grade/problem.h"
#include "grade/reference.h"

namespace calc::grade {

enum class Verdict { Correct, Incorrect, Invalid, Undecided };
std::string_view to_string(Verdict v);

struct Result {
  Verdict verdict = Verdict::Invalid;
  double score = 0;  // 1 for correct; the share of right components for a vector
  std::vector<Feedback> feedback;
  std::optional<std::size_t> position, length;  // invalid: where, in code points
  std::string latex;                            // the answer as understood, when it parsed
};

// Grades against a prepared box, which keeps what it computes for the next
// answer to the same box (see prepared.h); the result is the same as for a
// fresh one.
Result grade(PreparedBox& box, std::string_view answer);
// Grades an already parsed answer (an author's declared mistake, written with
// parameters the learner's context does not have).
Result grade_expr(PreparedBox& box, const Expr& answer);
// The same for one answer, preparing the box afresh.
Result grade(const Problem& p, const Reference& ref, std::string_view answer);
Result grade_expr(const Problem& p, const Reference& ref, const Expr& answer);

}  // namespace calc::grade
