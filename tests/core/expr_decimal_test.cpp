// decimal::parse, general and shortest: the C library's strtod and "%.*g"
// without it. They are compared with the C library the test links (glibc
// natively, musl in the wasm suite: both exact) over a few hundred thousand
// random and hard inputs, and against the compiler's own correctly rounded
// reading of the same literals, printf's texts, and the round-trip
// properties the callers rely on.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "expr/decimal.h"

namespace calc {
namespace {

std::uint64_t bits_of(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

double from_bits(std::uint64_t b) {
  double v;
  std::memcpy(&v, &b, sizeof v);
  return v;
}

double parsed(const std::string& text) {
  double v = -1;
  EXPECT_EQ(decimal::parse(text, v), text.size()) << text;
  return v;
}

// A random finite double, every bit pattern equally likely.
double random_double(std::mt19937_64& rng) {
  for (;;) {
    const double v = from_bits(rng());
    if (std::isfinite(v)) return v;
  }
}

// ---- Everywhere: the compiler's reading of a literal is the reference ----

#define LITERAL(x) {#x, x}
// Compilers warn of a literal that reads as 0; the reference is then plainly 0.
#define UNDERFLOW(x) {#x, 0.0}
struct Case {
  const char* text;
  double value;
};
const Case kHard[] = {
    LITERAL(0.1), LITERAL(0.3), LITERAL(1e23), LITERAL(8.41e21), LITERAL(5e-324), LITERAL(1e-320),
    LITERAL(2.2250738585072011e-308),  // the largest subnormal's neighbourhood (PHP and Java once looped here)
    LITERAL(2.2250738585072012e-308), LITERAL(2.2250738585072014e-308),
    UNDERFLOW(2.4703282292062327e-324),  // just below half the smallest subnormal
    LITERAL(2.4703282292062328e-324),  // just above: the smallest subnormal
    LITERAL(1.7976931348623157e308), LITERAL(1.7976931348623158e308),
    LITERAL(9007199254740993.0),                    // 2^53 + 1: a tie, to even
    LITERAL(9007199254740993.0000000000000000001),  // just above the tie
    LITERAL(9007199254740995.0),                    // a tie, to even (up)
    LITERAL(0.30000000000000004), LITERAL(123456789012345678901234567890.0), LITERAL(1e22), LITERAL(1e-22),
    LITERAL(7.2057594037927933e16), LITERAL(4.35679e-10), LITERAL(3.141592653589793238462643383279502884),
    // 1 + 2^-53 (exactly halfway between 1 and its successor), then a digit more or less.
    LITERAL(1.00000000000000011102230246251565404236316680908203125),
    LITERAL(1.00000000000000011102230246251565404236316680908203124),
    LITERAL(1.000000000000000111022302462515654042363166809082031250000000000000000000000001),
    // Halfway between the two smallest subnormals (1.5 · 2^-1074), all 752 significant
    // digits: a tie, to even (up); then just below and just above it.
    LITERAL(7.4109846876186981626485318930233205854758970392148714663837852375101326090531312779794975454245398856969484704316857659638998506553390969459816219401617281718945106978546710679176872575177347315553307795408549809608457500958111373034747658096871009590975442271004757307809711118935784838675653998783503015228055934046593739791790738723868299395818481660169122019456499931289798411362062484498678713572180352209017023903285791732520220528974020802906854021606612375549983402671300035812486479041385743401875520901590172592547146296175134159774938718574737870961645638908718119841271673056017045493004705269590165763776884908267986972573366521765567941072508764337560846003984904972149117463085539556354188641513168478436313080237596295773983001708984375e-324),
    LITERAL(7.410984687618698162648531893023320585475897039214871466383785237510132609053131277979497545424539885696948470431685765963899850655339096945981621940161728171894510697854671067917687257517734731555330779540854980960845750095811137303474765809687100959097544227100475730780971111893578483867565399878350301522805593404659373979179073872386829939581848166016912201945649993128979841136206248449867871357218035220901702390328579173252022052897402080290685402160661237554998340267130003581248647904138574340187552090159017259254714629617513415977493871857473787096164563890871811984127167305601704549300470526959016576377688490826798697257336652176556794107250876433756084600398490497214911746308553955635418864151316847843631308023759629577398300170898437499999999e-324),
    LITERAL(7.410984687618698162648531893023320585475897039214871466383785237510132609053131277979497545424539885696948470431685765963899850655339096945981621940161728171894510697854671067917687257517734731555330779540854980960845750095811137303474765809687100959097544227100475730780971111893578483867565399878350301522805593404659373979179073872386829939581848166016912201945649993128979841136206248449867871357218035220901702390328579173252022052897402080290685402160661237554998340267130003581248647904138574340187552090159017259254714629617513415977493871857473787096164563890871811984127167305601704549300470526959016576377688490826798697257336652176556794107250876433756084600398490497214911746308553955635418864151316847843631308023759629577398300170898437500000001e-324),
    // Half the smallest subnormal, a tie between 0 and it, written with more than the 768
    // digits kept: to even (0), and up when the only nonzero digit after the tie is beyond them.
    UNDERFLOW(2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000000000000000000000000000000000000000000e-324),
    LITERAL(2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281250000000000000000000000000000000000000000000000001e-324),
    // The midpoint with the most significant digits (768), (2^54 - 1) · 2^-1075, between
    // 2^-1021 and its predecessor: a tie, to even (up); then just below and above it.
    LITERAL(4.45014771701440251914764251404153604015403552681397747857675352661202665683499514137081268292064610847821649864407543211202252060024805475438366959278553944287415798167306559780886369972946500822093454616939395562405743247311393587179131470373640557744498962306030263523273266659389190686273844438061610757538988082348741561964516148197776110323581423800429751880383178430296416384978052662540451464236950154372290444819242526339724727755372028367612233140452755328181529638887107210867274745595602918620135732098423503356981704302231953474664667838396644265370703825667756978382676143106568194200775798725448137345332679521829966869966268975935330693818311826037979822904224956476109468201955118135219258317189939548603786162277173854562306587467901408672332763671875e-308),
    LITERAL(4.4501477170144025191476425140415360401540355268139774785767535266120266568349951413708126829206461084782164986440754321120225206002480547543836695927855394428741579816730655978088636997294650082209345461693939556240574324731139358717913147037364055774449896230603026352327326665938919068627384443806161075753898808234874156196451614819777611032358142380042975188038317843029641638497805266254045146423695015437229044481924252633972472775537202836761223314045275532818152963888710721086727474559560291862013573209842350335698170430223195347466466783839664426537070382566775697838267614310656819420077579872544813734533267952182996686996626897593533069381831182603797982290422495647610946820195511813521925831718993954860378616227717385456230658746790140867233276367187499999999e-308),
    LITERAL(4.4501477170144025191476425140415360401540355268139774785767535266120266568349951413708126829206461084782164986440754321120225206002480547543836695927855394428741579816730655978088636997294650082209345461693939556240574324731139358717913147037364055774449896230603026352327326665938919068627384443806161075753898808234874156196451614819777611032358142380042975188038317843029641638497805266254045146423695015437229044481924252633972472775537202836761223314045275532818152963888710721086727474559560291862013573209842350335698170430223195347466466783839664426537070382566775697838267614310656819420077579872544813734533267952182996686996626897593533069381831182603797982290422495647610946820195511813521925831718993954860378616227717385456230658746790140867233276367187500000001e-308),
};
#undef LITERAL
#undef UNDERFLOW

TEST(DecimalParse, HardCasesAsTheCompilerReadsThem) {
  for (const Case& c : kHard) EXPECT_EQ(bits_of(parsed(c.text)), bits_of(c.value)) << c.text;
}

TEST(DecimalParse, OutOfRangeGoesToInfinityOrZero) {
  EXPECT_EQ(parsed("1.7976931348623159e308"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(parsed("-1e309"), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(parsed("1e99999999999999999999"), std::numeric_limits<double>::infinity());
  EXPECT_EQ(parsed("0e99999999999999999999"), 0.0);
  EXPECT_EQ(parsed("1e-99999999999999999999"), 0.0);
  EXPECT_EQ(parsed("2.4703282292062327e-324"), 0.0);
  const double minus_zero = parsed("-0.0");
  EXPECT_EQ(minus_zero, 0.0);
  EXPECT_TRUE(std::signbit(minus_zero));
  // Zeros after the point count against the exponent: 25 · 10^-401 · 10^400.
  EXPECT_EQ(parsed("0." + std::string(399, '0') + "25e400"), 2.5);
  EXPECT_EQ(parsed(std::string(400, '0') + "3"), 3.0);
  // The largest numbers the exact path works with: the most digits kept at
  // the smallest scale that can still round to a subnormal (2 · 2^-1074), and
  // at the largest scale.
  EXPECT_EQ(parsed(std::string(800, '9') + "e-1123"), 1e-323);
  EXPECT_EQ(parsed(std::string(800, '9') + "e-492"), 1e308);
}

TEST(DecimalParse, ReadsTheLongestNumberPrefix) {
  struct Prefix {
    const char* text;
    std::size_t length;
    double value;
  };
  const Prefix cases[] = {
      {"12", 2, 12},      {"+1.5", 4, 1.5},    {"-.5", 3, -0.5},  {"5.", 2, 5},      {"1e", 1, 1},
      {"1e+", 1, 1},      {"1E-2x", 4, 0.01},  {"1.2.3", 3, 1.2}, {"2e3e4", 3, 2000}, {"007", 3, 7},
      {".", 0, 0},        {"-", 0, 0},         {"+-1", 0, 0},     {"e5", 0, 0},      {"", 0, 0},
      {"inf", 0, 0},      {" 1", 0, 0},        {"0x10", 1, 0},
  };
  for (const Prefix& c : cases) {
    double v = -1;
    EXPECT_EQ(decimal::parse(c.text, v), c.length) << c.text;
    EXPECT_EQ(v, c.value) << c.text;
  }
}

TEST(DecimalGeneral, WritesWhatPrintfWrites) {
  struct Text {
    double value;
    int precision;
    bool keep_zeros;
    const char* text;
  };
  const Text cases[] = {
      {0.1, 17, false, "0.10000000000000001"},
      {1e-5, 1, false, "1e-05"},
      {1.5e20, 2, false, "1.5e+20"},
      {100, 1, false, "1e+02"},
      {123, 3, false, "123"},
      {0.0001234, 3, false, "0.000123"},
      {34328125000000000.0, 17, true, "34328125000000000."},
      {100, 17, true, "100.00000000000000"},
      {0.1, 17, true, "0.10000000000000001"},
      {0.0, 3, true, "0.00"},
      {-0.0, 3, false, "-0"},
      {2.5, 1, false, "2"},  // an exact tie: to even
      {3.5, 1, false, "4"},
      {0.125, 2, false, "0.12"},
      {0.375, 2, false, "0.38"},
      {9.96, 2, false, "10"},
      {9.96, 1, false, "1e+01"},
      {99999.5, 5, false, "1e+05"},
      {5e-324, 17, false, "4.9406564584124654e-324"},
      {1.7976931348623157e308, 17, false, "1.7976931348623157e+308"},
      {-1.5, 3, false, "-1.5"},
      {1e100, 16, false, "1e+100"},
      {123456789012345.0, 16, false, "123456789012345"},
      {std::numeric_limits<double>::infinity(), 3, false, "inf"},
      {-std::numeric_limits<double>::infinity(), 3, false, "-inf"},
      {std::numeric_limits<double>::quiet_NaN(), 3, false, "nan"},
  };
  for (const Text& c : cases)
    EXPECT_EQ(decimal::general(c.value, c.precision, c.keep_zeros), c.text)
        << c.value << " " << c.precision << (c.keep_zeros ? " #" : "");
}

TEST(DecimalShortest, FewestDigitsThatReadBack) {
  EXPECT_EQ(decimal::shortest(0.1), "0.1");
  EXPECT_EQ(decimal::shortest(100), "1e+02");  // as "%.1g" writes it
  EXPECT_EQ(decimal::shortest(0.30000000000000004), "0.30000000000000004");
  EXPECT_EQ(decimal::shortest(1e23), "1e+23");
  EXPECT_EQ(decimal::shortest(5e-324), "5e-324");
  EXPECT_EQ(decimal::shortest(-0.0), "-0");
  EXPECT_EQ(decimal::shortest(std::numeric_limits<double>::infinity()), "inf");
  std::mt19937_64 rng(7);
  for (int i = 0; i < 8000; ++i) {
    const double v = i % 2 ? random_double(rng) : std::ldexp(static_cast<double>(rng() >> 11), -50);
    const std::string text = decimal::shortest(v);
    ASSERT_EQ(bits_of(parsed(text)), bits_of(v)) << text;
    // No smaller precision reads back: the text's digits from the first
    // nonzero one are its precision (%g drops only zeros a smaller precision
    // would have dropped too).
    const std::string mantissa = text.substr(0, text.find('e'));
    const std::size_t first = mantissa.find_first_of("123456789");
    int significant = 0;
    for (std::size_t k = first; k < mantissa.size(); ++k) significant += mantissa[k] != '.';
    if (significant > 1) {
      double shorter = 0;
      const std::string s = decimal::general(v, significant - 1);
      decimal::parse(s, shorter);
      EXPECT_NE(bits_of(shorter), bits_of(v)) << text << " vs " << s;
    }
  }
}

TEST(DecimalGeneral, SeventeenDigitsReadBack) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 8000; ++i) {
    const double v = random_double(rng);
    ASSERT_EQ(bits_of(parsed(decimal::general(v, 17))), bits_of(v)) << decimal::general(v, 17);
    ASSERT_EQ(bits_of(parsed(decimal::general(v, 17, true))), bits_of(v));
  }
}

// ---- The C library's strtod and printf are the reference ----

void expect_as_strtod(const std::string& text) {
  double v = -1;
  const std::size_t length = decimal::parse(text, v);
  char* end = nullptr;
  const double expected = std::strtod(text.c_str(), &end);
  ASSERT_EQ(length, static_cast<std::size_t>(end - text.c_str())) << text;
  ASSERT_EQ(bits_of(v), bits_of(expected)) << text;
}

std::string printed(const char* format, int precision, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, precision, v);
  return buf;
}

TEST(DecimalParseLibc, RandomDoublesPrintedToAnyPrecision) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 100000; ++i) {
    const double v = random_double(rng);
    expect_as_strtod(printed("%.*e", static_cast<int>(rng() % 20), v));  // 1 to 20 digits: most round
  }
}

TEST(DecimalParseLibc, RandomDigitStrings) {
  std::mt19937_64 rng(2);
  const char* const signs[] = {"", "-", "+"};
  for (int i = 0; i < 150000; ++i) {
    const int length = 1 + static_cast<int>(rng() % (i % 10 ? 20 : 40));
    std::string digits;
    for (int k = 0; k < length; ++k) digits += static_cast<char>('0' + rng() % 10);
    const std::size_t point = rng() % (digits.size() + 1);
    if (rng() % 2) digits.insert(point, ".");
    const int exponent = static_cast<int>(rng() % 720) - 360;
    expect_as_strtod(signs[rng() % 3] + digits + "e" + std::to_string(exponent));
  }
}

// The exact decimal midpoint of a double and its successor (a long double,
// x87's 64-bit or wasm's 113-bit significand, holds it exactly, and printf
// prints it exactly), then the same text nudged just below and above it.
TEST(DecimalParseLibc, HalfwayCasesAndTheirNeighbours) {
  if (std::numeric_limits<long double>::digits < 64) GTEST_SKIP() << "no extended long double here";
  std::mt19937_64 rng(3);
  for (int i = 0; i < 12000; ++i) {
    // Alternately any double, and one in [1, 2^30) whose midpoint has few digits.
    const double v = i % 2 ? std::fabs(random_double(rng))
                           : std::ldexp(1 + static_cast<double>(rng() >> 12) * 0x1p-52, static_cast<int>(rng() % 30));
    const double next = std::nextafter(v, std::numeric_limits<double>::infinity());
    if (!std::isfinite(next)) continue;
    const long double mid = (static_cast<long double>(v) + next) / 2;
    char buf[1200];
    std::snprintf(buf, sizeof buf, "%.800Le", mid);
    std::string text = buf;
    const std::size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    const std::string exponent = text.substr(e);
    while (mantissa.back() == '0') mantissa.pop_back();
    if (mantissa.back() == '.') mantissa.pop_back();
    expect_as_strtod(mantissa + exponent);
    expect_as_strtod(mantissa + "000000001" + exponent);
    // Just below: the last digit one less, nines after it.
    std::string below = mantissa;
    below.back() = static_cast<char>(below.back() - 1);
    expect_as_strtod(below + "9999999" + exponent);
  }
}

TEST(DecimalGeneralLibc, RandomDoublesAtEveryPrecision) {
  std::mt19937_64 rng(4);
  for (int i = 0; i < 8000; ++i) {
    // Random bit patterns, and short decimals where ties and carries happen.
    const double v = i % 2 ? random_double(rng) : static_cast<double>(static_cast<int>(rng() % 200001) - 100000) / 1000;
    for (int precision = 1; precision <= 17; ++precision) {
      ASSERT_EQ(decimal::general(v, precision), printed("%.*g", precision, v)) << precision;
      const std::string kept = printed("%#.*g", precision, v);
      // glibc drops a kept zero when rounding carries into a new digit
      // ("%#.2g" of 99.96 is "1.e+02", not "1.0e+02" as the C standard and
      // musl have it): its text then has fewer digits than the precision.
      const auto mantissa_end = kept.begin() + static_cast<std::ptrdiff_t>(std::min(kept.find('e'), kept.size()));
      if (std::count_if(kept.begin(), mantissa_end, [](char c) { return c >= '0' && c <= '9'; }) < precision) continue;
      ASSERT_EQ(decimal::general(v, precision, true), kept) << precision;
    }
  }
}

// Number::to_string and the LaTeX printer wrote this loop before.
std::string printf_shortest(double v) {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

TEST(DecimalShortestLibc, AsThePrintfLoop) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 10000; ++i) {
    // Any double; a few decimal digits at any scale; a power of two (whose
    // lower neighbour is nearer, so the nearest short decimal may not read back).
    const double scale = std::pow(10.0, static_cast<int>(rng() % 40) - 20);
    const double v = i % 3 == 0   ? random_double(rng)
                     : i % 3 == 1 ? static_cast<double>(rng() % 1000000) / 1000 * scale
                                  : std::ldexp(1.0, static_cast<int>(rng() % 2098) - 1074);
    ASSERT_EQ(decimal::shortest(v), printf_shortest(v));
  }
}

}  // namespace
}  // namespace calc
