// sample_plot(): the numbers behind sample_plot_json, for the typed-array
// binding (samplePlotArrays). The page may draw from either, so both must
// describe the same segments with the same doubles, bit for bit (the JSON's
// numbers read back as the doubles they were written from).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <tuple>

#include "api/numeric_api.h"
#include "numeric_json_reader.h"

namespace calc::api {
namespace {

using testing_support::Json;
using testing_support::parse_json;

// A double's bit pattern (em++ 3.1.6's libc++ has no std::bit_cast).
std::uint64_t bits(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

void expect_same_as_json(const std::string& text, double lo, double hi, int n) {
  SCOPED_TRACE(text);
  const SampledPlot plot = sample_plot(text, lo, hi, n);
  ASSERT_TRUE(plot.ok()) << plot.error_json;
  const Json segments = parse_json(sample_plot_json(text, lo, hi, n))["segments"];
  const PlotSamples& s = plot.samples;
  ASSERT_EQ(s.segment_ends.size(), segments.size());
  ASSERT_EQ(s.x.size(), s.y.size());
  std::size_t start = 0;
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const Json& seg = segments[k];
    ASSERT_EQ(s.segment_ends[k] - start, seg["x"].size()) << "segment " << k;
    for (std::size_t i = 0; i < seg["x"].size(); ++i) {
      EXPECT_EQ(bits(s.x[start + i]), bits(seg["x"][i].number));
      EXPECT_EQ(bits(s.y[start + i]), bits(seg["y"][i].number));
    }
    start = s.segment_ends[k];
  }
  EXPECT_EQ(start, s.x.size()) << "samples after the last segment";
}

TEST(NumericApiPlotSamples, SameSegmentsAndBitsAsTheJson) {
  expect_same_as_json("3*x^2 - 4*x", 0, 3, 4096);
  expect_same_as_json("1/x", -1, 1, 201);  // a pole hit exactly
  expect_same_as_json("1/x", -1, 1, 200);  // and straddled
  expect_same_as_json("tan(x)", -5, 5, 1000);
  expect_same_as_json("sqrt(x)", -1, 1, 101);  // half the domain missing
  expect_same_as_json("abs(x)/x", -1, 1, 100);  // a jump
  expect_same_as_json("log(x^2 - 1)", -2, 2, 333);
  expect_same_as_json("-x", -1, 0, 11);  // ends on -0
}

TEST(NumericApiPlotSamples, SegmentsAreSplitAtThePoleAndNonFiniteValuesLeftOut) {
  const SampledPlot plot = sample_plot("1/x", -1, 1, 201);
  ASSERT_TRUE(plot.ok());
  const PlotSamples& s = plot.samples;
  ASSERT_EQ(s.segment_ends.size(), 2u);
  const std::uint32_t split = s.segment_ends[0];
  EXPECT_LT(s.x[split - 1], 0);
  EXPECT_GT(s.x[split], 0);
  for (double y : s.y) EXPECT_TRUE(std::isfinite(y));
  EXPECT_EQ(s.x.size(), 200u);  // 201 samples less x = 0
}

TEST(NumericApiPlotSamples, ErrorsAreTheJsonErrorAndNoSamples) {
  for (const auto& [text, lo, hi, n] : {std::tuple{"3x^", 0.0, 1.0, 10}, std::tuple{"x*y", 0.0, 1.0, 10},
                                        std::tuple{"x", 1.0, 0.0, 10}, std::tuple{"x", 0.0, 1.0, 1}}) {
    const SampledPlot plot = sample_plot(text, lo, hi, n);
    EXPECT_FALSE(plot.ok()) << text;
    EXPECT_EQ(plot.error_json, sample_plot_json(text, lo, hi, n));
    EXPECT_TRUE(parse_json(plot.error_json).has("error"));
    EXPECT_TRUE(plot.samples.x.empty() && plot.samples.y.empty() && plot.samples.segment_ends.empty());
  }
}

}  // namespace
}  // namespace calc::api
