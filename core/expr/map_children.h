#pragma once
// map_children(e, f): e rebuilt through the canonical constructors from f
// applied to each direct child, in for_each_child's order. It is the one
// "transform the children, rebuild the node" step that simplify, substitute,
// lowering and the derivative of a vector or an equation share.
//
// When f returns every child unchanged (the same node), the result is e
// itself, pointer-identical: no allocation, and callers' memo tables and the
// DAG keep sharing the node.
//
// The variable of a Derivative is not mapped: it names what is
// differentiated, it is not a value (substituting x := 2 in d/dx(x^2) must
// not give d/d2). Everything else for_each_child visits is.
//
// Dispatch goes through visit(), which the kind list in kinds.h drives: a
// kind added there without a map_node overload below does not compile.
#include <utility>
#include <vector>

#include "expr/expr.h"

namespace calc {
namespace map_children_detail {

// f over children child(0) .. child(n - 1), in order; true when some result
// is a different node, and then out holds every result. Nothing is
// allocated while the results are the children themselves (the common case
// in simplify()): the ones before the first change are copied only then.
template <class F, class Child>
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

template <class F>
bool map_all(std::span<const Expr> xs, F& f, std::vector<Expr>& out) {
  return map_all(xs.size(), [&](std::size_t i) -> const Expr& { return xs[i]; }, f, out);
}

// The rebuilds proper, given the mapped children (out of line, in map_children.cpp).
Expr rebuild_add(const AddNode& a, std::span<const Expr> terms);
Expr rebuild_mul(const MulNode& m, std::span<const Expr> bases_and_exponents);
Expr rebuild_function(const FunctionNode& f, std::vector<Expr> args);
Expr rebuild_matmul(std::span<const Expr> factors);

template <class F>
Expr map_node(const Expr& e, const NumberNode&, F&) {
  return e;
}
template <class F>
Expr map_node(const Expr& e, const SymbolNode&, F&) {
  return e;
}
template <class F>
Expr map_node(const Expr& e, const ConstantNode&, F&) {
  return e;
}

template <class F>
Expr map_node(const Expr& e, const AddNode& a, F& f) {
  const auto terms = a.terms();
  std::vector<Expr> mapped;
  auto term = [&](std::size_t i) -> const Expr& { return terms[i].first; };
  return map_all(terms.size(), term, f, mapped) ? rebuild_add(a, mapped) : e;
}

template <class F>
Expr map_node(const Expr& e, const MulNode& m, F& f) {
  const auto factors = m.factors();
  std::vector<Expr> mapped;  // base_0, exponent_0, base_1, ...
  auto part = [&](std::size_t i) -> const Expr& { return i % 2 ? factors[i / 2].second : factors[i / 2].first; };
  return map_all(2 * factors.size(), part, f, mapped) ? rebuild_mul(m, mapped) : e;
}

template <class F>
Expr map_node(const Expr& e, const PowNode& p, F& f) {
  Expr base = f(p.base());
  Expr exponent = f(p.exponent());
  if (base.get() == p.base().get() && exponent.get() == p.exponent().get()) return e;
  return pow(base, exponent);
}

template <class F>
Expr map_node(const Expr& e, const ApplyNode& a, F& f) {
  Expr arg = f(a.arg());
  return arg.get() == a.arg().get() ? e : apply(a.fn(), arg);
}

template <class F>
Expr map_node(const Expr& e, const FunctionNode& fn, F& f) {
  std::vector<Expr> args;
  return map_all(fn.args(), f, args) ? rebuild_function(fn, std::move(args)) : e;
}

template <class F>
Expr map_node(const Expr& e, const DerivativeNode& d, F& f) {
  Expr inner = f(d.expr());
  return inner.get() == d.expr().get() ? e : derivative_of(inner, d.var());
}

template <class F>
Expr map_node(const Expr& e, const VectorNode& v, F& f) {
  std::vector<Expr> elements;
  return map_all(v.elements(), f, elements) ? vector(std::move(elements)) : e;
}

template <class F>
Expr map_node(const Expr& e, const NormNode& n, F& f) {
  Expr arg = f(n.arg());
  return arg.get() == n.arg().get() ? e : norm(arg);
}

template <class F>
Expr map_node(const Expr& e, const TransposeNode& t, F& f) {
  Expr arg = f(t.arg());
  return arg.get() == t.arg().get() ? e : transpose(arg);
}

template <class F>
Expr map_node(const Expr& e, const MatMulNode& m, F& f) {
  std::vector<Expr> factors;
  return map_all(m.factors(), f, factors) ? rebuild_matmul(factors) : e;
}

template <class F>
Expr map_node(const Expr& e, const EquationNode& q, F& f) {
  Expr lhs = f(q.lhs());
  Expr rhs = f(q.rhs());
  if (lhs.get() == q.lhs().get() && rhs.get() == q.rhs().get()) return e;
  return equation(lhs, rhs);
}

}  // namespace map_children_detail

// f is called as f(const Expr&) -> Expr, once per child.
template <class F>
Expr map_children(const Expr& e, F&& f) {
  return visit(e, [&](const auto& node) { return map_children_detail::map_node(e, node, f); });
}

}  // namespace calc
