// map_children (expr/map_children.h): every kind is rebuilt from its mapped
// children, an unchanged node comes back pointer-identical, and rebuilt sums
// and products are canonical again.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "expr/functions.h"
#include "expr/map_children.h"

namespace calc {
namespace {

Expr x() { return symbol("x"); }
Expr y() { return symbol("y"); }
Expr z() { return symbol("z"); }
Expr v() { return symbol("v", Shape::Vector); }
Expr w() { return symbol("w", Shape::Vector); }
Expr matrix_a() { return symbol("A", Shape::Matrix); }
Expr matrix_b() { return symbol("B", Shape::Matrix); }
const FunctionRecord& sin_fn() { return *find_function("sin"); }

// One expression of each kind, each with x or v among its children where the
// kind has children, so that renaming changes it.
std::vector<Expr> one_of_each_kind() {
  return {
      integer(3),
      x(),
      constant(ConstantId::Pi),
      add(x(), integer(1)),
      mul(integer(2), mul(x(), y())),
      pow(x(), y()),
      apply(sin_fn(), x()),
      function("f", {"s", "t"}, {x(), y()}, {0, 0}),
      derivative_of(pow(x(), y()), x()),
      vector({x(), y()}),
      norm(v()),
      transpose(v()),
      mul(matrix_a(), v()),
      equation(x(), y()),
  };
}

// x -> z and v -> w, every other node returned as it is.
Expr rename(const Expr& e) {
  if (e == x()) return z();
  if (e == v()) return w();
  return e;
}

TEST(ExprMapChildren, SamplesCoverEveryKind) {
  std::set<Kind> kinds;
  for (const Expr& e : one_of_each_kind()) kinds.insert(e.kind());
  std::set<Kind> all;
#define CALC_KIND_INSERT(name) all.insert(Kind::name);
  CALC_NODE_KINDS(CALC_KIND_INSERT)
#undef CALC_KIND_INSERT
  EXPECT_EQ(kinds, all);
}

TEST(ExprMapChildren, UnchangedChildrenGiveTheSameNode) {
  for (const Expr& e : one_of_each_kind()) {
    Expr r = map_children(e, [](const Expr& c) { return c; });
    EXPECT_EQ(r.get(), e.get()) << kind_name(e.kind());
  }
}

TEST(ExprMapChildren, LeavesCallNothing) {
  for (const Expr& e : {integer(3), x(), constant(ConstantId::E)}) {
    int calls = 0;
    Expr r = map_children(e, [&](const Expr& c) {
      ++calls;
      return c;
    });
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(r.get(), e.get());
  }
}

TEST(ExprMapChildren, CallsFOnTheChildrenForEachChildVisitsInItsOrder) {
  for (const Expr& e : one_of_each_kind()) {
    std::vector<const Node*> visited, mapped;
    for_each_child(e, [&](const Expr& c) { visited.push_back(c.get()); });
    if (e.is(Kind::Derivative)) visited.pop_back();  // the variable is not mapped
    map_children(e, [&](const Expr& c) {
      mapped.push_back(c.get());
      return c;
    });
    EXPECT_EQ(mapped, visited) << kind_name(e.kind());
  }
}

TEST(ExprMapChildren, RebuildsEachKindFromMappedChildren) {
  const Expr a = matrix_a();
  EXPECT_EQ(map_children(add(x(), integer(1)), rename), add(z(), integer(1)));
  EXPECT_EQ(map_children(mul(integer(2), mul(x(), y())), rename), mul(integer(2), mul(z(), y())));
  EXPECT_EQ(map_children(pow(x(), y()), rename), pow(z(), y()));
  EXPECT_EQ(map_children(pow(y(), x()), rename), pow(y(), z()));
  EXPECT_EQ(map_children(apply(sin_fn(), x()), rename), apply(sin_fn(), z()));
  EXPECT_EQ(map_children(function("f", {"s", "t"}, {x(), y()}, {1, 0}), rename),
            function("f", {"s", "t"}, {z(), y()}, {1, 0}));
  EXPECT_EQ(map_children(vector({x(), y()}), rename), vector({z(), y()}));
  EXPECT_EQ(map_children(norm(v()), rename), norm(w()));
  EXPECT_EQ(map_children(transpose(v()), rename), transpose(w()));
  EXPECT_EQ(map_children(mul(a, v()), rename), mul(a, w()));
  EXPECT_EQ(map_children(equation(x(), y()), rename), equation(z(), y()));
}

TEST(ExprMapChildren, MapsAnExponentInsideAProduct) {
  // y * x^y: the product's factors are (x, y) and (y, 1); y -> 2 gives 2x^2.
  Expr e = mul(y(), pow(x(), y()));
  Expr r = map_children(e, [](const Expr& c) { return c == y() ? integer(2) : c; });
  EXPECT_EQ(r, mul(integer(2), pow(x(), integer(2))));
}

TEST(ExprMapChildren, KeepsTheVariableOfADerivative) {
  Expr e = derivative_of(pow(x(), y()), x());
  Expr r = map_children(e, [](const Expr& c) { return c == x() ? z() : c == pow(x(), y()) ? pow(x(), z()) : c; });
  ASSERT_TRUE(r.is(Kind::Derivative));
  EXPECT_EQ(static_cast<const DerivativeNode&>(*r).expr(), pow(x(), z()));
  EXPECT_EQ(static_cast<const DerivativeNode&>(*r).var(), x());
}

TEST(ExprMapChildren, RebuiltSumsAndProductsAreCanonical) {
  auto y_to_x = [](const Expr& c) { return c == y() ? x() : c; };
  EXPECT_EQ(map_children(add(x(), y()), y_to_x), mul(integer(2), x()));        // x + x = 2x
  EXPECT_EQ(map_children(sub(x(), y()), y_to_x), integer(0));                   // x - x = 0
  EXPECT_EQ(map_children(mul(x(), y()), y_to_x), pow(x(), integer(2)));         // x*x = x^2
  EXPECT_EQ(map_children(div(x(), y()), y_to_x), integer(1));                   // x/x = 1
  EXPECT_EQ(map_children(mul(integer(3), mul(x(), y())), y_to_x), mul(integer(3), pow(x(), integer(2))));
  // A term that becomes a number joins the constant: 1 + 2y with y := 3 is 7.
  Expr r = map_children(add(integer(1), mul(integer(2), y())), [](const Expr& c) { return c == y() ? integer(3) : c; });
  EXPECT_EQ(r, integer(7));
  // A factor replaced by a sum: 2y^3 with y := x + 1 is 2(x + 1)^3.
  r = map_children(mul(integer(2), pow(y(), integer(3))), [](const Expr& c) { return c == y() ? add(x(), integer(1)) : c; });
  EXPECT_EQ(r, mul(integer(2), pow(add(x(), integer(1)), integer(3))));
}

TEST(ExprMapChildren, UnchangedChildrenAreSharedInTheRebuiltNode) {
  Expr shared = apply(sin_fn(), y());
  Expr e = vector({x(), shared});
  Expr r = map_children(e, rename);
  ASSERT_TRUE(r.is(Kind::Vector));
  EXPECT_EQ(static_cast<const VectorNode&>(*r).elements()[1].get(), shared.get());
}

}  // namespace
}  // namespace calc
