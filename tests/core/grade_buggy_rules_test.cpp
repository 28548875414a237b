// Buggy rules: for each misconception the section's learners show, the wrong
// derivative it produces (worked out by hand here, not by the engine), its
// feedback code, and the guarantee that no "buggy" answer is in fact right.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "calculus/derivative.h"
#include "calculus/substitute.h"
#include "api/grade_api.h"
#include "exercise/builtin.h"
#include "grade/buggy_rules.h"
#include "grade/problem.h"
#include "numeric_json_reader.h"
#include "print/print.h"
#include "numeric/evaluate.h"
#include "parse/parser.h"

namespace calc::grade {
namespace {

Expr read(std::string_view text, const ParseContext& ctx) {
  ParseResult r = parse(text, ctx);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.error ? r.error->message : "");
  return r.ok() ? *r.expr : integer(0);
}

ParseContext scalars(std::vector<std::string> names) {
  ParseContext ctx;
  ctx.scalars = std::move(names);
  return ctx;
}

// Agreement at points chosen away from the integers, over both signs; points
// where either side is undefined (ln of a negative) are skipped, and at least
// three must remain.
bool same_function(const Expr& a, const Expr& b, const std::vector<std::string>& names) {
  int compared = 0;
  for (double v : {0.61, 1.37, 2.23, -0.77, -1.91, 3.3}) {
    Bindings at;
    double shift = 0;
    for (const auto& n : names) at[n] = v + (shift += 0.29);
    const double x = evaluate(a, at), y = evaluate(b, at);
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    ++compared;
    if (std::abs(x - y) > 1e-9 * std::max(1.0, std::abs(y))) return false;
  }
  return compared >= 3;
}

// code -> answer, failing on a code that appears twice.
std::map<std::string, Expr> by_code(const std::vector<BuggyAnswer>& answers) {
  std::map<std::string, Expr> out;
  for (const auto& a : answers) {
    EXPECT_FALSE(a.feedback.zh.empty() || a.feedback.en.empty()) << a.feedback.code;
    EXPECT_TRUE(out.emplace(a.feedback.code, a.answer).second) << "duplicate code " << a.feedback.code;
  }
  return out;
}

struct Case {
  const char* f;
  const char* var;
  std::map<std::string, const char*> expected;  // code -> the wrong derivative, worked by hand
};

TEST(BuggyRules, EachMisconceptionGivesTheHandWorkedWrongDerivative) {
  const std::vector<Case> cases = {
      {"e^x", "x", {{"power-rule-on-exp", "x*e^(x-1)"}}},
      {"5*e^(x_2) + 3*x_1^2", "x_2", {{"power-rule-on-exp", "5*x_2*e^(x_2-1)"}}},
      // Exercise 1 with the sign of d(x^-1) dropped: slope 2 instead of 4 at x = 1.
      {"x^3 - 1/x", "x", {{"reciprocal-sign", "3x^2 - 1/x^2"}}},
      {"1/x^2", "x", {{"reciprocal-sign", "2/x^3"}}},
      {"sin(x^2)", "x", {{"missing-inner-derivative", "cos(x^2)"}}},
      {"e^(3x)", "x", {{"missing-inner-derivative", "e^(3x)"}, {"power-rule-on-exp", "3x*e^(3x-1)*3"}}},
      {"ln(x^2 + 1)", "x", {{"missing-inner-derivative", "1/(x^2+1)"}}},
      {"(2x + 1)^3", "x", {{"missing-inner-derivative", "3(2x+1)^2"}}},
      {"x^2 sin(x)", "x", {{"product-of-derivatives", "2x cos(x)"}}},
      {"x e^x", "x", {{"product-of-derivatives", "e^x"}, {"power-rule-on-exp", "e^x + x^2 e^(x-1)"}}},
      {"sin(x)/x", "x",
       {{"quotient-rule-sign", "(x cos(x) + sin(x))/x^2"},
        {"quotient-rule-denominator", "(x cos(x) - sin(x))/x"},
        {"product-of-derivatives", "-cos(x)/x^2"}}},
      // x^x: each half-rule alone; the right answer is their sum.
      {"x^x", "x", {{"power-rule-variable-exponent", "x*x^(x-1)"}, {"exponential-rule-variable-base", "x^x ln(x)"}}},
      {"x^(2x)", "x",
       {{"power-rule-variable-exponent", "2x*x^(2x-1)"}, {"exponential-rule-variable-base", "2 x^(2x) ln(x)"}}},
      // Rules that agree with the right derivative produce nothing.
      {"3x^2 - 4x", "x", {}},
      {"x^3", "x", {}},
  };
  for (const auto& c : cases) {
    const std::vector<std::string> names = {"x", "x_1", "x_2"};
    const ParseContext ctx = scalars(names);
    const auto got = by_code(buggy_derivatives(read(c.f, ctx), symbol(c.var)));
    EXPECT_EQ(got.size(), c.expected.size()) << c.f;
    for (const auto& [code, answer] : c.expected) {
      auto it = got.find(code);
      ASSERT_NE(it, got.end()) << c.f << ": no " << code;
      EXPECT_TRUE(same_function(it->second, read(answer, ctx), free_symbols(read(c.f, ctx))))
          << c.f << " " << code << " expected " << answer;
    }
  }
}

TEST(BuggyRules, NoBuggyAnswerEqualsTheRightDerivative) {
  const ParseContext ctx = scalars({"x"});
  const Expr x = symbol("x");
  for (const char* f : {"e^x", "x^3 - 1/x", "sin(x^2)", "x^2 sin(x)", "sin(x)/x", "x^x", "x^(3x)", "e^(x^2)/x",
                        "sqrt(x^2+1) cos(2x)", "ln(x) x^(-2)", "tan(x) e^(-x)", "(x+1)^(-1)"}) {
    const Expr fx = read(f, ctx);
    const Expr right = diff(fx, x);
    const auto answers = buggy_derivatives(fx, x);
    EXPECT_FALSE(answers.empty()) << f;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      EXPECT_FALSE(same_function(answers[i].answer, right, {"x"})) << f << " " << answers[i].feedback.code;
      for (std::size_t j = 0; j < i; ++j)
        EXPECT_FALSE(same_function(answers[i].answer, answers[j].answer, {"x"}))
            << f << ": " << answers[i].feedback.code << " duplicates " << answers[j].feedback.code;
    }
  }
}

TEST(BuggyRules, ResultIsDeterministic) {
  const ParseContext ctx = scalars({"x"});
  const Expr f = read("x^x + sin(x^2)/x", ctx);
  const auto a = buggy_derivatives(f, symbol("x")), b = buggy_derivatives(f, symbol("x"));
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].answer, b[i].answer);
    EXPECT_EQ(a[i].feedback.code, b[i].feedback.code);
  }
}

// Exercise 4: u = f(x, y, z) with x, y, z functions of (a, b).
ParseContext chain_context() {
  ParseContext ctx;
  ctx.scalars = {"a", "b"};
  ctx.functions = {{"f", {"x", "y", "z"}}, {"x", {"a", "b"}}, {"y", {"a", "b"}}, {"z", {"a", "b"}}};
  return ctx;
}

TEST(BuggyRules, ChainRuleWithoutInnerDerivativesOrWithProductOfPaths) {
  const ParseContext ctx = chain_context();
  const Expr u = read("f(x, y, z)", ctx);
  for (const char* v : {"a", "b"}) {
    const std::string s(v);
    const auto got = by_code(buggy_derivatives(u, symbol(v)));
    ASSERT_TRUE(got.count("missing-inner-derivative")) << v;
    EXPECT_EQ(got.at("missing-inner-derivative"), read("∂f/∂x + ∂f/∂y + ∂f/∂z", ctx)) << v;
    ASSERT_TRUE(got.count("product-instead-of-sum")) << v;
    EXPECT_EQ(got.at("product-instead-of-sum"),
              read("(∂f/∂x ∂x/∂" + s + ")(∂f/∂y ∂y/∂" + s + ")(∂f/∂z ∂z/∂" + s + ")", ctx))
        << v;
  }
}

ParseContext vector_context() {
  ParseContext ctx;
  ctx.vectors = {"x"};
  ctx.scalars = {"c"};
  return ctx;
}

TEST(BuggyRules, NormGradientConfusedWithSquaredNorm) {
  const ParseContext ctx = vector_context();
  const Expr x = symbol("x", Shape::Vector);
  struct Row {
    const char* f;
    std::vector<const char*> expected;  // 2x-like, x-like, x/‖x‖²-like, each times F'(‖x‖)
  };
  for (const Row& r : std::vector<Row>{
           {"‖x‖", {"2x", "x", "x/‖x‖^2"}},
           {"3‖x‖", {"6x", "3x", "3x/‖x‖^2"}},
           {"c*‖x‖", {"2c x", "c x", "c x/‖x‖^2"}},
           {"‖x‖^3", {"6‖x‖^2 x", "3‖x‖^2 x", "3x"}},
       }) {
    const auto answers = buggy_vector_gradients(read(r.f, ctx), x);
    ASSERT_EQ(answers.size(), r.expected.size()) << r.f;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      EXPECT_EQ(answers[i].feedback.code, "gradient-of-squared-norm");
      EXPECT_EQ(answers[i].answer, read(r.expected[i], ctx)) << r.f << " #" << i;
    }
  }
}

TEST(BuggyRules, VectorGradientsOnlyForFunctionsOfTheNorm) {
  const ParseContext ctx = vector_context();
  const Expr x = symbol("x", Shape::Vector);
  EXPECT_TRUE(buggy_vector_gradients(read("x^T x", ctx), x).empty());
  EXPECT_TRUE(buggy_vector_gradients(read("c", ctx), x).empty());
  // Not a vector symbol: nothing (and no crash).
  EXPECT_TRUE(buggy_vector_gradients(read("c*‖x‖", ctx), symbol("c")).empty());
}

// The engine names the misconception: every buggy derivative of a catalog
// derivative box, typed as text, is graded incorrect with the rule's code (or
// with the code of an author's declared mistake, which is tried first).
TEST(BuggyRules, EngineNamesEveryBuggyAnswerOfTheCatalogsDerivativeBoxes) {
  std::size_t named = 0;
  for (const auto& ex : exercise::builtin_catalog().exercises) {
    for (const auto& box : ex.boxes) {
      if (box.kind != exercise::BoxKind::Expression || box.task != exercise::Task::Derivative) continue;
      const Problem p = make_problem(ex, box, 0);
      for (const auto& b : buggy_derivatives(p.of(), p.wrt().at(0))) {
        const std::string text = to_text(b.answer);
        const auto j = testing_support::parse_json(api::grade_json(box.id, text, 0));
        EXPECT_EQ(j["verdict"].string, "incorrect") << box.id << " | " << text;
        bool found = false;
        for (const auto& f : j["feedback"].array) {
          found = found || f["code"].string == b.feedback.code;
          for (const auto& m : box.mistakes) found = found || f["code"].string == m.code;
        }
        EXPECT_TRUE(found) << box.id << " | " << text << " should be named " << b.feedback.code;
        ++named;
      }
    }
  }
  EXPECT_GE(named, 8u);  // ex1's reciprocal sign, ex4's inner derivatives and products, x^x's half-rules, the rules boxes
}

}  // namespace
}  // namespace calc::grade
