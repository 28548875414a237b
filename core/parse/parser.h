#pragma once
// The forgiving parser for what learners type: 4x, x^2, x**2, x², x₁, e^{x},
// ‖x‖₂, ∂f/∂x, 2(x-1), x·y, −x, ... It never throws and never recurses
// without a bound: hostile input yields a ParseError with a position.
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

// Limits that keep hostile input cheap; each has its own error code.
struct ParseLimits {
  std::size_t max_input_bytes = 4096;
  std::size_t max_depth = 200;       // brackets, unary signs and ^ chains combined
  std::int64_t max_int_exponent = 1000;  // |n| in x^n for exact integer powers of numbers
};

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
