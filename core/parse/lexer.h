#pragma once
// Turns decoded input into tokens, checking as it goes that (), [] and {}
// balance and nest no deeper than the limit, so a hundred thousand open
// brackets stop the lexer at the first one too many.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/parser.h"
#include "parse/token.h"

namespace calc::parsing {

// Indices (x_1, x₁, x1) above this are refused as bad-index.
inline constexpr int kMaxIndex = 999999;

// On success appends the tokens and a final End token to `out`.
std::optional<ParseError> lex(std::u32string_view input, std::size_t max_depth, std::vector<Token>& out);

// How a token is quoted in messages ("(", "sin", "x_1").
std::string token_text(const Token& t);

}  // namespace calc::parsing
