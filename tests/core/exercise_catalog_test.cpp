// The compiled-in catalog: every box id the page, saved progress and tests
// rely on exists, `check` passes on it, its JSON has no unfilled
// placeholders and gives plotted functions; and `check` reports broken
// files as file:line.
#include <gtest/gtest.h>

#include <string>

#include "api/grade_api.h"
#include "exercise/builtin.h"
#include "grade/check.h"
#include "exercise_fixture.h"
#include "numeric_json_reader.h"

namespace {

using calc::testing_support::parse_json;

TEST(ExerciseCatalog, HasEveryRequiredBox) {
  const auto& c = calc::exercise::builtin_catalog();
  EXPECT_TRUE(c.errors.empty());
  for (const char* id :
       {"calculus.example-limit", "calculus.example-derivative", "calculus.example-tangent",
        "calculus.ex1-tangent/derivative", "calculus.ex1-tangent/slope", "calculus.ex1-tangent/line",
        "calculus.ex2-gradient", "calculus.ex3-norm-gradient", "calculus.ex3-norm-gradient/at-zero",
        "calculus.ex4-chain-rule/a", "calculus.ex4-chain-rule/b", "calculus.en-xx/derivative",
        "calculus.en-stationary/point", "calculus.en-stationary/kind", "calculus.en-inverse/value",
        "calculus.rules/constant-multiple", "calculus.rules/sum", "calculus.rules/product", "calculus.rules/quotient",
        "calculus.rules/power", "calculus.rules/exp", "calculus.rules/ln", "calculus.rules/chain"})
    EXPECT_NE(c.find_box(id).second, nullptr) << id;
}

TEST(ExerciseCatalog, CheckPassesOnTheShippedExercises) {
  const auto errors = calc::grade::check_catalog(calc::exercise::builtin_catalog());
  for (const auto& e : errors) ADD_FAILURE() << e;
}

TEST(ExerciseCatalog, JsonHasFilledTextsAndPlotExpressions) {
  const std::string text = calc::api::catalog_json();
  EXPECT_EQ(text.find("{{"), std::string::npos);
  const auto j = parse_json(text);
  std::size_t plots = 0;
  for (const auto& ex : j["exercises"].array)
    for (const auto& box : ex["boxes"].array)
      if (box.has("plot")) {
        ++plots;
        EXPECT_FALSE(box["plot"]["expr"].string.empty()) << box["id"].string;
      }
  EXPECT_GE(plots, 2u);
  // The book's f(x) = 3x² − 4x, in parser syntax.
  const auto example = parse_json(calc::api::variant_json("calculus.example", 0));
  for (const auto& box : example["boxes"].array)
    if (box["id"].string == "calculus.example-tangent") EXPECT_EQ(box["plot"]["expr"].string, "3*x^2 - 4*x");
}

TEST(ExerciseCatalog, HintsAndSolutionsFillPlaceholdersPerVariant) {
  const auto hint = parse_json(calc::api::hint_json("calculus.ex1-tangent/line", 0, 0));
  EXPECT_NE(hint["en"].string.find("f(1) = 0"), std::string::npos) << hint["en"].string;
  EXPECT_EQ(hint["count"].number, 2);
  EXPECT_TRUE(parse_json(calc::api::hint_json("calculus.ex1-tangent/line", 5, 0)).has("error"));
  const auto sol = parse_json(calc::api::solution_json("calculus.ex1-tangent/line", 0));
  EXPECT_NE(sol["en"].string.find("y = 4x - 4"), std::string::npos) << sol["en"].string;
  EXPECT_NE(sol["en"].string.find("slope is $4$"), std::string::npos) << sol["en"].string;
}

TEST(ExerciseCatalog, PreviewParsesInTheBoxContext) {
  const auto line = parse_json(calc::api::preview_json("calculus.ex1-tangent/line", "y = 4(x-1)"));
  EXPECT_TRUE(line["ok"].boolean);
  EXPECT_EQ(line["text"].string, "y = 4*x - 4");
  // y is not a variable of the derivative box, and x_3 not one of the gradient's.
  const auto bad = parse_json(calc::api::preview_json("calculus.ex1-tangent/derivative", "3x^2 + y"));
  EXPECT_FALSE(bad["ok"].boolean);
  EXPECT_EQ(bad["error"]["code"].string, "unknown-symbol");
  EXPECT_EQ(bad["error"]["position"].number, 7);
  EXPECT_FALSE(parse_json(calc::api::preview_json("calculus.ex2-gradient", "[x_3, 1]"))["ok"].boolean);
  EXPECT_TRUE(parse_json(calc::api::preview_json("calculus.ex4-chain-rule/a", "∂f/∂x ∂x/∂a"))["ok"].boolean);
  EXPECT_EQ(parse_json(calc::api::preview_json("nope", "1"))["error"]["code"].string, "unknown-box");
}

calc::exercise::Catalog one_file(const std::string& text) {
  return calc::exercise::build_catalog({{"bad.toml", text}});
}

const std::string kHeader = calc::exercise::fixture::header(" {{f}}");

std::string box(const std::string& extra) { return calc::exercise::fixture::kBox + extra; }

TEST(ExerciseCatalog, CheckReportsFileAndLine) {
  // A declared mistake whose answer is actually right (line 24 of the file).
  auto errors = calc::grade::check_catalog(one_file(kHeader + box(R"([[box.mistake]]
answer = "6x"
code = "slip"
zh = "t"
en = "t"
)")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("bad.toml:24: ", 0), 0u) << errors[0];
  // A definition that does not parse.
  std::string broken = kHeader;
  broken.replace(broken.find("3x^2"), 4, "3x^^2");
  errors = calc::grade::check_catalog(one_file(broken + box("")));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].rfind("bad.toml:9: ", 0), 0u) << errors[0];
  // An unknown placeholder.
  std::string unknown = kHeader;
  unknown.replace(unknown.find("t {{f}}"), 7, "t {{g}}");
  errors = calc::grade::check_catalog(one_file(unknown + box("")));
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("{{g}}"), std::string::npos) << errors[0];
  // Two declared mistakes that are the same answer: the second can never get its code.
  errors = calc::grade::check_catalog(one_file(kHeader + box(R"([[box.mistake]]
answer = "-6x"
code = "slip"
zh = "t"
en = "t"
[[box.mistake]]
answer = "-6*x + 0"
code = "other-slip"
zh = "t"
en = "t"
)")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("bad.toml:29: ", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("slip"), std::string::npos) << errors[0];
  // The file with only the first mistake passes.
  EXPECT_TRUE(calc::grade::check_catalog(one_file(kHeader + box(R"([[box.mistake]]
answer = "-6x"
code = "slip"
zh = "t"
en = "t"
)"))).empty());
}

}  // namespace
