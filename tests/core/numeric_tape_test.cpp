// Compiled evaluation: values against hand-written C++, float32 really in
// float, shared subexpressions computed once, domain errors as NaN.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "ad_random_expr.h"
#include "expr/functions.h"
#include "numeric/finite_difference.h"
#include "numeric/tape.h"
#include "parse/parser.h"

namespace calc::numeric {
namespace {

Expr parsed(std::string_view text) {
  ParseResult r = parse(text, ParseContext::permissive());
  EXPECT_TRUE(r.ok()) << text << ": " << (r.error ? r.error->message : "");
  return r.ok() ? *r.expr : integer(0);
}

Tape compiled(std::string_view text, std::vector<std::string> vars) {
  TapeResult r = Tape::compile(parsed(text), vars);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.error ? r.error->message : "");
  if (!r.ok()) return *Tape::compile(integer(0), {}).tape;
  return std::move(*r.tape);
}

std::size_t count_ops(const Tape& t, Op op) {
  std::size_t n = 0;
  for (const Instruction& i : t.code()) n += i.op == op;
  return n;
}

struct Case {
  const char* text;
  std::function<double(double, double)> expected;
};

// The plain reading of a canonical expression, node by node: an independent
// check of the tape's lowering (quotients, negative powers, coefficients).
double reference_value(const Expr& e, const std::map<std::string, double>& at) {
  switch (e.kind()) {
    case Kind::Number: return as_number(e)->value();
    case Kind::Constant: return static_cast<const ConstantNode&>(*e).value();
    case Kind::Symbol: return at.at(static_cast<const SymbolNode&>(*e).name());
    case Kind::Add: {
      const auto& a = static_cast<const AddNode&>(*e);
      double sum = a.constant().value();
      for (const auto& [t, c] : a.terms()) sum += c.value() * reference_value(t, at);
      return sum;
    }
    case Kind::Mul: {
      const auto& m = static_cast<const MulNode&>(*e);
      double product = m.coefficient().value();
      for (const auto& [b, x] : m.factors()) product *= std::pow(reference_value(b, at), reference_value(x, at));
      return product;
    }
    case Kind::Pow: {
      const auto& p = static_cast<const PowNode&>(*e);
      return std::pow(reference_value(p.base(), at), reference_value(p.exponent(), at));
    }
    case Kind::Apply: {
      const auto& a = static_cast<const ApplyNode&>(*e);
      return a.fn().eval(reference_value(a.arg(), at));
    }
    default: return std::nan("");
  }
}

TEST(NumericTape, AgreesWithANodeByNodeReadingOnRandomExpressions) {
  const std::vector<std::string> vars = {"x", "y", "z"};
  std::mt19937 rng(314159);
  int compared = 0;
  for (int n = 0; n < 500; ++n) {
    const Expr f = testing_support::random_expr(rng, 5, vars);
    const TapeResult t = Tape::compile(f, vars);
    ASSERT_TRUE(t.ok());
    // Not std::uniform_real_distribution: libstdc++ and libc++ map the same
    // engine output to different values, and the wasm suite must sample the
    // same points as the native one.
    auto coordinate = [&] { return -1.5 + 3.0 * (static_cast<double>(rng()) / 4294967296.0); };
    const std::vector<double> p = {coordinate(), coordinate(), coordinate()};
    const double want = reference_value(f, {{"x", p[0]}, {"y", p[1]}, {"z", p[2]}});
    const double got = (*t.tape)(p);
    if (!std::isfinite(want) || std::abs(want) > 1e6) continue;
    EXPECT_NEAR(got, want, 1e-9 * (1 + std::abs(want))) << "expression #" << n;
    ++compared;
  }
  EXPECT_GT(compared, 300);
}

TEST(NumericTape, MatchesHandWrittenFunctionsOnManyPoints) {
  const Case cases[] = {
      {"x^3 - 1/x", [](double x, double) { return x * x * x - 1 / x; }},
      {"3x^2 - 4x", [](double x, double) { return 3 * x * x - 4 * x; }},
      {"sin(x)*e^y", [](double x, double y) { return std::sin(x) * std::exp(y); }},
      {"sqrt(x^2 + y^2)", [](double x, double y) { return std::hypot(x, y); }},
      {"x^(3/2) + y^(-1/2)", [](double x, double y) { return std::pow(x, 1.5) + 1 / std::sqrt(y); }},
      {"ln(x) / (1 + tanh(y))", [](double x, double y) { return std::log(x) / (1 + std::tanh(y)); }},
      {"x^y", [](double x, double y) { return std::pow(x, y); }},
      {"atan(x/y) - cos(x)^2 + abs(y - 1)",
       [](double x, double y) { return std::atan(x / y) - std::cos(x) * std::cos(x) + std::abs(y - 1); }},
      {"pi*x/3 + e", [](double x, double) { return std::numbers::pi * x / 3 + std::numbers::e; }},
      {"asin(x/3) + acos(y/2) + sinh(x) - cosh(y) + tan(x/4)",
       [](double x, double y) {
         return std::asin(x / 3) + std::acos(y / 2) + std::sinh(x) - std::cosh(y) + std::tan(x / 4);
       }},
  };
  const std::vector<std::string> vars = {"x", "y"};
  std::vector<double> points;
  for (int i = 0; i < 50; ++i) {
    points.push_back(0.1 + 0.05 * i);
    points.push_back(0.3 + 0.03 * i);
  }
  for (const Case& c : cases) {
    const Tape tape = compiled(c.text, vars);
    std::vector<double> out(50);
    EXPECT_EQ(tape.evaluate(points, out), 0u) << c.text;
    for (int i = 0; i < 50; ++i) {
      const double want = c.expected(points[2 * i], points[2 * i + 1]);
      EXPECT_NEAR(out[i], want, 1e-13 * (1 + std::abs(want))) << c.text << " at point " << i;
    }
  }
}

TEST(NumericTape, EveryBuiltinFunctionEvaluatesAsItsRecord) {
  const std::string vars[] = {"x"};
  for (const FunctionRecord& fn : builtin_functions()) {
    const TapeResult r = Tape::compile(apply(fn, symbol("x")), vars);
    ASSERT_TRUE(r.ok()) << fn.name;
    for (double x : {0.2, 0.45, 0.9}) {
      EXPECT_NEAR((*r.tape)(std::span<const double>(&x, 1)), fn.eval(x), 1e-14) << fn.name << " at " << x;
    }
  }
}

TEST(NumericTape, Float32TableIsTheBooksMXNetOutput) {
  const Tape tape = compiled("3x^2 - 4x", {"x"});
  std::vector<float> registers;
  const std::function<float(float)> f = [&](float x) {
    float y;
    tape.run(std::span<const float>(&x, 1), std::span<float>(&y, 1), registers);
    return y;
  };
  const auto rows = limit_table<float>(f, 1.0f, book_steps());
  const double book[] = {2.30000, 2.02999, 2.00295, 2.00033, 2.00272};
  for (std::size_t i = 0; i < rows.size(); ++i)
    EXPECT_NEAR(static_cast<double>(rows[i].forward), book[i], 5e-6) << "h=" << rows[i].h;

  // The double tape gives the float64 column from the same expression.
  const std::function<double(double)> g = [&](double x) { return tape(std::span<const double>(&x, 1)); };
  const auto rows64 = limit_table<double>(g, 1.0, book_steps());
  const double exact64[] = {2.3, 2.03, 2.003, 2.0003, 2.00003};
  for (std::size_t i = 0; i < rows64.size(); ++i) EXPECT_NEAR(rows64[i].forward, exact64[i], 5e-6);
}

TEST(NumericTape, FloatEvaluationRoundsLikeFloat) {
  const Tape tape = compiled("x^2 + 1/3", {"x"});
  const float x = 1.1f;
  const float want = x * x + 1.0f / 3.0f;
  EXPECT_EQ(tape(std::span<const float>(&x, 1)), want);
}

TEST(NumericTape, SharedSubexpressionsAreComputedOnce) {
  // sin(x)+1 occurs twice in the tree, as a DAG node and inside powers.
  const Tape tape = compiled("(sin(x) + 1)^2 + (sin(x) + 1)^3 + exp(sin(x) + 1)", {"x"});
  EXPECT_EQ(count_ops(tape, Op::Sin), 1u);
  EXPECT_EQ(count_ops(tape, Op::Exp), 1u);
  const double x = 0.7, s = std::sin(x) + 1;
  EXPECT_NEAR(tape(std::span<const double>(&x, 1)), s * s + s * s * s + std::exp(s), 1e-13);

  // A DAG whose tree has 2^40 leaves compiles to one instruction per level.
  Expr f = symbol("x");
  for (int i = 0; i < 40; ++i) f = apply(*find_function("sin"), f + f * f);
  const std::string vars[] = {"x"};
  const TapeResult big = Tape::compile(f, vars);
  ASSERT_TRUE(big.ok());
  EXPECT_LE(big.tape->code().size(), 40u * 4);
}

TEST(NumericTape, DomainErrorsAreNaNAndCounted) {
  const Tape tape = compiled("ln(x) + sqrt(x)", {"x"});
  const std::vector<double> xs = {-1.0, 0.0, 4.0};
  std::vector<double> out(3);
  EXPECT_EQ(tape.evaluate(xs, out), 2u);
  EXPECT_TRUE(std::isnan(out[0]));
  EXPECT_TRUE(std::isinf(out[1]));
  EXPECT_DOUBLE_EQ(out[2], std::log(4.0) + 2);

  const Tape pole = compiled("1/x", {"x"});
  const double zero = 0.0;
  EXPECT_TRUE(std::isinf(pole(std::span<const double>(&zero, 1))));
}

TEST(NumericTape, VectorsGiveOneOutputPerElement) {
  const Tape tape = compiled("[x*y, x + y, 7]", {"x", "y"});
  ASSERT_EQ(tape.output_count(), 3u);
  const std::vector<double> in = {2, 3, -1, 5};
  std::vector<double> out(6);
  tape.evaluate(in, out);
  EXPECT_EQ(out, (std::vector<double>{6, 5, 7, -5, 4, 7}));
}

TEST(NumericTape, BatchEvaluationMatchesPointByPointRuns) {
  // 203 points: several full blocks and a partial one, two outputs, float and double.
  const Tape tape = compiled("[x^3 - 1/x + sin(y)*x^y, ln(abs(x - y)) + x^(-4)]", {"x", "y"});
  std::vector<double> in;
  for (int i = 0; i < 203; ++i) {
    in.push_back(-2 + 0.02 * i);
    in.push_back(0.5 + 0.01 * i);
  }
  std::vector<double> batch(2 * 203), single(2), registers;
  const std::size_t bad = tape.evaluate(in, batch);
  std::size_t bad_single = 0;
  for (int i = 0; i < 203; ++i) {
    bad_single += tape.run<double>(std::span<const double>(in).subspan(2 * i, 2), single, registers);
    for (int k = 0; k < 2; ++k) {
      const double a = batch[2 * i + k], b = single[k];
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << "point " << i << " output " << k;
    }
  }
  EXPECT_EQ(bad, bad_single);
  EXPECT_GT(bad, 0u);  // x^y for negative x

  std::vector<float> in32(in.begin(), in.end()), batch32(2 * 203), single32(2), registers32;
  tape.evaluate(in32, batch32);
  for (int i = 0; i < 203; ++i) {
    tape.run<float>(std::span<const float>(in32).subspan(2 * i, 2), single32, registers32);
    for (int k = 0; k < 2; ++k) {
      const float a = batch32[2 * i + k], b = single32[k];
      EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << "float point " << i << " output " << k;
    }
  }
}

TEST(NumericTape, NormOfAVectorOfScalars) {
  const std::string vars[] = {"a", "b"};
  const TapeResult r = Tape::compile(norm(vector({symbol("a"), symbol("b")})), vars);
  ASSERT_TRUE(r.ok());
  const double p[] = {3, 4};
  EXPECT_DOUBLE_EQ((*r.tape)(p), 5.0);
}

TEST(NumericTape, UnboundAndSymbolicThingsAreCompileErrors) {
  const std::string vars[] = {"x"};
  const TapeResult unbound = Tape::compile(parsed("x + y"), vars);
  ASSERT_FALSE(unbound.ok());
  EXPECT_EQ(unbound.error->code, "unbound-variable");
  EXPECT_NE(unbound.error->message.find("y"), std::string::npos);

  const TapeResult eq = Tape::compile(equation(symbol("x"), integer(1)), vars);
  ASSERT_FALSE(eq.ok());
  EXPECT_EQ(eq.error->code, "unsupported");
  const TapeResult vec = Tape::compile(norm(symbol("x", Shape::Vector)), vars);
  EXPECT_FALSE(vec.ok());
}

TEST(NumericTape, ConstantExpressionNeedsNoVariables) {
  const Tape tape = compiled("2^10 + pi", {});
  EXPECT_DOUBLE_EQ(tape(std::span<const double>{}), 1024 + std::numbers::pi);
}

}  // namespace
}  // namespace calc::numeric
