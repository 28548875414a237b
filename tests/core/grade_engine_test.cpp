// Engine behaviours through the JSON facade (grade_json) and, for exercises
// made up in the test, through the engine itself: lines as point sets,
// number tolerances, vectors with partial credit, invalid input with its
// position, undecided when no point can decide, determinism and bounds.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "api/grade_api.h"
#include "exercise/builtin.h"
#include "grade/engine.h"
#include "grade/numeric_tasks.h"
#include "grade/problem.h"
#include "grade/reference.h"
#include "calculus/substitute.h"
#include "numeric_json_reader.h"
#include "parse/parser.h"
#include "print/print.h"

namespace {

using calc::testing_support::Json;
using calc::testing_support::parse_json;

Json grade(const std::string& box, const std::string& answer, std::uint64_t seed = 0) {
  return parse_json(calc::api::grade_json(box, answer, seed));
}

std::string first_code(const Json& r) { return r["feedback"].size() ? r["feedback"][0]["code"].string : ""; }

bool has_code(const Json& r, const std::string& code) {
  for (const auto& f : r["feedback"].array)
    if (f["code"].string == code) return true;
  return false;
}

// An exercise made up in a test, from its id and the TOML of its definitions
// and one box: the titles, prompts, the box's label, hint and solution, which
// these tests do not read, are filled in here. The Problem made from it
// points into it, so the test keeps it alive.
calc::exercise::Exercise made_up_exercise(const std::string& id, const std::string& body, const std::string& box) {
  const std::string filler = "label.zh = \"t\"\nlabel.en = \"t\"\n[[box.hint]]\nzh = \"t\"\nen = \"t\"\n"
                             "[box.solution]\nzh = \"t\"\nen = \"t\"\n";
  const std::string toml = "id = \"" + id + "\"\ntitle.zh = \"t\"\ntitle.en = \"t\"\nprompt.zh = \"t\"\nprompt.en = \"t\"\n" +
                           body + "[[box]]\n" + box + filler;
  const auto loaded = calc::exercise::load_exercise(toml, "t.toml");
  // A test's own TOML that does not load is a broken test: stop with its error.
  if (!loaded.exercise) {
    std::fprintf(stderr, "%s\n", loaded.error ? loaded.error->format().c_str() : "no exercise");
    std::abort();
  }
  return *loaded.exercise;
}

TEST(GradeEngine, TangentLineFormsAreTheSameSetOfPoints) {
  for (const char* a : {"y = 4x - 4", "4x - 4", "y = 4(x-1)", "y + 4 = 4x", "4x - y - 4 = 0", "2y = 8x - 8"}) {
    const Json r = grade("calculus.ex1-tangent/line", a);
    EXPECT_EQ(r["verdict"].string, "correct") << a;
    EXPECT_EQ(r["score"].number, 1) << a;
  }
}

TEST(GradeEngine, TangentLineMistakesAreNamed) {
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/line", "3x^2 + 1/x^2")), "derivative-for-tangent");
  EXPECT_EQ(first_code(grade("calculus.example-tangent", "y = 6x - 4")), "derivative-for-tangent");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/line", "y = x^3 - 1/x")), "function-for-tangent");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/line", "y = x^2")), "not-a-line");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/line", "y = 4x - 3")), "tangent-wrong-point");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/line", "y = 2x - 2")), "tangent-wrong-slope");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/derivative", "y = 4x - 4")), "tangent-for-derivative");
  EXPECT_EQ(first_code(grade("calculus.example-tangent", "y = 8x - 12")), "value-at-wrong-point");  // the tangent at x = 2
  for (const char* a : {"y = 4x - 3", "y = x^2", "x = 1"}) EXPECT_EQ(grade("calculus.ex1-tangent/line", a)["verdict"].string, "incorrect") << a;
}

TEST(GradeEngine, NumbersExactOrDecimalWithinTolerance) {
  for (const char* a : {"4", "8/2", "4.0", "2^2", "4.0000000000001", "sqrt(16)"})
    EXPECT_EQ(grade("calculus.ex1-tangent/slope", a)["verdict"].string, "correct") << a;
  for (const char* a : {"4.1", "3.9", "4.001", "-4", "5"})
    EXPECT_EQ(grade("calculus.ex1-tangent/slope", a)["verdict"].string, "incorrect") << a;
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/slope", "-4")), "sign-error");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/slope", "4.001")), "too-imprecise");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/slope", "3x^2 + 1/x^2")), "function-for-value");
  EXPECT_EQ(first_code(grade("calculus.ex1-tangent/slope", "x + 1")), "expected-number");
  // The limit: exact and decimal, and the h = 0.00001 row of the table is not the limit.
  EXPECT_EQ(grade("calculus.example-limit", "2.0")["verdict"].string, "correct");
  EXPECT_EQ(first_code(grade("calculus.example-limit", "2.00003")), "table-entry");
  // Inverse: 1/4 exactly or as a decimal.
  EXPECT_EQ(grade("calculus.en-inverse/value", "0.25")["verdict"].string, "correct");
  EXPECT_EQ(first_code(grade("calculus.en-inverse/value", "4")), "forgot-reciprocal");
}

TEST(GradeEngine, ExpressionsAreComparedAtPointsNotBySymbols) {
  for (const char* a : {"6x - 4", "2(3x - 2)", "6x - 4 + sin(x)^2 + cos(x)^2 - 1", "(36x^2 - 48x + 16)/(6x - 4)"}) {
    // The last form is undefined at x = 2/3, which no sampled point hits exactly.
    EXPECT_EQ(grade("calculus.example-derivative", a)["verdict"].string, "correct") << a;
  }
  // √(x²) is |x|, not x: points of both signs are sampled.
  EXPECT_EQ(grade("calculus.rules/power", "5 sqrt(x^2)^4")["verdict"].string, "correct");
  EXPECT_EQ(grade("calculus.rules/constant-multiple", "12 sqrt(x^2)^3")["verdict"].string, "incorrect");
}

TEST(GradeEngine, ExpressionMistakesGetSpecificFeedbackAndACounterexample) {
  EXPECT_EQ(first_code(grade("calculus.example-derivative", "6x")), "missing-term");
  EXPECT_EQ(first_code(grade("calculus.example-derivative", "-6x + 4")), "sign-error");
  EXPECT_EQ(first_code(grade("calculus.example-derivative", "12x - 8")), "constant-factor");
  EXPECT_EQ(first_code(grade("calculus.example-derivative", "3x^2 - 4x")), "not-differentiated");
  EXPECT_EQ(first_code(grade("calculus.example-derivative", "6x - 4 + 7")), "extra-constant");
  const Json r = grade("calculus.example-derivative", "5x - 4");
  EXPECT_TRUE(has_code(r, "counterexample"));
}

TEST(GradeEngine, VectorsPerComponentWithPartialCredit) {
  const Json half = grade("calculus.ex2-gradient", "[6x_1, -5e^(x_2)]");
  EXPECT_EQ(half["verdict"].string, "incorrect");
  EXPECT_DOUBLE_EQ(half["score"].number, 0.5);
  ASSERT_GE(half["feedback"].size(), 2u);
  EXPECT_EQ(half["feedback"][0]["code"].string, "wrong-component");
  EXPECT_NE(half["feedback"][0]["en"].string.find("2"), std::string::npos);
  EXPECT_EQ(half["feedback"][1]["code"].string, "sign-error");
  EXPECT_EQ(first_code(grade("calculus.ex2-gradient", "[5e^(x_2), 6x_1]")), "swapped-components");
  EXPECT_EQ(first_code(grade("calculus.ex2-gradient", "[6x_1, 6x_1]")), "wrong-component");
  EXPECT_EQ(first_code(grade("calculus.ex2-gradient", "[6x_1, 5e^(x_2), 0]")), "dimension-mismatch");
  EXPECT_EQ(first_code(grade("calculus.ex2-gradient", "6x_1 + 5e^(x_2)")), "scalar-for-vector");
  EXPECT_EQ(first_code(grade("calculus.ex3-norm-gradient", "1")), "scalar-for-vector");
  // A vector variable of unspecified dimension: checked at several n.
  for (const char* a : {"x/‖x‖", "x/norm(x)", "x/sqrt(x^T x)", "x ‖x‖^(-1)"})
    EXPECT_EQ(grade("calculus.ex3-norm-gradient", a)["verdict"].string, "correct") << a;
  EXPECT_EQ(first_code(grade("calculus.ex3-norm-gradient", "2x")), "gradient-of-squared-norm");
}

TEST(GradeEngine, AbstractFunctionsThroughInstances) {
  const std::string right = "∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a + ∂f/∂z ∂z/∂a";
  EXPECT_EQ(grade("calculus.ex4-chain-rule/a", right)["verdict"].string, "correct");
  EXPECT_EQ(grade("calculus.ex4-chain-rule/a", "f_x x_a + f_y y_a + f_z z_a")["verdict"].string, "correct");
  EXPECT_EQ(first_code(grade("calculus.ex4-chain-rule/a", "∂u/∂a")), "restates-question");
  EXPECT_EQ(first_code(grade("calculus.ex4-chain-rule/a", "∂f/∂x ∂x/∂a + ∂f/∂y ∂y/∂a")), "dropped-chain-path");
  EXPECT_EQ(first_code(grade("calculus.ex4-chain-rule/a", "∂f/∂x ∂x/∂a ∂f/∂y ∂y/∂a ∂f/∂z ∂z/∂a")),
            "product-instead-of-sum");
  EXPECT_EQ(first_code(grade("calculus.ex4-chain-rule/a", "∂f/∂x ∂x/∂b + ∂f/∂y ∂y/∂b + ∂f/∂z ∂z/∂b")),
            "wrong-variable");
  EXPECT_EQ(grade("calculus.ex4-chain-rule/b", right)["verdict"].string, "incorrect");
}

TEST(GradeEngine, InvalidAnswersCarryTheErrorPosition) {
  const Json r = grade("calculus.example-derivative", "6x - 4)");
  EXPECT_EQ(r["verdict"].string, "invalid");
  EXPECT_EQ(r["score"].number, 0);
  EXPECT_EQ(r["position"].number, 6);
  EXPECT_EQ(first_code(r), "unbalanced");
  const Json unknown = grade("calculus.example-derivative", "6q");
  EXPECT_EQ(unknown["verdict"].string, "invalid");
  EXPECT_EQ(unknown["position"].number, 1);
  EXPECT_EQ(grade("calculus.example-derivative", "")["verdict"].string, "invalid");
  EXPECT_EQ(first_code(grade("calculus.ex3-norm-gradient/at-zero", "maybe")), "unknown-choice");
}

TEST(GradeEngine, UnknownBoxIsAnErrorNotAVerdict) {
  const Json r = grade("calculus.no-such-box", "1");
  EXPECT_FALSE(r.has("verdict"));
  EXPECT_EQ(r["error"]["code"].string, "unknown-box");
}

// An exercise whose reference is undefined at almost every point: no
// sample can decide, so the verdict is not a guess.
TEST(GradeEngine, UndecidedWhenNoPointCanDecide) {
  const auto ex = made_up_exercise("t.undecided", R"([variables]
x = "real"
[define]
f = "sqrt(-x^2) + x^2"
)",
                                    R"(id = "t.undecided/d"
kind = "expression"
task = "derivative"
of = "f"
wrt = "x"
)");
  const auto p = calc::grade::make_problem(ex, ex.boxes[0], 0);
  const auto ref = calc::grade::compute_reference(p);
  ASSERT_TRUE(ref.ok()) << ref.error;
  for (const char* a : {"2x", "0", "x"}) {
    const auto r = calc::grade::grade(p, ref, a);
    EXPECT_EQ(r.verdict, calc::grade::Verdict::Undecided) << a;
    ASSERT_FALSE(r.feedback.empty());
    EXPECT_EQ(r.feedback[0].code, "undecided");
  }
}

// When f is itself a line, its tangent is f: the right line is accepted
// although it also agrees with f everywhere (function-for-tangent names that
// mistake only for a line that is not the tangent), and a wrong line still
// gets its mistake named.
TEST(GradeEngine, TangentOfALineIsTheLineItself) {
  const auto ex = made_up_exercise("t.line", R"([variables]
x = "real"
[parameters]
p = { book = 1, choices = [1] }
[define]
f = "2x + 1"
)",
                                    R"(id = "t.line/tangent"
kind = "line"
task = "tangent-line"
of = "f"
wrt = "x"
at = "p"
)");
  const auto p = calc::grade::make_problem(ex, ex.boxes[0], 0);
  const auto ref = calc::grade::compute_reference(p);
  ASSERT_TRUE(ref.ok()) << ref.error;
  for (const char* a : {"y = 2x + 1", "y = 3 + 2(x - 1)", "2x + 1"})
    EXPECT_EQ(calc::grade::grade(p, ref, a).verdict, calc::grade::Verdict::Correct) << a;
  const auto wrong = calc::grade::grade(p, ref, "y = 2x + 2");
  EXPECT_EQ(wrong.verdict, calc::grade::Verdict::Incorrect);
  ASSERT_FALSE(wrong.feedback.empty());
  EXPECT_EQ(wrong.feedback[0].code, "tangent-wrong-point");
}

TEST(GradeEngine, SameAnswerSameVerdictAndFeedback) {
  for (const char* box : {"calculus.example-derivative", "calculus.ex2-gradient", "calculus.ex4-chain-rule/a",
                          "calculus.ex3-norm-gradient"}) {
    for (const char* a : {"6x", "[6x_1, 1]", "∂f/∂x", "2x", "x^2"}) {
      const std::string first = calc::api::grade_json(box, a, 3);
      for (int k = 0; k < 3; ++k) EXPECT_EQ(calc::api::grade_json(box, a, 3), first) << box << " " << a;
    }
  }
}

TEST(GradeEngine, HostileInputIsBoundedAndGetsAVerdict) {
  std::vector<std::string> inputs = {std::string(5000, '('), std::string(3000, '-') + "x",
                                     "d/dx d/dx d/dx d/dx d/dx d/dx d/dx d/dx sin(x)^999", "\xff\xfe\x01",
                                     "x^99999999999", "[[[[x]]]]"};
  std::string product;
  for (int i = 0; i < 150; ++i) product += "sin(cos(e^(x+" + std::to_string(i) + ")))*";
  inputs.push_back(product + "x");
  for (const char* box : {"calculus.example-derivative", "calculus.ex2-gradient", "calculus.ex3-norm-gradient",
                          "calculus.ex4-chain-rule/b", "calculus.ex1-tangent/line", "calculus.en-inverse/value"}) {
    for (const auto& in : inputs) {
      const auto start = std::chrono::steady_clock::now();
      const Json r = grade(box, in);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      EXPECT_TRUE(r.has("verdict")) << box;
      EXPECT_LT(seconds, 1.0) << box << " " << in.substr(0, 40);
    }
  }
}

// Every box's worked answer, for the book's numbers and for variants, grades
// correct: the references follow the parameters.
TEST(GradeEngine, SolutionAnswersGradeCorrectForEveryVariant) {
  for (const auto& ex : calc::exercise::builtin_catalog().exercises) {
    for (const auto& box : ex.boxes) {
      for (std::uint64_t seed : {0, 11, 12, 13}) {
        const Json sol = parse_json(calc::api::solution_json(box.id, seed));
        ASSERT_TRUE(sol.has("answer")) << box.id;
        const Json r = grade(box.id, sol["answer"]["text"].string, seed);
        EXPECT_EQ(r["verdict"].string, "correct") << box.id << " seed " << seed << " " << sol["answer"]["text"].string;
        EXPECT_EQ(sol["en"].string.find("{{"), std::string::npos) << box.id;
      }
    }
  }
}

TEST(GradeEngine, VariantsChangeTheReference) {
  // The book's slope 4 is wrong for a variant with other numbers.
  int differing = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed)
    if (grade("calculus.ex1-tangent/slope", "4", seed)["verdict"].string == "incorrect") ++differing;
  EXPECT_GT(differing, 0);
}

}  // namespace

namespace {

// Mutants of every expression and vector reference are rejected: the sign
// flipped, a coefficient changed, a term dropped, the variables swapped.
TEST(GradeEngine, MutantsOfEveryReferenceAreRejected) {
  using namespace calc;
  for (const auto& ex : exercise::builtin_catalog().exercises) {
    for (const auto& box : ex.boxes) {
      if (box.kind != exercise::BoxKind::Expression && box.kind != exercise::BoxKind::Vector) continue;
      const auto p = grade::make_problem(ex, box, 0);
      const auto ref = grade::compute_reference(p);
      ASSERT_TRUE(ref.ok()) << box.id << ": " << ref.error;
      std::vector<Expr> mutants = {neg(ref.expr), mul(integer(2), ref.expr)};
      if (ref.expr->shape() == Shape::Scalar) mutants.push_back(add(ref.expr, integer(1)));
      if (ref.expr.is(Kind::Vector)) {
        const auto parts = static_cast<const VectorNode&>(*ref.expr).elements();
        for (std::size_t i = 0; i < parts.size(); ++i) {
          std::vector<Expr> flipped(parts.begin(), parts.end()), dropped = flipped;
          flipped[i] = neg(parts[i]);
          dropped[i] = integer(0);
          mutants.push_back(vector(flipped));
          mutants.push_back(vector(dropped));
        }
        mutants.push_back(vector(std::vector<Expr>(parts.rbegin(), parts.rend())));
      } else if (ref.expr.is(Kind::Add)) {
        const auto& sum = static_cast<const AddNode&>(*ref.expr);
        for (const auto& [term, coefficient] : sum.terms()) {
          mutants.push_back(sub(ref.expr, mul(number(coefficient), term)));                     // dropped
          mutants.push_back(add(ref.expr, mul(number(coefficient), term)));                     // coefficient doubled
          mutants.push_back(sub(ref.expr, mul(integer(2), mul(number(coefficient), term))));  // sign of one term
        }
      }
      if (ex.variables.size() == 2 && ex.variables[0].domain != exercise::Domain::VectorNonZero) {
        const Expr a = symbol(ex.variables[0].name), b = symbol(ex.variables[1].name);
        mutants.push_back(substitute(ref.expr, {{a, b}, {b, a}}));  // swapped variables
      }
      for (const Expr& m : mutants) {
        const auto r = grade::grade_expr(p, ref, m);
        EXPECT_EQ(r.verdict, grade::Verdict::Incorrect) << box.id << ": " << to_text(m);
      }
    }
  }
}

}  // namespace

namespace {

calc::Expr ex(const char* text) { return *calc::parse(text).expr; }

// The numeric tasks behind stationary-point, inverse-derivative-at and
// differentiable-at references.
TEST(GradeNumericTasks, RootsInversesAndDifferentiability) {
  using namespace calc;
  using namespace calc::grade;
  const Expr x = symbol("x");
  std::string error;
  // A touching zero (no sign change) is found and snapped to the exact value.
  auto r = unique_root(ex("3(x - 2)^2"), x, {-10, 10}, error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(*r, integer(2));
  r = unique_root(ex("4(x + 1/3)^3"), x, {-10, 10}, error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(*r, rational(-1, 3));
  EXPECT_FALSE(unique_root(ex("x^2 - 1"), x, {-10, 10}, error));  // two zeros
  EXPECT_FALSE(unique_root(ex("x^2 + 1"), x, {-10, 10}, error));  // none
  EXPECT_EQ(stationary_kind(ex("3x^2"), x, 0), "neither");
  EXPECT_EQ(stationary_kind(ex("4x^3"), x, 0), "minimum");
  EXPECT_EQ(stationary_kind(ex("-4x^3"), x, 0), "maximum");
  // f(x) = x^3 + x takes the value 2 at x = 1, exactly.
  auto inv = solve_monotone(ex("x^3 + x"), x, integer(2), {-100, 100}, error);
  ASSERT_TRUE(inv) << error;
  EXPECT_EQ(*inv, integer(1));
  EXPECT_FALSE(solve_monotone(ex("x^2"), x, integer(4), {-100, 100}, error));  // not monotone
  EXPECT_EQ(differentiability(ex("abs(x)"), {"x"}, {0}), "not-differentiable");
  EXPECT_EQ(differentiability(ex("x^2 + 3x"), {"x"}, {0}), "differentiable");
  EXPECT_EQ(differentiability(ex("sqrt(x^2 + y^2)"), {"x", "y"}, {0, 0}), "not-differentiable");
  EXPECT_EQ(differentiability(ex("x*y + x"), {"x", "y"}, {0, 0}), "differentiable");
  EXPECT_FALSE(snap_fraction(0.1234567));
  EXPECT_EQ(*snap_fraction(0.75), rational(3, 4));
}

}  // namespace
