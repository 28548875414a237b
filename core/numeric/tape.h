#pragma once
// Compiled evaluation: an expression lowered to a flat instruction tape.
//
// Plots, grading and the gradient field evaluate one expression at many
// points, so the tree is walked once, here, and each point then runs a tight
// switch loop over the instructions with no allocation. Registers are laid
// out as [variables | constants | one result per instruction] (SSA: the
// result of instruction i lives in register first_result() + i). Shared
// subexpressions, and identical instructions reached through different
// nodes, are computed once.
//
// Domain problems (log of a negative, 1/0, sqrt(-1)) follow IEEE arithmetic
// and give NaN or ±inf; evaluate() counts the non-finite outputs instead of
// throwing.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "expr/expr.h"
#include "numeric/tape_batch.h"

namespace calc {
struct FunctionRecord;
}

namespace calc::numeric {

enum class Op : std::uint8_t {
  Add,     // a + b
  Sub,     // a - b
  Mul,     // a * b
  Div,     // a / b
  Neg,     // -a
  PowInt,  // a^n by repeated multiplication, n >= 2
  Pow,     // a^b, real principal value (NaN for a negative base and non-integer b)
  Exp,
  Log,
  Sqrt,
  Sin,
  Cos,
  Tan,
  Asin,
  Acos,
  Atan,
  Sinh,
  Cosh,
  Tanh,
  Abs,
  Call,  // any other built-in, through its FunctionRecord (eval and deriv in double)
};

struct Instruction {
  Op op;
  std::int32_t n = 0;  // exponent for PowInt
  std::uint32_t a = 0, b = 0;
  const FunctionRecord* fn = nullptr;  // Call only
};

struct TapeError {
  std::string code;  // "unbound-variable", "unsupported"
  std::string message;
};

struct TapeResult;

class Tape {
 public:
  // Lowers e over the named variables ("x", "x_1"). e is a scalar (one
  // output) or a Vector of scalars (one output per element). Symbols not in
  // vars, and nodes with no numeric meaning (abstract functions, unevaluated
  // derivatives, equations, symbolic vectors), are compile errors.
  static TapeResult compile(const Expr& e, std::span<const std::string> vars);

  std::size_t variable_count() const { return variable_count_; }
  std::size_t output_count() const { return outputs_.size(); }
  std::size_t register_count() const { return first_result() + code_.size(); }

  // inputs: points × variable_count() values, row-major; outputs: points ×
  // output_count(). Returns how many output values are NaN or infinite.
  // Runs the batch program (tape_batch.h); values are bit-identical to run().
  std::size_t evaluate(std::span<const double> inputs, std::span<double> outputs) const;
  std::size_t evaluate(std::span<const float> inputs, std::span<float> outputs) const;
  // Convenience for one point and one output.
  double operator()(std::span<const double> point) const;
  float operator()(std::span<const float> point) const;

  // One point at a time, for T = float, double, ad::Dual<float>, ad::Dual<double>
  // (evaluate() is the faster path for many points of float or double).
  // `registers` is reused across calls (resized once); after the call it holds
  // every register's value at the last point, which reverse mode reads.
  template <class T>
  std::size_t run(std::span<const T> inputs, std::span<T> outputs, std::vector<T>& registers) const;

  // Read-only view for reverse-mode AD and for tests.
  std::span<const Instruction> code() const { return code_; }
  std::span<const double> constants() const { return constants_; }
  std::span<const std::uint32_t> outputs() const { return outputs_; }
  std::size_t first_constant() const { return variable_count_; }
  std::size_t first_result() const { return variable_count_ + constants_.size(); }

 private:
  friend class TapeBuilder;
  std::size_t variable_count_ = 0;
  std::vector<double> constants_;
  std::vector<float> constants_f_;  // the same constants rounded once to float
  std::vector<Instruction> code_;
  std::vector<std::uint32_t> outputs_;  // output register per output
  BatchProgram batch_;                  // the same code, lowered for evaluate()
};

struct TapeResult {
  std::optional<Tape> tape;
  std::optional<TapeError> error;
  bool ok() const { return tape.has_value(); }
};

}  // namespace calc::numeric
