#include "expr/shape_check.h"

#include <limits>

#include "expr/expr.h"

namespace calc {

namespace {
// The open checks form a stack through outer_; the core is single-threaded
// per thread of use, as the interned symbols are (nodes.cpp).
thread_local ShapeCheck* innermost = nullptr;
}  // namespace

ShapeCheck::ShapeCheck() : outer_(innermost) { innermost = this; }

ShapeCheck::~ShapeCheck() { innermost = outer_; }

Expr shape_error(std::string_view message) {
  if (innermost && !innermost->failed_) {
    innermost->failed_ = true;
    innermost->message_ = message;
  }
  return real(std::numeric_limits<double>::quiet_NaN());
}

}  // namespace calc
