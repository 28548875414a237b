#include "numeric/tape_batch.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <utility>

#include "expr/functions.h"
#include "numeric/libm/libm.h"
#include "numeric/tape.h"
#include "numeric/tape_ops.h"

namespace calc::numeric {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// One SSA instruction in batch form: operands and destination still SSA
// registers, constant operands already folded into ka/kb.
BatchInstruction translate(const Instruction& c, std::uint32_t result, std::size_t nv,
                           std::span<const double> constants) {
  const std::size_t first_result = nv + constants.size();
  auto is_constant = [&](std::uint32_t r) { return r >= nv && r < first_result; };
  auto value = [&](std::uint32_t r) { return constants[r - nv]; };
  BatchInstruction b;
  b.d = result;
  b.a = c.a;
  b.b = c.b;
  b.n = c.n;
  b.fn = c.fn;
  // One operand constant, the other not: the K form, with the other operand as a.
  auto with_constant = [&](BatchOp if_b_constant, BatchOp if_a_constant) -> std::optional<BatchOp> {
    if (is_constant(c.b) && !is_constant(c.a)) {
      b.ka = value(c.b);
      return if_b_constant;
    }
    if (is_constant(c.a) && !is_constant(c.b)) {
      b.ka = value(c.a);
      b.a = c.b;
      return if_a_constant;
    }
    return std::nullopt;
  };
  switch (c.op) {
    case Op::Add: b.op = with_constant(BatchOp::AddK, BatchOp::AddK).value_or(BatchOp::Add); break;
    case Op::Sub: b.op = with_constant(BatchOp::SubK, BatchOp::KSub).value_or(BatchOp::Sub); break;
    case Op::Mul:
      b.op = with_constant(BatchOp::MulK, BatchOp::MulK).value_or(c.a == c.b ? BatchOp::Square : BatchOp::Mul);
      break;
    case Op::Div: b.op = with_constant(BatchOp::DivK, BatchOp::KDiv).value_or(BatchOp::Div); break;
    case Op::Neg: b.op = BatchOp::Neg; break;
    case Op::PowInt: b.op = c.n == 2 ? BatchOp::Square : c.n == 3 ? BatchOp::Cube : BatchOp::PowInt; break;
    case Op::Pow: b.op = BatchOp::Pow; break;
    case Op::Exp: b.op = BatchOp::Exp; break;
    case Op::Log: b.op = BatchOp::Log; break;
    case Op::Sqrt: b.op = BatchOp::Sqrt; break;
    case Op::Sin: b.op = BatchOp::Sin; break;
    case Op::Cos: b.op = BatchOp::Cos; break;
    case Op::Tan: b.op = BatchOp::Tan; break;
    case Op::Asin: b.op = BatchOp::Asin; break;
    case Op::Acos: b.op = BatchOp::Acos; break;
    case Op::Atan: b.op = BatchOp::Atan; break;
    case Op::Sinh: b.op = BatchOp::Sinh; break;
    case Op::Cosh: b.op = BatchOp::Cosh; break;
    case Op::Tanh: b.op = BatchOp::Tanh; break;
    case Op::Abs: b.op = BatchOp::Abs; break;
    case Op::Call: b.op = BatchOp::Call; break;
  }
  return b;
}

bool reads_b(BatchOp op) {
  switch (op) {
    case BatchOp::Add: case BatchOp::Sub: case BatchOp::Mul: case BatchOp::Div: case BatchOp::Pow:
    case BatchOp::Combine:
      return true;
    default:
      return false;
  }
}

// Folds a square read only by a product by a constant into it: (x·x)·3 is
// one SquareK.
void fold_square_into_product(BatchInstruction& in, std::vector<BatchInstruction>& code, std::vector<bool>& live,
                              const std::vector<std::uint32_t>& uses, std::size_t first_result) {
  if (in.op != BatchOp::MulK || in.a < first_result || uses[in.a] != 1) return;
  BatchInstruction& square = code[in.a - first_result];
  if (square.op != BatchOp::Square) return;
  live[in.a - first_result] = false;
  in.op = BatchOp::SquareK;
  in.a = square.a;
}

// Folds a square, a cube, a product by a constant, a square times a constant
// or a constant over a value, read only here, into the sum or difference that
// reads it: s + 3t becomes one Combine of s and t·3.
void fold_operands_into_sum(BatchInstruction& in, std::vector<BatchInstruction>& code, std::vector<bool>& live,
                            const std::vector<std::uint32_t>& uses, std::size_t first_result) {
  if (in.op != BatchOp::Add && in.op != BatchOp::Sub) return;
  auto fold = [&](std::uint32_t& reg, double& k) -> OperandForm {
    if (reg < first_result || uses[reg] != 1) return OperandForm::Plain;
    const BatchInstruction& term = code[reg - first_result];
    OperandForm form;
    switch (term.op) {
      case BatchOp::MulK: form = OperandForm::Scaled; break;
      case BatchOp::Square: form = OperandForm::Square; break;
      case BatchOp::SquareK: form = OperandForm::SquareScaled; break;
      case BatchOp::Cube: form = OperandForm::Cube; break;
      case BatchOp::KDiv: form = OperandForm::Reciprocal; break;
      default: return OperandForm::Plain;
    }
    live[reg - first_result] = false;
    k = term.ka;
    reg = term.a;
    return form;
  };
  const bool minus = in.op == BatchOp::Sub;
  const OperandForm fa = fold(in.a, in.ka);
  const OperandForm fb = in.b == in.a ? OperandForm::Plain : fold(in.b, in.kb);
  if (fa == OperandForm::Plain && fb == OperandForm::Plain) return;
  in.op = BatchOp::Combine;
  in.n = combine_code(fa, fb, minus);
}

}  // namespace

BatchProgram compile_batch(std::span<const Instruction> ssa, std::span<const double> constants,
                           std::size_t variable_count, std::span<const std::uint32_t> outputs) {
  const std::size_t nv = variable_count, first_result = nv + constants.size();
  const std::size_t registers = first_result + ssa.size();
  std::vector<BatchInstruction> code;
  code.reserve(ssa.size());
  for (std::size_t i = 0; i < ssa.size(); ++i)
    code.push_back(translate(ssa[i], static_cast<std::uint32_t>(first_result + i), nv, constants));

  std::vector<std::uint32_t> uses(registers, 0);
  for (const BatchInstruction& in : code) {
    ++uses[in.a];
    if (reads_b(in.op)) ++uses[in.b];
  }
  for (std::uint32_t out : outputs) uses[out] += 2;  // an output is never folded away

  std::vector<bool> live(code.size(), true);
  // In SSA order, so a square is folded into its product before the product
  // is folded into its sum.
  for (BatchInstruction& in : code) {
    fold_square_into_product(in, code, live, uses, first_result);
    fold_operands_into_sum(in, code, live, uses, first_result);
  }

  // Slots: a result's slot is freed after the last instruction reading it,
  // and only after the destination is chosen, so no instruction writes a slot
  // it reads (the kernels rely on that: their pointers are __restrict).
  constexpr std::size_t kForever = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> last_read(registers, 0);
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!live[i]) continue;
    last_read[code[i].a] = i;
    if (reads_b(code[i].op)) last_read[code[i].b] = i;
  }
  for (std::uint32_t out : outputs) last_read[out] = kForever;

  BatchProgram program;
  program.variable_count = nv;
  std::vector<std::uint32_t> slot_of(registers, kNone);
  for (std::size_t r = 0; r < nv; ++r) slot_of[r] = static_cast<std::uint32_t>(r);
  std::uint32_t next_slot = static_cast<std::uint32_t>(nv);
  // Only constants still read after folding (as a register operand, or as an
  // output) get a slot, which run_batch fills each call; most became the k of
  // a K form, and a slot for them would be filled for nothing.
  auto keep_constant = [&](std::uint32_t r) {
    if (r < nv || r >= first_result || slot_of[r] != kNone) return;
    slot_of[r] = next_slot++;
    program.constants.push_back(constants[r - nv]);
  };
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!live[i]) continue;
    keep_constant(code[i].a);
    if (reads_b(code[i].op)) keep_constant(code[i].b);
  }
  for (std::uint32_t out : outputs) keep_constant(out);
  std::vector<std::uint32_t> free_slots;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (!live[i]) continue;
    BatchInstruction in = code[i];
    const std::uint32_t result = in.d;
    in.a = slot_of[in.a];
    // execute() loads all three slot pointers for every instruction, so an
    // unused b must still name a slot (it held a register number, which can
    // lie past the last slot; fuzz finding under ASan).
    in.b = reads_b(in.op) ? slot_of[in.b] : in.a;
    if (free_slots.empty()) {
      in.d = next_slot++;
    } else {
      in.d = free_slots.back();
      free_slots.pop_back();
    }
    slot_of[result] = in.d;
    auto release = [&](std::uint32_t reg) {
      if (reg >= first_result && last_read[reg] == i) free_slots.push_back(slot_of[reg]);
    };
    release(code[i].a);
    if (reads_b(code[i].op) && code[i].b != code[i].a) release(code[i].b);
    in.ka_f = static_cast<float>(in.ka);
    in.kb_f = static_cast<float>(in.kb);
    program.code.push_back(in);
  }
  program.slot_count = next_slot;
  for (std::uint32_t out : outputs) program.output_slots.push_back(slot_of[out]);
  return program;
}

namespace {

constexpr std::size_t kBlock = 128;  // points per block

using tape_ops::ipow;

template <OperandForm F, class T>
T operand(T x, T k) {
  if constexpr (F == OperandForm::Plain) return x;
  else if constexpr (F == OperandForm::Scaled) return x * k;
  else if constexpr (F == OperandForm::Square) return x * x;
  else if constexpr (F == OperandForm::SquareScaled) return (x * x) * k;
  else if constexpr (F == OperandForm::Cube) return x * x * x;  // as Cube and ipow: (x·x)·x
  else return k / x;                                            // Reciprocal, as KDiv
}

template <class T, int Code>
void combine(T* __restrict d, const T* __restrict a, const T* __restrict b, T ka, T kb, std::size_t n) {
  constexpr auto fa = static_cast<OperandForm>(Code / 2 / kOperandForms);
  constexpr auto fb = static_cast<OperandForm>(Code / 2 % kOperandForms);
  if constexpr (Code % 2 == 1) {
    for (std::size_t j = 0; j < n; ++j) d[j] = operand<fa>(a[j], ka) - operand<fb>(b[j], kb);
  } else {
    for (std::size_t j = 0; j < n; ++j) d[j] = operand<fa>(a[j], ka) + operand<fb>(b[j], kb);
  }
}

// One loop per combination of operand forms and sign, indexed by combine_code.
template <class T, int... Codes>
constexpr auto combine_table(std::integer_sequence<int, Codes...>) {
  using Kernel = void (*)(T*, const T*, const T*, T, T, std::size_t);
  return std::array<Kernel, sizeof...(Codes)>{&combine<T, Codes>...};
}
template <class T>
constexpr auto combine_kernels = combine_table<T>(std::make_integer_sequence<int, 2 * kOperandForms * kOperandForms>{});

using tape_ops::call;

// Runs one instruction over the m points of a block: a short block (the
// last one, or a grader's 16 points) computes only its own points.
template <class T>
void execute(const BatchInstruction& in, T* const* slot, std::size_t m) {
  T* __restrict d = slot[in.d];
  const T* __restrict a = slot[in.a];
  const T* __restrict b = slot[in.b];
  const T ka = std::is_same_v<T, float> ? T(in.ka_f) : T(in.ka);
  const T kb = std::is_same_v<T, float> ? T(in.kb_f) : T(in.kb);
  switch (in.op) {
    case BatchOp::Add: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] + b[j]; break;
    case BatchOp::Sub: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] - b[j]; break;
    case BatchOp::Mul: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] * b[j]; break;
    case BatchOp::Div: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] / b[j]; break;
    case BatchOp::Neg: for (std::size_t j = 0; j < m; ++j) d[j] = -a[j]; break;
    case BatchOp::Square: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] * a[j]; break;
    case BatchOp::Cube: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] * a[j] * a[j]; break;
    case BatchOp::PowInt: for (std::size_t j = 0; j < m; ++j) d[j] = ipow(a[j], in.n); break;
    case BatchOp::Pow: for (std::size_t j = 0; j < m; ++j) d[j] = libm::pow(a[j], b[j]); break;
    case BatchOp::AddK: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] + ka; break;
    case BatchOp::SubK: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] - ka; break;
    case BatchOp::KSub: for (std::size_t j = 0; j < m; ++j) d[j] = ka - a[j]; break;
    case BatchOp::MulK: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] * ka; break;
    case BatchOp::DivK: for (std::size_t j = 0; j < m; ++j) d[j] = a[j] / ka; break;
    case BatchOp::KDiv: for (std::size_t j = 0; j < m; ++j) d[j] = ka / a[j]; break;
    case BatchOp::SquareK: for (std::size_t j = 0; j < m; ++j) d[j] = (a[j] * a[j]) * ka; break;
    case BatchOp::Combine: combine_kernels<T>[in.n](d, a, b, ka, kb, m); break;
    case BatchOp::Exp: for (std::size_t j = 0; j < m; ++j) d[j] = libm::exp(a[j]); break;
    case BatchOp::Log: for (std::size_t j = 0; j < m; ++j) d[j] = libm::log(a[j]); break;
    case BatchOp::Sqrt: for (std::size_t j = 0; j < m; ++j) d[j] = std::sqrt(a[j]); break;
    case BatchOp::Sin: for (std::size_t j = 0; j < m; ++j) d[j] = libm::sin(a[j]); break;
    case BatchOp::Cos: for (std::size_t j = 0; j < m; ++j) d[j] = libm::cos(a[j]); break;
    case BatchOp::Tan: for (std::size_t j = 0; j < m; ++j) d[j] = libm::tan(a[j]); break;
    case BatchOp::Asin: for (std::size_t j = 0; j < m; ++j) d[j] = libm::asin(a[j]); break;
    case BatchOp::Acos: for (std::size_t j = 0; j < m; ++j) d[j] = libm::acos(a[j]); break;
    case BatchOp::Atan: for (std::size_t j = 0; j < m; ++j) d[j] = libm::atan(a[j]); break;
    case BatchOp::Sinh: for (std::size_t j = 0; j < m; ++j) d[j] = libm::sinh(a[j]); break;
    case BatchOp::Cosh: for (std::size_t j = 0; j < m; ++j) d[j] = libm::cosh(a[j]); break;
    case BatchOp::Tanh: for (std::size_t j = 0; j < m; ++j) d[j] = libm::tanh(a[j]); break;
    case BatchOp::Abs: for (std::size_t j = 0; j < m; ++j) d[j] = std::abs(a[j]); break;
    case BatchOp::Call: for (std::size_t j = 0; j < m; ++j) d[j] = call(in.fn, a[j]); break;
  }
}

// Non-finite values among v[0..m). Most blocks have none, so a quick check
// comes first, at one addition per value: a sum with a NaN or infinite term
// is NaN or infinite, so a finite sum proves every value finite. The sum runs
// in independent lanes (which the compiler vectorizes; a single running sum
// it may not reorder). A sum that is not finite (a non-finite value, or
// finite values whose sum overflowed) sends the block to the exact count,
// where v − v is +0 for a finite v and NaN for ±inf or NaN.
template <class T>
std::size_t count_non_finite(const T* v, std::size_t m) {
  // Independent sums hide the adder's latency. Natively 16 (8 SSE registers
  // of 2); in wasm, without SIMD, V8 keeps 4 scalar sums in registers where
  // 8 or 16 were slower (3x^2-4x: 3.95 µs per 4096 points with 4, 4.4 with 8,
  // 4.7 with 16).
#ifdef __wasm__
  constexpr std::size_t kLanes = 4;
#else
  constexpr std::size_t kLanes = 16;
#endif
  T lanes[kLanes] = {};
  std::size_t j = 0;
  for (; j + kLanes <= m; j += kLanes)
    for (std::size_t k = 0; k < kLanes; ++k) lanes[k] += v[j + k];
  T sum = 0;
  for (T lane : lanes) sum += lane;
  for (; j < m; ++j) sum += v[j];
  if (sum - sum == T(0)) return 0;
  std::size_t n = 0;
  for (j = 0; j < m; ++j) n += !(v[j] - v[j] == T(0));
  return n;
}

// Copies m points of row-major inputs into the variables' slots, one variable
// at a time (a strided read, a contiguous write, no inner loop over a run-time
// number of variables); two variables, the usual case, have a fixed loop.
template <class T>
void read_variables(const T* rows, std::size_t nv, std::size_t m, T* const* slot) {
  if (nv == 2 && m == kBlock) {
    T* __restrict first = slot[0];
    T* __restrict second = slot[1];
    for (std::size_t j = 0; j < kBlock; ++j) {
      first[j] = rows[2 * j];
      second[j] = rows[2 * j + 1];
    }
    return;
  }
  for (std::size_t v = 0; v < nv; ++v) {
    T* __restrict to = slot[v];
    for (std::size_t j = 0; j < m; ++j) to[j] = rows[j * nv + v];
  }
}

bool overlap(const void* a, std::size_t a_bytes, const void* b, std::size_t b_bytes) {
  const auto* pa = static_cast<const char*>(a);
  const auto* pb = static_cast<const char*>(b);
  return std::less<>{}(pa, pb + b_bytes) && std::less<>{}(pb, pa + a_bytes);
}

}  // namespace

template <class T>
std::size_t run_batch(const BatchProgram& program, std::span<const T> inputs, std::span<T> outputs) {
  constexpr std::size_t B = kBlock;
  const std::size_t nv = program.variable_count, no = program.output_slots.size();
  if (no == 0) return 0;
  std::size_t points = outputs.size() / no;
  if (nv > 0) points = std::min(points, inputs.size() / nv);

  // A slot holds one block, or all the points when they fit in less: a call
  // for a grader's 16 points neither allocates nor fills kBlock values a slot.
  const std::size_t stride = std::clamp<std::size_t>(points, 1, B);
  std::vector<T> storage(program.slot_count * stride);
  std::vector<T*> slot(program.slot_count);
  for (std::size_t s = 0; s < program.slot_count; ++s) slot[s] = storage.data() + s * stride;
  const std::vector<double>& constants = program.constants;
  for (std::size_t k = 0; k < constants.size(); ++k) std::fill_n(slot[nv + k], stride, static_cast<T>(constants[k]));

  // One variable and one computed output: full blocks read the caller's
  // inputs and write the caller's outputs in place, with no copies.
  const bool separate = !overlap(inputs.data(), inputs.size_bytes(), outputs.data(), outputs.size_bytes());
  const bool read_in_place = nv == 1 && separate;
  const std::uint32_t out_slot = program.output_slots[0];
  const bool write_in_place = no == 1 && separate && out_slot >= nv + constants.size();
  T* const variable_storage = storage.data();
  T* const output_storage = slot[out_slot];

  std::size_t non_finite = 0;
  for (std::size_t p0 = 0; p0 < points; p0 += B) {
    const std::size_t m = std::min(B, points - p0);
    const bool full = m == B;
    if (read_in_place && full) {
      slot[0] = const_cast<T*>(inputs.data() + p0);  // only ever read
    } else {
      if (nv == 1) slot[0] = variable_storage;
      read_variables(inputs.data() + p0 * nv, nv, m, slot.data());
    }
    if (write_in_place) slot[out_slot] = full ? outputs.data() + p0 : output_storage;

    for (const BatchInstruction& in : program.code) execute(in, slot.data(), m);

    if (write_in_place) {
      if (!full) std::copy_n(output_storage, m, outputs.data() + p0);
      non_finite += count_non_finite(outputs.data() + p0, m);
      continue;
    }
    for (std::size_t k = 0; k < no; ++k) {
      const T* value = slot[program.output_slots[k]];
      T* out = outputs.data() + p0 * no + k;
      for (std::size_t j = 0; j < m; ++j) out[j * no] = value[j];
      non_finite += count_non_finite(value, m);
    }
  }
  return non_finite;
}

template std::size_t run_batch<double>(const BatchProgram&, std::span<const double>, std::span<double>);
template std::size_t run_batch<float>(const BatchProgram&, std::span<const float>, std::span<float>);

}  // namespace calc::numeric
