#pragma once
// The forgiving parser for what learners type: 4x, x^2, x**2, x², x₁, e^{x},
// ‖x‖₂, ∂f/∂x, 2(x-1), x·y, −x, ... It never throws and never recurses
// without a bound: hostile input yields a ParseError with a position.
//
// Reading rules (each has a test in tests/core/parse_*_test.cpp):
// - Precedence: -x^2 = -(x^2); ^ is right-associative (2^3^2 = 2^9); a/b/c =
//   (a/b)/c. Implicit multiplication binds like '*' and associates left, so
//   1/2x = (1/2)·x and 2x^2 = 2·x². The exponent is one signed power:
//   x^-2x = x^(-2)·x, e^2x = e²·x (write e^(2x)).
// - A number may not follow another value without an operator ("2 3",
//   "x 2" are errors, so "1 1/2" is never read as 1/2); (x+1)2 is allowed.
// - Names: a run of letters that is not a known name is split into known
//   names, fewest pieces first (xy = x·y when x and y exist, sinx = sin x,
//   sin2x = sin(2x)). Followed by '(', such a run must end in a function
//   name or consist of declared variables; otherwise it is unknown-function
//   (sinn(x), foo(x), log10(x), cot x). x1, x_1, x_{1}, x₁ are the indexed
//   symbol x_1. Greek letters are letters; π and pi are the constant.
// - Functions without brackets take one signed power as argument, and a
//   number glued to the next factor joins it: sin x^2 = sin(x²), sin 2x =
//   sin(2x), sin 2 x = sin(2)·x, sin x cos x = sin(x)·cos(x). sin^2 x and
//   sin²x are (sin x)²; sin^-1 is refused as ambiguous. √ takes one atom:
//   √x² = (√x)², √2x = √2·x, √(x+1). log is the natural log; arcsin = asin.
// - Unicode: × · ⋅ ∗ ∙ are *, − – ‐ are -, ÷ is /, ** is ^; superscripts
//   (x², x⁻², x⁽¹⁾ = x^(1)) are exponents; ᵀ, ^T and ^⊤ are the transpose
//   (^T unless the context declares a variable T); ' and ′ are refused
//   (not a transpose, not a derivative). Full-width ASCII from Chinese input
//   methods (（ｘ＋１）) reads as ASCII. Control, zero-width and bidi
//   characters (U+202E ...) are refused with their own codes.
// - Brackets: ( ) [ ] { } group; a comma or ';' makes a column vector
//   ((a, b), [a, b], [a; b], [a] too); [a, b; c, d] is a vector of rows.
//   |x| is abs, ‖x‖, ‖x‖₂, ||x||, ||x||_2 and norm(x) the 2-norm (other
//   subscripts are refused). "||" opens a norm only when a closing "||"
//   follows, so ||x|-1| is abs(abs(x) - 1).
// - dot(a, b) = transpose(a)·b. One '=' at top level makes an equation.
// - Derivatives: ∂f/∂x, df/dx, d f / d x, ∂ f / ∂ x, f_x, ∂_x f, ∂/∂x f,
//   d/dx f of a declared function f in one of its parameters give the
//   FunctionNode with that order raised (∂²f/∂x∂y, ∂²f/∂x², d²y/dx² too).
//   Any other ∂E/∂v, dE/dv, d(E)/dx, d/dx E, ∂u/∂a on a definition u, gives
//   derivative_of(E, v), unevaluated, so a restated question is recognizable.
//   A bare declared function name f means f applied to its parameters, each
//   expanded when it is itself a declared function (x = x(a, b)).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "expr/expr.h"

namespace calc {

// What names mean in one exercise. Unknown identifiers are an error, which is
// also what lets "xy" split into x*y when x and y are declared.
struct ParseContext {
  struct AbstractFunction {
    std::string name;                 // "f"
    std::vector<std::string> params;  // {"x","y","z"}; each may itself be a declared function
  };
  struct Definition {
    std::string name;  // "u" in u = f(x, y, z): a name for an expression
    Expr value;
  };
  std::vector<std::string> scalars;   // e.g. {"x"}, {"x_1","x_2"}, {"a","b"}
  std::vector<std::string> vectors;   // vector variables of unspecified dimension, e.g. {"x"}
  std::vector<std::string> matrices;  // e.g. {"A"}
  std::vector<AbstractFunction> functions;
  std::vector<Definition> definitions;
  // When true, any identifier made of one letter (optionally indexed) is a
  // scalar variable; used by the CLI, where nothing is declared.
  bool implicit_scalars = false;

  static ParseContext permissive();  // implicit_scalars = true
};

// Limits that keep hostile input cheap; each has its own error code:
// - max_input_bytes (too-long): checked before decoding, so a megabyte costs
//   nothing; 4096 bytes is far beyond any answer in the workbook.
// - max_depth (too-deep): open brackets are counted in one linear pass
//   before parsing; during parsing every recursion (bracket, bar, '^',
//   unary sign, function argument, ∂) counts, so 100,000 nested brackets
//   or 4,000 minus signs fail in about a millisecond and the stack stays small.
// - max_int_exponent (exponent-too-large): bounds |n| for every numeric
//   exponent, x^n included (x^99999999999, 10^10^10 are refused), so later
//   expansion and evaluation stay cheap.
// Names longer than the longest known name are never tried when splitting a
// run of letters, so splitting is linear in the input.
struct ParseLimits {
  std::size_t max_input_bytes = 4096;
  std::size_t max_depth = 200;       // brackets, unary signs and ^ chains combined
  std::int64_t max_int_exponent = 1000;  // |n| in x^n for any numeric exponent
};

// Codes (stable; see parse/errors.h): empty, too-long, invalid-utf8,
// control-character, bidi-control, unexpected-character, unexpected-token,
// unexpected-end (position = input length, length 0), unbalanced (points at
// the unmatched bracket), unknown-function, unknown-symbol, bad-number,
// bad-index, too-deep, exponent-too-large, two-equals, wrong-arity,
// bad-derivative, bad-vector, division-by-zero, number-too-large,
// invalid-expression (operands a constructor rejects, e.g. vector + number).
struct ParseError {
  std::string code;     // stable: "empty", "unexpected-token", "unbalanced", "unknown-function", ...
  std::string message;  // English, one sentence
  std::string message_zh;
  std::size_t position = 0;  // code-point index into the input where the problem starts
  std::size_t length = 1;    // code points covered (the span)
};

struct ParseResult {
  std::optional<Expr> expr;
  std::optional<ParseError> error;
  bool ok() const { return expr.has_value(); }
};

ParseResult parse(std::string_view input, const ParseContext& ctx = ParseContext::permissive(),
                  const ParseLimits& limits = {});

}  // namespace calc
