#include "grade/prepared.h"

#include "grade/line.h"
#include "grade/numeric_tasks.h"

namespace calc::grade {

void PartFailure::keep(const ShapeCheck& check) {
  if (check.failed()) failure_ = check.message();
}

void PartFailure::raise() const {
  if (!failure_.empty()) shape_error(failure_);
}

const Column& CandidateColumns::column(std::size_t i, const Sampled& s) {
  if (!columns_[i]) columns_[i] = s.evaluate(candidates_[i].expr);
  return *columns_[i];
}

PreparedBox::PreparedBox(const exercise::Exercise& ex, const exercise::Box& box, std::uint64_t seed)
    : problem_(make_problem(ex, box, seed)), reference_(compute_reference(problem_)) {}

[[gnu::noinline]] PreparedBox::~PreparedBox() = default;

const Sampled& PreparedBox::sampled() {
  return sampled_.get([&] { return sample_reference(problem_, reference_); });
}

const Expr& PreparedBox::derivative() {
  return derivative_.get([&] { return box_derivative(problem_); });
}

const Sampled* PreparedBox::sampled_derivative() {
  const std::optional<Sampled>& s = sampled_derivative_.get([&] {
    std::optional<Sampled> s;
    if (derivative()) {
      Reference d;
      d.expr = derivative();
      s = sample_reference(problem_, d);
    }
    return s;
  });
  return s ? &*s : nullptr;
}

const Sampled& PreparedBox::sampled_function() {
  return sampled_function_.get([&] {
    Reference f;
    f.expr = problem_.of();
    return sample_reference(problem_, f);
  });
}

const parsing::Scope& PreparedBox::learner_scope() {
  if (!learner_scope_) learner_scope_.emplace(problem_.learner);
  return *learner_scope_;
}

CandidateColumns& PreparedBox::expression_candidates() {
  return expression_candidates_.get([&] { return CandidateColumns(grade::expression_candidates(problem_, reference_)); });
}

CandidateColumns& PreparedBox::declared_mistakes() {
  return declared_mistakes_.get([&] { return CandidateColumns(grade::declared_mistakes(problem_)); });
}

CandidateColumns& PreparedBox::component_candidates(std::size_t i, const Expr& reference_i) {
  if (i >= component_candidates_.size()) component_candidates_.resize(i + 1);
  std::unique_ptr<Part<CandidateColumns>>& slot = component_candidates_[i];
  if (!slot) slot = std::make_unique<Part<CandidateColumns>>();
  return slot->get([&] { return CandidateColumns(grade::component_candidates(problem_, i, reference_i)); });
}

const std::vector<NumberCandidate>& PreparedBox::number_candidates() {
  return number_candidates_.get([&] {
    std::vector<NumberCandidate> out;
    for (auto& c : grade::number_candidates(problem_, reference_)) {
      const double v = value_of(c.expr);
      out.push_back({std::move(c), v});
    }
    return out;
  });
}

const WrongLines& PreparedBox::wrong_lines() {
  return wrong_lines_.get([&] { return grade::wrong_lines(*this); });
}

}  // namespace calc::grade
