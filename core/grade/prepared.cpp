#include "grade/prepared.h"

#include "grade/line.h"
#include "numeric/evaluate.h"

namespace calc::grade {

const Column& CandidateColumns::column(std::size_t i, const Sampled& s) {
  if (!columns_[i]) columns_[i] = s.evaluate(candidates_[i].expr);
  return *columns_[i];
}

PreparedBox::PreparedBox(const exercise::Exercise& ex, const exercise::Box& box, std::uint64_t seed)
    : problem_(make_problem(ex, box, seed)), reference_(compute_reference(problem_)) {}

[[gnu::noinline]] PreparedBox::~PreparedBox() = default;

// Each part is assigned only once fully computed: a part whose computation
// throws is simply computed again (and throws again) on the next request.

const Sampled& PreparedBox::sampled() {
  if (!sampled_) sampled_ = sample_reference(problem_, reference_);
  return *sampled_;
}

const Expr& PreparedBox::derivative() {
  if (!derivative_) derivative_ = box_derivative(problem_);
  return *derivative_;
}

const Sampled* PreparedBox::sampled_derivative() {
  if (!sampled_derivative_) {
    std::optional<Sampled> s;
    if (derivative()) {
      Reference d;
      d.expr = derivative();
      s = sample_reference(problem_, d);
    }
    sampled_derivative_ = std::move(s);
  }
  return *sampled_derivative_ ? &**sampled_derivative_ : nullptr;
}

const Sampled& PreparedBox::sampled_function() {
  if (!sampled_function_) {
    Reference f;
    f.expr = problem_.of();
    sampled_function_ = sample_reference(problem_, f);
  }
  return *sampled_function_;
}

const parsing::Scope& PreparedBox::learner_scope() {
  if (!learner_scope_) learner_scope_.emplace(problem_.learner);
  return *learner_scope_;
}

CandidateColumns& PreparedBox::expression_candidates() {
  if (!expression_candidates_) expression_candidates_.emplace(grade::expression_candidates(problem_, reference_));
  return *expression_candidates_;
}

CandidateColumns& PreparedBox::declared_mistakes() {
  if (!declared_mistakes_) declared_mistakes_.emplace(grade::declared_mistakes(problem_));
  return *declared_mistakes_;
}

CandidateColumns& PreparedBox::component_candidates(std::size_t i, const Expr& reference_i) {
  if (i >= component_candidates_.size()) component_candidates_.resize(i + 1);
  std::unique_ptr<CandidateColumns>& slot = component_candidates_[i];
  if (!slot) slot = std::make_unique<CandidateColumns>(grade::component_candidates(problem_, i, reference_i));
  return *slot;
}

const std::vector<NumberCandidate>& PreparedBox::number_candidates() {
  if (!number_candidates_) {
    std::vector<NumberCandidate> out;
    for (auto& c : grade::number_candidates(problem_, reference_)) {
      const double v = evaluate(c.expr, {});
      out.push_back({std::move(c), v});
    }
    number_candidates_ = std::move(out);
  }
  return *number_candidates_;
}

const WrongLines& PreparedBox::wrong_lines() {
  if (!wrong_lines_) wrong_lines_ = grade::wrong_lines(*this);
  return *wrong_lines_;
}

}  // namespace calc::grade
