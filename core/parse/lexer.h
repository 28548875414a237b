#pragma once
// Turns decoded input into tokens, and checks that (), [] and {} balance and
// nest no deeper than the limit, before any parsing (so a hundred thousand
// open brackets cost one linear pass).
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
std::optional<ParseError> lex(std::u32string_view input, std::vector<Token>& out);

std::optional<ParseError> check_brackets(const std::vector<Token>& tokens, std::size_t max_depth);

// How a token is quoted in messages ("(", "sin", "x_1").
std::string token_text(const Token& t);

}  // namespace calc::parsing
