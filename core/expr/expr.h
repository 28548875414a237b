#pragma once
// Immutable expression DAG with canonical construction (after SymEngine).
//
// Nodes are created only through the constructor functions below (add, mul,
// pow, ...), which canonicalize: x+x -> 2*x, x*x -> x^2, 2*3 -> 6, x^1 -> x,
// and a sum inside a product gives its numeric content to the coefficient
// (2*(x+1)*y, however built). With exact numbers, every order and grouping
// of the same sum or product builds one node; doubles are not associative,
// so there only the same operations in the same order are guaranteed to.
// operator== checks pointer identity, then the cached hash, then structure
// (remembering shared pairs, so it is linear in the DAG). Subexpressions are
// shared through reference counting, never copied, so the graph is a DAG.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "expr/kinds.h"
#include "expr/number.h"
#include "util/function_ref.h"

namespace calc {

struct FunctionRecord;  // expr/functions.h
class Node;

// Value-semantics handle to an immutable node.
class Expr {
 public:
  Expr() = default;  // null; only for containers, never returned by constructors
  explicit Expr(std::shared_ptr<const Node> n) : node_(std::move(n)) {}

  const Node& operator*() const { return *node_; }
  const Node* operator->() const { return node_.get(); }
  const Node* get() const { return node_.get(); }
  explicit operator bool() const { return node_ != nullptr; }

  Kind kind() const;
  std::size_t hash() const;
  bool is(Kind k) const { return kind() == k; }

  friend bool operator==(const Expr& a, const Expr& b);
  friend bool operator!=(const Expr& a, const Expr& b) { return !(a == b); }

 private:
  std::shared_ptr<const Node> node_;
};

// Canonical total order (used to sort terms and factors).
bool expr_less(const Expr& a, const Expr& b);

struct ExprHash {
  std::size_t operator()(const Expr& e) const { return e.hash(); }
};

enum class Shape : std::uint8_t { Scalar, Vector, RowVector, Matrix };

// The constructors below raise a shape error (expr/shape_check.h) for
// ill-shaped input (vector + scalar, sin of a vector, x*y for two column
// vectors, ...) and return NaN.

class Node {
 public:
  Kind kind() const { return kind_; }
  std::size_t hash() const { return hash_; }
  Shape shape() const { return shape_; }
  // Count of nodes in the tree view (shared nodes counted per use), saturating.
  // Used to bound work; see bounds in docs.
  std::uint32_t size() const { return size_; }
  virtual ~Node() = default;

 protected:
  Node(Kind k, std::size_t h, Shape s, std::uint32_t size) : kind_(k), shape_(s), size_(size), hash_(h) {}

 private:
  Kind kind_;
  Shape shape_;
  std::uint32_t size_;
  std::size_t hash_;
};

inline Kind Expr::kind() const { return node_->kind(); }
inline std::size_t Expr::hash() const { return node_->hash(); }

class NumberNode final : public Node {
 public:
  explicit NumberNode(Number v);
  const Number& value() const { return value_; }

 private:
  Number value_;
};

// A variable. Indexed variables (x1, x_1, x₁) have base "x" and index 1 and
// print as x_1. Vector and matrix variables carry their shape.
class SymbolNode final : public Node {
 public:
  SymbolNode(std::string base, int index, Shape shape);
  const std::string& base() const { return base_; }
  int index() const { return index_; }  // -1 when not indexed
  std::string name() const;            // "x" or "x_1"

 private:
  std::string base_;
  int index_;
};

enum class ConstantId : std::uint8_t { E, Pi };

class ConstantNode final : public Node {
 public:
  explicit ConstantNode(ConstantId id);
  ConstantId id() const { return id_; }
  double value() const;

 private:
  ConstantId id_;
};

// constant + sum(coefficient_i * term_i); terms sorted by expr_less, each term
// neither a Number nor an Add, nor a Mul with a coefficient other than 1.
class AddNode final : public Node {
 public:
  AddNode(Number constant, std::vector<std::pair<Expr, Number>> terms);
  const Number& constant() const { return constant_; }
  std::span<const std::pair<Expr, Number>> terms() const { return terms_; }

 private:
  Number constant_;
  std::vector<std::pair<Expr, Number>> terms_;
};

// coefficient * prod(base_i ^ exponent_i); bases sorted, each base neither a
// Number nor a Mul; at least two factors, or one factor with coefficient != 1
// (a lone base^exponent with coefficient 1 is a Pow, or the base itself).
class MulNode final : public Node {
 public:
  MulNode(Number coefficient, std::vector<std::pair<Expr, Expr>> factors, Shape shape);
  const Number& coefficient() const { return coefficient_; }
  std::span<const std::pair<Expr, Expr>> factors() const { return factors_; }

 private:
  Number coefficient_;
  std::vector<std::pair<Expr, Expr>> factors_;
};

class PowNode final : public Node {
 public:
  PowNode(Expr base, Expr exponent);
  const Expr& base() const { return base_; }
  const Expr& exponent() const { return exponent_; }

 private:
  Expr base_, exponent_;
};

class ApplyNode final : public Node {
 public:
  ApplyNode(const FunctionRecord& fn, Expr arg);
  const FunctionRecord& fn() const { return *fn_; }
  const Expr& arg() const { return arg_; }

 private:
  const FunctionRecord* fn_;
  Expr arg_;
};

// A declared abstract function applied to arguments, with the order of the
// partial derivative taken in each argument slot: f(x,y,z) has orders
// {0,0,0}; ∂f/∂x is the same node with orders {1,0,0}. The chain rule on it
// is generic: d/dt f(g...) = Σ_i f_{+e_i}(g...) * dg_i/dt.
class FunctionNode final : public Node {
 public:
  FunctionNode(std::string name, std::vector<std::string> params, std::vector<Expr> args,
               std::vector<std::uint8_t> orders);
  const std::string& name() const { return name_; }
  // Declared parameter names, e.g. {"x","y","z"}; used to print ∂f/∂x.
  std::span<const std::string> params() const { return params_; }
  std::span<const Expr> args() const { return args_; }
  std::span<const std::uint8_t> orders() const { return orders_; }

 private:
  std::string name_;
  std::vector<std::string> params_;
  std::vector<Expr> args_;
  std::vector<std::uint8_t> orders_;
};

// d(expr)/d(var) left unevaluated, as written (∂u/∂a, d/dx (x^2)). The grader
// inspects these before resolve_derivatives() evaluates them.
class DerivativeNode final : public Node {
 public:
  DerivativeNode(Expr expr, Expr var);
  const Expr& expr() const { return expr_; }
  const Expr& var() const { return var_; }

 private:
  Expr expr_, var_;
};

// A column vector [a, b] of scalars (Shape::Vector), or a matrix
// [a, b; c, d] (Shape::Matrix): a vector whose elements are its rows, each
// an explicit vector of scalars, all of one length. vector() checks this.
class VectorNode final : public Node {
 public:
  explicit VectorNode(std::vector<Expr> elements);
  std::span<const Expr> elements() const { return elements_; }

 private:
  std::vector<Expr> elements_;
};

class NormNode final : public Node {  // Euclidean norm ‖arg‖₂
 public:
  explicit NormNode(Expr arg);
  const Expr& arg() const { return arg_; }

 private:
  Expr arg_;
};

class TransposeNode final : public Node {
 public:
  explicit TransposeNode(Expr arg);
  const Expr& arg() const { return arg_; }

 private:
  Expr arg_;
};

// Ordered product of two or more non-scalar factors (x^T A x). Scalar factors
// are kept outside, in an enclosing Mul.
class MatMulNode final : public Node {
 public:
  MatMulNode(std::vector<Expr> factors, Shape shape);
  std::span<const Expr> factors() const { return factors_; }

 private:
  std::vector<Expr> factors_;
};

class EquationNode final : public Node {
 public:
  EquationNode(Expr lhs, Expr rhs);
  const Expr& lhs() const { return lhs_; }
  const Expr& rhs() const { return rhs_; }

 private:
  Expr lhs_, rhs_;
};

// ---- Construction (always canonical) ----
Expr number(const Number& n);
Expr integer(std::int64_t n);
Expr rational(std::int64_t num, std::int64_t den);
Expr real(double v);
Expr symbol(std::string_view name, Shape shape = Shape::Scalar);  // "x_1" is split into base/index
Expr indexed(std::string_view base, int index);
Expr constant(ConstantId id);

Expr add(const Expr& a, const Expr& b);
Expr add(std::span<const Expr> terms);
// constant + Σ k_i·t_i: the node add() builds from number(constant) and
// mul(number(k_i), t_i), without building each product only to take it
// apart again (diff() and simplify() rebuild sums from their terms so).
Expr linear_combination(const Number& constant, std::span<const std::pair<Expr, Number>> terms);
Expr sub(const Expr& a, const Expr& b);
Expr neg(const Expr& a);
Expr mul(const Expr& a, const Expr& b);
Expr mul(std::span<const Expr> factors);
Expr div(const Expr& a, const Expr& b);
Expr pow(const Expr& base, const Expr& exponent);
Expr apply(const FunctionRecord& fn, const Expr& arg);
Expr function(std::string name, std::vector<std::string> params, std::vector<Expr> args,
              std::vector<std::uint8_t> orders);
Expr derivative_of(const Expr& expr, const Expr& var);  // unevaluated DerivativeNode
Expr vector(std::vector<Expr> elements);
Expr norm(const Expr& v);
Expr transpose(const Expr& v);
Expr equation(const Expr& lhs, const Expr& rhs);

inline Expr operator+(const Expr& a, const Expr& b) { return add(a, b); }
inline Expr operator-(const Expr& a, const Expr& b) { return sub(a, b); }
inline Expr operator-(const Expr& a) { return neg(a); }
inline Expr operator*(const Expr& a, const Expr& b) { return mul(a, b); }
inline Expr operator/(const Expr& a, const Expr& b) { return div(a, b); }

// ---- Inspection helpers ----
// Inline, like Expr::kind() and hash() below: the canonical constructors ask
// these of every operand, and an out-of-line call cost as much as the test.
inline const Number* as_number(const Expr& e) {  // nullptr unless a Number node
  if (!e || e.kind() != Kind::Number) return nullptr;
  return &static_cast<const NumberNode&>(*e).value();
}
inline bool is_zero(const Expr& e) {
  const Number* n = as_number(e);
  return n && n->is_zero();
}
inline bool is_one(const Expr& e) {
  const Number* n = as_number(e);
  return n && n->is_one();
}
// Calls f(child) for each direct child, in a fixed order. Out of line,
// through a FunctionRef (expr/children.cpp): as a template it was
// instantiated once per caller, each a copy of the switch over kinds.
void for_each_child(const Expr& e, FunctionRef<void(const Expr&)> f);

// Visitor dispatch driven by the kind list: f is called with the concrete node
// type, e.g. f(static_cast<const AddNode&>(node)).
template <class F>
decltype(auto) visit(const Expr& e, F&& f) {
  switch (e.kind()) {
#define CALC_KIND_VISIT(name) \
  case Kind::name:            \
    return f(static_cast<const name##Node&>(*e));
    CALC_NODE_KINDS(CALC_KIND_VISIT)
#undef CALC_KIND_VISIT
  }
  __builtin_unreachable();
}

}  // namespace calc
