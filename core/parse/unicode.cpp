#include "parse/unicode.h"

#include <cstdint>

namespace calc::parsing {

namespace {

// Folds full-width ASCII variants and the ideographic space to ASCII.
char32_t fold_full_width(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return U' ';
  return c;
}

}  // namespace

std::optional<DecodeFailure> decode_utf8(std::string_view bytes, std::u32string& out) {
  out.clear();
  out.reserve(bytes.size());
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    char32_t c;
    std::size_t len;
    char32_t min;
    if (b0 < 0x80) {
      out.push_back(b0);
      ++i;
      continue;
    } else if ((b0 & 0xE0) == 0xC0) {
      c = b0 & 0x1F, len = 2, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      c = b0 & 0x0F, len = 3, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      c = b0 & 0x07, len = 4, min = 0x10000;
    } else {
      return DecodeFailure{out.size()};
    }
    if (i + len > n) return DecodeFailure{out.size()};
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      if ((b & 0xC0) != 0x80) return DecodeFailure{out.size()};
      c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return DecodeFailure{out.size()};
    out.push_back(fold_full_width(c));
    i += len;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t count = 0;
  for (char ch : bytes)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  return count;
}


std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

CharProblem char_problem(char32_t c) {
  if (c == U'\t' || c == U'\n' || c == U'\r') return CharProblem::None;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return CharProblem::Control;
  if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069))
    return CharProblem::Bidi;
  // Zero-width and other invisible format characters: they could hide text.
  if (c == 0x00AD || (c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF ||
      (c >= 0xFFF9 && c <= 0xFFFB))
    return CharProblem::Control;
  return CharProblem::None;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x1680;
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_name_letter(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) return true;
  // Greek capitals (U+03A2 is unassigned) and small letters, final sigma included.
  return (c >= 0x0391 && c <= 0x03A9 && c != 0x03A2) || (c >= 0x03B1 && c <= 0x03C9);
}

char32_t superscript_plain(char32_t c) {
  switch (c) {
    case 0x2070: return U'0';
    case 0x00B9: return U'1';
    case 0x00B2: return U'2';
    case 0x00B3: return U'3';
    case 0x2074: return U'4';
    case 0x2075: return U'5';
    case 0x2076: return U'6';
    case 0x2077: return U'7';
    case 0x2078: return U'8';
    case 0x2079: return U'9';
    case 0x207A: return U'+';
    case 0x207B: return U'-';
    case 0x207D: return U'(';
    case 0x207E: return U')';
    case 0x207F: return U'n';
    case 0x02E3: return U'x';  // xˣ
    case 0x02B8: return U'y';
    case 0x1D40: return U'T';  // modifier letter capital T: xᵀ
    default: return 0;
  }
}

char32_t subscript_digit(char32_t c) {
  if (c >= 0x2080 && c <= 0x2089) return U'0' + (c - 0x2080);
  return 0;
}

std::string code_point_label(char32_t c) {
  char hex[8];  // as printf's "%04X": at least four digits, least significant first here
  int n = 0;
  for (auto v = static_cast<std::uint32_t>(c); v != 0 || n < 4; v >>= 4) hex[n++] = "0123456789ABCDEF"[v & 15];
  std::string label = "U+";
  while (n > 0) label += hex[--n];
  return label;
}

}  // namespace calc::parsing
