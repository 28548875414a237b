// Node constructors: each computes its hash, shape and size once, at
// construction, so that comparisons and work bounds are O(1) afterwards.
#include <cmath>
#include <functional>
#include <numbers>
#include <string_view>

#include "expr/expr.h"
#include "expr/functions.h"
#include "expr/internal.h"

namespace calc {

using detail::add_size;
using detail::mix;

namespace {

std::size_t seed(Kind k) { return mix(0x6b1d, static_cast<std::size_t>(k)); }
std::size_t hash_string(std::string_view s) { return std::hash<std::string_view>{}(s); }

Shape transposed(Shape s) {
  switch (s) {
    case Shape::Vector:
      return Shape::RowVector;
    case Shape::RowVector:
      return Shape::Vector;
    default:
      return s;
  }
}

}  // namespace

// ---- Expr handle ----
bool operator==(const Expr& a, const Expr& b) {
  if (a.node_ == b.node_) return true;  // shared subexpressions: the common case
  if (!a.node_ || !b.node_) return false;
  if (a.hash() != b.hash()) return false;
  return detail::equal(a, b);
}

bool expr_less(const Expr& a, const Expr& b) { return detail::compare(a, b) < 0; }

// ---- Nodes ----
NumberNode::NumberNode(Number v) : Node(Kind::Number, mix(seed(Kind::Number), v.hash()), Shape::Scalar, 1), value_(v) {}

SymbolNode::SymbolNode(std::string base, int index, Shape shape)
    : Node(Kind::Symbol,
           mix(mix(mix(seed(Kind::Symbol), hash_string(base)), static_cast<std::size_t>(index)),
               static_cast<std::size_t>(shape)),
           shape, 1),
      base_(std::move(base)),
      index_(index) {}

std::string SymbolNode::name() const { return index_ < 0 ? base_ : base_ + "_" + std::to_string(index_); }

ConstantNode::ConstantNode(ConstantId id)
    : Node(Kind::Constant, mix(seed(Kind::Constant), static_cast<std::size_t>(id)), Shape::Scalar, 1), id_(id) {}

double ConstantNode::value() const { return id_ == ConstantId::E ? std::numbers::e : std::numbers::pi; }

namespace {

std::size_t hash_terms(const Number& c, const std::vector<std::pair<Expr, Number>>& terms) {
  std::size_t h = mix(seed(Kind::Add), c.hash());
  for (const auto& [t, k] : terms) h = mix(mix(h, t.hash()), k.hash());
  return h;
}
std::uint32_t size_terms(const std::vector<std::pair<Expr, Number>>& terms) {
  std::uint32_t s = 1;
  for (const auto& [t, k] : terms) s = add_size(s, add_size(t->size(), 1));
  return s;
}
std::size_t hash_factors(const Number& c, const std::vector<std::pair<Expr, Expr>>& factors) {
  std::size_t h = mix(seed(Kind::Mul), c.hash());
  for (const auto& [b, x] : factors) h = mix(mix(h, b.hash()), x.hash());
  return h;
}
std::uint32_t size_factors(const std::vector<std::pair<Expr, Expr>>& factors) {
  std::uint32_t s = 1;
  for (const auto& [b, x] : factors) s = add_size(s, add_size(b->size(), x->size()));
  return s;
}
std::size_t hash_list(std::size_t h, const std::vector<Expr>& xs) {
  for (const auto& x : xs) h = mix(h, x.hash());
  return mix(h, xs.size());
}
std::uint32_t size_list(const std::vector<Expr>& xs) {
  std::uint32_t s = 1;
  for (const auto& x : xs) s = add_size(s, x->size());
  return s;
}

}  // namespace

AddNode::AddNode(Number constant, std::vector<std::pair<Expr, Number>> terms)
    : Node(Kind::Add, hash_terms(constant, terms), terms.empty() ? Shape::Scalar : terms.front().first->shape(),
           size_terms(terms)),
      constant_(constant),
      terms_(std::move(terms)) {}

MulNode::MulNode(Number coefficient, std::vector<std::pair<Expr, Expr>> factors, Shape shape)
    : Node(Kind::Mul, hash_factors(coefficient, factors), shape, size_factors(factors)),
      coefficient_(coefficient),
      factors_(std::move(factors)) {}

PowNode::PowNode(Expr base, Expr exponent)
    : Node(Kind::Pow, mix(mix(seed(Kind::Pow), base.hash()), exponent.hash()), base->shape(),
           add_size(1, add_size(base->size(), exponent->size()))),
      base_(std::move(base)),
      exponent_(std::move(exponent)) {}

ApplyNode::ApplyNode(const FunctionRecord& fn, Expr arg)
    : Node(Kind::Apply, mix(mix(seed(Kind::Apply), hash_string(fn.name)), arg.hash()), Shape::Scalar,
           add_size(1, arg->size())),
      fn_(&fn),
      arg_(std::move(arg)) {}

namespace {
std::size_t hash_function(const std::string& name, const std::vector<std::string>& params,
                          const std::vector<Expr>& args, const std::vector<std::uint8_t>& orders) {
  std::size_t h = mix(seed(Kind::Function), hash_string(name));
  for (const auto& p : params) h = mix(h, hash_string(p));
  h = hash_list(h, args);
  for (auto o : orders) h = mix(h, o);
  return h;
}
}  // namespace

FunctionNode::FunctionNode(std::string name, std::vector<std::string> params, std::vector<Expr> args,
                           std::vector<std::uint8_t> orders)
    : Node(Kind::Function, hash_function(name, params, args, orders), Shape::Scalar, size_list(args)),
      name_(std::move(name)),
      params_(std::move(params)),
      args_(std::move(args)),
      orders_(std::move(orders)) {}

namespace {
// d(scalar)/d(vector) is a gradient (a column vector); otherwise the shape of
// the differentiated expression.
Shape derivative_shape(const Expr& expr, const Expr& var) {
  if (expr->shape() == Shape::Scalar && var->shape() == Shape::Vector) return Shape::Vector;
  return expr->shape();
}
}  // namespace

DerivativeNode::DerivativeNode(Expr expr, Expr var)
    : Node(Kind::Derivative, mix(mix(seed(Kind::Derivative), expr.hash()), var.hash()), derivative_shape(expr, var),
           add_size(1, add_size(expr->size(), var->size()))),
      expr_(std::move(expr)),
      var_(std::move(var)) {}

VectorNode::VectorNode(std::vector<Expr> elements)
    : Node(Kind::Vector, hash_list(seed(Kind::Vector), elements),
           elements.front().is(Kind::Vector) ? Shape::Matrix : Shape::Vector, size_list(elements)),
      elements_(std::move(elements)) {}

NormNode::NormNode(Expr arg)
    : Node(Kind::Norm, mix(seed(Kind::Norm), arg.hash()), Shape::Scalar, add_size(1, arg->size())),
      arg_(std::move(arg)) {}

TransposeNode::TransposeNode(Expr arg)
    : Node(Kind::Transpose, mix(seed(Kind::Transpose), arg.hash()), transposed(arg->shape()),
           add_size(1, arg->size())),
      arg_(std::move(arg)) {}

MatMulNode::MatMulNode(std::vector<Expr> factors, Shape shape)
    : Node(Kind::MatMul, hash_list(seed(Kind::MatMul), factors), shape, size_list(factors)),
      factors_(std::move(factors)) {}

EquationNode::EquationNode(Expr lhs, Expr rhs)
    : Node(Kind::Equation, mix(mix(seed(Kind::Equation), lhs.hash()), rhs.hash()), lhs->shape(),
           add_size(1, add_size(lhs->size(), rhs->size()))),
      lhs_(std::move(lhs)),
      rhs_(std::move(rhs)) {}

// ---- Atoms ----
namespace {
// Small integers (exponents, coefficients, the 0 and 1 of every derivative)
// are shared rather than reallocated: constructing and freeing them was a
// visible part of diff() and simplify().
constexpr std::int64_t kShared = 16;
const std::vector<Expr>& shared_integers() {
  static const std::vector<Expr> shared = [] {
    std::vector<Expr> table;
    for (std::int64_t i = -kShared; i <= kShared; ++i) table.push_back(detail::make<NumberNode>(Number::integer(i)));
    return table;
  }();
  return shared;
}
}  // namespace

Expr number(const Number& n) {
  // A double zero is the exact zero: the values are equal, no literal can
  // spell a double zero, and x*0.0 then cancels like x*0.
  if (n.is_zero()) return shared_integers()[kShared];
  if (n.is_exact() && n.den() == 1 && n.num() >= -kShared && n.num() <= kShared)
    return shared_integers()[static_cast<std::size_t>(n.num() + kShared)];
  return detail::make<NumberNode>(n);
}
Expr integer(std::int64_t n) {
  if (n >= -kShared && n <= kShared) return shared_integers()[static_cast<std::size_t>(n + kShared)];
  return number(Number::integer(n));
}
Expr rational(std::int64_t num, std::int64_t den) { return number(Number::rational(num, den)); }
Expr real(double v) { return number(Number::real(v)); }

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Variables are interned: one name, index and shape give one node, so the
// comparisons that sorting terms and differentiating make between variables
// (x against x, x against the variable of diff()) settle on the pointer
// instead of comparing names. Sharing an immutable leaf changes no result:
// == is structural either way. The table is bounded (input with many
// distinct names only stops being interned) and per thread, so no lock.
Expr interned_symbol(std::string_view base, int index, Shape shape) {
  constexpr std::size_t kMaxInterned = 64;
  thread_local std::vector<Expr> interned;
  for (const Expr& e : interned) {
    const auto& s = static_cast<const SymbolNode&>(*e);
    if (s.index() == index && s.shape() == shape && s.base() == base) return e;
  }
  Expr e = detail::make<SymbolNode>(std::string(base), index, shape);
  if (interned.size() < kMaxInterned) interned.push_back(e);
  return e;
}
}  // namespace

// "x_1" and "x1" are the indexed variable x with index 1. Indices with a
// leading zero or more than 6 digits stay part of the name.
Expr symbol(std::string_view name, Shape shape) {
  std::size_t end = name.size(), start = end;
  while (start > 0 && is_digit(name[start - 1])) --start;
  std::size_t digits = end - start;
  std::size_t base_end = start;
  if (base_end > 0 && name[base_end - 1] == '_') --base_end;
  bool indexed_form = digits > 0 && digits <= 6 && base_end > 0 && (digits == 1 || name[start] != '0');
  if (indexed_form) {
    int index = 0;
    for (std::size_t i = start; i < end; ++i) index = index * 10 + (name[i] - '0');
    return interned_symbol(name.substr(0, base_end), index, shape);
  }
  return interned_symbol(name, -1, shape);
}

Expr indexed(std::string_view base, int index) {
  return interned_symbol(base, index < 0 ? -1 : index, Shape::Scalar);
}

Expr constant(ConstantId id) {
  static const Expr e = detail::make<ConstantNode>(ConstantId::E);
  static const Expr pi = detail::make<ConstantNode>(ConstantId::Pi);
  return id == ConstantId::E ? e : pi;
}

}  // namespace calc
