// gradient_wrt_vector(): the gradient of a scalar expression in a vector
// symbol x of unspecified dimension, by the rules of matrix calculus, so the
// result stays in vector notation (x/‖x‖₂, (A + Aᵀ)x) instead of components.
//
// Two mutually recursive rules do the work (after the matrix cookbook):
//   grad(e)          ∇e for a scalar e;
//   jt(u, w)         J_uᵀ w for a column-vector-valued u and a column w,
// with ∇‖u‖ = J_uᵀu / ‖u‖, and for a scalar product L·F·R the factor F that
// depends on x contributes jt(F, Lᵀ) (F last) or jt(Fᵀ, R) (F first).
#include <vector>

#include "calculus/derivative.h"
#include "calculus/memo.h"
#include "calculus/vector_calculus.h"
#include "expr/functions.h"
#include "expr/shape_check.h"

namespace calc {
namespace {

Expr product_of(std::span<const Expr> factors) {
  Expr r = integer(1);
  for (const Expr& f : factors) r = mul(r, f);
  return r;
}

class VectorGradient {
 public:
  explicit VectorGradient(const Expr& x) : x_(x) {}

  Expr grad(const Expr& e) {
    if (!depends(e)) return integer(0);
    if (const Expr* known = grad_memo_.find(e)) return *known;
    return grad_memo_.insert(e, compute_grad(e));
  }

 private:
  bool depends(const Expr& e) {
    if (e == x_) return true;
    if (const bool* known = depends_memo_.find(e)) return *known;
    bool d = false;
    for_each_child(e, [&](const Expr& c) { d = d || depends(c); });
    return depends_memo_.insert(e, d);
  }

  Expr compute_grad(const Expr& e) {
    if (e->shape() != Shape::Scalar) return shape_error("the gradient is defined for scalar functions");
    switch (e.kind()) {
      case Kind::Add: {
        std::vector<Expr> terms;
        for (const auto& [t, c] : static_cast<const AddNode&>(*e).terms()) terms.push_back(mul(number(c), grad(t)));
        return add(terms);
      }
      case Kind::Mul: {  // product rule over the (scalar) factors
        const auto& m = static_cast<const MulNode&>(*e);
        std::vector<Expr> factors;
        for (const auto& [b, p] : m.factors()) factors.push_back(pow(b, p));
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < factors.size(); ++i) {
          if (!depends(factors[i])) continue;
          std::vector<Expr> others{number(m.coefficient())};
          for (std::size_t j = 0; j < factors.size(); ++j)
            if (j != i) others.push_back(factors[j]);
          terms.push_back(mul(mul(others), grad(factors[i])));
        }
        return add(terms);
      }
      case Kind::Pow: {
        const auto& p = static_cast<const PowNode&>(*e);
        const Expr &b = p.base(), &k = p.exponent();
        if (!depends(k)) return mul(mul(k, pow(b, sub(k, integer(1)))), grad(b));
        // ∇(b^k) = b^k (ln b ∇k + k/b ∇b)
        Expr lnb = apply(*find_function("ln"), b);
        return mul(e, add(mul(lnb, grad(k)), mul(div(k, b), grad(b))));
      }
      case Kind::Apply: {
        const auto& a = static_cast<const ApplyNode&>(*e);
        return mul(a.fn().derivative(a.arg()), grad(a.arg()));
      }
      case Kind::Function: {
        const auto& f = static_cast<const FunctionNode&>(*e);
        std::vector<Expr> args(f.args().begin(), f.args().end());
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < args.size(); ++i) {
          if (!depends(args[i])) continue;
          std::vector<std::uint8_t> orders(f.orders().begin(), f.orders().end());
          ++orders[i];
          terms.push_back(
              mul(function(f.name(), {f.params().begin(), f.params().end()}, args, orders), grad(args[i])));
        }
        return add(terms);
      }
      case Kind::Derivative: {
        const auto& d = static_cast<const DerivativeNode&>(*e);
        return grad(diff(d.expr(), d.var()));
      }
      case Kind::Norm: {  // ∇‖u‖ = J_uᵀ u / ‖u‖
        Expr u = static_cast<const NormNode&>(*e).arg();
        if (u->shape() == Shape::RowVector) u = transpose(u);
        return div(jt(u, u), e);
      }
      case Kind::MatMul:
        return grad_of_product(static_cast<const MatMulNode&>(*e).factors());
      default:
        break;
    }
    return shape_error("no vector rule for the gradient of this expression");
  }

  // ∇(F_1 ··· F_k) for a scalar product: a row first, a column last.
  Expr grad_of_product(std::span<const Expr> fs) {
    std::vector<Expr> terms;
    const std::size_t k = fs.size();
    for (std::size_t i = 0; i < k; ++i) {
      if (!depends(fs[i])) continue;
      if (i == k - 1) {
        terms.push_back(jt(fs[i], transpose(product_of(fs.first(k - 1)))));
      } else if (i == 0) {
        terms.push_back(jt(transpose(fs[0]), product_of(fs.subspan(1))));
      } else {
        return shape_error("no vector rule for a matrix that depends on the variable");
      }
    }
    return add(terms);
  }

  // J_uᵀ w for a column u.
  Expr jt(const Expr& u, const Expr& w) {
    if (u == x_) return w;
    if (!depends(u)) return integer(0);
    switch (u.kind()) {
      case Kind::Add: {
        std::vector<Expr> terms;
        for (const auto& [t, c] : static_cast<const AddNode&>(*u).terms()) terms.push_back(mul(number(c), jt(t, w)));
        return add(terms);
      }
      case Kind::Mul: {  // u = s·V: J_uᵀ w = ∇s (Vᵀw) + s J_Vᵀ w
        const auto& m = static_cast<const MulNode&>(*u);
        std::vector<Expr> scalars{number(m.coefficient())};
        Expr v;
        for (const auto& [b, p] : m.factors()) {
          if (b->shape() == Shape::Scalar)
            scalars.push_back(pow(b, p));
          else
            v = b;
        }
        Expr s = mul(scalars);
        return add(mul(grad(s), mul(transpose(v), w)), mul(s, jt(v, w)));
      }
      case Kind::MatMul: {  // u = P·F with only the last factor F depending on x: J_Fᵀ Pᵀ w
        auto fs = static_cast<const MatMulNode&>(*u).factors();
        auto prefix = fs.first(fs.size() - 1);
        for (const Expr& f : prefix)
          if (depends(f)) return shape_error("no vector rule for a matrix that depends on the variable");
        return jt(fs.back(), mul(transpose(product_of(prefix)), w));
      }
      case Kind::Vector: {  // [u_1, ..., u_m]: Σ ∇u_i w_i, for an explicit w
        if (!w.is(Kind::Vector)) break;
        auto us = static_cast<const VectorNode&>(*u).elements();
        auto ws = static_cast<const VectorNode&>(*w).elements();
        if (us.size() != ws.size()) return shape_error("vectors of different lengths");
        std::vector<Expr> terms;
        for (std::size_t i = 0; i < us.size(); ++i) terms.push_back(mul(grad(us[i]), ws[i]));
        return add(terms);
      }
      default:
        break;
    }
    return shape_error("no vector rule for the Jacobian of this expression");
  }

  Expr x_;
  NodeMemo<bool> depends_memo_;
  NodeMemo<Expr> grad_memo_;
};

// M_1 v + M_2 v (+ ...) -> (M_1 + M_2) v, so ∇ xᵀAx reads (A + Aᵀ)x.
Expr factor_common_right(const Expr& g) {
  if (!g.is(Kind::Add)) return g;
  const auto& a = static_cast<const AddNode&>(*g);
  std::vector<Expr> lefts;
  Expr right;
  for (const auto& [t, c] : a.terms()) {
    if (!t.is(Kind::MatMul)) return g;
    auto fs = static_cast<const MatMulNode&>(*t).factors();
    if (right && fs.back() != right) return g;
    right = fs.back();
    lefts.push_back(mul(number(c), product_of(fs.first(fs.size() - 1))));
  }
  return mul(add(lefts), right);
}

}  // namespace

Expr gradient_wrt_vector(const Expr& f, const Expr& x) {
  if (!x.is(Kind::Symbol) || x->shape() != Shape::Vector)
    return shape_error("the gradient is taken with respect to a vector variable");
  return factor_common_right(VectorGradient(x).grad(f));
}

}  // namespace calc
