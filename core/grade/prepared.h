#pragma once
// Everything grading needs about one box under one variant except the
// answer: the problem, its reference, the reference sampled at the comparison
// points, and the candidate wrong answers with their values there.
//
// Each part is computed on first use and kept. The reference and its sample
// are needed by every answer; the candidates (buggy rules, structural slips)
// only by an answer that differs from the reference, so a right answer never
// builds them; a candidate's column is computed only when the diagnosis gets
// to it. Every part is a pure function of the problem and its reference, so
// when (or whether) it was computed earlier never changes a verdict.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/shape_check.h"
#include "grade/compare.h"
#include "grade/diagnose.h"
#include "grade/problem.h"
#include "grade/reference.h"
#include "parse/scope.h"

namespace calc::grade {

// Candidates in diagnosis order, each with its column at a sample's points
// (computed on first request).
class CandidateColumns {
 public:
  explicit CandidateColumns(std::vector<Candidate> candidates)
      : candidates_(std::move(candidates)), columns_(candidates_.size()) {}
  std::size_t size() const { return candidates_.size(); }
  const Candidate& operator[](std::size_t i) const { return candidates_[i]; }
  const Column& column(std::size_t i, const Sampled& s);

 private:
  std::vector<Candidate> candidates_;
  std::vector<std::optional<Column>> columns_;
};

// A number box's candidates with their values.
struct NumberCandidate {
  Candidate candidate;
  double value;
};

// A non-vertical line y = slope·x + intercept.
struct Line {
  double slope = 0, intercept = 0;
};

// What a line box names a wrong line by, from the box alone (line.h).
struct WrongLines {
  std::vector<std::optional<Line>> declared;  // per declared mistake, its line when it is one
  struct AtPoint {
    int x;
    Line tangent;
  };
  std::vector<AtPoint> other_points;  // the tangents at the small integers other than the one asked
  double x0 = 0;                      // the point asked
};

// The failure handling of a Part below, the same for every T, and out of
// line (prepared.cpp) rather than in each part's get().
class PartFailure {
 protected:
  [[gnu::noinline]] void keep(const ShapeCheck& check);
  [[gnu::noinline]] void raise() const;

 private:
  std::string failure_;
};

// A part computed on first use and kept. A shape error raised while it was
// computed is kept with it and raised again on every later use, so every
// grading that needs a part that failed fails the same way (undecided), not
// only the first.
template <class T>
class Part : PartFailure {
 public:
  template <class Compute>
  T& get(Compute&& compute) {
    if (!value_) {
      ShapeCheck check;
      value_.emplace(compute());
      keep(check);
    }
    raise();
    return *value_;
  }

 private:
  std::optional<T> value_;
};

class PreparedBox {
 public:
  PreparedBox(Problem p, Reference ref) : problem_(std::move(p)), reference_(std::move(ref)) {}
  // make_problem and compute_reference for the box under `seed`.
  PreparedBox(const exercise::Exercise& ex, const exercise::Box& box, std::uint64_t seed);
  // Not copied or moved: learner_scope() points into problem().learner.
  PreparedBox(const PreparedBox&) = delete;
  PreparedBox& operator=(const PreparedBox&) = delete;
  // Out of line: the parts are many, and each place that ends a box (the
  // cache, a one-answer grading) would otherwise destroy all of them inline.
  ~PreparedBox();

  const Problem& problem() const { return problem_; }
  const Reference& reference() const { return reference_; }
  // What names mean in the learner's answers, built once per box.
  const parsing::Scope& learner_scope();

  // The reference at the box's sample points.
  const Sampled& sampled();
  // The derivative of the box's function in its variable (null when there is
  // none) and the function itself, each sampled as a reference: what a
  // number or line box compares a function typed instead of a value with.
  const Expr& derivative();
  const Sampled* sampled_derivative();
  const Sampled& sampled_function();

  // Candidates, built on first request (see diagnose.h), columns at sampled().
  CandidateColumns& expression_candidates();
  CandidateColumns& declared_mistakes();
  CandidateColumns& component_candidates(std::size_t i, const Expr& reference_i);
  const std::vector<NumberCandidate>& number_candidates();
  const WrongLines& wrong_lines();

 private:
  Problem problem_;
  Reference reference_;
  std::optional<parsing::Scope> learner_scope_;
  Part<Sampled> sampled_;
  Part<Expr> derivative_;
  Part<std::optional<Sampled>> sampled_derivative_;
  Part<Sampled> sampled_function_;
  Part<CandidateColumns> expression_candidates_, declared_mistakes_;
  // Per component index; boxed so that a returned reference outlives growth.
  std::vector<std::unique_ptr<Part<CandidateColumns>>> component_candidates_;
  Part<std::vector<NumberCandidate>> number_candidates_;
  Part<WrongLines> wrong_lines_;
};

}  // namespace calc::grade
