#include "expr/expr.h"

namespace calc {

void for_each_child(const Expr& e, FunctionRef<void(const Expr&)> f) {
  switch (e.kind()) {
    case Kind::Number:
    case Kind::Symbol:
    case Kind::Constant:
      return;
    case Kind::Add:
      for (const auto& [t, c] : static_cast<const AddNode&>(*e).terms()) f(t);
      return;
    case Kind::Mul:
      for (const auto& [b, x] : static_cast<const MulNode&>(*e).factors()) {
        f(b);
        f(x);
      }
      return;
    case Kind::Pow: {
      const auto& p = static_cast<const PowNode&>(*e);
      f(p.base());
      f(p.exponent());
      return;
    }
    case Kind::Apply:
      f(static_cast<const ApplyNode&>(*e).arg());
      return;
    case Kind::Function:
      for (const auto& a : static_cast<const FunctionNode&>(*e).args()) f(a);
      return;
    case Kind::Derivative: {
      const auto& d = static_cast<const DerivativeNode&>(*e);
      f(d.expr());
      f(d.var());
      return;
    }
    case Kind::Vector:
      for (const auto& a : static_cast<const VectorNode&>(*e).elements()) f(a);
      return;
    case Kind::Norm:
      f(static_cast<const NormNode&>(*e).arg());
      return;
    case Kind::Transpose:
      f(static_cast<const TransposeNode&>(*e).arg());
      return;
    case Kind::MatMul:
      for (const auto& a : static_cast<const MatMulNode&>(*e).factors()) f(a);
      return;
    case Kind::Equation: {
      const auto& q = static_cast<const EquationNode&>(*e);
      f(q.lhs());
      f(q.rhs());
      return;
    }
  }
}

}  // namespace calc
