#include "grade/diagnose.h"

#include <cstddef>

#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/substitute.h"
#include "expr/shape_check.h"
#include "grade/buggy_rules.h"
#include "print/print.h"

namespace calc::grade {

namespace {

using exercise::Task;

// Runs a candidate builder that appends to out; a rule that cannot apply
// (a shape error, say) contributes nothing.
template <class F>
void attempt(std::vector<Candidate>& out, F&& f) {
  const std::size_t before = out.size();
  ShapeCheck check;
  f();
  if (check.failed()) out.erase(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
}

// The right-hand side of the tangent any line box of the exercise asks for
// about the same function: the learner may give it in a derivative box.
std::vector<Expr> tangents_of_same_function(const Problem& p) {
  std::vector<Expr> out;
  for (const auto& b : p.exercise->boxes) {
    if (b.task != Task::TangentLine || b.of != p.box->of || b.wrt != p.box->wrt) continue;
    ParseResult at = parse_author(p, b.at);
    if (!at.ok()) continue;
    const Expr x = p.wrt()[0];
    const Expr f = p.of();
    const Expr slope = substitute(diff(f, x), {{x, *at.expr}});
    out.push_back(add(substitute(f, {{x, *at.expr}}), mul(slope, sub(x, *at.expr))));
  }
  return out;
}

void structural(const Problem& p, const Expr& f, const Expr& ref, std::vector<Candidate>& out) {
  const bool chain = p.has_functions();
  attempt(out, [&] { out.push_back({neg(ref), fb::sign_error()}); });
  const std::vector<Expr> terms = terms_of(ref);
  if (terms.size() >= 2) {
    for (const Expr& t : terms) {
      const std::string latex = to_latex(t);
      attempt(out, [&] { out.push_back({sub(ref, t), chain ? fb::dropped_chain_path(latex) : fb::missing_term(latex)}); });
    }
    for (const Expr& t : terms)
      attempt(out, [&] { out.push_back({sub(ref, mul(integer(2), t)), fb::term_sign_error(to_latex(t))}); });
    attempt(out, [&] { out.push_back({mul(terms), fb::product_instead_of_sum()}); });
  }
  // The function (or one of its terms) left in next to its derivative.
  if (f) {
    std::vector<Expr> left = terms_of(f);
    if (left.size() >= 2) left.push_back(f);
    for (const Expr& s : left)
      attempt(out, [&] {
        // A term proportional to the derivative (e^x next to e^x) is a constant factor, not an extra term.
        if (!as_number(div(s, ref))) out.push_back({add(ref, s), fb::extra_term(to_latex(s))});
      });
  }
}

}  // namespace

std::vector<Expr> terms_of(const Expr& e) {
  // A product with a sum as one factor, x^x (ln x + 1), has the terms of the
  // product distributed once: x^x ln x and x^x are what a learner writes.
  if (e.is(Kind::Mul)) {
    const auto& m = static_cast<const MulNode&>(*e);
    const auto factors = m.factors();
    for (std::size_t i = 0; i < factors.size(); ++i) {
      if (!factors[i].first.is(Kind::Add) || !is_one(factors[i].second)) continue;
      std::vector<Expr> rest = {number(m.coefficient())};
      for (std::size_t j = 0; j < factors.size(); ++j)
        if (j != i) rest.push_back(pow(factors[j].first, factors[j].second));
      const Expr others = mul(rest);
      std::vector<Expr> out;
      for (const Expr& t : terms_of(factors[i].first)) out.push_back(mul(others, t));
      return out;
    }
  }
  if (!e.is(Kind::Add)) return {e};
  const auto& a = static_cast<const AddNode&>(*e);
  std::vector<Expr> out;
  if (!a.constant().is_zero()) out.push_back(number(a.constant()));
  for (const auto& [t, c] : a.terms()) out.push_back(mul(number(c), t));
  return out;
}

std::vector<Candidate> declared_mistakes(const Problem& p) {
  std::vector<Candidate> out;
  for (const auto& m : p.box->mistakes) {
    ParseResult r = parse_author(p, m.answer);
    if (r.ok()) out.push_back({*r.expr, Feedback{m.code, m.text.zh, m.text.en}});
  }
  return out;
}

std::vector<Candidate> expression_candidates(const Problem& p, const Reference& ref) {
  std::vector<Candidate> out = declared_mistakes(p);
  const Expr f = p.of();
  const auto vars = p.wrt();
  if (!f || vars.empty()) return out;
  const Expr x = vars[0];
  attempt(out, [&] {
    if (p.box->task == Task::VectorGradient) {
      for (auto& b : buggy_vector_gradients(f, x)) out.push_back({b.answer, b.feedback});
    } else {
      for (auto& b : buggy_derivatives(f, x)) out.push_back({b.answer, b.feedback});
    }
  });
  out.push_back({f, fb::not_differentiated()});
  attempt(out, [&] {
    for (const Expr& t : tangents_of_same_function(p)) out.push_back({t, fb::tangent_for_derivative()});
  });
  for (const auto& v : p.exercise->variables) {
    if (v.name == p.box->wrt[0] || v.domain == exercise::Domain::VectorNonZero) continue;
    attempt(out, [&] { out.push_back({simplify(diff(f, symbol(v.name))), fb::wrong_variable(to_latex(symbol(v.name)))}); });
  }
  structural(p, f, ref.expr, out);
  return out;
}

std::vector<Candidate> component_candidates(const Problem& p, std::size_t i, const Expr& ref_i) {
  std::vector<Candidate> out;
  const Expr f = p.of();
  const auto vars = p.wrt();
  if (!f || i >= vars.size()) return out;
  attempt(out, [&] {
    for (auto& b : buggy_derivatives(f, vars[i])) out.push_back({b.answer, b.feedback});
  });
  // Component i left undifferentiated: f itself, or the terms of f in x_i.
  out.push_back({f, fb::not_differentiated()});
  attempt(out, [&] {
    std::vector<Expr> mine;
    for (const Expr& t : terms_of(f))
      if (!is_zero(diff(t, vars[i]))) mine.push_back(t);
    if (!mine.empty()) out.push_back({add(mine), fb::not_differentiated()});
  });
  structural(p, Expr(), ref_i, out);
  return out;
}

std::vector<Candidate> number_candidates(const Problem& p, const Reference& ref) {
  std::vector<Candidate> out = declared_mistakes(p);
  const Expr f = p.of();
  const auto vars = p.wrt();
  if (!f || vars.empty()) return out;
  const Expr x = vars[0];
  auto at = [&](const Expr& e, const Expr& x0) { return substitute(e, {{x, x0}}); };
  switch (p.box->task) {
    case Task::DerivativeAt:
    case Task::DifferenceQuotientLimit: {
      attempt(out, [&] {
        for (auto& b : buggy_derivatives(f, x)) out.push_back({at(b.answer, p.at), b.feedback});
      });
      attempt(out, [&] { out.push_back({at(f, p.at), fb::function_value_for_slope()}); });
      if (p.box->task == Task::DifferenceQuotientLimit) {
        static const char* kHs[] = {"0.1", "0.01", "0.001", "0.0001", "0.00001"};
        for (const char* h : kHs) {
          attempt(out, [&] {
            const Expr he = *parse(h).expr;
            out.push_back({div(sub(at(f, add(p.at, he)), at(f, p.at)), he), fb::table_entry(h)});
          });
        }
      }
      const Expr d = diff(f, x);
      // A term of f' dropped or with its sign flipped, then evaluated.
      attempt(out, [&] {
        const std::vector<Expr> terms = terms_of(simplify(d));
        if (terms.size() < 2) return;
        for (const Expr& t : terms) {
          out.push_back({at(sub(d, t), p.at), fb::missing_term(to_latex(t))});
          out.push_back({at(sub(d, mul(integer(2), t)), p.at), fb::term_sign_error(to_latex(t))});
        }
      });
      for (int q = -3; q <= 3; ++q) {
        attempt(out, [&] {
          if (is_zero(sub(integer(q), p.at))) return;
          out.push_back({at(d, integer(q)), fb::value_at_wrong_point("$" + to_latex(x) + " = " + std::to_string(q) + "$")});
        });
      }
      break;
    }
    case Task::InverseDerivativeAt:
      attempt(out, [&] {
        const Expr d = diff(f, x);
        const Expr y = p.at;
        out.push_back({div(integer(1), at(d, y)), fb::inverse_at_y()});
        if (ref.expr) out.push_back({div(integer(1), ref.expr), fb::forgot_reciprocal()});
        out.push_back({div(integer(1), at(f, y)), fb::reciprocal_for_inverse()});
        out.push_back({at(diff(div(integer(1), f), x), y), fb::reciprocal_for_inverse()});
      });
      break;
    default:
      break;
  }
  return out;
}

}  // namespace calc::grade
