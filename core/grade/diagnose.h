#pragma once
// Candidate wrong answers for a box, each with the feedback it deserves, in
// the order they are tried: the author's declared mistakes, then the
// misconceptions of the buggy rules, then structural slips (sign, a missing
// or extra term, the wrong variable, ...). An answer that agrees with a
// candidate at every sampled point gets that candidate's feedback.
#include <vector>

#include "grade/feedback.h"
#include "grade/problem.h"
#include "grade/reference.h"

namespace calc::grade {

struct Candidate {
  Expr expr;
  Feedback feedback;
};

// The file's declared mistakes, parsed in the author context (unparsable ones are skipped; check reports them).
std::vector<Candidate> declared_mistakes(const Problem& p);
// Candidates for an expression box (derivative, vector gradient) or for the
// function a number box evaluates at a point.
std::vector<Candidate> expression_candidates(const Problem& p, const Reference& ref);
// Candidates for one component of a gradient (ref_i is the reference component).
std::vector<Candidate> component_candidates(const Problem& p, std::size_t i, const Expr& ref_i);
// Candidates for a number box: expressions without free variables.
std::vector<Candidate> number_candidates(const Problem& p, const Reference& ref);
// The terms of a sum (coefficient folded in); a non-sum is one term.
std::vector<Expr> terms_of(const Expr& e);

}  // namespace calc::grade
