#include "calculus/derivative.h"

#include <vector>

#include "calculus/memo.h"
#include "calculus/substitute.h"
#include "expr/functions.h"
#include "expr/internal.h"
#include "expr/map_children.h"
#include "expr/shape_check.h"
#include "util/hash_index.h"

namespace calc {
namespace {

class Differentiator {
 public:
  explicit Differentiator(const Expr& var) : var_(var) {}

  Expr operator()(const Expr& e) {
    // Leaves are answered without the memo: their derivative is a shared 0 or 1.
    if (e.is(Kind::Number) || e.is(Kind::Constant) || e.is(Kind::Symbol)) return compute(e);
    if (const Expr* known = memo_.find(e)) return *known;
    return memo_.insert(e, compute(e));
  }

 private:
  Expr compute(const Expr& e) {
    switch (e.kind()) {
      case Kind::Number:
      case Kind::Constant:
        return integer(0);
      case Kind::Symbol:
        return integer(e == var_ ? 1 : 0);
      case Kind::Add: {
        const auto terms = static_cast<const AddNode&>(*e).terms();
        std::vector<std::pair<Expr, Number>> derivatives;
        derivatives.reserve(terms.size());
        for (const auto& [term, coef] : terms) {
          if (monomial(term, coef)) {
            const auto& p = static_cast<const PowNode&>(*term);
            const Number& n = *as_number(p.exponent());
            // Named, so that this emplace shares the const-reference instance
            // that sums use rather than instantiating one for temporaries.
            const Expr power = pow(p.base(), number(n - Number::integer(1)));
            const Number scaled = coef * n;
            derivatives.emplace_back(power, scaled);
          } else {
            derivatives.emplace_back((*this)(term), coef);
          }
        }
        return linear_combination(Number(), derivatives);
      }
      case Kind::Mul: {  // product rule over the factor list
        const auto& m = static_cast<const MulNode&>(*e);
        std::vector<Expr> factors;  // as they are, not rebuilt through pow()
        factors.reserve(m.factors().size());
        for (const auto& [base, exponent] : m.factors()) factors.push_back(detail::factor_expr(base, exponent));
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < factors.size(); ++i) {
          Expr di = (*this)(factors[i]);
          if (is_zero(di)) continue;
          std::vector<Expr> product{number(m.coefficient()), di};
          for (std::size_t j = 0; j < factors.size(); ++j)
            if (j != i) product.push_back(factors[j]);
          terms.push_back(mul(product));
        }
        return add(terms);
      }
      case Kind::Pow: {
        const auto& p = static_cast<const PowNode&>(*e);
        return power_rule(e, p.base(), p.exponent());
      }
      case Kind::Apply: {  // generic chain rule: f'(u) du
        const auto& a = static_cast<const ApplyNode&>(*e);
        Expr du = (*this)(a.arg());
        return is_zero(du) ? du : mul(a.fn().derivative(a.arg()), du);
      }
      case Kind::Function: {  // Σ_i f_{+e_i}(args) * d arg_i
        const auto& f = static_cast<const FunctionNode&>(*e);
        std::vector<Expr> args(f.args().begin(), f.args().end());
        std::vector<std::string> params(f.params().begin(), f.params().end());
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < args.size(); ++i) {
          Expr da = (*this)(args[i]);
          if (is_zero(da)) continue;
          std::vector<std::uint8_t> orders(f.orders().begin(), f.orders().end());
          ++orders[i];
          terms.push_back(mul(function(f.name(), params, args, orders), da));
        }
        return add(terms);
      }
      case Kind::Derivative: {
        const auto& d = static_cast<const DerivativeNode&>(*e);
        return (*this)(diff(d.expr(), d.var()));
      }
      case Kind::Vector:  // componentwise, and each side of an equation
      case Kind::Equation:
        return map_children(e, *this);
      case Kind::Norm: {  // d‖v‖ = (vᵀ dv)/‖v‖ for an explicit vector
        const Expr& v = static_cast<const NormNode&>(*e).arg();
        if (!v.is(Kind::Vector)) break;
        Expr dv = (*this)(v);
        if (!dv.is(Kind::Vector)) return dv;  // NaN: a shape error inside v
        std::vector<Expr> terms;
        auto xs = static_cast<const VectorNode&>(*v).elements();
        auto ds = static_cast<const VectorNode&>(*dv).elements();
        for (std::size_t i = 0; i < xs.size(); ++i) terms.push_back(mul(xs[i], ds[i]));
        return div(add(terms), e);
      }
      default:
        break;
    }
    return shape_error("cannot differentiate a vector or matrix variable componentwise; expand it first");
  }

  // Whether coef * term is c x^n with exact c and n, x the variable: its
  // derivative, (c n) x^(n-1), is then taken as that coefficient and power
  // directly. The rules would build n x^(n-1) as a product only for the sum
  // to split it into the same coefficient and power again (linear_combination
  // multiplies c into n exactly so). The polynomials of the section are
  // sums of such terms.
  bool monomial(const Expr& term, const Number& coef) const {
    if (!term.is(Kind::Pow) || !coef.is_exact()) return false;
    const auto& p = static_cast<const PowNode&>(*term);
    const Number* n = as_number(p.exponent());
    return n && n->is_exact() && p.base().is(Kind::Symbol) && p.base() == var_;
  }

  // d(f^g) for fg = f^g, the node itself.
  Expr power_rule(const Expr& fg, const Expr& f, const Expr& g) {
    Expr df = (*this)(f), dg = (*this)(g);
    if (is_zero(dg)) {  // g f^(g-1) f'
      // A numeric exponent (the usual case) is lowered directly, not through a sum.
      const Number* n = as_number(g);
      Expr lowered = n ? number(*n - Number::integer(1)) : sub(g, integer(1));
      Expr r = mul(g, pow(f, lowered));
      return is_one(df) ? r : mul(r, df);
    }
    Expr lnf = apply(*find_function("ln"), f);
    if (is_zero(df)) return mul(mul(fg, lnf), dg);  // f^g ln f g'
    return mul(fg, add(mul(dg, lnf), quotient(mul(g, df), f)));  // f^g (g' ln f + g f'/f)
  }

  // a/b; 1 without building b^(-1) and cancelling it when a is b and b is
  // a variable or a function call (x^x, sin(x)^sin(x)), for which div()
  // gives exactly 1 too (no coefficient that could round).
  static Expr quotient(const Expr& a, const Expr& b) {
    if ((b.is(Kind::Symbol) || b.is(Kind::Apply)) && a == b) return integer(1);
    return div(a, b);
  }

  Expr var_;
  NodeMemo<Expr> memo_;
};

}  // namespace

Expr diff(const Expr& e, const Expr& var) { return Differentiator(var)(e); }

Expr resolve_derivatives(const Expr& e) {
  Substitution resolved;
  HashSet<const Node*> seen;
  std::vector<Expr> stack{e};
  while (!stack.empty()) {
    Expr x = stack.back();
    stack.pop_back();
    if (!seen.insert(x.get()).second) continue;
    if (x.is(Kind::Derivative)) {  // diff() resolves nested derivatives itself
      const auto& d = static_cast<const DerivativeNode&>(*x);
      resolved.emplace(x, diff(d.expr(), d.var()));
      continue;
    }
    for_each_child(x, [&](const Expr& c) { stack.push_back(c); });
  }
  return resolved.empty() ? e : substitute(e, resolved);
}

}  // namespace calc
