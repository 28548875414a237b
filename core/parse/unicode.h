#pragma once
// The parser's view of Unicode: UTF-8 decoding into code points (whose
// indices are the positions reported in errors) and the classification of
// the characters learners type. Everything the lexer needs to know about a
// code point lives here, so the lexer itself only deals with syntax.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/utf8.h"  // append_utf8, with to_utf8 below

namespace calc::parsing {

struct DecodeFailure {
  std::size_t position;  // code-point index of the first byte that is not valid UTF-8
};

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Full-width ASCII forms (U+FF01..U+FF5E, typed by Chinese input methods) are
// folded to ASCII here, so （x＋１） reads as (x+1) everywhere downstream.
std::optional<DecodeFailure> decode_utf8(std::string_view bytes, std::u32string& out);

// Number of code points in valid or invalid UTF-8 (counts non-continuation bytes).
std::size_t count_code_points(std::string_view bytes);

std::string to_utf8(std::u32string_view s);

enum class CharProblem { None, Control, Bidi };
// Control characters and invisible format characters are refused outright,
// bidi overrides because they make the text render differently from what is parsed.
CharProblem char_problem(char32_t c);

bool is_space(char32_t c);
bool is_ascii_digit(char32_t c);
// Letters that may form names: ASCII letters and the Greek alphabet (π included).
bool is_name_letter(char32_t c);

// Superscript characters: their plain equivalent ('2', '-', '(', 'n', 'x', 'T'), or 0.
char32_t superscript_plain(char32_t c);
// Subscript digits ₀..₉: their ASCII digit, or 0.
char32_t subscript_digit(char32_t c);

// "U+202E"
std::string code_point_label(char32_t c);

}  // namespace calc::parsing
