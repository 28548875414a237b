// substitute() rebuilds canonically; free_symbols() lists names once, sorted.
#include <gtest/gtest.h>

#include "calculus/substitute.h"
#include "expr/functions.h"

namespace calc {
namespace {

TEST(Substitute, RebuildsCanonically) {
  Expr x = symbol("x"), y = symbol("y");
  Expr f = add(mul(integer(3), pow(x, integer(2))), mul(x, y));
  EXPECT_EQ(substitute(f, {{x, integer(2)}}), add(integer(12), mul(integer(2), y)));
  EXPECT_EQ(substitute(f, {{y, x}}), mul(integer(4), pow(x, integer(2))));
  Expr s = apply(*find_function("sin"), x);
  EXPECT_EQ(substitute(s, {{x, y}}), apply(*find_function("sin"), y));
}

TEST(Substitute, FreeSymbolsSortedUnique) {
  Expr f = add(mul(symbol("x_2"), symbol("b")), pow(symbol("x_1"), symbol("b")));
  EXPECT_EQ(free_symbols(f), (std::vector<std::string>{"b", "x_1", "x_2"}));
}

}  // namespace
}  // namespace calc
