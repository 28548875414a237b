// Tests of code that raises shape errors (expr/shape_check.h): the message
// of the first one raised while building, if any.
#pragma once

#include <optional>
#include <string>

#include "expr/shape_check.h"

namespace calc {

template <class Build>
std::optional<std::string> shape_error_of(Build&& build) {
  ShapeCheck check;
  build();
  if (!check.failed()) return std::nullopt;
  return check.message();
}

}  // namespace calc

#define EXPECT_SHAPE_ERROR(expression) \
  EXPECT_TRUE(::calc::shape_error_of([&] { (void)(expression); }).has_value()) << #expression
