// Shape errors as values (expr/shape_check.h): the innermost open check
// records the first error, an inner check keeps its error from the outer
// one, and the value of what could not be built is NaN.
#include <gtest/gtest.h>

#include <cmath>

#include "expr/expr.h"
#include "expr/shape_check.h"

namespace calc {
namespace {

bool is_nan(const Expr& e) {
  const Number* n = as_number(e);
  return n && std::isnan(n->value());
}

TEST(ShapeCheck, RecordsTheFirstErrorAndReturnsNaN) {
  ShapeCheck check;
  EXPECT_FALSE(check.failed());
  EXPECT_TRUE(is_nan(shape_error("first")));
  EXPECT_TRUE(is_nan(shape_error("second")));
  EXPECT_TRUE(check.failed());
  EXPECT_EQ(check.message(), "first");
}

TEST(ShapeCheck, AnInnerCheckKeepsItsErrorFromTheOuterOne) {
  ShapeCheck outer;
  {
    ShapeCheck inner;
    shape_error("inner");
    EXPECT_TRUE(inner.failed());
  }
  EXPECT_FALSE(outer.failed());
  shape_error("outer");
  EXPECT_EQ(outer.message(), "outer");
}

TEST(ShapeCheck, UnlessShapeErrorGivesTheValueOrNothing) {
  ShapeCheck outer;
  const Expr x = symbol("x");
  EXPECT_EQ(unless_shape_error([&] { return add(x, integer(1)); }), add(x, integer(1)));
  EXPECT_FALSE(unless_shape_error([] { return add(vector({integer(1), integer(2)}), integer(1)); }));
  EXPECT_FALSE(outer.failed());  // the error stayed inside
}

TEST(ShapeCheck, WithNoCheckOpenNothingIsRecorded) {
  EXPECT_TRUE(is_nan(shape_error("unchecked")));
  ShapeCheck check;
  EXPECT_FALSE(check.failed());
}

}  // namespace
}  // namespace calc
