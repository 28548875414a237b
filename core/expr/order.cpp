// The canonical total order: by kind first, then by contents. Sorting terms
// and factors with it is what makes x*y and y*x the same node.
//
// Structural equality (operator==) walks the same fields, but checks each
// pair of children by pointer, then hash, and remembers the pairs it has
// already proven equal: two separately built copies of one DAG compare in
// time linear in the number of distinct nodes, not in the size of the tree.
#include <utility>

#include "expr/expr.h"
#include "expr/functions.h"
#include "expr/internal.h"
#include "util/hash_index.h"

namespace calc::detail {

namespace {

template <class T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int compare_numbers(const Number& a, const Number& b) { return three_way(a, b); }

template <class Cmp>
int compare_lists(std::span<const Expr> a, std::span<const Expr> b, Cmp& compare) {
  if (int c = three_way(a.size(), b.size())) return c;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (int c = compare(a[i], b[i])) return c;
  return 0;
}

// Compares two nodes of the same kind field by field; children go through
// `compare`, which is the total order or the memoized equality test.
template <class Cmp>
int compare_same_kind(const Expr& a, const Expr& b, Cmp& compare) {
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
      if (int c = compare_lists(x.args(), y.args(), compare)) return c;
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
                           static_cast<const VectorNode&>(*b).elements(), compare);
    case Kind::Norm:
      return compare(static_cast<const NormNode&>(*a).arg(), static_cast<const NormNode&>(*b).arg());
    case Kind::Transpose:
      return compare(static_cast<const TransposeNode&>(*a).arg(), static_cast<const TransposeNode&>(*b).arg());
    case Kind::MatMul:
      return compare_lists(static_cast<const MatMulNode&>(*a).factors(),
                           static_cast<const MatMulNode&>(*b).factors(), compare);
    case Kind::Equation: {
      const auto& x = static_cast<const EquationNode&>(*a);
      const auto& y = static_cast<const EquationNode&>(*b);
      if (int c = compare(x.lhs(), y.lhs())) return c;
      return compare(x.rhs(), y.rhs());
    }
  }
  return 0;
}

struct PairHash {
  std::size_t operator()(const std::pair<const Node*, const Node*>& p) const {
    return std::hash<const Node*>{}(p.first) * 31 + std::hash<const Node*>{}(p.second);
  }
};

class EqualityTest {
 public:
  static constexpr std::uint32_t kMemoSize = 16;

  int operator()(const Expr& a, const Expr& b) {
    if (a.get() == b.get()) return 0;
    if (a.hash() != b.hash() || a.kind() != b.kind() || a->shape() != b->shape()) return 1;
    // Small nodes are cheaper to compare again than to remember.
    const bool memo = a->size() > kMemoSize;
    if (memo && proven_.count({a.get(), b.get()})) return 0;
    if (compare_same_kind(a, b, *this) != 0) return 1;
    if (memo) proven_.insert({a.get(), b.get()});
    return 0;
  }

 private:
  HashSet<std::pair<const Node*, const Node*>, PairHash> proven_;
};

// The same test without the memo set, for nodes of at most kMemoSize: their
// children are smaller still, so EqualityTest would remember none of them,
// and building and destroying its set cost more than comparing two symbols.
struct SmallEqualityTest {
  int operator()(const Expr& a, const Expr& b) {
    if (a.get() == b.get()) return 0;
    if (a.hash() != b.hash() || a.kind() != b.kind() || a->shape() != b->shape()) return 1;
    return compare_same_kind(a, b, *this) != 0 ? 1 : 0;
  }
};

int order(const Expr& a, const Expr& b) { return compare(a, b); }

}  // namespace

bool equal(const Expr& a, const Expr& b) {
  if (a->size() <= EqualityTest::kMemoSize) return SmallEqualityTest{}(a, b) == 0;
  EqualityTest test;
  return test(a, b) == 0;
}

int compare(const Expr& a, const Expr& b) {
  if (a.get() == b.get()) return 0;
  if (int c = three_way(a.kind(), b.kind())) return c;
  // Equal subtrees (the common case when sorting terms that share parts)
  // are settled by the linear-time equality test instead of a full walk.
  if (a.hash() == b.hash() && equal(a, b)) return 0;
  auto recurse = order;
  return compare_same_kind(a, b, recurse);
}

}  // namespace calc::detail
