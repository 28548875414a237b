// Lowering: abstract functions to concrete bodies, vector expressions to
// components. Both exist so that a learner's answer written with f(x, y, z)
// or ‖x‖₂ can be compared numerically, at sample points, with a reference.
#include "calculus/lower.h"

#include <optional>
#include <string>

#include "calculus/derivative.h"
#include "calculus/memo.h"
#include "calculus/substitute.h"
#include "expr/functions.h"
#include "expr/map_children.h"
#include "expr/shape_check.h"
#include "util/hash_index.h"

namespace calc {

// ---- instantiate_functions ----

namespace {

const FunctionInstance* find_instance(std::span<const FunctionInstance> instances, const std::string& name) {
  for (const FunctionInstance& f : instances)
    if (f.name == name) return &f;
  return nullptr;
}

// f_{orders}(args) for a concrete f: its body differentiated orders[i] times
// in parameter i, then with every parameter replaced by its argument at once.
Expr instance_at(const FunctionInstance& f, const FunctionNode& call, std::span<const Expr> args) {
  if (f.params.size() != args.size())
    return shape_error("function " + f.name + ": the instance has " + std::to_string(f.params.size()) +
                       " parameters, the call " + std::to_string(args.size()) + " arguments");
  Expr body = f.body;
  Substitution at;
  for (std::size_t i = 0; i < args.size(); ++i) {
    Expr param = symbol(f.params[i]);
    for (int k = 0; k < call.orders()[i]; ++k) body = diff(body, param);
    at.emplace(param, args[i]);
  }
  return substitute(body, at);
}

// Post-order over the DAG, so that a call's arguments (x(a, b) inside
// f(x, y, z)) are instantiated before the call itself.
void instantiate_calls(const Expr& e, std::span<const FunctionInstance> instances, Substitution& done,
                       HashSet<const Node*>& seen) {
  if (!seen.insert(e.get()).second) return;
  for_each_child(e, [&](const Expr& c) { instantiate_calls(c, instances, done, seen); });
  if (!e.is(Kind::Function)) return;
  const auto& call = static_cast<const FunctionNode&>(*e);
  const FunctionInstance* f = find_instance(instances, call.name());
  if (!f) return;
  std::vector<Expr> args;
  for (const Expr& a : call.args()) args.push_back(done.empty() ? a : substitute(a, done));
  done.emplace(e, instance_at(*f, call, args));
}

}  // namespace

Expr instantiate_functions(const Expr& e, std::span<const FunctionInstance> instances) {
  Substitution done;
  HashSet<const Node*> seen;
  instantiate_calls(e, instances, done, seen);
  return done.empty() ? e : substitute(e, done);
}

// ---- expand_vector ----

namespace {

// An explicit rows x cols array of scalar expressions; 1 x 1 is a scalar.
struct Dense {
  std::size_t rows = 1, cols = 1;
  std::vector<Expr> at;  // row-major

  static Dense scalar(Expr e) { return {1, 1, {std::move(e)}}; }
  bool is_scalar() const { return rows == 1 && cols == 1; }
  const Expr& operator()(std::size_t i, std::size_t j) const { return at[i * cols + j]; }
};

Dense transposed(const Dense& d) {
  Dense t{d.cols, d.rows, {}};
  for (std::size_t i = 0; i < t.rows; ++i)
    for (std::size_t j = 0; j < t.cols; ++j) t.at.push_back(d(j, i));
  return t;
}

Dense product(const Dense& a, const Dense& b) {
  if (a.is_scalar() || b.is_scalar()) {
    const Dense& s = a.is_scalar() ? a : b;
    Dense r = a.is_scalar() ? b : a;
    for (Expr& x : r.at) x = mul(s.at[0], x);
    return r;
  }
  if (a.cols != b.rows) return Dense::scalar(shape_error("the dimensions of this product do not match"));
  Dense r{a.rows, b.cols, {}};
  for (std::size_t i = 0; i < a.rows; ++i)
    for (std::size_t j = 0; j < b.cols; ++j) {
      std::vector<Expr> terms;
      for (std::size_t k = 0; k < a.cols; ++k) terms.push_back(mul(a(i, k), b(k, j)));
      r.at.push_back(add(terms));
    }
  return r;
}

Dense sum(const Dense& a, const Dense& b) {
  if (a.rows != b.rows || a.cols != b.cols)
    return Dense::scalar(shape_error("cannot add expressions of different shapes"));
  Dense r = a;
  for (std::size_t i = 0; i < r.at.size(); ++i) r.at[i] = add(r.at[i], b.at[i]);
  return r;
}

Expr require_scalar(const Dense& d) {
  if (!d.is_scalar()) return shape_error("a vector or matrix where a scalar is needed");
  return d.at[0];
}

// Matrix index i*10^k + j with 10^k > n, so that distinct (i, j) never share
// an index: A_12 for n <= 9, A_1203 for (12, 3) when 10 <= n <= 99.
int matrix_index(int i, int j, int n) {
  int scale = 10;
  while (scale <= n) scale *= 10;
  return i * scale + j;
}

class Expander {
 public:
  Expander(const Expr& v, int n, std::span<const Expr> shaped) {
    if (n < 1) {  // no components: lowering v then fails as well, after this first error
      shape_error("the dimension must be at least 1");
      return;
    }
    components_.emplace(v, components(v, n));
    for (const Expr& s : shaped) components_.emplace(s, components(s, n));
  }

  Dense operator()(const Expr& e) {
    if (const Dense* known = memo_.find(e)) return *known;
    return memo_.insert(e, lower(e));
  }

 private:
  static Dense components(const Expr& s, int n) {
    if (!s.is(Kind::Symbol)) return Dense::scalar(shape_error("only vector and matrix symbols can be expanded"));
    const auto& sym = static_cast<const SymbolNode&>(*s);
    std::size_t un = static_cast<std::size_t>(n);
    switch (s->shape()) {
      case Shape::Vector:
      case Shape::RowVector: {
        Dense d{un, 1, {}};
        for (int i = 1; i <= n; ++i) d.at.push_back(indexed(sym.base(), i));
        return s->shape() == Shape::Vector ? d : transposed(d);
      }
      case Shape::Matrix: {
        Dense d{un, un, {}};
        for (int i = 1; i <= n; ++i)
          for (int j = 1; j <= n; ++j) d.at.push_back(indexed(sym.base(), matrix_index(i, j, n)));
        return d;
      }
      case Shape::Scalar:
        break;
    }
    return Dense::scalar(shape_error("a scalar symbol has no components"));
  }

  Dense lower(const Expr& e) {
    switch (e.kind()) {
      case Kind::Number:
      case Kind::Constant:
        return Dense::scalar(e);
      case Kind::Symbol: {
        if (auto it = components_.find(e); it != components_.end()) return it->second;
        if (e->shape() != Shape::Scalar)
          return Dense::scalar(
              shape_error("the vector or matrix " + static_cast<const SymbolNode&>(*e).name() + " has no components"));
        return Dense::scalar(e);
      }
      case Kind::Add: {
        const auto& a = static_cast<const AddNode&>(*e);
        std::optional<Dense> r;
        if (!a.constant().is_zero()) r = Dense::scalar(number(a.constant()));
        for (const auto& [t, c] : a.terms()) {
          Dense term = product(Dense::scalar(number(c)), (*this)(t));
          r = r ? sum(*r, term) : term;
        }
        return *r;
      }
      case Kind::Mul: {
        const auto& m = static_cast<const MulNode&>(*e);
        Dense r = Dense::scalar(number(m.coefficient()));
        for (const auto& [b, x] : m.factors()) {
          Dense base = (*this)(b);
          r = product(r, is_one(x) ? base : Dense::scalar(pow(require_scalar(base), require_scalar((*this)(x)))));
        }
        return r;
      }
      case Kind::Pow:  // scalar functions of scalar arguments
      case Kind::Apply:
      case Kind::Function:
        return Dense::scalar(map_children(e, [&](const Expr& c) { return require_scalar((*this)(c)); }));
      case Kind::Derivative: {  // d/dt of a lowered scalar, t a scalar variable
        const auto& d = static_cast<const DerivativeNode&>(*e);
        if (d.var()->shape() != Shape::Scalar)
          return Dense::scalar(
              shape_error("a derivative with respect to a vector cannot be expanded; use gradient_wrt_vector"));
        return Dense::scalar(diff(require_scalar((*this)(d.expr())), d.var()));
      }
      case Kind::Vector:
        return explicit_vector(static_cast<const VectorNode&>(*e));
      case Kind::Norm: {
        Dense v = (*this)(static_cast<const NormNode&>(*e).arg());
        if (v.is_scalar()) return Dense::scalar(apply(*find_function("abs"), v.at[0]));
        if (v.rows != 1 && v.cols != 1) return Dense::scalar(shape_error("the norm is defined for vectors"));
        std::vector<Expr> squares;
        for (const Expr& c : v.at) squares.push_back(pow(c, integer(2)));
        return Dense::scalar(pow(add(squares), rational(1, 2)));
      }
      case Kind::Transpose:
        return transposed((*this)(static_cast<const TransposeNode&>(*e).arg()));
      case Kind::MatMul: {
        auto fs = static_cast<const MatMulNode&>(*e).factors();
        Dense r = (*this)(fs[0]);
        for (std::size_t i = 1; i < fs.size(); ++i) r = product(r, (*this)(fs[i]));
        return r;
      }
      case Kind::Equation:  // each side lowered, vector-valued sides as explicit vectors
        return Dense::scalar(map_children(e, [&](const Expr& c) { return to_expr((*this)(c)); }));
    }
    return Dense::scalar(shape_error("cannot expand this expression"));
  }

  // [a, b] is a column; a vector of row vectors is a matrix.
  Dense explicit_vector(const VectorNode& v) {
    std::vector<Dense> parts;
    for (const Expr& x : v.elements()) parts.push_back((*this)(x));
    if (parts[0].is_scalar()) {
      Dense col{parts.size(), 1, {}};
      for (const Dense& p : parts) col.at.push_back(require_scalar(p));
      return col;
    }
    Dense m{parts.size(), 0, {}};
    for (const Dense& p : parts) {
      Dense row = p.rows == 1 ? p : transposed(p);
      if (row.rows != 1) return Dense::scalar(shape_error("a matrix row must be a vector"));
      if (m.cols == 0) m.cols = row.cols;
      if (row.cols != m.cols) return Dense::scalar(shape_error("the rows of a matrix must have the same length"));
      for (Expr& x : row.at) m.at.push_back(std::move(x));
    }
    return m;
  }

 public:
  // A column as [a, b], a row as [a, b]^T, a matrix as a vector of rows.
  static Expr to_expr(const Dense& d) {
    if (d.is_scalar()) return d.at[0];
    if (d.cols == 1) return vector(d.at);
    if (d.rows == 1) return transpose(vector(d.at));
    std::vector<Expr> rows;
    for (std::size_t i = 0; i < d.rows; ++i)
      rows.push_back(vector({d.at.begin() + static_cast<std::ptrdiff_t>(i * d.cols),
                             d.at.begin() + static_cast<std::ptrdiff_t>((i + 1) * d.cols)}));
    return vector(std::move(rows));
  }

 private:
  HashMap<Expr, Dense, ExprHash> components_;
  NodeMemo<Dense> memo_;
};

}  // namespace

Expr expand_vector(const Expr& e, const Expr& v, int n, std::span<const Expr> matrices) {
  Expander expander(v, n, matrices);
  return Expander::to_expr(expander(e));
}

}  // namespace calc
