#include "grade/buggy_rules.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "calculus/derivative.h"
#include "calculus/substitute.h"
#include "expr/functions.h"
#include "expr/map_children.h"
#include "expr/shape_check.h"
#include "numeric/evaluate.h"
#include "util/hash_index.h"

namespace calc::grade {
namespace {

// One misconception each. A learner who holds one applies it wherever it fits
// and does everything else right, so the differentiator below is the correct
// one with exactly one rule swapped for its buggy version.
enum class Rule {
  PowerRuleOnExp,             // d a^g = g a^(g-1) g' for a constant base a (e^x -> x e^(x-1))
  ReciprocalSign,             // d b^n = |n| b^(n-1) b' for n < 0 (d 1/x = 1/x^2)
  MissingInnerDerivative,     // d F(u) = F'(u), without u'
  ProductOfDerivatives,       // (fg)' = f'g'
  QuotientSign,               // (f/g)' = (f'g + fg')/g^2
  QuotientDenominator,        // (f/g)' = (f'g - fg')/g
  PowerRuleVariableExponent,  // d b^g = g b^(g-1) b' although g depends on x too
  ExponentialRuleVariableBase,  // d b^g = b^g ln(b) g' although b depends on x too
  ProductOfChainPaths,        // d f(u, v) = (f_u u') (f_v v') instead of the sum
};

Feedback feedback_for(Rule r) {
  switch (r) {
    case Rule::PowerRuleOnExp: return fb::power_rule_on_exp();
    case Rule::ReciprocalSign: return fb::reciprocal_sign();
    case Rule::MissingInnerDerivative: return fb::missing_inner_derivative();
    case Rule::ProductOfDerivatives: return fb::product_of_derivatives();
    case Rule::QuotientSign: return fb::quotient_rule_sign();
    case Rule::QuotientDenominator: return fb::quotient_rule_denominator();
    case Rule::PowerRuleVariableExponent: return fb::power_rule_variable_exponent();
    case Rule::ExponentialRuleVariableBase: return fb::exponential_rule_variable_base();
    case Rule::ProductOfChainPaths: return fb::product_instead_of_sum();
  }
  return fb::mismatch();
}

// When two rules give the same wrong answer the first one names it, so the
// more specific rule comes first: on sin(x)/x the quotient-rule sign slip and
// the sign slip on d(x^-1) inside the product rule both give
// (x cos x + sin x)/x^2, and a learner who wrote a quotient used the quotient rule.
constexpr Rule kRules[] = {
    Rule::PowerRuleOnExp,       Rule::QuotientSign,         Rule::QuotientDenominator,
    Rule::ReciprocalSign,       Rule::MissingInnerDerivative, Rule::ProductOfDerivatives,
    Rule::PowerRuleVariableExponent, Rule::ExponentialRuleVariableBase, Rule::ProductOfChainPaths,
};

bool is_negative_number(const Expr& e) {
  const Number* n = as_number(e);
  return n && n->is_negative();
}

class BuggyDifferentiator {
 public:
  BuggyDifferentiator(Rule rule, const Expr& var) : rule_(rule), var_(var) {}

  Expr operator()(const Expr& e) {
    if (auto it = memo_.find(e.get()); it != memo_.end()) return it->second;
    Expr d = compute(e);
    memo_.emplace(e.get(), d);
    return d;
  }

 private:
  bool depends(const Expr& e) {
    if (auto it = depends_.find(e.get()); it != depends_.end()) return it->second;
    bool d = e == var_;
    if (!d) for_each_child(e, [&](const Expr& c) { d = d || depends(c); });
    depends_.emplace(e.get(), d);
    return d;
  }

  Expr compute(const Expr& e) {
    if (!depends(e)) return integer(0);
    switch (e.kind()) {
      case Kind::Symbol:
        return integer(1);  // depends(e) means e is the variable itself
      case Kind::Add: {
        std::vector<Expr> terms;
        for (const auto& [term, coef] : static_cast<const AddNode&>(*e).terms())
          terms.push_back(mul(number(coef), (*this)(term)));
        return add(terms);
      }
      case Kind::Mul:
        return product(static_cast<const MulNode&>(*e));
      case Kind::Pow: {
        const auto& p = static_cast<const PowNode&>(*e);
        return power(p.base(), p.exponent());
      }
      case Kind::Apply: {
        const auto& a = static_cast<const ApplyNode&>(*e);
        Expr outer = a.fn().derivative(a.arg());
        return rule_ == Rule::MissingInnerDerivative ? outer : mul(outer, (*this)(a.arg()));
      }
      case Kind::Function:
        return abstract_chain(static_cast<const FunctionNode&>(*e));
      case Kind::Derivative: {
        const auto& d = static_cast<const DerivativeNode&>(*e);
        return (*this)(diff(d.expr(), d.var()));
      }
      case Kind::Vector:  // componentwise, and each side of an equation
      case Kind::Equation:
        return map_children(e, *this);
      default:
        // Norms, transposes and matrix products of shaped symbols: calc::diff
        // decides what is differentiable, and no buggy rule lives there.
        return diff(e, var_);
    }
  }

  Expr product(const MulNode& m) {
    std::vector<Expr> constant{number(m.coefficient())}, varying, numerator{number(m.coefficient())}, denominator;
    for (const auto& [base, exponent] : m.factors()) {
      Expr factor = pow(base, exponent);
      (depends(factor) ? varying : constant).push_back(factor);
      // A factor with a negative numeric exponent is read as a denominator.
      if (is_negative_number(exponent)) denominator.push_back(pow(base, neg(exponent)));
      else numerator.push_back(factor);
    }
    const Expr c = mul(constant);
    if (rule_ == Rule::ProductOfDerivatives && varying.size() >= 2) {
      std::vector<Expr> ds{c};
      for (const Expr& f : varying) ds.push_back((*this)(f));
      return mul(ds);
    }
    if (rule_ == Rule::QuotientSign || rule_ == Rule::QuotientDenominator) {
      const Expr f = mul(numerator), g = mul(denominator);
      if (!denominator.empty() && depends(f) && depends(g)) {
        // The coefficient stays in f: the learner reads c·u/v as f/g with f = c·u.
        const Expr df = (*this)(f), dg = (*this)(g);
        if (rule_ == Rule::QuotientSign) return div(add(mul(df, g), mul(f, dg)), pow(g, integer(2)));
        return div(sub(mul(df, g), mul(f, dg)), g);
      }
    }
    std::vector<Expr> terms;  // the product rule, right
    for (std::size_t i = 0; i < varying.size(); ++i) {
      std::vector<Expr> p{c, (*this)(varying[i])};
      for (std::size_t j = 0; j < varying.size(); ++j)
        if (j != i) p.push_back(varying[j]);
      terms.push_back(mul(p));
    }
    return add(terms);
  }

  Expr power(const Expr& b, const Expr& g) {
    const Expr one = integer(1);
    const Expr ln_b = apply(*find_function("ln"), b);
    if (!depends(g)) {  // b^n: the power rule
      const Expr n = rule_ == Rule::ReciprocalSign && is_negative_number(g) ? neg(g) : g;
      const Expr outer = mul(n, pow(b, sub(g, one)));
      return rule_ == Rule::MissingInnerDerivative ? outer : mul(outer, (*this)(b));
    }
    if (!depends(b)) {  // a^g: the exponential rule
      if (rule_ == Rule::PowerRuleOnExp) return mul(mul(g, pow(b, sub(g, one))), (*this)(g));
      const Expr outer = mul(pow(b, g), ln_b);
      return rule_ == Rule::MissingInnerDerivative ? outer : mul(outer, (*this)(g));
    }
    // b^g with both depending on the variable: b^g (g' ln b + g b'/b).
    const Expr db = (*this)(b), dg = (*this)(g);
    if (rule_ == Rule::PowerRuleVariableExponent) return mul(mul(g, pow(b, sub(g, one))), db);
    if (rule_ == Rule::ExponentialRuleVariableBase) return mul(mul(pow(b, g), ln_b), dg);
    return mul(pow(b, g), add(mul(dg, ln_b), div(mul(g, db), b)));
  }

  // d f(u_1, ..., u_k) = Σ_i f_i(u) u_i'. Each dependent slot is one path.
  Expr abstract_chain(const FunctionNode& f) {
    std::vector<Expr> args(f.args().begin(), f.args().end());
    std::vector<std::string> params(f.params().begin(), f.params().end());
    std::vector<Expr> paths;
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (!depends(args[i])) continue;
      std::vector<std::uint8_t> orders(f.orders().begin(), f.orders().end());
      ++orders[i];
      Expr outer = function(f.name(), params, args, orders);
      paths.push_back(rule_ == Rule::MissingInnerDerivative ? outer : mul(outer, (*this)(args[i])));
    }
    if (rule_ == Rule::ProductOfChainPaths && paths.size() >= 2) return mul(paths);
    return add(paths);
  }

  Rule rule_;
  Expr var_;
  HashMap<const Node*, Expr> memo_;
  HashMap<const Node*, bool> depends_;
};

// Two derivatives differ when they disagree at one of a few fixed points
// where both are defined. Fixed points keep the result deterministic; values
// over both signs and several magnitudes (and no integers, so no accidental
// roots of the polynomials in the book) cover the domains the section uses.
// Expressions that cannot be evaluated (abstract functions) are compared by
// their canonical structure, which the chain-rule bugs always change.
constexpr double kProbe[] = {0.73, 1.37, -0.61, 2.29, -1.83, 0.417, 3.11, -2.47};

std::optional<bool> numerically_different(const Expr& a, const Expr& b, const std::vector<std::string>& names) {
  bool decided = false;
  for (std::size_t k = 0; k < std::size(kProbe); ++k) {
    Bindings at;
    for (std::size_t i = 0; i < names.size(); ++i) at[names[i]] = kProbe[(k + 3 * i) % std::size(kProbe)];
    const std::vector<double> va = evaluate_vector(a, at), vb = evaluate_vector(b, at);
    if (va.size() != vb.size()) return true;
    bool defined = true;
    for (std::size_t i = 0; i < va.size(); ++i) defined = defined && std::isfinite(va[i]) && std::isfinite(vb[i]);
    if (!defined) continue;
    decided = true;
    for (std::size_t i = 0; i < va.size(); ++i)
      if (std::abs(va[i] - vb[i]) > 1e-9 * std::max({1.0, std::abs(va[i]), std::abs(vb[i])})) return true;
  }
  if (decided) return false;
  return std::nullopt;
}

bool differs(const Expr& a, const Expr& b, const std::vector<std::string>& names) {
  if (a == b) return false;
  return numerically_different(a, b, names).value_or(true);
}

// Keeps `candidate` only if it is wrong and not a duplicate of an earlier one.
bool is_new(const std::vector<BuggyAnswer>& out, const Expr& right, const Expr& candidate,
            const std::vector<std::string>& names) {
  if (!differs(candidate, right, names)) return false;
  for (const auto& earlier : out)
    if (!differs(candidate, earlier.answer, names)) return false;
  return true;
}

}  // namespace

std::vector<BuggyAnswer> buggy_derivatives(const Expr& f, const Expr& var) {
  std::vector<BuggyAnswer> out;
  ShapeCheck right_exists;
  const Expr right = diff(f, var);
  if (right_exists.failed()) return out;  // nothing to be wrong about when the right derivative does not exist
  const std::vector<std::string> names = free_symbols(f);
  for (Rule rule : kRules) {
    // A rule that builds an ill-shaped expression here (e.g. a vector times
    // a vector) is skipped.
    ShapeCheck check;
    const Expr wrong = BuggyDifferentiator(rule, var)(f);
    if (is_new(out, right, wrong, names) && !check.failed())
      out.push_back({wrong, feedback_for(rule)});
  }
  return out;
}

std::vector<BuggyAnswer> buggy_vector_gradients(const Expr& f, const Expr& x) {
  // f must depend on x only through ‖x‖: f = F(‖x‖), ∇f = F'(‖x‖) x/‖x‖.
  // The misconception swaps x/‖x‖ for the gradient of the squared norm (2x),
  // of half of it (x), or divides by the squared norm (x/‖x‖²).
  std::vector<BuggyAnswer> out;
  if (!x.is(Kind::Symbol) || x->shape() != Shape::Vector) return out;
  const std::string name = static_cast<const SymbolNode&>(*x).name();
  const Expr r = norm(x);
  // A scalar standing for ‖x‖, named so that no typed symbol can clash with it.
  const Expr t = symbol("‖" + name + "‖");
  // F may involve other shaped symbols the scalar rules do not cover: then
  // there is nothing to offer.
  ShapeCheck check;
  const Expr F = substitute(f, Substitution{{r, t}});
  for (const auto& s : free_symbols(F))
    if (s == name) return out;
  const Expr dF = diff(F, t);
  if (!differs(dF, integer(0), free_symbols(dF))) return out;  // f is constant in x: nothing to confuse
  const Expr outer = substitute(dF, Substitution{{t, r}});
  for (const Expr& wrong : {mul(integer(2), x), x, div(x, pow(r, integer(2)))})
    out.push_back({mul(outer, wrong), fb::gradient_of_squared_norm()});
  if (check.failed()) out.clear();
  return out;
}

}  // namespace calc::grade
