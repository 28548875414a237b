// Tape::compile: the expression DAG lowered to a flat tape (tape.h). Runs
// once per plotted function or graded answer, so the wasm build compiles it
// for size, unlike the tape's evaluation in tape.cpp and tape_batch.cpp.
#include "numeric/tape.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

#include "expr/functions.h"
#include "numeric/tape_ops.h"
#include "util/hash_index.h"

namespace calc::numeric {

namespace {

// Instructions are hash-consed so that the same operation on the same
// registers, reached through different nodes (x^2 as a Pow node and as a
// factor inside a Mul), is emitted once.
struct InstructionKey {
  Op op;
  std::int32_t n;
  std::uint32_t a, b;
  const FunctionRecord* fn;
  bool operator==(const InstructionKey&) const = default;
};
struct InstructionKeyHash {
  std::size_t operator()(const InstructionKey& k) const {
    std::size_t h = static_cast<std::size_t>(k.op) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<std::size_t>(k.a) << 1) + 0x85EBCA6Bu + (h << 6) + (h >> 2);
    h ^= (static_cast<std::size_t>(k.b) << 3) + 0xC2B2AE35u + (h << 6) + (h >> 2);
    h ^= static_cast<std::size_t>(k.n) + std::hash<const void*>{}(k.fn) + (h << 6) + (h >> 2);
    return h;
  }
};

// Built-ins with a dedicated opcode; anything else goes through Op::Call.
std::optional<Op> opcode_for(std::string_view name) {
  static const std::pair<std::string_view, Op> table[] = {
      {"exp", Op::Exp},   {"ln", Op::Log},     {"log", Op::Log},   {"sqrt", Op::Sqrt}, {"sin", Op::Sin},
      {"cos", Op::Cos},   {"tan", Op::Tan},    {"asin", Op::Asin}, {"acos", Op::Acos}, {"atan", Op::Atan},
      {"sinh", Op::Sinh}, {"cosh", Op::Cosh},  {"tanh", Op::Tanh}, {"abs", Op::Abs},
  };
  for (const auto& [n, op] : table)
    if (n == name) return op;
  return std::nullopt;
}

}  // namespace

// Lowers the DAG bottom-up without recursion (derivatives of deep
// expressions must not overflow the wasm stack).
class TapeBuilder {
 public:
  explicit TapeBuilder(std::span<const std::string> vars) : variables_(vars) { tape_.variable_count_ = vars.size(); }

  TapeResult build(const Expr& e) {
    // One output per element of a vector, else one; a single call site of
    // lower() (two made the wasm ~1 KB larger).
    const std::span<const Expr> roots =
        e.is(Kind::Vector) ? static_cast<const VectorNode&>(*e).elements() : std::span<const Expr>(&e, 1);
    for (const Expr& root : roots) {
      if (!lower(root)) break;
    }
    if (error_) return {std::nullopt, std::move(error_)};
    // Instruction results were numbered from 0 while the constant pool grew;
    // now that its size is known, shift them after the constants.
    const std::uint32_t shift = static_cast<std::uint32_t>(tape_.first_result());
    auto relocate = [&](std::uint32_t& reg) {
      if (reg & kResultTag) reg = (reg & ~kResultTag) + shift;
    };
    for (Instruction& ins : tape_.code_) {
      relocate(ins.a);
      relocate(ins.b);
    }
    for (std::uint32_t& out : tape_.outputs_) relocate(out);
    tape_.constants_f_.assign(tape_.constants_.begin(), tape_.constants_.end());
    tape_.batch_ = compile_batch(tape_.code_, tape_.constants_, tape_.variable_count_, tape_.outputs_);
    return {std::move(tape_), std::nullopt};
  }

 private:
  // Registers are tagged while building: results carry kResultTag until the
  // constant pool is complete. Constants are numbered after the variables.
  static constexpr std::uint32_t kResultTag = 0x80000000u;

  bool lower(const Expr& root) {
    std::vector<std::pair<Expr, bool>> stack{{root, false}};
    while (!stack.empty() && !error_) {
      auto [e, expanded] = std::move(stack.back());
      stack.pop_back();
      if (registers_.count(e)) continue;
      if (!expanded) {
        stack.emplace_back(e, true);
        for_each_operand(e, [&](const Expr& c) {
          if (!registers_.count(c)) stack.emplace_back(c, false);
        });
        continue;
      }
      const std::uint32_t reg = lower_node(e);
      if (error_) return false;
      registers_.emplace(e, reg);
    }
    if (error_) return false;
    tape_.outputs_.push_back(registers_.at(root));
    return true;
  }

  // The children whose registers lower_node() reads. Numeric exponents are
  // not among them: they become PowInt/Sqrt/Div, not a constant operand.
  template <class F>
  static void for_each_operand(const Expr& e, F&& f) {
    auto power_operands = [&](const Expr& base, const Expr& exponent) {
      if (!is_euler(base)) f(base);
      if (!exponent.is(Kind::Number) || is_euler(base)) f(exponent);
    };
    switch (e.kind()) {
      case Kind::Add:
        for (const auto& [term, c] : static_cast<const AddNode&>(*e).terms()) f(term);
        return;
      case Kind::Mul:
        for (const auto& [base, exponent] : static_cast<const MulNode&>(*e).factors()) power_operands(base, exponent);
        return;
      case Kind::Pow: {
        const auto& p = static_cast<const PowNode&>(*e);
        power_operands(p.base(), p.exponent());
        return;
      }
      case Kind::Apply:
        f(static_cast<const ApplyNode&>(*e).arg());
        return;
      case Kind::Norm: {
        const Expr& arg = static_cast<const NormNode&>(*e).arg();
        if (arg.is(Kind::Vector))
          for (const Expr& x : static_cast<const VectorNode&>(*arg).elements()) f(x);
        return;
      }
      default:
        return;
    }
  }

  std::uint32_t lower_node(const Expr& e) {
    switch (e.kind()) {
      case Kind::Number:
        return constant(as_number(e)->value());
      case Kind::Constant:
        return constant(static_cast<const ConstantNode&>(*e).value());
      case Kind::Symbol: {
        const auto& s = static_cast<const SymbolNode&>(*e);
        if (s.shape() != Shape::Scalar) return fail("unsupported", "'" + s.name() + "' is not a scalar variable");
        // A linear search: a function has a few variables, and a hash map
        // keyed by name would be one more instance of its code in the module.
        const auto it = std::find(variables_.begin(), variables_.end(), s.name());
        if (it == variables_.end()) return fail("unbound-variable", "'" + s.name() + "' has no value");
        return static_cast<std::uint32_t>(it - variables_.begin());
      }
      case Kind::Add:
        return lower_add(static_cast<const AddNode&>(*e));
      case Kind::Mul:
        return lower_mul(static_cast<const MulNode&>(*e));
      case Kind::Pow: {
        const auto& p = static_cast<const PowNode&>(*e);
        return power(p.base(), p.exponent());
      }
      case Kind::Apply: {
        const auto& a = static_cast<const ApplyNode&>(*e);
        const std::uint32_t arg = registers_.at(a.arg());
        if (auto op = opcode_for(a.fn().name)) return emit(*op, arg);
        return emit(Op::Call, arg, 0, 0, &a.fn());
      }
      case Kind::Norm: {
        const Expr& arg = static_cast<const NormNode&>(*e).arg();
        if (!arg.is(Kind::Vector)) return fail("unsupported", "the norm of a symbolic vector has no numeric value");
        std::uint32_t sum = 0;
        bool first = true;
        for (const Expr& x : static_cast<const VectorNode&>(*arg).elements()) {
          const std::uint32_t r = registers_.at(x);
          const std::uint32_t square = emit(Op::Mul, r, r);
          sum = first ? square : emit(Op::Add, sum, square);
          first = false;
        }
        return first ? constant(0.0) : emit(Op::Sqrt, sum);
      }
      case Kind::Function:
        return fail("unsupported", "an abstract function has no numeric value");
      case Kind::Derivative:
        return fail("unsupported", "an unevaluated derivative has no numeric value");
      case Kind::Vector:
        return fail("unsupported", "a nested vector has no scalar value");
      case Kind::Transpose:
      case Kind::MatMul:
        return fail("unsupported", "matrix expressions must be expanded before evaluation");
      case Kind::Equation:
        return fail("unsupported", "an equation has no numeric value");
    }
    return fail("unsupported", "unknown node");
  }

  // Numbers with a denominator divide instead of multiplying by a rounded
  // reciprocal, so x/3 evaluates as written.
  std::uint32_t scale(std::uint32_t r, const Number& c) {
    if (c.is_one()) return r;
    if (c.is_minus_one()) return emit(Op::Neg, r);
    if (c.is_exact() && c.den() != 1) {
      const std::uint32_t top = c.num() == 1 ? r : emit(Op::Mul, constant(static_cast<double>(c.num())), r);
      return emit(Op::Div, top, constant(static_cast<double>(c.den())));
    }
    return emit(Op::Mul, constant(c.value()), r);
  }

  // A sum starts from a term with a positive coefficient when there is one,
  // so x^3 - 1/x is one subtraction, not a negation and an addition: the
  // terms with non-negative coefficients first, then the negative ones,
  // each in their canonical order.
  std::uint32_t lower_add(const AddNode& node) {
    std::optional<std::uint32_t> acc;
    for (const bool negative : {false, true}) {
      for (const auto& [term, c] : node.terms()) {
        if (c.is_negative() != negative) continue;
        const std::uint32_t t = registers_.at(term);
        if (!acc) {
          acc = scale(t, c);
        } else if (negative) {
          acc = emit(Op::Sub, *acc, scale(t, -c));
        } else {
          acc = emit(Op::Add, *acc, scale(t, c));
        }
      }
    }
    const Number& k = node.constant();
    if (!acc) return constant(k.value());
    if (k.is_zero()) return *acc;
    if (k.is_negative()) return emit(Op::Sub, *acc, constant((-k).value()));
    return emit(Op::Add, *acc, constant(k.value()));
  }

  // c · Π b_i^x_i evaluates as c · (Π over positive powers) / (Π over
  // negative powers): one division, and x^(-2) as 1/(x·x).
  std::uint32_t lower_mul(const MulNode& node) {
    std::optional<std::uint32_t> top, bottom;
    auto times = [&](std::optional<std::uint32_t>& acc, std::uint32_t r) {
      acc = acc ? emit(Op::Mul, *acc, r) : r;
    };
    for (const auto& [base, exponent] : node.factors()) {
      const Number* x = as_number(exponent);
      if (x && x->is_negative() && !is_euler(base)) {
        times(bottom, power_number(registers_.at(base), -*x));
      } else {
        times(top, power(base, exponent));
      }
    }
    std::uint32_t value = top ? *top : constant(1.0);
    if (bottom) value = emit(Op::Div, value, *bottom);
    return scale(value, node.coefficient());
  }

  static bool is_euler(const Expr& e) {
    return e.is(Kind::Constant) && static_cast<const ConstantNode&>(*e).id() == ConstantId::E;
  }

  std::uint32_t power(const Expr& base, const Expr& exponent) {
    if (is_euler(base)) return emit(Op::Exp, registers_.at(exponent));
    if (const Number* x = as_number(exponent)) return power_number(registers_.at(base), *x);
    return emit(Op::Pow, registers_.at(base), registers_.at(exponent));
  }

  std::uint32_t power_number(std::uint32_t base, const Number& x) {
    if (x.is_exact()) {
      if (x.den() == 1) return power_int(base, x.num());
      if (x.den() == 2) return power_int(emit(Op::Sqrt, base), x.num());
      return emit(Op::Pow, base, constant(x.value()));
    }
    const double v = x.value();
    if (v == std::trunc(v) && std::abs(v) <= 64) return power_int(base, static_cast<std::int64_t>(v));
    return emit(Op::Pow, base, constant(v));
  }

  std::uint32_t power_int(std::uint32_t base, std::int64_t n) {
    if (n == 0) return constant(1.0);
    if (n == 1) return base;
    if (n < 0) return emit(Op::Div, constant(1.0), power_int(base, -n));
    if (n > (1 << 30)) return emit(Op::Pow, base, constant(static_cast<double>(n)));
    return emit(Op::PowInt, base, 0, static_cast<std::int32_t>(n));
  }

  std::uint32_t constant(double v) {
    std::uint64_t bits;  // keyed by bit pattern: 0.0 and -0.0 stay distinct
    std::memcpy(&bits, &v, sizeof bits);
    auto [it, inserted] = constant_index_.try_emplace(bits, 0);
    if (inserted) {
      it->second = static_cast<std::uint32_t>(tape_.variable_count_ + tape_.constants_.size());
      tape_.constants_.push_back(v);
    }
    return it->second;
  }

  std::uint32_t emit(Op op, std::uint32_t a, std::uint32_t b = 0, std::int32_t n = 0,
                     const FunctionRecord* fn = nullptr) {
    if ((op == Op::Add || op == Op::Mul) && b < a) std::swap(a, b);  // commutative: one key
    const InstructionKey key{op, n, a, b, fn};
    auto [it, inserted] = instruction_index_.try_emplace(key, 0);
    if (inserted) {
      it->second = static_cast<std::uint32_t>(tape_.code_.size()) | kResultTag;
      tape_.code_.push_back(Instruction{op, n, a, b, fn});
    }
    return it->second;
  }

  std::uint32_t fail(std::string code, std::string message) {
    if (!error_) error_ = TapeError{std::move(code), std::move(message)};
    return 0;
  }

  Tape tape_;
  std::span<const std::string> variables_;
  HashMap<Expr, std::uint32_t, ExprHash> registers_;
  HashMap<std::uint64_t, std::uint32_t> constant_index_;
  HashMap<InstructionKey, std::uint32_t, InstructionKeyHash> instruction_index_;
  std::optional<TapeError> error_;
};

TapeResult Tape::compile(const Expr& e, std::span<const std::string> vars) {
  return TapeBuilder(vars).build(e);
}

}  // namespace calc::numeric
