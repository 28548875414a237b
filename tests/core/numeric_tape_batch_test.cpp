// The batch program behind Tape::evaluate(): every specialised and folded
// operation gives, bit for bit, what the point-by-point run() of the SSA tape
// gives, on random inputs and on NaN, ±inf, ±0 and domain edges; and the
// folding and slot reuse really happen.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "numeric/tape.h"
#include "numeric/tape_batch.h"
#include "parse/parser.h"

namespace calc::numeric {
namespace {

Tape compiled(std::string_view text, const std::vector<std::string>& vars) {
  ParseResult p = parse(text, ParseContext::permissive());
  EXPECT_TRUE(p.ok()) << text;
  TapeResult r = Tape::compile(p.ok() ? *p.expr : integer(0), vars);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.error ? r.error->message : "");
  return r.ok() ? std::move(*r.tape) : *Tape::compile(integer(0), {}).tape;
}

BatchProgram program_of(const Tape& t) {
  return compile_batch(t.code(), t.constants(), t.variable_count(), t.outputs());
}

template <class T>
bool same_value(T a, T b) {
  if (std::isnan(a) && std::isnan(b)) return true;
  return std::memcmp(&a, &b, sizeof a) == 0;  // -0 and +0 differ
}

// Edge values first, then random ones over several magnitudes; enough points
// for full blocks and a short last one.
template <class T>
std::vector<T> inputs(std::size_t vars, std::size_t points, unsigned seed) {
  const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
  const T edges[] = {0, T(-0.0), 1, -1, 2, T(0.5), inf, -inf, nan, std::numeric_limits<T>::max(),
                     std::numeric_limits<T>::denorm_min(), T(1e-30), T(-3), T(1e10)};
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> mantissa(-1, 1);
  std::uniform_int_distribution<int> exponent(-8, 8);
  std::vector<T> in;
  for (std::size_t p = 0; p < points; ++p)
    for (std::size_t v = 0; v < vars; ++v) {
      const std::size_t e = p * vars + v;
      in.push_back(e < std::size(edges) * vars ? edges[(p + v) % std::size(edges)]
                                                : static_cast<T>(std::ldexp(mantissa(rng), exponent(rng))));
    }
  return in;
}

template <class T>
void expect_batch_matches_run(const Tape& tape, std::string_view text) {
  const std::size_t nv = tape.variable_count(), no = tape.output_count(), points = 301;
  const std::vector<T> in = inputs<T>(nv, points, 20261129);
  std::vector<T> batch(points * no), single(no), registers;
  const std::size_t bad = tape.evaluate(std::span<const T>(in), std::span<T>(batch));
  std::size_t bad_single = 0;
  int mismatches = 0;
  for (std::size_t p = 0; p < points; ++p) {
    bad_single += tape.run<T>(std::span<const T>(in).subspan(p * nv, nv), single, registers);
    for (std::size_t k = 0; k < no; ++k)
      if (!same_value(batch[p * no + k], single[k]) && ++mismatches <= 3)
        ADD_FAILURE() << text << " at point " << p << " output " << k << ": batch " << batch[p * no + k]
                      << ", run " << single[k];
  }
  EXPECT_EQ(bad, bad_single) << text;
}

// Each expression reaches one or more specialised or folded operations.
const char* const kOneVariable[] = {
    "3x^2 - 4x",     // Square, products by constants folded into one difference
    "x^3 - 1/x",     // a cube and a reciprocal folded into one difference
    "2/x + x^3", "x^3 + 3x", "5/x - x^2", "x - x^3", "x^3 - 2x^2", "1/x + 1/x^2",
    "x^2", "x^3", "x^5", "x^(-2)", "x^(-3)",
    "2 - x", "x - 2", "x + 2", "2/x", "x/3", "3x/7", "-x", "x*3 + 1",
    "2x + x^2", "x^2 - 5x", "5x - x^2", "x^2 + 1/x", "1/x - 7x^2", "x^2*3 + x", "x - x^2",
    "3x^2*exp(x) + 2x^2",  // a square read twice stays a Square
    "x^2.5", "2^x", "sqrt(x) - 3x", "abs(x)*4 - exp(x)",
    "x",             // the output is the input itself
    "7",             // a constant output
    "x^x", "sin(x)*exp(x)/(1 + x^2)", "log(1 + exp(sin(x)*cos(x)))",
};
const char* const kTwoVariables[] = {
    "3x + 4y", "3x - 4y", "2x - y", "x - 3y", "x + y", "x*y - 2", "sqrt(x^2 + y^2)", "3x^2 + 5exp(y)",
    "x/y + y/x", "(x - y)^2", "[x*y, 3x - 2y, 7]", "x^2 - y^2", "3x^2 + y", "x - 2y^2", "[x^2, 3x^2 + y]",
    "x^2*y^2 + 2x",
};

TEST(NumericTapeBatch, EveryOperationIsBitIdenticalToRunOnRandomAndEdgeInputs) {
  for (const char* text : kOneVariable) {
    const Tape tape = compiled(text, {"x"});
    expect_batch_matches_run<double>(tape, text);
    expect_batch_matches_run<float>(tape, text);
  }
  for (const char* text : kTwoVariables) {
    const Tape tape = compiled(text, {"x", "y"});
    expect_batch_matches_run<double>(tape, text);
    expect_batch_matches_run<float>(tape, text);
  }
}

TEST(NumericTapeBatch, ProductsByConstantsFoldIntoTheSumReadingThem) {
  const BatchProgram poly = program_of(compiled("3x^2 - 4x", {"x"}));
  ASSERT_EQ(poly.code.size(), 1u);
  EXPECT_EQ(poly.code[0].op, BatchOp::Combine);
  EXPECT_EQ(poly.code[0].n, combine_code(OperandForm::SquareScaled, OperandForm::Scaled, true));

  const BatchProgram norm = program_of(compiled("sqrt(x^2 + y^2)", {"x", "y"}));
  ASSERT_EQ(norm.code.size(), 2u);
  EXPECT_EQ(norm.code[0].n, combine_code(OperandForm::Square, OperandForm::Square, false));

  const BatchProgram cubic = program_of(compiled("x^3 - 1/x", {"x"}));
  ASSERT_EQ(cubic.code.size(), 1u);
  EXPECT_EQ(cubic.code[0].n, combine_code(OperandForm::Cube, OperandForm::Reciprocal, true));
  EXPECT_EQ(cubic.code[0].kb, 1.0);

  // A cube or reciprocal read twice stays an instruction of its own.
  const BatchProgram shared = program_of(compiled("[x^3 - 1/x, x^3 + 1/x]", {"x"}));
  EXPECT_EQ(shared.code[0].op, BatchOp::Cube);
  EXPECT_EQ(shared.code[1].op, BatchOp::KDiv);
}

TEST(NumericTapeBatch, AProductReadTwiceIsNotFolded) {
  // 3x is read by the sum and by the product: folding it would compute it twice.
  const BatchProgram p = program_of(compiled("[3x + y, 3x*y]", {"x", "y"}));
  std::size_t scaled_products = 0;
  for (const BatchInstruction& in : p.code) scaled_products += in.op == BatchOp::MulK;
  EXPECT_EQ(scaled_products, 1u);
}

TEST(NumericTapeBatch, SlotsOfDeadValuesAreReused) {
  // Forty nested steps, each value dead once the next is computed: two work
  // slots alternate instead of one per instruction.
  std::string text = "x";
  for (int k = 1; k <= 20; ++k) text = "sin(" + std::to_string(k) + " + cos(" + text + "))";
  const Tape tape = compiled(text, {"x"});
  const BatchProgram p = program_of(tape);
  EXPECT_GE(tape.code().size(), 60u);
  EXPECT_LE(p.slot_count, tape.first_result() + 2);
  expect_batch_matches_run<double>(tape, text);
}

// The kernels load the pointers of d, a and b for every instruction, unary
// ones included, so each must name a slot. A product t·t becomes a Square
// that kept t's register number in b, past the last slot once slots were
// reused (ASan fuzz finding on the chain-rule box).
TEST(NumericTapeBatch, EveryInstructionNamesSlotsOnly) {
  std::vector<Instruction> code;
  for (std::uint32_t k = 0; k < 30; ++k) code.push_back({Op::Sin, 0, k, 0, nullptr});  // register k+1 = sin(register k)
  code.push_back({Op::Mul, 0, 30, 30, nullptr});
  const std::vector<std::uint32_t> outputs{31};
  const BatchProgram p = compile_batch(code, {}, 1, outputs);
  ASSERT_LT(p.slot_count, 30u);  // the slots were reused, so register numbers exceed them
  for (const BatchInstruction& in : p.code) {
    EXPECT_LT(in.d, p.slot_count);
    EXPECT_LT(in.a, p.slot_count);
    EXPECT_LT(in.b, p.slot_count);
  }
}

TEST(NumericTapeBatch, OnlyConstantsStillReadGetASlot) {
  // 3 and 4 became the k of the folded difference: x and one work slot.
  const BatchProgram poly = program_of(compiled("3x^2 - 4x", {"x"}));
  EXPECT_TRUE(poly.constants.empty());
  EXPECT_EQ(poly.slot_count, 2u);
  // A constant base is a register operand of Pow; a constant output is read as the output.
  EXPECT_EQ(program_of(compiled("2^x", {"x"})).constants, std::vector<double>{2.0});
  const Tape seven = compiled("7", {"x"});
  EXPECT_EQ(program_of(seven).constants, std::vector<double>{7.0});
  const std::vector<double> xs{1, 2, 3};
  std::vector<double> ys(3);
  EXPECT_EQ(seven.evaluate(xs, ys), 0u);
  EXPECT_EQ(ys, std::vector<double>(3, 7.0));
}

// The quick check sums a block's values; huge finite values overflow that sum
// without being non-finite, and must not be counted.
template <class T>
void expect_exact_non_finite_count(const char* text) {
  const Tape tape = compiled(text, {"x"});
  const T big = std::numeric_limits<T>::max() / 4;
  std::vector<T> in(300, big), out(300);
  EXPECT_EQ(tape.evaluate(std::span<const T>(in), std::span<T>(out)), 0u) << text;
  for (std::size_t i : {3u, 130u, 131u, 299u}) in[i] = std::numeric_limits<T>::infinity();
  for (std::size_t i : {7u, 200u}) in[i] = std::numeric_limits<T>::quiet_NaN();
  in[250] = -std::numeric_limits<T>::infinity();
  EXPECT_EQ(tape.evaluate(std::span<const T>(in), std::span<T>(out)), 7u) << text;
}

TEST(NumericTapeBatch, NonFiniteCountIsExactWhenHugeFiniteValuesOverflowTheQuickSum) {
  // The input as output, and computed outputs (a Combine among them).
  ASSERT_EQ(program_of(compiled("x - 1/x", {"x"})).code.back().op, BatchOp::Combine);
  for (const char* text : {"x", "2x", "x/2", "x - 1/x"}) {
    expect_exact_non_finite_count<double>(text);
    expect_exact_non_finite_count<float>(text);
  }
}

TEST(NumericTapeBatch, InPlaceEvaluationReadsEachInputBeforeOverwritingIt) {
  const Tape tape = compiled("3x^2 - 4x", {"x"});
  std::vector<double> values(1000), expected(1000);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = 0.01 * static_cast<double>(i) - 3;
  tape.evaluate(values, expected);
  tape.evaluate(values, values);
  EXPECT_EQ(values, expected);
}

}  // namespace
}  // namespace calc::numeric
