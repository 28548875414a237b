// Variables are interned (core/expr/nodes.cpp): one name, index and shape is
// one node, which the comparisons in sorting and diff() settle by pointer.
// Different variables stay different, and past the table's bound variables
// are still built correctly, only no longer shared.
#include <gtest/gtest.h>

#include <string>

#include "expr/expr.h"

namespace calc {
namespace {

TEST(InternedSymbols, OneVariableIsOneNode) {
  EXPECT_EQ(symbol("x").get(), symbol("x").get());
  EXPECT_EQ(symbol("x_1").get(), indexed("x", 1).get());
  EXPECT_EQ(symbol("x1").get(), symbol("x_1").get());
  EXPECT_EQ(symbol("v", Shape::Vector).get(), symbol("v", Shape::Vector).get());
}

TEST(InternedSymbols, DifferentNamesIndicesAndShapesStayDifferent) {
  EXPECT_NE(symbol("x"), symbol("y"));
  EXPECT_NE(symbol("x"), indexed("x", 1));
  EXPECT_NE(indexed("x", 1), indexed("x", 2));
  EXPECT_NE(symbol("x"), symbol("x", Shape::Vector));
  EXPECT_NE(symbol("A", Shape::Matrix), symbol("A", Shape::Vector));
  EXPECT_NE(symbol("xy"), symbol("x"));
}

TEST(InternedSymbols, ManyNamesStillBuildTheRightVariables) {
  for (int i = 0; i < 500; ++i) {
    const std::string name = "w" + std::to_string(i) + "q";  // not an indexed form
    Expr a = symbol(name), b = symbol(name);
    ASSERT_EQ(a, b) << name;
    const auto& s = static_cast<const SymbolNode&>(*a);
    EXPECT_EQ(s.base(), name);
    EXPECT_EQ(s.index(), -1);
    EXPECT_NE(a, symbol(name + "r"));
  }
  // Sums of distinct variables keep every one.
  Expr total = integer(0);
  for (int i = 0; i < 100; ++i) total = add(total, symbol("u" + std::to_string(i) + "k"));
  EXPECT_EQ(static_cast<const AddNode&>(*total).terms().size(), 100u);
}

}  // namespace
}  // namespace calc
