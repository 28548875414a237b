// The two hexadecimal texts the core writes without printf: JSON's \u escape
// of a control character ("\\u%04x") and a parse error's code point label
// ("U+%04X"): four digits at least, zero padded, in their letter case.
#include <gtest/gtest.h>

#include <string>

#include "api/json.h"
#include "parse/unicode.h"

namespace calc {
namespace {

TEST(HexEscapes, JsonEscapesControlCharactersAsFourLowercaseDigits) {
  std::string out;
  json::append_string(out, std::string("a\x01\x1f\x7f", 4));
  EXPECT_EQ(out, "\"a\\u0001\\u001f\x7f\"");  // DEL is not a JSON control character
}

TEST(HexEscapes, CodePointLabelsHaveAtLeastFourUppercaseDigits) {
  EXPECT_EQ(parsing::code_point_label(U'\x07'), "U+0007");
  EXPECT_EQ(parsing::code_point_label(U'\x9f'), "U+009F");
  EXPECT_EQ(parsing::code_point_label(U'\u202e'), "U+202E");
  EXPECT_EQ(parsing::code_point_label(U'\U0001f600'), "U+1F600");
}

}  // namespace
}  // namespace calc
