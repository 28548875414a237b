// The plots, the limit table, the tangent and the grids draw one number per
// point: a function whose value is a vector or a matrix is refused with
// not-scalar. Their buffers hold one output per point, so such a function
// used to give half-filled grids, the first component only, or values read
// from an uninitialised double.
#include <gtest/gtest.h>

#include <string>

#include "api/numeric_api.h"
#include "numeric_json_reader.h"

namespace calc::api {
namespace {

using testing_support::Json;
using testing_support::parse_json;

// The not-scalar error of the call's JSON, with both messages and no span
// (the whole function is at fault, not a part of its text).
void expect_not_scalar(const std::string& json, const std::string& call) {
  const Json r = parse_json(json);
  ASSERT_TRUE(r.has("error")) << call << ": " << json;
  const Json& e = r["error"];
  EXPECT_EQ(e["code"].string, "not-scalar") << call << ": " << json;
  EXPECT_FALSE(e["en"].string.empty()) << call;
  EXPECT_FALSE(e["zh"].string.empty()) << call;
  EXPECT_FALSE(e.has("position")) << call;
  EXPECT_FALSE(e.has("length")) << call;
}

// Each entry point that takes a function of one variable.
void expect_one_variable_calls_refuse(const std::string& f) {
  expect_not_scalar(sample_plot_json(f, -1, 2, 50), "sample_plot_json(" + f + ")");
  const SampledPlot arrays = sample_plot(f, -1, 2, 50);
  EXPECT_FALSE(arrays.ok()) << f;
  EXPECT_TRUE(arrays.samples.x.empty() && arrays.samples.y.empty() && arrays.samples.segment_ends.empty()) << f;
  expect_not_scalar(arrays.error_json, "sample_plot(" + f + ")");
  expect_not_scalar(limit_table_json(f, 0.5, "[0.1, 0.01]"), "limit_table_json(" + f + ")");
  expect_not_scalar(tangent_json(f, 0.5), "tangent_json(" + f + ")");
}

// Each entry point that takes a function of two variables.
void expect_two_variable_calls_refuse(const std::string& f) {
  expect_not_scalar(gradient_field_json(f, -1, 1, -1, 1, 3, 3), "gradient_field_json(" + f + ")");
  expect_not_scalar(sample_grid_json(f, -1, 1, -1, 1, 4), "sample_grid_json(" + f + ")");
}

TEST(NumericApiNotScalar, VectorsAreRefusedByEveryPlotTableAndGrid) {
  for (const std::string f : {"[x, x^2]", "[x, 2x, 1/x]", "[x]", "[0.1, 0.01]", "[x, 1]^T", "[x; x]"}) {
    expect_one_variable_calls_refuse(f);
    expect_two_variable_calls_refuse(f);
  }
  for (const std::string f : {"[x, y]", "[6x_1, 5e^(x_2)]", "[x*y, 3x - 2y, 7]"}) expect_two_variable_calls_refuse(f);
}

TEST(NumericApiNotScalar, MatricesAreRefused) {
  for (const std::string f : {"[[x]]", "[1, 2; 3, 4] x", "[x, 1; 2, x]"}) {
    expect_one_variable_calls_refuse(f);
    expect_two_variable_calls_refuse(f);
  }
  expect_two_variable_calls_refuse("[x, 1; y, 2]");
}

// y = rhs still stands for rhs, so y = [x, x] is the vector [x, x].
TEST(NumericApiNotScalar, AnEquationForYWithAVectorIsRefused) {
  expect_one_variable_calls_refuse("y = [x, x]");
  expect_two_variable_calls_refuse("y = [x, x]");
  expect_two_variable_calls_refuse("z = [x, y]");
  EXPECT_EQ(parse_json(sample_plot_json("y = x^2", 0, 1, 10))["segments"].size(), 1u);
}

TEST(NumericApiNotScalar, TheMessagesNameWhatTheValueIs) {
  EXPECT_EQ(sample_plot_json("[x, x^2]", 0, 1, 10),
            R"({"error":{"code":"not-scalar","en":"Expected a scalar function, found a vector.",)"
            R"("zh":"应为标量函数，但其值是向量。"}})");
  const Json row = parse_json(tangent_json("[x, 1]^T", 1))["error"];
  EXPECT_EQ(row["en"].string, "Expected a scalar function, found a row vector.");
  EXPECT_EQ(row["zh"].string, "应为标量函数，但其值是行向量。");
  const Json matrix = parse_json(sample_grid_json("[x, 1; y, 2]", 0, 1, 0, 1, 3))["error"];
  EXPECT_EQ(matrix["en"].string, "Expected a scalar function, found a matrix.");
  EXPECT_EQ(matrix["zh"].string, "应为标量函数，但其值是矩阵。");
}

// Scalars built from vectors are functions like any other, and evaluate,
// which reports a vector's components, still takes vectors.
TEST(NumericApiNotScalar, ScalarsOfVectorsAndEvaluateAreUnaffected) {
  const Json norm = parse_json(sample_plot_json("norm([x, 1])", -1, 1, 21));
  ASSERT_EQ(norm["segments"].size(), 1u);
  EXPECT_DOUBLE_EQ(norm["segments"][0]["y"][10].number, 1);
  EXPECT_FALSE(parse_json(gradient_field_json("norm([x, y])", 1, 2, 1, 2, 2, 2)).has("error"));
  const Json v = parse_json(evaluate_json("y = [x, x^2]", R"({"x": 3})"));
  ASSERT_EQ(v["vector"].size(), 2u);
  EXPECT_DOUBLE_EQ(v["vector"][1].number, 9);
}

// Errors found before the value's shape keep their order: the range, the
// count, the parse and the variables come first.
TEST(NumericApiNotScalar, EarlierErrorsComeFirst) {
  auto code = [](const std::string& json) { return parse_json(json)["error"]["code"].string; };
  EXPECT_EQ(code(sample_plot_json("[x, x]", 1, 0, 10)), "bad-arguments");
  EXPECT_EQ(code(sample_grid_json("[x, y]", 0, 1, 0, 1, 1)), "bad-arguments");
  EXPECT_EQ(code(limit_table_json("[x, x]", 1, "[0]")), "bad-arguments");
  EXPECT_EQ(code(tangent_json("[x, x", 1)), "unbalanced");
  EXPECT_EQ(code(sample_plot_json("[x, y]", 0, 1, 10)), "too-many-variables");
  EXPECT_EQ(code(sample_grid_json("[x, y, z]", 0, 1, 0, 1, 3)), "too-many-variables");
}

}  // namespace
}  // namespace calc::api
