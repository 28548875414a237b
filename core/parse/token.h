#pragma once
// Tokens produced by the lexer. Unicode spellings are already normalized:
// × · ⋅ ∗ are Star, − – are Minus, ** is Caret, x² arrives as x ^ ( 2 ).
#include <cstdint>
#include <string>

namespace calc::parsing {

enum class Tok : std::uint8_t {
  End,
  Number,         // text: ASCII literal such as "0.5", "1e-3"
  Ident,          // text: a run of letters; index: trailing digits (x1) or -1
  Sub,            // _1, _{1}, ₁ (index >= 0) or _x, _{x} (text: a name, index -1)
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Bar,            // |
  DoubleBar,      // ‖
  Comma,
  Semicolon,
  Equals,
  Sqrt,           // √
  Partial,        // ∂
  TransposeMark,  // ⊤ or the superscript ᵀ
};

struct Token {
  Tok kind = Tok::End;
  std::uint32_t pos = 0;  // code-point index in the input
  std::uint32_t len = 0;  // code points covered
  bool glued = false;     // no whitespace between this token and the one before
  bool synthetic = false; // one of the ^ ( ) made from a superscript
  std::string text;
  int index = -1;
};

}  // namespace calc::parsing
