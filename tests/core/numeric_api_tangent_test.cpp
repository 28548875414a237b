// tangent_json: the book's two tangent lines (at x = 1), the shape from
// wasm/API.md, exact coefficients at short decimals, and errors as JSON.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>

#include "api/numeric_api.h"
#include "numeric_json_reader.h"

namespace calc::api {
namespace {

using testing_support::Json;
using testing_support::parse_json;

Json tangent(const std::string& text, double x0) {
  const Json r = parse_json(tangent_json(text, x0));
  EXPECT_FALSE(r.has("error")) << text << ": " << r["error"]["en"].string;
  return r;
}

TEST(TangentJson, BookFunctionsAtOne) {
  const Json a = tangent("3x^2 - 4x", 1);
  EXPECT_EQ(a["x0"].number, 1);
  EXPECT_EQ(a["y0"].number, -1);
  EXPECT_EQ(a["slope"].number, 2);
  EXPECT_EQ(a["intercept"].number, -3);
  EXPECT_EQ(a["text"].string, "y = 2*x - 3");
  EXPECT_FALSE(a["latex"].string.empty());
  const Json b = tangent("x^3 - 1/x", 1);
  EXPECT_EQ(b["slope"].number, 4);
  EXPECT_EQ(b["intercept"].number, -4);
  EXPECT_EQ(b["text"].string, "y = 4*x - 4");
}

TEST(TangentJson, AgreesWithTheFunctionNearThePoint) {
  const std::pair<std::string, std::string> cases[] = {{"sin(x) + x^2", "x"}, {"e^(t/2)", "t"}, {"ln(1 + u^2)", "u"}};
  for (const auto& c : cases) {
    const std::string& f = c.first;  // named copies: clang 14 (Emscripten) cannot capture structured bindings
    const std::string& var = c.second;
    for (double x0 : {-0.7, 0.5, 1.9}) {
      const Json r = tangent(f, x0);
      ASSERT_EQ(r["x0"].number, x0);
      // The line through (x0, y0) with that slope: intercept = y0 - slope·x0.
      EXPECT_NEAR(r["intercept"].number, r["y0"].number - r["slope"].number * x0, 1e-12);
      // Its slope is the derivative: a central difference of the function,
      // read back through the facade's own evaluation.
      const double h = 1e-5;
      auto at = [&](double v) {
        return parse_json(evaluate_json(f, "{\"" + var + "\": " + std::to_string(v) + "}"))["value"].number;
      };
      EXPECT_NEAR(r["slope"].number, (at(x0 + h) - at(x0 - h)) / (2 * h), 1e-6) << f << " at " << x0;
      EXPECT_NEAR(r["y0"].number, at(x0), 1e-6);
    }
  }
}

TEST(TangentJson, ShortDecimalPointsGiveExactCoefficients) {
  EXPECT_EQ(tangent("x^2", 0.5)["text"].string, "y = x - 1/4");
}

TEST(TangentJson, ErrorsAreJson) {
  EXPECT_EQ(parse_json(tangent_json("1/x", 0))["error"]["code"].string, "undefined-at-point");
  EXPECT_EQ(parse_json(tangent_json("sqrt(x)", -1))["error"]["code"].string, "undefined-at-point");
  EXPECT_EQ(parse_json(tangent_json("x*y", 1))["error"]["code"].string, "too-many-variables");
  const Json bad = parse_json(tangent_json("sin(", 1));
  EXPECT_TRUE(bad["error"].has("position"));
  EXPECT_FALSE(bad["error"]["zh"].string.empty());
  EXPECT_EQ(parse_json(tangent_json("x", std::nan("")))["error"]["code"].string, "bad-arguments");
}

// [1,2]^T [3,4] is a 1×1 matrix product, for which diff has no rule: the
// shape error fails the request as the core's, not as undefined-at-point.
TEST(TangentJson, AShapeErrorIsTheInternalError) {
  EXPECT_EQ(parse_json(tangent_json("[1,2]^T [3,4]", 1))["error"]["code"].string, "internal");
}

}  // namespace
}  // namespace calc::api
