#pragma once
// A box's reference answer, computed by the core from the exercise's
// definitions and the box's task. Nothing here is read from the file.
#include <cmath>
#include <string>
#include <vector>

#include "grade/problem.h"

namespace calc::grade {

struct Reference {
  // Expression and vector boxes: the answer as an expression (a vector task
  // over a vector variable in vector notation, e.g. c*x/‖x‖). Number boxes:
  // the exact number when there is one, else a real. Line boxes: y = ….
  Expr expr;
  double value = std::nan("");  // number boxes
  double slope = std::nan(""), intercept = std::nan("");  // line boxes
  std::string claim;  // choice boxes: "differentiable", "minimum", ...
  std::string error;  // why the reference could not be computed; empty on success
  bool ok() const { return error.empty(); }
};

Reference compute_reference(const Problem& p);

// The derivative of `of` in the box's (first) variable: the function a
// derivative-at, tangent or slope box is about.
Expr box_derivative(const Problem& p);

}  // namespace calc::grade
