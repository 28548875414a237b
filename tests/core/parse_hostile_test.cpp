// Hostile input: deep nesting, huge strings, random bytes and token soup
// must give an error quickly, never a crash, a stack overflow or a stall.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "parse_test_util.h"

namespace calc::parse_test {
namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string s;
  s.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) s += piece;
  return s;
}

// A bound on work, not a speed benchmark: an exponential or quadratic blowup
// on these megabyte inputs takes tens of seconds, so 2 s separates "bounded"
// from "blows up" even under ASan on a loaded 2-core CI machine, where 250 ms
// proved flaky.
constexpr double kQuickMs = 2000;

struct Timed {
  ParseResult result;
  double ms;
};

Timed timed_parse(const std::string& input, const ParseLimits& limits = {},
                  const ParseContext& ctx = ParseContext::permissive()) {
  const auto start = std::chrono::steady_clock::now();
  ParseResult r = parse(input, ctx, limits);
  const auto end = std::chrono::steady_clock::now();
  return {std::move(r), std::chrono::duration<double, std::milli>(end - start).count()};
}

ParseLimits megabyte_limits() {
  ParseLimits l;
  l.max_input_bytes = 4u << 20;
  return l;
}

void expect_quick_error(const std::string& input, std::string_view code, const ParseLimits& limits = {}) {
  const Timed t = timed_parse(input, limits);
  ASSERT_FALSE(t.result.ok()) << input.substr(0, 40);
  EXPECT_EQ(t.result.error->code, code) << describe(*t.result.error);
  EXPECT_LT(t.ms, kQuickMs) << input.substr(0, 40);
  EXPECT_LE(t.result.error->position + t.result.error->length, code_points(input));
}

TEST(ParseHostile, HundredThousandNestedBrackets) {
  expect_quick_error(std::string(100000, '('), "too-long");
  expect_quick_error(std::string(100000, '('), "too-deep", megabyte_limits());
  expect_quick_error(std::string(100000, '(') + "x" + std::string(100000, ')'), "too-deep", megabyte_limits());
  expect_quick_error(repeat("[", 100000), "too-deep", megabyte_limits());
  expect_quick_error(repeat("(x+", 100000), "too-deep", megabyte_limits());
}

// Chains that only the parser can see: every step is lexed first, so these
// use 20,000 steps (a hundred times the depth limit) to stay fast under
// sanitizers.
TEST(ParseHostile, DeepChainsWithoutBrackets) {
  const ParseLimits big = megabyte_limits();
  constexpr std::size_t kSteps = 20000;
  expect_quick_error(std::string(kSteps, '-') + "x", "too-deep", big);
  expect_quick_error("x" + repeat("^x", kSteps), "too-deep", big);
  expect_quick_error(repeat("| ", kSteps) + "x", "too-deep", big);
  expect_quick_error(repeat("‖", kSteps), "too-deep", big);
  expect_quick_error(repeat("sin ", kSteps) + "x", "too-deep", big);
  expect_quick_error(repeat("√", kSteps) + "x", "too-deep", big);
  expect_quick_error(repeat("d/dx ", kSteps) + "x", "too-deep", big);
  expect_quick_error(repeat("∂/∂x ", kSteps) + "x", "too-deep", big);
  expect_quick_error(repeat("d(", kSteps) + "x" + repeat(")/dx", kSteps), "too-deep", big);
  expect_quick_error("x" + repeat("²", kSteps), "number-too-large", big);
}

TEST(ParseHostile, MegabyteStrings) {
  expect_quick_error(repeat("x+", 1 << 19), "too-long");
  expect_quick_error(std::string(1 << 20, 'x'), "too-long");
  expect_quick_error(repeat("π", 1 << 19), "too-long");
  expect_quick_error(std::string(1 << 20, '\xff'), "too-long");
  // At the default limit every kind of long input is still fast.
  for (const std::string& s : {std::string(4096, 'x'), repeat("x", 4000) + "(", repeat("ab", 2048), repeat("1+", 2047),
                               repeat("sin", 1365), repeat("d", 4096), repeat("∂", 1365), repeat("x₁", 1024)}) {
    const Timed t = timed_parse(s);
    EXPECT_LT(t.ms, kQuickMs) << s.substr(0, 20);
  }
  ParseContext strict;
  strict.scalars = {"x"};
  const Timed t = timed_parse(repeat("xq", 2048), {}, strict);
  EXPECT_FALSE(t.result.ok());
  EXPECT_LT(t.ms, kQuickMs);
}

TEST(ParseHostile, OddUnicode) {
  expect_quick_error("x\u202e1+", "bidi-control");
  expect_quick_error("\u2067x\u2069", "bidi-control");
  expect_quick_error("x\u200d", "control-character");
  expect_quick_error("x\u0085", "control-character");
  expect_quick_error("\U0001F600", "unexpected-character");
  expect_quick_error("x\uE000", "unexpected-character");
  expect_quick_error("\xf4\x90\x80\x80", "invalid-utf8");  // above U+10FFFF
  expect_quick_error("\xf0\x82\x82\xac", "invalid-utf8");  // overlong
}

// Every result is either an expression or an error whose span lies inside
// the input, and the same input always gives the same result.
void check_robust(const std::string& s) {
  const ParseResult r = parse(s);
  if (!r.ok()) {
    ASSERT_TRUE(r.error.has_value());
    EXPECT_FALSE(r.error->code.empty());
    EXPECT_FALSE(r.error->message.empty());
    EXPECT_FALSE(r.error->message_zh.empty());
    if (r.error->code != "invalid-utf8") EXPECT_LE(r.error->position + r.error->length, code_points(s)) << s;
  }
  const ParseResult again = parse(s);
  ASSERT_EQ(again.ok(), r.ok()) << s;
  if (r.ok()) EXPECT_TRUE(*again.expr == *r.expr) << s;
  else EXPECT_EQ(again.error->code, r.error->code) << s;
}

TEST(ParseHostile, RandomBytes) {
  std::mt19937 rng(20261128);
  for (int i = 0; i < 10000; ++i) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    check_robust(s);
  }
}

TEST(ParseHostile, RandomTokenSoup) {
  static const char* const kPieces[] = {
      "x",  "y",  "(",  ")", "[", "]", "{",  "}", "|", "‖", "^",  "-",   "+",   "*",  "/", "2", ".", "e",  "sin",
      "∂",  "d",  "²",  "₁", "_", "_{", "1", ",", ";", "=", "√",  " ",   "ᵀ",   "⁻",  "T", "f", "π", "0", "1e",
      "ln", "**", "xy", "dx", "/d", "||", "_2", "⁽", "⁾", "·", "−", "（", "）", "sinn", "dot(", "norm"};
  std::mt19937 rng(7);
  for (int i = 0; i < 10000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) s += kPieces[rng() % std::size(kPieces)];
    check_robust(s);
  }
}

}  // namespace
}  // namespace calc::parse_test
