// Shape errors as values. The wasm build compiles the core without C++
// exceptions (their landing pads were a tenth of the module), so a
// constructor given operands whose shapes do not fit (a vector plus a
// number, sin of a vector) cannot throw. It records why in the innermost
// open ShapeCheck and returns the undefined number NaN instead: construction
// goes on cheaply, and whatever is built from it is undefined too.
//
// Code that builds from structure it does not control (a parse, a learner's
// answer, a lowering) opens a check and reads it where it would have caught:
//
//   ShapeCheck check;
//   Expr d = simplify(diff(f, x));
//   if (check.failed()) return error(check.message());
//
// The first error inside a check wins, and a check keeps what happened
// inside it from the checks around it, as a catch did.
#pragma once

#include <string>
#include <string_view>

namespace calc {

class Expr;

class ShapeCheck {
 public:
  ShapeCheck();
  ~ShapeCheck();
  ShapeCheck(const ShapeCheck&) = delete;
  ShapeCheck& operator=(const ShapeCheck&) = delete;

  bool failed() const { return failed_; }
  const std::string& message() const { return message_; }  // English, one sentence

 private:
  friend Expr shape_error(std::string_view message);
  ShapeCheck* outer_;
  bool failed_ = false;
  std::string message_;
};

// Records message in the innermost open ShapeCheck, unless that check has
// failed already, and returns NaN, the value of the expression that could
// not be built. With no check open nothing is recorded: every entry point
// that takes outside input opens one.
Expr shape_error(std::string_view message);

// What build() returns, or an empty value (a null Expr) when building it
// raised a shape error, which stays inside: for the places where what
// cannot be built simply counts as absent.
template <class Build>
auto unless_shape_error(Build&& build) -> decltype(build()) {
  ShapeCheck check;
  auto built = build();
  if (check.failed()) return {};
  return built;
}

}  // namespace calc
