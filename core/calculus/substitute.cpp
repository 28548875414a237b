#include "calculus/substitute.h"

#include <algorithm>
#include <set>

#include "calculus/memo.h"

namespace calc {
namespace {

class Substituter {
 public:
  explicit Substituter(const Substitution& s) : s_(s) {}

  Expr operator()(const Expr& e) {
    if (auto it = s_.find(e); it != s_.end()) return it->second;
    if (const Expr* known = memo_.find(e)) return *known;
    return memo_.insert(e, rebuild(e));
  }

 private:
  std::vector<Expr> map(std::span<const Expr> xs) {
    std::vector<Expr> out;
    for (const Expr& x : xs) out.push_back((*this)(x));
    return out;
  }

  Expr rebuild(const Expr& e) {
    switch (e.kind()) {
      case Kind::Add: {
        const auto& a = static_cast<const AddNode&>(*e);
        std::vector<Expr> terms{number(a.constant())};
        for (const auto& [t, c] : a.terms()) terms.push_back(mul(number(c), (*this)(t)));
        return add(terms);
      }
      case Kind::Mul: {
        const auto& m = static_cast<const MulNode&>(*e);
        std::vector<Expr> factors{number(m.coefficient())};
        for (const auto& [b, x] : m.factors()) factors.push_back(pow((*this)(b), (*this)(x)));
        return mul(factors);
      }
      case Kind::Pow: {
        const auto& p = static_cast<const PowNode&>(*e);
        return pow((*this)(p.base()), (*this)(p.exponent()));
      }
      case Kind::Apply: {
        const auto& a = static_cast<const ApplyNode&>(*e);
        return apply(a.fn(), (*this)(a.arg()));
      }
      case Kind::Function: {
        const auto& f = static_cast<const FunctionNode&>(*e);
        return function(f.name(), {f.params().begin(), f.params().end()}, map(f.args()),
                        {f.orders().begin(), f.orders().end()});
      }
      case Kind::Derivative: {
        const auto& d = static_cast<const DerivativeNode&>(*e);
        return derivative_of((*this)(d.expr()), d.var());
      }
      case Kind::Vector:
        return vector(map(static_cast<const VectorNode&>(*e).elements()));
      case Kind::Norm:
        return norm((*this)(static_cast<const NormNode&>(*e).arg()));
      case Kind::Transpose:
        return transpose((*this)(static_cast<const TransposeNode&>(*e).arg()));
      case Kind::MatMul: {
        std::vector<Expr> fs = map(static_cast<const MatMulNode&>(*e).factors());
        Expr r = fs[0];
        for (std::size_t i = 1; i < fs.size(); ++i) r = mul(r, fs[i]);
        return r;
      }
      case Kind::Equation: {
        const auto& q = static_cast<const EquationNode&>(*e);
        return equation((*this)(q.lhs()), (*this)(q.rhs()));
      }
      default:  // Number, Symbol, Constant: leaves
        return e;
    }
  }

  const Substitution& s_;
  NodeMemo<Expr> memo_;
};

void collect_symbols(const Expr& e, std::set<std::string>& names, std::set<const Node*>& seen) {
  if (!seen.insert(e.get()).second) return;
  if (e.is(Kind::Symbol)) names.insert(static_cast<const SymbolNode&>(*e).name());
  for_each_child(e, [&](const Expr& c) { collect_symbols(c, names, seen); });
}

}  // namespace

Expr substitute(const Expr& e, const Substitution& s) { return Substituter(s)(e); }

std::vector<std::string> free_symbols(const Expr& e) {
  std::set<std::string> names;
  std::set<const Node*> seen;
  collect_symbols(e, names, seen);
  return {names.begin(), names.end()};
}

}  // namespace calc
