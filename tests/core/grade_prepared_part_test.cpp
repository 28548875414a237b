// Part<T> (grade/prepared.h): a part of a prepared box is computed once; a
// shape error raised while computing it is raised again on every later use,
// so every grading that needs the part fails the same way.
#include <gtest/gtest.h>

#include <string>

#include "expr/expr.h"
#include "grade/prepared.h"
#include "shape_error_util.h"

namespace calc::grade {
namespace {

TEST(PreparedPart, IsComputedOnce) {
  Part<int> part;
  int calls = 0;
  auto compute = [&] { return ++calls * 10; };
  EXPECT_EQ(part.get(compute), 10);
  EXPECT_EQ(part.get(compute), 10);
  EXPECT_EQ(calls, 1);
}

TEST(PreparedPart, AFailedPartRaisesItsErrorOnEveryUse) {
  Part<Expr> part;
  int calls = 0;
  auto compute = [&] {
    ++calls;
    return add(vector({integer(1), integer(2)}), integer(1));  // a vector plus a number
  };
  const auto first = shape_error_of([&] { part.get(compute); });
  const auto again = shape_error_of([&] { part.get(compute); });
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first, again);
  EXPECT_EQ(*first, "cannot add a number to a vector or matrix");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace calc::grade
