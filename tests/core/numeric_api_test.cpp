// The JSON facade for plots and numeric tables: shapes from wasm/API.md,
// pole splitting, the book's numbers, and errors instead of exceptions.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "api/numeric_api.h"
#include "numeric_json_reader.h"

namespace calc::api {
namespace {

using testing_support::Json;
using testing_support::parse_json;

// The plot's segments, with their x ranges checked to be increasing.
Json segments_of(const std::string& text, double lo, double hi, int n) {
  const Json r = parse_json(sample_plot_json(text, lo, hi, n));
  EXPECT_FALSE(r.has("error")) << text << ": " << r["error"]["en"].string;
  for (const Json& s : r["segments"].array) {
    EXPECT_EQ(s["x"].size(), s["y"].size());
    for (std::size_t i = 1; i < s["x"].size(); ++i) EXPECT_LT(s["x"][i - 1].number, s["x"][i].number);
    for (const Json& y : s["y"].array) EXPECT_EQ(y.type, Json::Type::Number) << "non-finite y in " << text;
  }
  return r["segments"];
}

TEST(NumericApi, PlotSplitsOneOverXAtThePole) {
  for (int n : {200, 201}) {  // 201 samples hit x = 0 exactly, 200 straddle it
    const Json s = segments_of("1/x", -1, 1, n);
    ASSERT_EQ(s.size(), 2u) << n;
    EXPECT_LT(s[0]["x"].array.back().number, 0);
    EXPECT_GT(s[1]["x"][0].number, 0);
    EXPECT_DOUBLE_EQ(s[0]["y"][0].number, -1);
    EXPECT_DOUBLE_EQ(s[1]["y"].array.back().number, 1);
  }
}

TEST(NumericApi, PlotSplitsEvenPolesJumpsAndTangentPoles) {
  EXPECT_EQ(segments_of("1/x^2", -1, 1, 200).size(), 2u);
  EXPECT_EQ(segments_of("tan(x)", -3, 3, 400).size(), 3u);
  EXPECT_EQ(segments_of("abs(x)/x", -1, 1, 100).size(), 2u);
  EXPECT_EQ(segments_of("1/(x - 0.3) + 1/(x + 0.5)", -1, 1, 301).size(), 3u);
}

TEST(NumericApi, PlotKeepsContinuousFunctionsWhole) {
  EXPECT_EQ(segments_of("sin(x)", -10, 10, 500).size(), 1u);
  EXPECT_EQ(segments_of("tanh(50x)", -1, 1, 100).size(), 1u);  // steep, not broken
  EXPECT_EQ(segments_of("x^2", -1, 1, 200).size(), 1u);         // extremum between samples
  EXPECT_EQ(segments_of("7", 0, 1, 10).size(), 1u);
  const Json s = segments_of("x^3 - 1/x", 0, 3, 301);  // the book's exercise: pole at the edge
  ASSERT_EQ(s.size(), 1u);
  EXPECT_GT(s[0]["x"][0].number, 0);
  EXPECT_EQ(s[0]["x"].size(), 300u);
}

TEST(NumericApi, PlotDropsPointsOutsideTheDomain) {
  const Json s = segments_of("sqrt(x)", -1, 1, 201);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0]["x"][0].number, 0);
  EXPECT_EQ(segments_of("ln(x)", -1, 2, 300).size(), 1u);
}

TEST(NumericApi, PlotAcceptsAnEquationForY) {
  EXPECT_EQ(segments_of("y = 2x - 3", 0, 3, 31).size(), 1u);
}

TEST(NumericApi, ErrorsAreJsonWithCodesAndPositions) {
  const Json parse_error = parse_json(sample_plot_json("3x^", 0, 1, 10));
  ASSERT_TRUE(parse_error.has("error"));
  EXPECT_FALSE(parse_error["error"]["code"].string.empty());
  EXPECT_FALSE(parse_error["error"]["en"].string.empty());
  EXPECT_FALSE(parse_error["error"]["zh"].string.empty());
  EXPECT_EQ(parse_error["error"]["position"].type, Json::Type::Number);

  EXPECT_EQ(parse_json(sample_plot_json("x*y", 0, 1, 10))["error"]["code"].string, "too-many-variables");
  EXPECT_EQ(parse_json(sample_plot_json("x", 1, 0, 10))["error"]["code"].string, "bad-arguments");
  EXPECT_EQ(parse_json(sample_plot_json("x", 0, 1, 1))["error"]["code"].string, "bad-arguments");
  EXPECT_EQ(parse_json(sample_plot_json("x", 0, NAN, 10))["error"]["code"].string, "bad-arguments");
  EXPECT_EQ(parse_json(sample_grid_json("x*y*z", 0, 1, 0, 1, 5))["error"]["code"].string, "too-many-variables");
  EXPECT_EQ(parse_json(gradient_field_json("x", 0, 1, 0, 1, 1000, 1000))["error"]["code"].string, "bad-arguments");
}

TEST(NumericApi, HostileInputGivesErrorsNotCrashes) {
  const std::string deep(100000, '(');
  EXPECT_TRUE(parse_json(sample_plot_json(deep, 0, 1, 10)).has("error"));
  EXPECT_TRUE(parse_json(evaluate_json(std::string(1 << 20, 'x'), "{}")).has("error"));
  EXPECT_TRUE(parse_json(evaluate_json("x", "{\"x\": [1]}")).has("error"));
  EXPECT_TRUE(parse_json(evaluate_json("x", "{\"x\" 1}")).has("error"));
  EXPECT_TRUE(parse_json(limit_table_json("x", 1, "[0.1,")).has("error"));
  EXPECT_TRUE(parse_json(limit_table_json("x", 1, "[0]")).has("error"));
  EXPECT_TRUE(parse_json(limit_table_json("x", 1, "[]")).has("error"));
}

TEST(NumericApi, MalformedJsonNamesTheCharacterItStoppedAt) {
  EXPECT_EQ(limit_table_json("x^2", 1, "[0.1,]"),
            R"({"error":{"code":"bad-json","en":"Malformed JSON argument near character 5.",)"
            R"("zh":"JSON 参数格式错误（第 5 个字符附近）。"}})");
  auto stopped_at = [](const std::string& json) { return parse_json(json)["error"]["en"].string; };
  EXPECT_EQ(stopped_at(evaluate_json("x", R"({"x" 1})")), "Malformed JSON argument near character 5.");
  EXPECT_EQ(stopped_at(evaluate_json("x", R"({"x":1,})")), "Malformed JSON argument near character 7.");
  EXPECT_EQ(stopped_at(limit_table_json("x", 1, "[0.1] x")), "Malformed JSON argument near character 6.");
  // The bindings are read before the function, so their error comes first.
  EXPECT_EQ(parse_json(evaluate_json("sin(", "{"))["error"]["code"].string, "bad-json");
}

TEST(NumericApi, SampleGridIsRowMajorInY) {
  const Json r = parse_json(sample_grid_json("x + 10y", 0, 2, 0, 1, 3));
  EXPECT_EQ(r["nx"].number, 3);
  EXPECT_EQ(r["ny"].number, 3);
  ASSERT_EQ(r["values"].size(), 9u);
  const double expected[] = {0, 1, 2, 5, 6, 7, 10, 11, 12};
  for (int i = 0; i < 9; ++i) EXPECT_DOUBLE_EQ(r["values"][i].number, expected[i]) << i;
  const Json poles = parse_json(sample_grid_json("1/(x*y)", 0, 1, 0, 1, 2));
  EXPECT_EQ(poles["values"][0].type, Json::Type::Null);
}

TEST(NumericApi, GradientFieldOfTheBooksExercise) {
  const Json r = parse_json(gradient_field_json("3x_1^2 + 5e^(x_2)", -1, 1, -1, 1, 5, 4));
  ASSERT_EQ(r["points"].size(), 20u);
  for (const Json& p : r["points"].array) {
    const double x1 = p["x"].number, x2 = p["y"].number;
    EXPECT_NEAR(p["f"].number, 3 * x1 * x1 + 5 * std::exp(x2), 1e-12);
    EXPECT_NEAR(p["gx"].number, 6 * x1, 1e-12);
    EXPECT_NEAR(p["gy"].number, 5 * std::exp(x2), 1e-12);
  }
  const Json one_var = parse_json(gradient_field_json("x^2", 0, 1, 0, 1, 2, 2));
  ASSERT_EQ(one_var["points"].size(), 4u);
  EXPECT_DOUBLE_EQ(one_var["points"][3]["gx"].number, 2);
  EXPECT_DOUBLE_EQ(one_var["points"][3]["gy"].number, 0);
}

TEST(NumericApi, EvaluateScalarsAndVectors) {
  EXPECT_DOUBLE_EQ(parse_json(evaluate_json("x^2 + y", R"({"x": 3, "y": 1})"))["value"].number, 10);
  EXPECT_DOUBLE_EQ(parse_json(evaluate_json("x1 + x_2", R"({"x_1": 1, "x2": 2.5})"))["value"].number, 3.5);
  EXPECT_DOUBLE_EQ(parse_json(evaluate_json("pi", "{}"))["value"].number, std::numbers::pi);
  const Json v = parse_json(evaluate_json("[x, 2x, 1/x]", R"({"x": 0})"));
  ASSERT_EQ(v["vector"].size(), 3u);
  EXPECT_DOUBLE_EQ(v["vector"][1].number, 0);
  EXPECT_EQ(v["vector"][2].type, Json::Type::Null);
  EXPECT_EQ(parse_json(evaluate_json("x + z", R"({"x": 1})"))["error"]["code"].string, "unbound-variable");
  EXPECT_EQ(parse_json(evaluate_json("ln(x)", R"({"x": -1})"))["value"].type, Json::Type::Null);
}

TEST(NumericApi, LimitTableIsTheBooksTable) {
  const Json r = parse_json(limit_table_json("3x^2 - 4x", 1, "[0.1, 0.01, 0.001, 0.0001, 0.00001]"));
  ASSERT_FALSE(r.has("error")) << r["error"]["en"].string;
  ASSERT_EQ(r["rows"].size(), 5u);
  const double book64[] = {2.3, 2.03, 2.003, 2.0003, 2.00003};
  const double book32[] = {2.30000, 2.02999, 2.00295, 2.00033, 2.00272};
  for (int i = 0; i < 5; ++i) {
    const Json& row = r["rows"][i];
    EXPECT_NEAR(row["forward64"].number, book64[i], 5e-6);
    EXPECT_NEAR(row["forward32"].number, book32[i], 5e-6);
    EXPECT_NEAR(row["central64"].number, 2, 1e-9);
  }
  EXPECT_DOUBLE_EQ(r["rows"][0]["h"].number, 0.1);
  EXPECT_DOUBLE_EQ(r["exact"].number, 2);
}

}  // namespace
}  // namespace calc::api
