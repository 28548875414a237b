// The JSON writer's helpers: the error objects every API call fails with,
// and numbers that read back as the same double.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "api/json.h"
#include "numeric_json_reader.h"

namespace calc {
namespace {

using testing_support::Json;
using testing_support::parse_json;

TEST(ErrorJson, AnApiErrorBecomesItsErrorObject) {
  const Json r = parse_json(json::error_json({"bad-arguments", "Bad.", "错误。", 3, 2}));
  EXPECT_EQ(r["error"]["code"].string, "bad-arguments");
  EXPECT_EQ(r["error"]["en"].string, "Bad.");
  EXPECT_EQ(r["error"]["zh"].string, "错误。");
  EXPECT_EQ(r["error"]["position"].number, 3);
  EXPECT_EQ(r["error"]["length"].number, 2);
}

TEST(ErrorJson, AnErrorWithoutPositionHasNoPositionKeys) {
  const Json r = parse_json(json::error_json({"c", "e", "z", {}, {}}));
  EXPECT_FALSE(r["error"].has("position"));
  EXPECT_FALSE(r["error"].has("length"));
}

TEST(ErrorJson, APositionWithoutLengthMarksOneCharacter) {
  EXPECT_EQ(json::error_json({"c", "e", "z", 4, {}}),
            R"({"error":{"code":"c","en":"e","zh":"z","position":4,"length":1}})");
}

TEST(ErrorJson, TheInternalErrorBlamesTheCore) {
  const Json r = parse_json(json::internal_error_json());
  EXPECT_EQ(r["error"]["code"].string, "internal");
  EXPECT_FALSE(r["error"]["en"].string.empty());
  EXPECT_FALSE(r["error"]["zh"].string.empty());
}

TEST(ApiResult, HoldsTheValueOrTheError) {
  const json::ApiResult<std::string> value(std::string("x"));
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, "x");
  EXPECT_EQ(value->size(), 1u);
  const json::ApiResult<std::string> error(json::ApiError{"bad-json", "e", "z", {}, {}});
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.error().code, "bad-json");
}

std::string number_text(double v) {
  std::string out;
  json::append_number(out, v);
  return out;
}

double read_back(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(JsonNumber, ReadsBackAsTheSameDoubleOnRandomBitPatterns) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t bits = rng();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (!std::isfinite(v)) continue;
    const std::string text = number_text(v);
    ASSERT_TRUE(same_bits(read_back(text), v)) << text;
    ASSERT_LE(text.size(), 24u) << text;
    ++checked;
  }
  EXPECT_GT(checked, 190000);
}

TEST(JsonNumber, EdgeValuesReadBack) {
  const double edges[] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
                          std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min(),
                          std::numeric_limits<double>::epsilon(), 1e21, 1e22, 123456789012345678.0, 0.1 + 0.2,
                          1.0 / 3, 2.0 / 3, 5e-324, 1.7976931348623157e308, 9007199254740993.0, 0.0001, 0.00001};
  for (double v : edges) {
    EXPECT_TRUE(same_bits(read_back(number_text(v)), v)) << number_text(v);
    EXPECT_TRUE(same_bits(read_back(number_text(-v)), -v)) << number_text(-v);
  }
}

// Significant digits of a number's text: digits before any exponent, without
// leading zeros.
std::size_t significant_digits(const std::string& text) {
  std::size_t n = 0;
  bool started = false;
  for (char c : text) {
    if (c == 'e') break;
    if (c < '0' || c > '9') continue;
    started = started || c != '0';
    n += started;
  }
  return n;
}

TEST(JsonNumber, NoLongerThanNeeded) {
  // Grisu2 is not always shortest: it works in a slightly narrowed rounding
  // interval, and then spends more digits (never more than 17), mostly on
  // values above 1e11. Decimals of up to 12 digits between 1e-9 and 1e4, as
  // plots and people produce them, come back as typed in all but a few per
  // thousand.
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<long long> digits(1, 999999999999LL);
  std::uniform_int_distribution<int> exponent(-20, -8);
  int longer = 0;
  const int total = 20000;
  for (int i = 0; i < total; ++i) {
    char typed[48];
    std::snprintf(typed, sizeof typed, "%llde%d", digits(rng), exponent(rng));
    const double v = read_back(typed);
    const std::string text = number_text(v);
    EXPECT_LE(significant_digits(text), 17u) << text;
    char p12[32];
    std::snprintf(p12, sizeof p12, "%.12g", v);
    longer += significant_digits(text) > significant_digits(p12);
  }
  EXPECT_LE(longer, total / 200);
  for (double typed : {0.1, 0.25, 0.001, 3.14159, 2.5e-7, 12345.678, 1e-5, 0.3})
    EXPECT_EQ(read_back(number_text(typed)), typed);
  EXPECT_EQ(number_text(3.14159), "3.14159");
  EXPECT_EQ(number_text(12345.678), "12345.678");
}

TEST(JsonNumber, TheFormatIsPlainJson) {
  EXPECT_EQ(number_text(0.1), "0.1");
  EXPECT_EQ(number_text(3), "3");
  EXPECT_EQ(number_text(-2.5), "-2.5");
  EXPECT_EQ(number_text(0), "0");
  EXPECT_EQ(number_text(-0.0), "-0");
  EXPECT_EQ(number_text(1e100), "1e+100");
  EXPECT_EQ(number_text(1.5e-7), "1.5e-07");
  EXPECT_EQ(number_text(0.001), "0.001");
  EXPECT_EQ(number_text(NAN), "null");
  EXPECT_EQ(number_text(-INFINITY), "null");
}

}  // namespace
}  // namespace calc
