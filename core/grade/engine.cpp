#include "grade/engine.h"

#include <cmath>

#include "calculus/derivative.h"
#include "calculus/substitute.h"
#include "expr/shape_check.h"
#include "grade/compare.h"
#include "grade/diagnose.h"
#include "grade/line.h"
#include "grade/numeric_tasks.h"
#include "grade/prepared.h"
#include "parse/scope.h"
#include "print/print.h"

namespace calc::grade {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::Correct: return "correct";
    case Verdict::Incorrect: return "incorrect";
    case Verdict::Invalid: return "invalid";
    case Verdict::Undecided: return "undecided";
  }
  return "?";
}

namespace {

using exercise::BoxKind;
using exercise::Task;

// Answers bigger than this (in tree nodes, shared nodes counted per use) are
// not evaluated: no answer in the workbook comes near it, and it bounds the
// work of every comparison.
constexpr std::uint32_t kMaxAnswerNodes = 20000;
// Nested written derivatives (d/dx d/dx ...) are resolved only up to this
// count, since each resolution can multiply the size of the expression.
constexpr int kMaxWrittenDerivatives = 6;

Result verdict(Verdict v, std::vector<Feedback> fb, double score = 0) {
  Result r;
  r.verdict = v;
  r.feedback = std::move(fb);
  r.score = score;
  return r;
}

// A verdict with one feedback item. Out of line: the many call sites would
// otherwise each copy the item into an initializer list and destroy both.
[[gnu::noinline]] Result verdict(Verdict v, Feedback f, double score = 0) {
  Result r;
  r.verdict = v;
  r.feedback.push_back(std::move(f));
  r.score = score;
  return r;
}
// The same for an item without details, named by the function that writes it
// (fb::mismatch), so a call site builds no Feedback at all.
[[gnu::noinline]] Result verdict(Verdict v, Feedback (*item)(), double score = 0) { return verdict(v, item(), score); }
Result incorrect(Feedback f, double score = 0) { return verdict(Verdict::Incorrect, std::move(f), score); }
Result incorrect(Feedback (*item)(), double score = 0) { return verdict(Verdict::Incorrect, item, score); }
Result undecided() { return verdict(Verdict::Undecided, fb::undecided); }
Result correct() { return verdict(Verdict::Correct, fb::correct, 1); }

int count_derivatives(const Expr& e, int limit) {
  int n = e.is(Kind::Derivative) ? 1 : 0;
  for_each_child(e, [&](const Expr& c) {
    if (n <= limit) n += count_derivatives(c, limit);
  });
  return n;
}

bool mentions_derivative_of(const Expr& e, const Expr& f) {
  if (e.is(Kind::Derivative) && static_cast<const DerivativeNode&>(*e).expr() == f) return true;
  bool found = false;
  for_each_child(e, [&](const Expr& c) { found = found || mentions_derivative_of(c, f); });
  return found;
}

bool has_free_symbols(const Expr& e) { return !free_symbols(e).empty(); }

std::string_view what_en(Task t) {
  switch (t) {
    case Task::Derivative: return "the derivative";
    case Task::Gradient:
    case Task::VectorGradient: return "the gradient";
    default: return "the correct answer";
  }
}
std::string_view what_zh(Task t) {
  switch (t) {
    case Task::Derivative: return "导数";
    case Task::Gradient:
    case Task::VectorGradient: return "梯度";
    default: return "正确答案";
  }
}

Column component_column(const Column& c, std::size_t k) {
  Column out;
  out.reserve(c.size(), c.size());
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (k < c[i].size()) out.push(c[i].subspan(k, 1));
    else out.push_undefined();
  }
  return out;
}

// "x = 0.7", the i-th sample point in its scenario's symbols.
std::string point_text(const Sampled& s, std::size_t i) {
  return describe_point(s.table.points[i], s.set.scenarios[s.table.scenario[i]].symbols);
}

std::string factor_text(double c) {
  if (auto q = snap_fraction(c)) return to_text(*q);
  return show_number(c);
}

// The specific feedback for a scalar (or one component, or a whole
// vector-notation vector) that differs from the reference, or nothing.
std::optional<Feedback> diagnose(const Sampled& s, const Column& answer, const Column& reference,
                                 CandidateColumns& candidates) {
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (same(answer, candidates.column(i, s), s.tol)) return candidates[i].feedback;
  if (auto r = constant_ratio(answer, reference)) {
    if (close(*r, -1.0, {1e-9, 0})) return fb::sign_error();
    return fb::constant_factor(factor_text(*r));
  }
  if (constant_offset(answer, reference)) return fb::extra_constant();
  return std::nullopt;
}

// "At x = 0.7 your answer is 2.10, the derivative is 3.43", from the first
// point where they differ; nothing for instantiated abstract functions, whose
// values would mean nothing to the learner.
std::optional<Feedback> counterexample(const Problem& p, const Sampled& s, const Column& answer,
                                       const Column& reference, const Match& m, std::size_t component) {
  if (p.has_functions() || !m.first_bad) return std::nullopt;
  const std::size_t i = *m.first_bad;
  // An undefined point has no components.
  if (component >= answer[i].size() || component >= reference[i].size()) return std::nullopt;
  return fb::counterexample(point_text(s, i), answer[i][component],
                            reference[i][component], what_en(p.box->task), what_zh(p.box->task));
}

// The candidates are only built when the answer differs from the reference.
Result compared(PreparedBox& b, const Column& answer) {
  const Problem& p = b.problem();
  const Sampled& s = b.sampled();
  const Match m = match(answer, s.table.reference, s.tol);
  switch (m.outcome) {
    case Outcome::Equal: return correct();
    case Outcome::Undecided: return undecided();
    case Outcome::Undefined: return incorrect(fb::domain_mismatch(point_text(s, *m.first_bad)));
    case Outcome::Differs: break;
  }
  std::vector<Feedback> out;
  if (auto d = diagnose(s, answer, s.table.reference, b.expression_candidates())) out.push_back(std::move(*d));
  if (auto c = counterexample(p, s, answer, s.table.reference, m, m.bad_component.value_or(0)))
    out.push_back(std::move(*c));
  if (out.empty()) out.push_back(fb::mismatch());
  return verdict(Verdict::Incorrect, std::move(out));
}

// A tangent line typed as y = … in a derivative box is its own mistake:
// the equation's right side is the tangent a line box of the exercise asks for.
std::optional<Result> tangent_for_derivative(PreparedBox& b, const EquationNode& eq) {
  const Sampled& s = b.sampled();
  const Column rhs = s.evaluate(eq.rhs());
  CandidateColumns& candidates = b.expression_candidates();
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].feedback.code == "tangent-for-derivative" && same(rhs, candidates.column(i, s), s.tol))
      return incorrect(candidates[i].feedback);
  return std::nullopt;
}

Result grade_expression(PreparedBox& b, const Expr& answer) {
  if (answer.is(Kind::Equation) || answer->shape() != Shape::Scalar) {
    if (answer.is(Kind::Equation))
      if (auto r = tangent_for_derivative(b, static_cast<const EquationNode&>(*answer))) return std::move(*r);
    return incorrect(fb::not_an_expression);
  }
  return compared(b, b.sampled().evaluate(answer));
}

Result grade_vector_gradient(PreparedBox& b, const Expr& answer) {
  if (answer.is(Kind::Equation)) return incorrect(fb::not_an_expression);
  if (answer->shape() == Shape::Scalar) return incorrect(fb::scalar_for_vector);
  // A row vector (xᵀ/‖x‖) or a matrix is not the gradient's shape; sampling
  // it would only report it undefined.
  if (answer->shape() != Shape::Vector) return incorrect(fb::mismatch);
  return compared(b, b.sampled().evaluate(answer));
}

Result grade_gradient(PreparedBox& b, const Expr& answer) {
  const Problem& p = b.problem();
  const auto& expected = static_cast<const VectorNode&>(*b.reference().expr).elements();
  if (answer.is(Kind::Equation)) return incorrect(fb::not_an_expression);
  if (!answer.is(Kind::Vector)) return incorrect(fb::scalar_for_vector);
  const auto given = static_cast<const VectorNode&>(*answer).elements();
  if (given.size() != expected.size())
    return incorrect(fb::dimension_mismatch(given.size(), expected.size()));
  const Sampled& s = b.sampled();
  const Column a = s.evaluate(answer);
  const Match m = match(a, s.table.reference, s.tol);
  if (m.outcome == Outcome::Equal) return correct();
  if (m.outcome == Outcome::Undecided) return undecided();
  const std::size_t n = expected.size();
  std::vector<Column> answer_parts, reference_parts;
  std::vector<Match> matches;
  std::vector<bool> ok(n);
  std::size_t right = 0;
  for (std::size_t k = 0; k < n; ++k) {
    answer_parts.push_back(component_column(a, k));
    reference_parts.push_back(component_column(s.table.reference, k));
    matches.push_back(match(answer_parts[k], reference_parts[k], s.tol));
    ok[k] = matches[k].outcome == Outcome::Equal;
    right += ok[k];
  }
  const double score = static_cast<double>(right) / static_cast<double>(n);
  // Declared mistakes are about the whole vector.
  CandidateColumns& declared = b.declared_mistakes();
  for (std::size_t i = 0; i < declared.size(); ++i)
    if (same(a, declared.column(i, s), s.tol)) return incorrect(declared[i].feedback, score);
  // Two or more wrong components, each equal to another reference component:
  // swapped (one wrong copy of a right component, [6x₁, 6x₁], is not).
  bool swapped = n - right >= 2;
  for (std::size_t k = 0; k < n && swapped; ++k) {
    if (ok[k]) continue;
    bool found = false;
    for (std::size_t j = 0; j < n && !found; ++j)
      found = j != k && same(answer_parts[k], reference_parts[j], s.tol);
    swapped = found;
  }
  if (swapped) return incorrect(fb::swapped_components, score);
  std::vector<Feedback> out;
  for (std::size_t k = 0; k < n; ++k) {
    if (ok[k]) continue;
    out.push_back(fb::wrong_component(k + 1));
    const Match& mk = matches[k];
    if (mk.outcome == Outcome::Undefined) {
      out.push_back(fb::domain_mismatch(point_text(s, *mk.first_bad)));
      continue;
    }
    if (auto d = diagnose(s, answer_parts[k], reference_parts[k], b.component_candidates(k, expected[k])))
      out.push_back(std::move(*d));
    else if (auto c = counterexample(p, s, answer_parts[k], reference_parts[k], mk, 0))
      out.push_back(std::move(*c));
  }
  return verdict(Verdict::Incorrect, std::move(out), score);
}

Result grade_number(PreparedBox& b, const Expr& answer) {
  const Problem& p = b.problem();
  const Reference& ref = b.reference();
  if (answer.is(Kind::Equation) || answer->shape() != Shape::Scalar)
    return incorrect(fb::expected_number);
  if (has_free_symbols(answer)) {
    // The derivative function where its value was asked.
    if (p.box->task == Task::DerivativeAt || p.box->task == Task::DifferenceQuotientLimit) {
      if (const Sampled* s = b.sampled_derivative())
        if (match(s->evaluate(answer), s->table.reference, s->tol).outcome == Outcome::Equal)
          return incorrect(fb::function_for_value);
    }
    return incorrect(fb::expected_number);
  }
  const double a = value_of(answer);
  const Tolerance tol{p.box->tolerance.rel, p.box->tolerance.abs};
  if (!std::isfinite(a)) return incorrect(fb::mismatch);
  if (close(a, ref.value, tol)) return correct();
  for (const auto& [c, v] : b.number_candidates())
    if (std::isfinite(v) && close(a, v, tol) && !close(v, ref.value, tol)) return incorrect(c.feedback);
  if (ref.value != 0 && close(a, -ref.value, tol)) return incorrect(fb::sign_error);
  if (close(a, ref.value, {1e-2, 1e-6})) return incorrect(fb::too_imprecise);
  // A factor is worth naming for a number only when it is a small integer or
  // its reciprocal (twice, half): other ratios are coincidences.
  if (ref.value != 0 && a != 0) {
    const double r = a / ref.value;
    const double k = std::fabs(r) >= 1 ? r : 1 / r;
    if (std::fabs(k) <= 12 && std::fabs(k - std::round(k)) < 1e-9)
      return incorrect(fb::constant_factor(factor_text(r)));
  }
  return incorrect(fb::mismatch);
}

Result grade_choice(const Problem& p, const Reference& ref, std::string_view answer) {
  std::string id(answer);
  while (!id.empty() && std::isspace(static_cast<unsigned char>(id.back()))) id.pop_back();
  while (!id.empty() && std::isspace(static_cast<unsigned char>(id.front()))) id.erase(id.begin());
  for (const auto& c : p.box->choices) {
    if (c.id != id) continue;
    if (c.means == ref.claim) return correct();
    return incorrect(fb::wrong_choice);
  }
  Result r = verdict(Verdict::Invalid, fb::unknown_choice);
  r.position = 0;
  r.length = 0;
  return r;
}

// The grader of the box's kind.
Result grade_as_box(PreparedBox& b, const Expr& answer) {
  const Problem& p = b.problem();
  switch (p.box->kind) {
    case BoxKind::Expression: return grade_expression(b, answer);
    case BoxKind::Vector:
      return p.box->task == Task::Gradient ? grade_gradient(b, answer) : grade_vector_gradient(b, answer);
    case BoxKind::Number: return grade_number(b, answer);
    case BoxKind::Line: return grade_line(b, answer);
    case BoxKind::Choice: break;
  }
  return incorrect(fb::mismatch);
}

Result grade_parsed(PreparedBox& b, Expr answer) {
  const Problem& p = b.problem();
  // Written derivatives (∂u/∂a, d/dx(...)) are resolved first; an answer that
  // only restates the question resolves to the reference and is refused.
  const int written = count_derivatives(answer, kMaxWrittenDerivatives);
  if (written > kMaxWrittenDerivatives) return incorrect(fb::mismatch);
  if (written > 0) {
    {
      ShapeCheck check;
      const Expr resolved = resolve_derivatives(answer);
      // A written derivative the rules cannot evaluate (∂f/∂x for a vector
      // x, written as f_x): it still only names the derivative asked for.
      if (check.failed())
        return incorrect(mentions_derivative_of(answer, p.of()) ? fb::restates_question : fb::mismatch);
      answer = resolved;
    }
    if (p.box->kind == BoxKind::Expression || p.box->kind == BoxKind::Vector) {
      Result r = grade_as_box(b, answer);
      if (r.verdict == Verdict::Correct) return incorrect(fb::restates_question);
      return r;
    }
  }
  return grade_as_box(b, answer);
}

// "y = 4x - 4" typed in a derivative box of an exercise that also asks for
// the tangent: y is unknown there, but the mistake deserves its own message.
std::optional<Result> tangent_in_derivative_box(PreparedBox& b, std::string_view answer, const ParseError& error) {
  const Problem& p = b.problem();
  if (error.code != "unknown-symbol" || p.box->kind != BoxKind::Expression) return std::nullopt;
  bool has_tangent = false;
  for (const auto& b : p.exercise->boxes) has_tangent = has_tangent || b.task == Task::TangentLine;
  if (!has_tangent) return std::nullopt;
  ParseContext with_y = p.learner;
  with_y.scalars.push_back("y");
  ParseResult r = parse(answer, with_y);
  if (!r.ok() || !r.expr->is(Kind::Equation)) return std::nullopt;
  std::optional<Result> g = tangent_for_derivative(b, static_cast<const EquationNode&>(**r.expr));
  if (g) g->latex = to_latex(*r.expr);
  return g;
}

Result grade_text(PreparedBox& b, std::string_view answer) {
  const Problem& p = b.problem();
  if (!b.reference().ok()) return undecided();
  if (p.box->kind == BoxKind::Choice) return grade_choice(p, b.reference(), answer);
  ParseResult parsed = parse(answer, b.learner_scope());
  if (!parsed.ok()) {
    if (auto r = tangent_in_derivative_box(b, answer, *parsed.error)) return *r;
    Result r = verdict(Verdict::Invalid, Feedback{parsed.error->code, parsed.error->message_zh, parsed.error->message});
    r.position = parsed.error->position;
    r.length = parsed.error->length;
    return r;
  }
  const Expr& e = *parsed.expr;
  if (e->size() > kMaxAnswerNodes) return incorrect(fb::mismatch);
  return grade_expr(b, e);
}

}  // namespace

// A shape error anywhere below (an answer, or a form of it, that the rules
// cannot handle) leaves the verdict undecided rather than guessed.
Result grade_expr(PreparedBox& b, const Expr& answer) {
  ShapeCheck check;
  if (!b.reference().ok()) return undecided();
  Result r = grade_parsed(b, answer);
  if (check.failed()) return undecided();
  r.latex = to_latex(answer);
  return r;
}

Result grade(PreparedBox& b, std::string_view answer) {
  ShapeCheck check;
  Result r = grade_text(b, answer);
  return check.failed() ? undecided() : r;
}

Result grade_expr(const Problem& p, const Reference& ref, const Expr& answer) {
  PreparedBox b(p, ref);
  return grade_expr(b, answer);
}

Result grade(const Problem& p, const Reference& ref, std::string_view answer) {
  PreparedBox b(p, ref);
  return grade(b, answer);
}

}  // namespace calc::grade
