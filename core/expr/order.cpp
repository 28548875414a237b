// The canonical total order: by kind first, then by contents. Sorting terms
// and factors with it is what makes x*y and y*x the same node.
#include "expr/expr.h"
#include "expr/functions.h"
#include "expr/internal.h"

namespace calc::detail {

namespace {

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int compare_numbers(const Number& a, const Number& b) { return three_way(a, b); }

int compare_lists(std::span<const Expr> a, std::span<const Expr> b) {
  if (int c = three_way(a.size(), b.size())) return c;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (int c = compare(a[i], b[i])) return c;
  return 0;
}

int compare_same_kind(const Expr& a, const Expr& b) {
  switch (a.kind()) {
    case Kind::Number:
      return compare_numbers(*as_number(a), *as_number(b));
    case Kind::Symbol: {
      const auto& x = static_cast<const SymbolNode&>(*a);
      const auto& y = static_cast<const SymbolNode&>(*b);
      if (int c = x.base().compare(y.base())) return c < 0 ? -1 : 1;
      if (int c = three_way(x.index(), y.index())) return c;
      return three_way(x.shape(), y.shape());
    }
    case Kind::Constant:
      return three_way(static_cast<const ConstantNode&>(*a).id(), static_cast<const ConstantNode&>(*b).id());
    case Kind::Add: {
      const auto& x = static_cast<const AddNode&>(*a);
      const auto& y = static_cast<const AddNode&>(*b);
      if (int c = three_way(x.terms().size(), y.terms().size())) return c;
      for (std::size_t i = 0; i < x.terms().size(); ++i) {
        if (int c = compare(x.terms()[i].first, y.terms()[i].first)) return c;
        if (int c = compare_numbers(x.terms()[i].second, y.terms()[i].second)) return c;
      }
      return compare_numbers(x.constant(), y.constant());
    }
    case Kind::Mul: {
      const auto& x = static_cast<const MulNode&>(*a);
      const auto& y = static_cast<const MulNode&>(*b);
      if (int c = three_way(x.factors().size(), y.factors().size())) return c;
      for (std::size_t i = 0; i < x.factors().size(); ++i) {
        if (int c = compare(x.factors()[i].first, y.factors()[i].first)) return c;
        if (int c = compare(x.factors()[i].second, y.factors()[i].second)) return c;
      }
      return compare_numbers(x.coefficient(), y.coefficient());
    }
    case Kind::Pow: {
      const auto& x = static_cast<const PowNode&>(*a);
      const auto& y = static_cast<const PowNode&>(*b);
      if (int c = compare(x.base(), y.base())) return c;
      return compare(x.exponent(), y.exponent());
    }
    case Kind::Apply: {
      const auto& x = static_cast<const ApplyNode&>(*a);
      const auto& y = static_cast<const ApplyNode&>(*b);
      if (&x.fn() != &y.fn()) {
        if (int c = x.fn().name.compare(y.fn().name)) return c < 0 ? -1 : 1;
      }
      return compare(x.arg(), y.arg());
    }
    case Kind::Function: {
      const auto& x = static_cast<const FunctionNode&>(*a);
      const auto& y = static_cast<const FunctionNode&>(*b);
      if (int c = x.name().compare(y.name())) return c < 0 ? -1 : 1;
      if (int c = compare_lists(x.args(), y.args())) return c;
      auto xo = x.orders(), yo = y.orders();
      for (std::size_t i = 0; i < xo.size() && i < yo.size(); ++i)
        if (int c = three_way(xo[i], yo[i])) return c;
      auto xp = x.params(), yp = y.params();
      if (int c = three_way(xp.size(), yp.size())) return c;
      for (std::size_t i = 0; i < xp.size(); ++i)
        if (int c = xp[i].compare(yp[i])) return c < 0 ? -1 : 1;
      return 0;
    }
    case Kind::Derivative: {
      const auto& x = static_cast<const DerivativeNode&>(*a);
      const auto& y = static_cast<const DerivativeNode&>(*b);
      if (int c = compare(x.var(), y.var())) return c;
      return compare(x.expr(), y.expr());
    }
    case Kind::Vector:
      return compare_lists(static_cast<const VectorNode&>(*a).elements(),
                           static_cast<const VectorNode&>(*b).elements());
    case Kind::Norm:
      return compare(static_cast<const NormNode&>(*a).arg(), static_cast<const NormNode&>(*b).arg());
    case Kind::Transpose:
      return compare(static_cast<const TransposeNode&>(*a).arg(), static_cast<const TransposeNode&>(*b).arg());
    case Kind::MatMul:
      return compare_lists(static_cast<const MatMulNode&>(*a).factors(),
                           static_cast<const MatMulNode&>(*b).factors());
    case Kind::Equation: {
      const auto& x = static_cast<const EquationNode&>(*a);
      const auto& y = static_cast<const EquationNode&>(*b);
      if (int c = compare(x.lhs(), y.lhs())) return c;
      return compare(x.rhs(), y.rhs());
    }
  }
  return 0;
}

}  // namespace

int compare(const Expr& a, const Expr& b) {
  if (a.get() == b.get()) return 0;
  if (int c = three_way(a.kind(), b.kind())) return c;
  return compare_same_kind(a, b);
}

}  // namespace calc::detail
