#pragma once
// Lines and equations compared as sets of points: y = 4x - 4, 4x - 4,
// y = 4(x-1), y + 4 = 4x and 4x - y - 4 = 0 are one line. An answer is read
// as F(x, y) = 0 (an expression E without y as y = E, one with y as E = 0),
// F is checked to be affine at sampled points, and its slope and intercept
// are compared with the reference's.
#include "grade/engine.h"

namespace calc::grade {

Result grade_line(PreparedBox& b, const Expr& answer);

// The lines of the box's declared mistakes and its tangents at other points,
// computed once per prepared box (PreparedBox::wrong_lines) since every
// wrong line is compared with them.
WrongLines wrong_lines(PreparedBox& b);

}  // namespace calc::grade
