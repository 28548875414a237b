#pragma once
// The tape re-lowered for Tape::evaluate(): many points per call.
//
// The SSA tape (tape.h) stays the public representation, read by reverse-mode
// AD and by the one-point run(). evaluate() instead runs this program, which
// executes each instruction over a whole block of points, so it pays per
// instruction one pass over memory (loads, a store, loop control). The
// program cuts those passes:
//   - a constant operand is a scalar in the instruction (x*3, 1/x, x-2), not a
//     register filled with copies of it;
//   - x^2 and x^3 are Square and Cube, not a general power loop;
//   - a square, a cube, a product by a constant, a square times a constant,
//     or a constant over a value (1/x), used once by a sum or difference, is
//     folded into it (3x² − 4x and x³ − 1/x are one pass each),
//     with the same roundings as before: no fused multiply-add, so native and
//     wasm builds stay bit-identical;
//   - instructions whose value nobody reads after folding are dropped;
//   - results live in slots reused once their value is dead, so a block's
//     working set stays in L1 cache.
// Every value is bit-identical to the SSA tape's (NaN payloads aside).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace calc {
struct FunctionRecord;
}

namespace calc::numeric {

struct Instruction;

enum class BatchOp : std::uint8_t {
  Add, Sub, Mul, Div, Neg,
  Square,  // a·a
  Cube,    // (a·a)·a
  PowInt,  // a^n, n >= 4, by repeated multiplication as the SSA tape does it
  Pow,
  AddK,    // a + k
  SubK,    // a − k
  KSub,    // k − a
  MulK,    // a·k
  DivK,    // a / k
  KDiv,    // k / a (1/x is KDiv with k = 1)
  SquareK, // (a·a)·k
  // f(a) ± g(b), each operand in one of the OperandForms (a, a·k, a·a,
  // (a·a)·k, (a·a)·a, k/a; k is ka for a, kb for b); n = combine_code(form a,
  // form b, minus).
  Combine,
  Exp, Log, Sqrt, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Abs,
  Call,
};

enum class OperandForm : std::uint8_t { Plain, Scaled, Square, SquareScaled, Cube, Reciprocal };
constexpr std::int32_t kOperandForms = 6;
constexpr std::int32_t combine_code(OperandForm a, OperandForm b, bool minus) {
  return (static_cast<std::int32_t>(a) * kOperandForms + static_cast<std::int32_t>(b)) * 2 + (minus ? 1 : 0);
}

struct BatchInstruction {
  BatchOp op = BatchOp::Add;
  std::int32_t n = 0;               // exponent of PowInt; combine_code of Combine
  std::uint32_t d = 0, a = 0, b = 0;  // slots: destination and operands
  double ka = 0, kb = 0;            // constants (k of the K ops is ka)
  float ka_f = 0, kb_f = 0;         // the same, rounded once to float
  const FunctionRecord* fn = nullptr;
};

// Slots: [variables | constants still read as operands | work slots].
struct BatchProgram {
  std::vector<BatchInstruction> code;
  std::size_t variable_count = 0;
  std::vector<double> constants;  // the values of the constant slots, in slot order
  std::size_t slot_count = 0;
  std::vector<std::uint32_t> output_slots;  // one per output
};

// Lowers an SSA tape: code over registers [variables | constants | results],
// as Tape stores it.
BatchProgram compile_batch(std::span<const Instruction> code, std::span<const double> constants,
                           std::size_t variable_count, std::span<const std::uint32_t> outputs);

// inputs: points × variable_count values, row-major; outputs: points × output
// count. Returns how many output values are NaN or infinite.
template <class T>
std::size_t run_batch(const BatchProgram& program, std::span<const T> inputs, std::span<T> outputs);

}  // namespace calc::numeric
