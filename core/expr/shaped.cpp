// Constructors for vectors and the nodes built around them (transpose, norm,
// matrix products), and for the remaining non-arithmetic nodes.
//
// Shapes are tracked as (rows, cols) with each side either 1 or "n" (the
// unspecified dimension): Vector = (n,1), RowVector = (1,n), Matrix = (n,n).
#include <algorithm>
#include <cstdint>

#include "expr/expr.h"
#include "expr/functions.h"
#include "expr/internal.h"
#include "expr/shape_check.h"

namespace calc {

using detail::make;

namespace {

struct Dims {
  bool rows_n, cols_n;
};

Dims dims_of(Shape s) {
  switch (s) {
    case Shape::Scalar:
      return {false, false};
    case Shape::Vector:
      return {true, false};
    case Shape::RowVector:
      return {false, true};
    case Shape::Matrix:
      return {true, true};
  }
  return {false, false};
}

Shape shape_of(Dims d) {
  if (d.rows_n) return d.cols_n ? Shape::Matrix : Shape::Vector;
  return d.cols_n ? Shape::RowVector : Shape::Scalar;
}

bool list_less(const std::vector<Expr>& a, const std::vector<Expr>& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), expr_less);
}

// Replaces each sum factor by its primitive form and multiplies the content
// into c; the primitive sign depends on the term order, which transposing
// changes, so this runs on each orientation separately.
void primitive_factors(std::vector<Expr>& factors, Number& c) {
  for (auto& f : factors) {
    if (!f.is(Kind::Add)) continue;
    if (auto g = detail::content(static_cast<const AddNode&>(*f))) {
      c = c * *g;
      f = mul(number(Number::integer(1) / *g), f);
    }
  }
}

}  // namespace

namespace detail {

Expr matmul(std::vector<Expr> factors, Number& coefficient) {
  std::vector<Expr> flat;
  for (auto& f : factors) {
    if (f.is(Kind::MatMul)) {
      auto inner = static_cast<const MatMulNode&>(*f).factors();
      for (const Expr& g : inner) flat.push_back(g);
    } else {
      flat.push_back(std::move(f));
    }
  }
  Dims d = dims_of(flat.front()->shape());
  for (std::size_t i = 1; i < flat.size(); ++i) {
    Dims next = dims_of(flat[i]->shape());
    if (d.cols_n != next.rows_n)
      return shape_error("the dimensions of this product do not match (e.g. two column vectors)");
    d.cols_n = next.cols_n;
  }
  Shape shape = shape_of(d);
  Number c = Number::integer(1);
  primitive_factors(flat, c);
  if (shape == Shape::Scalar) {
    // A scalar equals its own transpose: x^T y = y^T x. Keep the smaller of the
    // two orientations so that both spellings are one node.
    std::vector<Expr> reversed;
    for (auto it = flat.rbegin(); it != flat.rend(); ++it) reversed.push_back(transpose(*it));
    Number rc = c;
    primitive_factors(reversed, rc);
    if (list_less(reversed, flat)) {
      flat = std::move(reversed);
      c = rc;
    }
  }
  coefficient = coefficient * c;
  return make<MatMulNode>(std::move(flat), shape);
}

}  // namespace detail

// A matrix is a vector of explicit rows: vector({[a, b], [c, d]}) is the
// 2x2 matrix [a, b; c, d] (shape Matrix), which is what the parser builds.
// Rows must be explicit vectors of scalars, all of one length.
Expr vector(std::vector<Expr> elements) {
  if (elements.empty()) return shape_error("a vector needs at least one element");
  if (elements[0].is(Kind::Vector)) {
    const std::size_t width = static_cast<const VectorNode&>(*elements[0]).elements().size();
    for (const auto& row : elements) {
      if (!row.is(Kind::Vector) || row->shape() != Shape::Vector)
        return shape_error("matrix rows must be explicit vectors of numbers or scalar expressions");
      if (static_cast<const VectorNode&>(*row).elements().size() != width)
        return shape_error("matrix rows must all have the same length");
    }
    return make<VectorNode>(std::move(elements));
  }
  for (const auto& e : elements)
    if (e->shape() != Shape::Scalar) return shape_error("vector elements must be scalars");
  return make<VectorNode>(std::move(elements));
}

Expr transpose(const Expr& v) {
  switch (v->shape()) {
    case Shape::Scalar:
      return v;  // a scalar is its own transpose
    default:
      break;
  }
  switch (v.kind()) {
    case Kind::Transpose:
      return static_cast<const TransposeNode&>(*v).arg();
    case Kind::Vector: {
      // An explicit matrix transposes entry by entry ([a, b; c, d]^T =
      // [a, c; b, d]); an explicit column stays x^T (rows have no literal).
      const auto rows = static_cast<const VectorNode&>(*v).elements();
      if (!rows[0].is(Kind::Vector)) return make<TransposeNode>(v);
      const std::size_t width = static_cast<const VectorNode&>(*rows[0]).elements().size();
      std::vector<Expr> columns;
      for (std::size_t j = 0; j < width; ++j) {
        std::vector<Expr> column;
        for (const auto& r : rows) column.push_back(static_cast<const VectorNode&>(*r).elements()[j]);
        columns.push_back(vector(std::move(column)));
      }
      return vector(std::move(columns));
    }
    case Kind::Mul: {
      // (c*x)^T = c*x^T: only the one non-scalar factor is transposed.
      const auto& m = static_cast<const MulNode&>(*v);
      std::vector<Expr> parts{number(m.coefficient())};
      for (const auto& [b, x] : m.factors())
        parts.push_back(b->shape() == Shape::Scalar ? detail::factor_expr(b, x) : transpose(b));
      return mul(parts);
    }
    case Kind::MatMul: {
      auto f = static_cast<const MatMulNode&>(*v).factors();
      std::vector<Expr> reversed;
      for (auto it = f.rbegin(); it != f.rend(); ++it) reversed.push_back(transpose(*it));
      Number c = Number::integer(1);
      Expr m = detail::matmul(std::move(reversed), c);
      return c.is_one() ? m : mul(number(c), m);
    }
    case Kind::Add: {
      const auto& a = static_cast<const AddNode&>(*v);
      std::vector<Expr> terms;
      for (const auto& [t, c] : a.terms()) terms.push_back(mul(number(c), transpose(t)));
      return add(terms);
    }
    default:
      return make<TransposeNode>(v);
  }
}

Expr norm(const Expr& v) {
  if (v->shape() == Shape::Scalar) return apply(*find_function("abs"), v);
  if (v.is(Kind::Transpose)) return norm(static_cast<const TransposeNode&>(*v).arg());
  if (v.is(Kind::Mul)) {
    // ‖c v‖ = |c| ‖v‖ for a number c.
    const auto& m = static_cast<const MulNode&>(*v);
    if (!m.coefficient().is_one()) {
      Number c = m.coefficient().is_negative() ? -m.coefficient() : m.coefficient();
      return mul(number(c), norm(detail::without_coefficient(m)));
    }
  }
  return make<NormNode>(v);
}

Expr equation(const Expr& lhs, const Expr& rhs) { return make<EquationNode>(lhs, rhs); }

Expr function(std::string name, std::vector<std::string> params, std::vector<Expr> args,
              std::vector<std::uint8_t> orders) {
  if (orders.empty()) orders.assign(args.size(), 0);
  if (params.size() != args.size() || orders.size() != args.size())
    return shape_error("function " + name + ": parameters, arguments and orders differ in number");
  return make<FunctionNode>(std::move(name), std::move(params), std::move(args), std::move(orders));
}

// d/dx f(x, y) is ∂f/∂x: the FunctionNode with its order in x raised, as the
// parser reads it, so both spellings are one node. Only when the arguments
// are the parameters themselves; otherwise the chain rule is needed, which
// resolve_derivatives() applies.
Expr derivative_of(const Expr& expr, const Expr& var) {
  if (expr.is(Kind::Function) && var.is(Kind::Symbol)) {
    const auto& f = static_cast<const FunctionNode&>(*expr);
    const auto params = f.params();
    std::size_t slot = params.size();
    bool bare = true;
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Expr p = symbol(params[i]);
      bare = bare && f.args()[i] == p;
      if (p == var) slot = i;
    }
    if (bare && slot < params.size() && f.orders()[slot] < UINT8_MAX) {
      std::vector<std::uint8_t> orders(f.orders().begin(), f.orders().end());
      ++orders[slot];
      return function(f.name(), std::vector<std::string>(params.begin(), params.end()),
                      std::vector<Expr>(f.args().begin(), f.args().end()), std::move(orders));
    }
  }
  return make<DerivativeNode>(expr, var);
}

}  // namespace calc
