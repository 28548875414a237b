#include "grade/engine.h"

#include <cmath>
#include <exception>

#include "calculus/derivative.h"
#include "calculus/substitute.h"
#include "grade/compare.h"
#include "grade/diagnose.h"
#include "grade/line.h"
#include "grade/numeric_tasks.h"
#include "grade/prepared.h"
#include "numeric/evaluate.h"
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

Result correct(double score = 1) { return verdict(Verdict::Correct, {fb::correct()}, score); }

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
  const auto& symbols = s.set.scenarios[s.table.scenario[i]].symbols;
  return fb::counterexample(describe_point(s.table.points[i], symbols), answer[i][component],
                            reference[i][component], what_en(p.box->task), what_zh(p.box->task));
}

// The candidates are only built when the answer differs from the reference.
Result compared(PreparedBox& b, const Column& answer) {
  const Problem& p = b.problem();
  const Sampled& s = b.sampled();
  const Match m = match(answer, s.table.reference, s.tol);
  switch (m.outcome) {
    case Outcome::Equal: return correct();
    case Outcome::Undecided: return verdict(Verdict::Undecided, {fb::undecided()});
    case Outcome::Undefined: {
      const std::size_t i = *m.first_bad;
      const auto& symbols = s.set.scenarios[s.table.scenario[i]].symbols;
      return verdict(Verdict::Incorrect, {fb::domain_mismatch(describe_point(s.table.points[i], symbols))});
    }
    case Outcome::Differs: break;
  }
  std::vector<Feedback> out;
  if (auto d = diagnose(s, answer, s.table.reference, b.expression_candidates())) out.push_back(*d);
  if (auto c = counterexample(p, s, answer, s.table.reference, m, m.bad_component.value_or(0))) out.push_back(*c);
  if (out.empty()) out.push_back(fb::mismatch());
  return verdict(Verdict::Incorrect, std::move(out));
}

Result grade_expression(PreparedBox& b, const Expr& answer) {
  if (answer.is(Kind::Equation) || answer->shape() != Shape::Scalar) {
    // A tangent line typed as y = … in a derivative box is its own mistake.
    if (answer.is(Kind::Equation)) {
      const auto& eq = static_cast<const EquationNode&>(*answer);
      const Sampled& s = b.sampled();
      const Column rhs = s.evaluate(eq.rhs());
      CandidateColumns& candidates = b.expression_candidates();
      for (std::size_t i = 0; i < candidates.size(); ++i)
        if (candidates[i].feedback.code == "tangent-for-derivative" && same(rhs, candidates.column(i, s), s.tol))
          return verdict(Verdict::Incorrect, {candidates[i].feedback});
    }
    return verdict(Verdict::Incorrect, {fb::not_an_expression()});
  }
  return compared(b, b.sampled().evaluate(answer));
}

Result grade_vector_gradient(PreparedBox& b, const Expr& answer) {
  if (answer.is(Kind::Equation)) return verdict(Verdict::Incorrect, {fb::not_an_expression()});
  if (answer->shape() == Shape::Scalar) return verdict(Verdict::Incorrect, {fb::scalar_for_vector()});
  // A row vector (xᵀ/‖x‖) or a matrix is not the gradient's shape; sampling
  // it would only report it undefined.
  if (answer->shape() != Shape::Vector) return verdict(Verdict::Incorrect, {fb::mismatch()});
  return compared(b, b.sampled().evaluate(answer));
}

Result grade_gradient(PreparedBox& b, const Expr& answer) {
  const Problem& p = b.problem();
  const auto& expected = static_cast<const VectorNode&>(*b.reference().expr).elements();
  if (answer.is(Kind::Equation)) return verdict(Verdict::Incorrect, {fb::not_an_expression()});
  if (!answer.is(Kind::Vector)) return verdict(Verdict::Incorrect, {fb::scalar_for_vector()});
  const auto given = static_cast<const VectorNode&>(*answer).elements();
  if (given.size() != expected.size())
    return verdict(Verdict::Incorrect, {fb::dimension_mismatch(given.size(), expected.size())});
  const Sampled& s = b.sampled();
  const Column a = s.evaluate(answer);
  const Match m = match(a, s.table.reference, s.tol);
  if (m.outcome == Outcome::Equal) return correct();
  if (m.outcome == Outcome::Undecided) return verdict(Verdict::Undecided, {fb::undecided()});
  const std::size_t n = expected.size();
  std::vector<Column> answer_parts, reference_parts;
  std::vector<bool> ok(n);
  std::size_t right = 0;
  for (std::size_t k = 0; k < n; ++k) {
    answer_parts.push_back(component_column(a, k));
    reference_parts.push_back(component_column(s.table.reference, k));
    ok[k] = match(answer_parts[k], reference_parts[k], s.tol).outcome == Outcome::Equal;
    right += ok[k];
  }
  const double score = static_cast<double>(right) / static_cast<double>(n);
  // Declared mistakes are about the whole vector.
  CandidateColumns& declared = b.declared_mistakes();
  for (std::size_t i = 0; i < declared.size(); ++i)
    if (same(a, declared.column(i, s), s.tol)) return verdict(Verdict::Incorrect, {declared[i].feedback}, score);
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
  if (swapped) return verdict(Verdict::Incorrect, {fb::swapped_components()}, score);
  std::vector<Feedback> out;
  for (std::size_t k = 0; k < n; ++k) {
    if (ok[k]) continue;
    out.push_back(fb::wrong_component(k + 1));
    const Match mk = match(answer_parts[k], reference_parts[k], s.tol);
    if (mk.outcome == Outcome::Undefined) {
      const std::size_t i = *mk.first_bad;
      out.push_back(fb::domain_mismatch(describe_point(s.table.points[i], s.set.scenarios[s.table.scenario[i]].symbols)));
      continue;
    }
    bool named = false;
    CandidateColumns& candidates = b.component_candidates(k, expected[k]);
    for (std::size_t i = 0; i < candidates.size() && !named; ++i) {
      if (same(answer_parts[k], candidates.column(i, s), s.tol)) {
        out.push_back(candidates[i].feedback);
        named = true;
      }
    }
    if (!named) {
      if (auto r = constant_ratio(answer_parts[k], reference_parts[k])) {
        out.push_back(close(*r, -1.0, {1e-9, 0}) ? fb::sign_error() : fb::constant_factor(factor_text(*r)));
      } else if (constant_offset(answer_parts[k], reference_parts[k])) {
        out.push_back(fb::extra_constant());
      } else if (auto c = counterexample(p, s, answer_parts[k], reference_parts[k], mk, 0)) {
        out.push_back(*c);
      }
    }
  }
  return verdict(Verdict::Incorrect, std::move(out), score);
}

double value_of(const Expr& e) { return evaluate(e, {}); }

Result grade_number(PreparedBox& b, const Expr& answer) {
  const Problem& p = b.problem();
  const Reference& ref = b.reference();
  if (answer.is(Kind::Equation) || answer->shape() != Shape::Scalar)
    return verdict(Verdict::Incorrect, {fb::expected_number()});
  if (has_free_symbols(answer)) {
    // The derivative function where its value was asked.
    if (p.box->task == Task::DerivativeAt || p.box->task == Task::DifferenceQuotientLimit) {
      if (const Sampled* s = b.sampled_derivative())
        if (match(s->evaluate(answer), s->table.reference, s->tol).outcome == Outcome::Equal)
          return verdict(Verdict::Incorrect, {fb::function_for_value()});
    }
    return verdict(Verdict::Incorrect, {fb::expected_number()});
  }
  const double a = value_of(answer);
  const Tolerance tol{p.box->tolerance.rel, p.box->tolerance.abs};
  if (!std::isfinite(a)) return verdict(Verdict::Incorrect, {fb::mismatch()});
  if (close(a, ref.value, tol)) return correct();
  for (const auto& [c, v] : b.number_candidates())
    if (std::isfinite(v) && close(a, v, tol) && !close(v, ref.value, tol)) return verdict(Verdict::Incorrect, {c.feedback});
  if (ref.value != 0 && close(a, -ref.value, tol)) return verdict(Verdict::Incorrect, {fb::sign_error()});
  if (close(a, ref.value, {1e-2, 1e-6})) return verdict(Verdict::Incorrect, {fb::too_imprecise()});
  // A factor is worth naming for a number only when it is a small integer or
  // its reciprocal (twice, half): other ratios are coincidences.
  if (ref.value != 0 && a != 0) {
    const double r = a / ref.value;
    const double k = std::fabs(r) >= 1 ? r : 1 / r;
    if (std::fabs(k) <= 12 && std::fabs(k - std::round(k)) < 1e-9)
      return verdict(Verdict::Incorrect, {fb::constant_factor(factor_text(r))});
  }
  return verdict(Verdict::Incorrect, {fb::mismatch()});
}

Result grade_choice(const Problem& p, const Reference& ref, std::string_view answer) {
  std::string id(answer);
  while (!id.empty() && std::isspace(static_cast<unsigned char>(id.back()))) id.pop_back();
  while (!id.empty() && std::isspace(static_cast<unsigned char>(id.front()))) id.erase(id.begin());
  for (const auto& c : p.box->choices) {
    if (c.id != id) continue;
    if (c.means == ref.claim) return correct();
    return verdict(Verdict::Incorrect, {fb::wrong_choice()});
  }
  Result r = verdict(Verdict::Invalid, {fb::unknown_choice()});
  r.position = 0;
  r.length = 0;
  return r;
}

Result grade_parsed(PreparedBox& b, Expr answer) {
  const Problem& p = b.problem();
  // Written derivatives (∂u/∂a, d/dx(...)) are resolved first; an answer that
  // only restates the question resolves to the reference and is refused.
  const int written = count_derivatives(answer, kMaxWrittenDerivatives);
  if (written > kMaxWrittenDerivatives) return verdict(Verdict::Incorrect, {fb::mismatch()});
  if (written > 0) {
    Expr resolved;
    try {
      resolved = resolve_derivatives(answer);
    } catch (const std::exception&) {
      // A written derivative the rules cannot evaluate (∂f/∂x for a vector
      // x, written as f_x): it still only names the derivative asked for.
      return verdict(Verdict::Incorrect, {mentions_derivative_of(answer, p.of()) ? fb::restates_question() : fb::mismatch()});
    }
    if (p.box->kind == BoxKind::Expression || p.box->kind == BoxKind::Vector) {
      const Result r = p.box->task == Task::Gradient ? grade_gradient(b, resolved)
                       : p.box->task == Task::VectorGradient ? grade_vector_gradient(b, resolved)
                                                              : grade_expression(b, resolved);
      if (r.verdict == Verdict::Correct) return verdict(Verdict::Incorrect, {fb::restates_question()});
      return r;
    }
    answer = resolved;
  }
  switch (p.box->kind) {
    case BoxKind::Expression: return grade_expression(b, answer);
    case BoxKind::Vector:
      return p.box->task == Task::Gradient ? grade_gradient(b, answer) : grade_vector_gradient(b, answer);
    case BoxKind::Number: return grade_number(b, answer);
    case BoxKind::Line: return grade_line(b, answer);
    case BoxKind::Choice: break;
  }
  return verdict(Verdict::Incorrect, {fb::mismatch()});
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
  Result g = grade_expression(b, *r.expr);
  if (g.feedback.empty() || g.feedback[0].code != "tangent-for-derivative") return std::nullopt;
  g.latex = to_latex(*r.expr);
  return g;
}

}  // namespace

Result grade_expr(PreparedBox& b, const Expr& answer) {
  try {
    if (!b.reference().ok()) return verdict(Verdict::Undecided, {fb::undecided()});
    Result r = grade_parsed(b, answer);
    r.latex = to_latex(answer);
    return r;
  } catch (...) {
    return verdict(Verdict::Undecided, {fb::undecided()});
  }
}

Result grade(PreparedBox& b, std::string_view answer) {
  try {
    const Problem& p = b.problem();
    if (!b.reference().ok()) return verdict(Verdict::Undecided, {fb::undecided()});
    if (p.box->kind == BoxKind::Choice) return grade_choice(p, b.reference(), answer);
    ParseResult parsed = parse(answer, b.learner_scope());
    if (!parsed.ok()) {
      if (auto r = tangent_in_derivative_box(b, answer, *parsed.error)) return *r;
      Result r = verdict(Verdict::Invalid, {Feedback{parsed.error->code, parsed.error->message_zh, parsed.error->message}});
      r.position = parsed.error->position;
      r.length = parsed.error->length;
      return r;
    }
    const Expr& e = *parsed.expr;
    if (e->size() > kMaxAnswerNodes) return verdict(Verdict::Incorrect, {fb::mismatch()});
    Result r = grade_parsed(b, e);
    r.latex = to_latex(e);
    return r;
  } catch (const std::exception&) {
    return verdict(Verdict::Undecided, {fb::undecided()});
  } catch (...) {
    return verdict(Verdict::Undecided, {fb::undecided()});
  }
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
