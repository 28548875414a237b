// The vendored libm (core/numeric/libm, musl's code) against correctly rounded
// values at awkward arguments: ±0, subnormals, huge arguments whose reduction
// by pi/2 needs rem_pio2_large, the edges of overflow and underflow, and the
// IEEE 754 / C Annex F special cases. The same table runs in the native and
// the wasm suite, so both builds are held to the same bits. The expected values
// come from mpmath at 400 bits (tests/core/libm_reference.py prints the table).
#include "numeric/libm/libm.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace calc::libm {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::uint64_t bits(double x) {
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

// Distance in units in the last place; NaNs of any payload are equal.
std::uint64_t ulps_between(double a, double b) {
  if (std::isnan(a) && std::isnan(b)) return 0;
  auto ordered = [](double x) {
    const std::uint64_t b = bits(x);
    return (b >> 63) ? ~b + 1 + (std::uint64_t{1} << 63) : b + (std::uint64_t{1} << 63);
  };
  const std::uint64_t x = ordered(a), y = ordered(b);
  return x > y ? x - y : y - x;
}

std::string hex(double x) {
  char s[40];
  std::snprintf(s, sizeof s, "%a", x);
  return s;
}

double unary(std::string_view name, double x) {
  if (name == "sin") return sin(x);
  if (name == "cos") return cos(x);
  if (name == "tan") return tan(x);
  if (name == "asin") return asin(x);
  if (name == "acos") return acos(x);
  if (name == "atan") return atan(x);
  if (name == "sinh") return sinh(x);
  if (name == "cosh") return cosh(x);
  if (name == "tanh") return tanh(x);
  if (name == "exp") return exp(x);
  if (name == "log") return log(x);
  if (name == "cbrt") return cbrt(x);
  ADD_FAILURE() << "no function " << name;
  return kNaN;
}

struct UnaryCase {
  const char* name;
  double x;
  double expected;
};

const UnaryCase kUnary[] = {
    {"sin", -0.0, -0.0},
    {"cos", -0.0, 0x1.0000000000000p+0},
    {"tan", -0.0, -0.0},
    {"sin", 0x0.0000000000001p-1022, 0x0.0000000000001p-1022},
    {"cos", 0x0.0000000000001p-1022, 0x1.0000000000000p+0},
    {"tan", 0x0.0000000000001p-1022, 0x0.0000000000001p-1022},
    {"sin", 0x0.0180000000000p-1022, 0x0.0180000000000p-1022},
    {"cos", 0x0.0180000000000p-1022, 0x1.0000000000000p+0},
    {"tan", 0x0.0180000000000p-1022, 0x0.0180000000000p-1022},
    {"sin", 0x1.0000000000000p-30, 0x1.0000000000000p-30},
    {"cos", 0x1.0000000000000p-30, 0x1.0000000000000p+0},
    {"tan", 0x1.0000000000000p-30, 0x1.0000000000000p-30},
    {"sin", 0x1.0000000000000p-1, 0x1.eaee8744b05f0p-2},
    {"cos", 0x1.0000000000000p-1, 0x1.c1528065b7d50p-1},
    {"tan", 0x1.0000000000000p-1, 0x1.17b4f5bf3474ap-1},
    {"sin", 0x1.921fb54442d18p+0, 0x1.0000000000000p+0},
    {"cos", 0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54},
    {"tan", 0x1.921fb54442d18p+0, 0x1.d02967c31cdb5p+53},
    {"sin", 0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53},
    {"cos", 0x1.921fb54442d18p+1, -0x1.0000000000000p+0},
    {"tan", 0x1.921fb54442d18p+1, -0x1.1a62633145c07p-53},
    {"sin", 0x1.2d97c7f3321d2p+2, -0x1.0000000000000p+0},
    {"cos", 0x1.2d97c7f3321d2p+2, -0x1.a79394c9e8a0ap-53},
    {"tan", 0x1.2d97c7f3321d2p+2, 0x1.3570efd768923p+52},
    {"sin", 0x1.6300000000000p+8, -0x1.f9bd0307d1de3p-16},
    {"cos", 0x1.6300000000000p+8, -0x1.fffffffc18e4cp-1},
    {"tan", 0x1.6300000000000p+8, 0x1.f9bd030bacc16p-16},
    {"sin", 0x1.e848000000000p+19, -0x1.6664b2568d867p-2},
    {"cos", 0x1.e848000000000p+19, 0x1.df9df9906d32cp-1},
    {"tan", 0x1.e848000000000p+19, -0x1.7e9768ab734c0p-2},
    {"sin", 0x1.65a0bc0000000p+31, 0x1.f958b458cc91bp-1},
    {"cos", 0x1.65a0bc0000000p+31, -0x1.4917f746fa4f0p-3},
    {"tan", 0x1.65a0bc0000000p+31, -0x1.891b289d24f04p+2},
    {"sin", 0x1.921fb54442d18p+20, -0x1.1a62633145c07p-34},
    {"cos", 0x1.921fb54442d18p+20, 0x1.0000000000000p+0},
    {"tan", 0x1.921fb54442d18p+20, -0x1.1a62633145c07p-34},
    {"sin", 0x1.0f0cf064dd592p+73, -0x1.b453ab76bf397p-1},
    {"cos", 0x1.0f0cf064dd592p+73, 0x1.0be2cef01c8f4p-1},
    {"tan", 0x1.0f0cf064dd592p+73, -0x1.a0f79c1b6b257p+0},
    {"sin", 0x1.0000000000000p+300, 0x1.f45bc0cf32e45p-1},
    {"cos", 0x1.0000000000000p+300, 0x1.b23e529a72db7p-3},
    {"tan", 0x1.0000000000000p+300, 0x1.26fa112526b60p+2},
    {"sin", 0x1.7e43c8800759cp+996, -0x1.a2c16b010e385p-1},
    {"cos", 0x1.7e43c8800759cp+996, -0x1.2699022adc4c1p-1},
    {"tan", 0x1.7e43c8800759cp+996, 0x1.6be411f37ac77p+0},
    {"sin", 0x1.0000000000000p+1023, 0x1.205248cbdb760p-1},
    {"cos", 0x1.0000000000000p+1023, -0x1.a719f26c232bfp-1},
    {"tan", 0x1.0000000000000p+1023, -0x1.5ce6b4c0d02a3p-1},
    {"sin", 0x1.fffffffffffffp+1023, 0x1.452fc98b34e97p-8},
    {"cos", 0x1.fffffffffffffp+1023, -0x1.fffe62ecfab75p-1},
    {"tan", 0x1.fffffffffffffp+1023, -0x1.4530cfe729484p-8},
    {"sin", -0x1.0f0cf064dd592p+73, 0x1.b453ab76bf397p-1},
    {"cos", -0x1.0f0cf064dd592p+73, 0x1.0be2cef01c8f4p-1},
    {"tan", -0x1.0f0cf064dd592p+73, 0x1.a0f79c1b6b257p+0},
    {"asin", -0.0, -0.0},
    {"acos", -0.0, 0x1.921fb54442d18p+0},
    {"asin", 0x0.0000000000001p-1022, 0x0.0000000000001p-1022},
    {"acos", 0x0.0000000000001p-1022, 0x1.921fb54442d18p+0},
    {"asin", 0x1.0000000000000p-600, 0x1.0000000000000p-600},
    {"acos", 0x1.0000000000000p-600, 0x1.921fb54442d18p+0},
    {"asin", 0x1.0000000000000p-1, 0x1.0c152382d7366p-1},
    {"acos", 0x1.0000000000000p-1, 0x1.0c152382d7366p+0},
    {"asin", -0x1.0000000000000p-1, -0x1.0c152382d7366p-1},
    {"acos", -0x1.0000000000000p-1, 0x1.0c152382d7366p+1},
    {"asin", 0x1.fffffffffffffp-1, 0x1.921fb50442d18p+0},
    {"acos", 0x1.fffffffffffffp-1, 0x1.0000000000000p-26},
    {"asin", 0x1.0000000000000p+0, 0x1.921fb54442d18p+0},
    {"acos", 0x1.0000000000000p+0, 0.0},
    {"asin", -0x1.0000000000000p+0, -0x1.921fb54442d18p+0},
    {"acos", -0x1.0000000000000p+0, 0x1.921fb54442d18p+1},
    {"atan", -0.0, -0.0},
    {"atan", 0x0.0000000000001p-1022, 0x0.0000000000001p-1022},
    {"atan", 0x1.0000000000000p-600, 0x1.0000000000000p-600},
    {"atan", 0x1.c000000000000p-2, 0x1.a64eec3cc23fdp-2},
    {"atan", 0x1.0000000000000p+0, 0x1.921fb54442d18p-1},
    {"atan", -0x1.3800000000000p+1, -0x1.2e75728833a54p+0},
    {"atan", 0x1.2a05f20000000p+33, 0x1.921fb543d4de0p+0},
    {"atan", 0x1.0000000000000p+66, 0x1.921fb54442d18p+0},
    {"atan", 0x1.7e43c8800759cp+996, 0x1.921fb54442d18p+0},
    {"atan", 0x1.fffffffffffffp+1023, 0x1.921fb54442d18p+0},
    {"sinh", -0.0, -0.0},
    {"cosh", -0.0, 0x1.0000000000000p+0},
    {"tanh", -0.0, -0.0},
    {"sinh", 0x0.0000000000001p-1022, 0x0.0000000000001p-1022},
    {"cosh", 0x0.0000000000001p-1022, 0x1.0000000000000p+0},
    {"tanh", 0x0.0000000000001p-1022, 0x0.0000000000001p-1022},
    {"sinh", 0x1.0000000000000p-30, 0x1.0000000000000p-30},
    {"cosh", 0x1.0000000000000p-30, 0x1.0000000000000p+0},
    {"tanh", 0x1.0000000000000p-30, 0x1.0000000000000p-30},
    {"sinh", 0x1.0000000000000p-2, 0x1.02accd9d08102p-2},
    {"cosh", 0x1.0000000000000p-2, 0x1.080ab05ca6146p+0},
    {"tanh", 0x1.0000000000000p-2, 0x1.f597ea69a1c86p-3},
    {"sinh", 0x1.0000000000000p+0, 0x1.2cd9fc44eb982p+0},
    {"cosh", 0x1.0000000000000p+0, 0x1.8b07551d9f550p+0},
    {"tanh", 0x1.0000000000000p+0, 0x1.85efab514f394p-1},
    {"sinh", -0x1.c000000000000p+1, -0x1.08ae99f364f3bp+4},
    {"cosh", -0x1.c000000000000p+1, 0x1.092a4a33c887bp+4},
    {"tanh", -0x1.c000000000000p+1, -0x1.ff112c63a9077p-1},
    {"sinh", 0x1.6000000000000p+4, 0x1.ab5adb9c43600p+30},
    {"cosh", 0x1.6000000000000p+4, 0x1.ab5adb9c43600p+30},
    {"tanh", 0x1.6000000000000p+4, 0x1.0000000000000p+0},
    {"sinh", 0x1.4000000000000p+5, 0x1.a220d397972ebp+56},
    {"cosh", 0x1.4000000000000p+5, 0x1.a220d397972ebp+56},
    {"tanh", 0x1.4000000000000p+5, 0x1.0000000000000p+0},
    {"sinh", 0x1.6280000000000p+9, 0x1.d422d2be5dc9bp+1021},
    {"cosh", 0x1.6280000000000p+9, 0x1.d422d2be5dc9bp+1021},
    {"tanh", 0x1.6280000000000p+9, 0x1.0000000000000p+0},
    {"sinh", 0x1.633ce8fb9f87dp+9, 0x1.ffffffffffd3bp+1023},
    {"cosh", 0x1.633ce8fb9f87dp+9, 0x1.ffffffffffd3bp+1023},
    {"tanh", 0x1.633ce8fb9f87dp+9, 0x1.0000000000000p+0},
    {"sinh", -0x1.633ce8fb9f87dp+9, -0x1.ffffffffffd3bp+1023},
    {"cosh", -0x1.633ce8fb9f87dp+9, 0x1.ffffffffffd3bp+1023},
    {"tanh", -0x1.633ce8fb9f87dp+9, -0x1.0000000000000p+0},
    {"exp", -0.0, 0x1.0000000000000p+0},
    {"exp", 0x0.0000000000001p-1022, 0x1.0000000000000p+0},
    {"exp", 0x1.0000000000000p-60, 0x1.0000000000000p+0},
    {"exp", 0x1.0000000000000p+0, 0x1.5bf0a8b145769p+1},
    {"exp", -0x1.0000000000000p+0, 0x1.78b56362cef38p-2},
    {"exp", 0x1.0000000000000p-1, 0x1.a61298e1e069cp+0},
    {"exp", 0x1.4000000000000p+3, 0x1.5829dcf950560p+14},
    {"exp", 0x1.62e42feba39efp+6, 0x1.fffffdffffff5p+127},
    {"exp", 0x1.5e00000000000p+9, 0x1.d945df4f8ec8ep+1009},
    {"exp", 0x1.62e42fefa39efp+9, 0x1.fffffffffff2ap+1023},
    {"exp", -0x1.6232bdd7abcd2p+9, 0x1.000000000007cp-1022},
    {"exp", -0x1.7200000000000p+9, 0x0.0000000000055p-1022},
    {"exp", -0x1.74910d52d3051p+9, 0x0.0000000000001p-1022},
    {"exp", 0x1.62e42fefa39efp+9, 0x1.fffffffffff2ap+1023},
    {"log", 0x0.0000000000001p-1022, -0x1.74385446d71c3p+9},
    {"log", 0x0.0180000000000p-1022, -0x1.64c49fefb1953p+9},
    {"log", 0x1.0000000000000p-1022, -0x1.6232bdd7abcd2p+9},
    {"log", 0x1.0000000000001p+0, 0x1.fffffffffffffp-53},
    {"log", 0x1.fffffffffffffp-1, -0x1.0000000000000p-53},
    {"log", 0x1.0000000000000p-1, -0x1.62e42fefa39efp-1},
    {"log", 0x1.0000000000000p+1, 0x1.62e42fefa39efp-1},
    {"log", 0x1.4000000000000p+3, 0x1.26bb1bbb55516p+1},
    {"log", 0x1.7e43c8800759cp+996, 0x1.5963447f87fb5p+9},
    {"log", 0x1.fffffffffffffp+1023, 0x1.62e42fefa39efp+9},
    {"cbrt", -0x1.b000000000000p+4, -0x1.8000000000000p+1},
    {"cbrt", 0x1.0000000000000p+1, 0x1.428a2f98d728bp+0},
    {"cbrt", 0x1.56e1fc2f8f359p-997, 0x1.bff2ee48e0530p-333},
    {"cbrt", 0x0.0000000000001p-1022, 0x1.0000000000000p-358},
    {"cbrt", 0x0.0180000000000p-1022, 0x1.d12ed0af1a27fp-344},
    {"cbrt", 0x1.0000000000000p-1022, 0x1.428a2f98d728bp-341},
    {"cbrt", 0x1.7e43c8800759cp+996, 0x1.249ad2594c37dp+332},
    {"cbrt", 0x1.fffffffffffffp+1023, 0x1.428a2f98d728bp+341},
};

struct PowCase {
  double x, y, expected;
};

const PowCase kPow[] = {
    {0x1.0000000000000p+1, 0x1.0000000000000p-1, 0x1.6a09e667f3bcdp+0},
    {0x1.4000000000000p+3, -0x1.0000000000000p+1, 0x1.47ae147ae147bp-7},
    {0x1.4000000000000p+3, 0x1.34413509f79ffp-2, 0x1.0000000000000p+1},
    {0x1.0000000000000p+1, -0x1.0c80000000000p+10, 0x0.0000000000001p-1022},
    {0x1.0000000000000p+1, -0x1.ff40000000000p+9, 0x0.b504f333f9de6p-1022},
    {0x1.0000000000000p+1, 0x1.ff80000000000p+9, 0x1.0000000000000p+1023},
    {0x1.0000000000000p-1, 0x1.0c80000000000p+10, 0x0.0000000000001p-1022},
    {0x1.000001ad7f29bp+0, 0x1.dcd6500000000p+29, 0x1.349445c228792p+144},
    {0x1.ffffffff24190p-1, -0x1.d1a94a2000000p+39, 0x1.3495511f3bf24p+144},
    {-0x1.0000000000000p+1, 0x1.8000000000000p+1, -0x1.0000000000000p+3},
    {-0x1.0000000000000p+1, -0x1.0c40000000000p+10, -0x0.0000000000002p-1022},
    {-0x1.0000000000000p-1, -0x1.ff80000000000p+9, -0x1.0000000000000p+1023},
    {0x1.8000000000000p+1, 0x1.0000000000000p-1, 0x1.bb67ae8584caap+0},
    {0x1.56e1fc2f8f359p-997, 0x1.0624dd2f1a9fcp-10, 0x1.009b9cf334252p-1},
    {0x1.c000000000000p+2, 0x1.6b00000000000p+8, 0x1.0cb2724b81197p+1019},
};

// musl's tan and sinh are faithfully rounded (error < 1 ulp) but not always
// correctly rounded: at these arguments its result is the other neighbour of
// the true value. The bits are still the same in both builds, which is what
// determinism needs; the table only asks for the 1 ulp musl promises here.
bool faithful_only(std::string_view name, double x) {
  return (name == "tan" && std::fabs(x) == 0x1.0f0cf064dd592p+73) || (name == "sinh" && x == 40.0);
}

TEST(Libm, UnaryFunctionsAreCorrectlyRoundedAtAwkwardArguments) {
  for (const UnaryCase& c : kUnary) {
    const double got = unary(c.name, c.x);
    if (faithful_only(c.name, c.x)) {
      EXPECT_EQ(ulps_between(got, c.expected), 1u) << c.name << "(" << hex(c.x) << ") = " << hex(got);
    } else {
      EXPECT_EQ(bits(got), bits(c.expected))
          << c.name << "(" << hex(c.x) << ") = " << hex(got) << ", correctly rounded " << hex(c.expected);
    }
  }
}

TEST(Libm, PowIsCorrectlyRoundedAtAwkwardArguments) {
  for (const PowCase& c : kPow) {
    const double got = pow(c.x, c.y);
    EXPECT_EQ(bits(got), bits(c.expected))
        << "pow(" << hex(c.x) << ", " << hex(c.y) << ") = " << hex(got) << ", correctly rounded " << hex(c.expected);
  }
}

// C Annex F (IEEE 754) results for infinities, NaN, zeros and poles.
TEST(Libm, SpecialCasesFollowAnnexF) {
  struct Case {
    const char* name;
    double x, expected;
  };
  const Case unary_cases[] = {
      {"sin", kInf, kNaN},     {"cos", -kInf, kNaN},       {"tan", kInf, kNaN},     {"sin", kNaN, kNaN},
      {"asin", 0x1.0000000000001p0, kNaN},                 {"acos", -0x1.0000000000001p0, kNaN},
      {"atan", kInf, 0x1.921fb54442d18p0},                 {"atan", -kInf, -0x1.921fb54442d18p0},
      {"sinh", kInf, kInf},    {"sinh", -kInf, -kInf},     {"cosh", -kInf, kInf},   {"tanh", -kInf, -1.0},
      {"sinh", 711.0, kInf},   {"cosh", -711.0, kInf},     {"exp", kInf, kInf},     {"exp", -kInf, 0.0},
      {"exp", 709.8, kInf},    {"exp", -745.2, 0.0},       {"exp", kNaN, kNaN},     {"log", 0.0, -kInf},
      {"log", -0.0, -kInf},    {"log", 1.0, 0.0},          {"log", -1.0, kNaN},     {"log", -kInf, kNaN},
      {"log", kInf, kInf},     {"cbrt", -kInf, -kInf},     {"cbrt", -0.0, -0.0},    {"cbrt", kNaN, kNaN},
  };
  for (const Case& c : unary_cases) {
    const double got = unary(c.name, c.x);
    if (std::isnan(c.expected)) {
      EXPECT_TRUE(std::isnan(got)) << c.name << "(" << hex(c.x) << ") = " << hex(got);
    } else {
      EXPECT_EQ(bits(got), bits(c.expected)) << c.name << "(" << hex(c.x) << ") = " << hex(got);
    }
  }
  struct PowSpecial {
    double x, y, expected;
  };
  const PowSpecial pow_cases[] = {
      {kNaN, 0.0, 1.0},     {kNaN, -0.0, 1.0},   {1.0, kNaN, 1.0},      {1.0, kInf, 1.0},   {-1.0, kInf, 1.0},
      {-1.0, -kInf, 1.0},   {-0.0, -3.0, -kInf}, {0.0, -3.0, kInf},     {-0.0, -2.0, kInf}, {-0.0, 3.0, -0.0},
      {-0.0, 2.0, 0.0},     {0.0, -kInf, kInf},  {0.5, kInf, 0.0},      {2.0, -kInf, 0.0},  {0.5, -kInf, kInf},
      {kInf, -1.0, 0.0},    {kInf, 0.5, kInf},   {-kInf, 3.0, -kInf},   {-kInf, -3.0, -0.0},
      {-kInf, 2.0, kInf},   {-2.0, 0.5, kNaN},   {-8.0, 1.0 / 3.0, kNaN}, {2.0, kNaN, kNaN},
      {2.0, 1024.0, kInf},  {-2.0, 1025.0, -kInf}, {0.5, 1075.0, 0.0},
  };
  for (const PowSpecial& c : pow_cases) {
    const double got = pow(c.x, c.y);
    if (std::isnan(c.expected)) {
      EXPECT_TRUE(std::isnan(got)) << "pow(" << hex(c.x) << ", " << hex(c.y) << ") = " << hex(got);
    } else {
      EXPECT_EQ(bits(got), bits(c.expected)) << "pow(" << hex(c.x) << ", " << hex(c.y) << ") = " << hex(got);
    }
  }
}

// Arguments drawn from a fixed sequence (splitmix64, the same on every
// platform): uniform in [lo, hi) and, one time in four, any finite double.
class ArgumentStream {
 public:
  double draw(double lo, double hi) {
    const std::uint64_t r = next();
    if (r % 4 == 0) {
      std::uint64_t b = next() & 0x7fefffffffffffffu;
      double x;
      std::memcpy(&x, &b, sizeof x);
      return (r & 4) ? -x : x;
    }
    return lo + (hi - lo) * static_cast<double>(r >> 11) * 0x1p-53;
  }

 private:
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  }
  std::uint64_t state_ = 0x9e3779b97f4a7c15u;
};

// log is the table-free version that Emscripten links into its size-optimised
// builds (log_small.c: below 1 ulp, where musl's default log.c carries 4 KB of
// tables), so no platform libm in these test binaries has the same code. A
// copying slip would be off by far more than the 1 ulp the two may differ by,
// in either build.
TEST(Libm, LogStaysWithinOneUlpOfThePlatformLibm) {
  ArgumentStream args;
  std::uint64_t worst = 0;
  for (int i = 0; i < 20000; ++i) {
    const double x = args.draw(-40.0, 40.0), p = args.draw(0.0, 20.0);
    worst = std::max({worst, ulps_between(log(p), std::log(p)), ulps_between(log(x), std::log(x))});
  }
  EXPECT_LE(worst, 1u);
}

#ifdef __EMSCRIPTEN__
// Emscripten's own libm is musl 1.2.2, the code vendored here: the copy must
// give the same bits as the original, or the vendoring changed the arithmetic.
TEST(Libm, SameBitsAsEmscriptensMusl) {
  ArgumentStream args;
  int differences = 0;
  for (int i = 0; i < 20000; ++i) {
    const double x = args.draw(-40.0, 40.0), y = args.draw(-8.0, 8.0), p = args.draw(0.0, 20.0);
    const std::pair<double, double> pairs[] = {
        {sin(x), std::sin(x)},   {cos(x), std::cos(x)},   {tan(x), std::tan(x)},   {asin(x / 40), std::asin(x / 40)},
        {acos(x / 40), std::acos(x / 40)}, {atan(x), std::atan(x)}, {sinh(x), std::sinh(x)},
        {cosh(x), std::cosh(x)}, {tanh(x), std::tanh(x)}, {exp(x), std::exp(x)}, {cbrt(x), std::cbrt(x)},
        {pow(p, y), std::pow(p, y)}, {pow(x, 3.0), std::pow(x, 3.0)},
    };
    for (const auto& [ours, musl] : pairs) differences += ulps_between(ours, musl) != 0;
  }
  EXPECT_EQ(differences, 0);
}
#endif

}  // namespace
}  // namespace calc::libm
