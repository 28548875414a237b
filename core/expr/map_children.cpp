// map_children (map_children.h). The rebuilds go through the canonical
// constructors, so a rebuilt sum or product is canonical again (x + y with
// y := x is 2x, x*y with y := x is x^2).
#include "expr/map_children.h"

#include <utility>
#include <vector>

namespace calc {
namespace {

using F = FunctionRef<Expr(const Expr&)>;

Expr rebuild_add(const AddNode& a, std::span<const Expr> terms) {
  std::vector<std::pair<Expr, Number>> scaled;
  scaled.reserve(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) scaled.emplace_back(terms[i], a.terms()[i].second);
  return linear_combination(a.constant(), scaled);
}

Expr rebuild_mul(const MulNode& m, std::span<const Expr> bases_and_exponents) {
  std::vector<Expr> parts;
  parts.reserve(bases_and_exponents.size() / 2 + 1);
  parts.push_back(number(m.coefficient()));
  // pow(v, 1) is v, of any shape, so a vector factor stays a factor.
  for (std::size_t i = 0; i + 1 < bases_and_exponents.size(); i += 2)
    parts.push_back(pow(bases_and_exponents[i], bases_and_exponents[i + 1]));
  return mul(parts);
}

Expr rebuild_function(const FunctionNode& f, std::vector<Expr> args) {
  return function(f.name(), {f.params().begin(), f.params().end()}, std::move(args),
                  {f.orders().begin(), f.orders().end()});
}

// A matrix product is ordered: folded left to right, as it was built.
Expr rebuild_matmul(std::span<const Expr> factors) {
  Expr r = factors[0];
  for (std::size_t i = 1; i < factors.size(); ++i) r = mul(r, factors[i]);
  return r;
}

// f over children child(0) .. child(n - 1), in order; true when some result
// is a different node, and then out holds every result. Nothing is
// allocated while the results are the children themselves (the common case
// in simplify()): the ones before the first change are copied only then.
template <class Child>
bool map_all(std::size_t n, Child child, F& f, std::vector<Expr>& out) {
  bool changed = false;
  for (std::size_t i = 0; i < n; ++i) {
    const Expr& c = child(i);
    Expr r = f(c);
    if (!changed) {
      if (r.get() == c.get()) continue;
      changed = true;
      out.reserve(n);
      for (std::size_t j = 0; j < i; ++j) out.push_back(child(j));
    }
    out.push_back(std::move(r));
  }
  return changed;
}

bool map_all(std::span<const Expr> xs, F& f, std::vector<Expr>& out) {
  return map_all(xs.size(), [&](std::size_t i) -> const Expr& { return xs[i]; }, f, out);
}

// One overload per node kind, for visit().
Expr map_node(const Expr& e, const NumberNode&, F&) {
  return e;
}
Expr map_node(const Expr& e, const SymbolNode&, F&) {
  return e;
}
Expr map_node(const Expr& e, const ConstantNode&, F&) {
  return e;
}

Expr map_node(const Expr& e, const AddNode& a, F& f) {
  const auto terms = a.terms();
  std::vector<Expr> mapped;
  auto term = [&](std::size_t i) -> const Expr& { return terms[i].first; };
  return map_all(terms.size(), term, f, mapped) ? rebuild_add(a, mapped) : e;
}

Expr map_node(const Expr& e, const MulNode& m, F& f) {
  const auto factors = m.factors();
  std::vector<Expr> mapped;  // base_0, exponent_0, base_1, ...
  auto part = [&](std::size_t i) -> const Expr& { return i % 2 ? factors[i / 2].second : factors[i / 2].first; };
  return map_all(2 * factors.size(), part, f, mapped) ? rebuild_mul(m, mapped) : e;
}

Expr map_node(const Expr& e, const PowNode& p, F& f) {
  Expr base = f(p.base());
  Expr exponent = f(p.exponent());
  if (base.get() == p.base().get() && exponent.get() == p.exponent().get()) return e;
  return pow(base, exponent);
}

Expr map_node(const Expr& e, const ApplyNode& a, F& f) {
  Expr arg = f(a.arg());
  return arg.get() == a.arg().get() ? e : apply(a.fn(), arg);
}

Expr map_node(const Expr& e, const FunctionNode& fn, F& f) {
  std::vector<Expr> args;
  return map_all(fn.args(), f, args) ? rebuild_function(fn, std::move(args)) : e;
}

Expr map_node(const Expr& e, const DerivativeNode& d, F& f) {
  Expr inner = f(d.expr());
  return inner.get() == d.expr().get() ? e : derivative_of(inner, d.var());
}

Expr map_node(const Expr& e, const VectorNode& v, F& f) {
  std::vector<Expr> elements;
  return map_all(v.elements(), f, elements) ? vector(std::move(elements)) : e;
}

Expr map_node(const Expr& e, const NormNode& n, F& f) {
  Expr arg = f(n.arg());
  return arg.get() == n.arg().get() ? e : norm(arg);
}

Expr map_node(const Expr& e, const TransposeNode& t, F& f) {
  Expr arg = f(t.arg());
  return arg.get() == t.arg().get() ? e : transpose(arg);
}

Expr map_node(const Expr& e, const MatMulNode& m, F& f) {
  std::vector<Expr> factors;
  return map_all(m.factors(), f, factors) ? rebuild_matmul(factors) : e;
}

Expr map_node(const Expr& e, const EquationNode& q, F& f) {
  Expr lhs = f(q.lhs());
  Expr rhs = f(q.rhs());
  if (lhs.get() == q.lhs().get() && rhs.get() == q.rhs().get()) return e;
  return equation(lhs, rhs);
}

}  // namespace

Expr map_children(const Expr& e, F f) {
  return visit(e, [&](const auto& node) { return map_node(e, node, f); });
}

}  // namespace calc
