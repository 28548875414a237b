// Recursive descent over the token list, one function per precedence level:
//
//   input    := sum ('=' sum)?
//   sum      := product (('+' | '-') product)*
//   product  := signed (('*' | '/') signed | <implicit> power)*
//   signed   := ('+' | '-')* power
//   power    := primary ('^' 'T' | '^' signed)?      right-associative
//   primary  := number | name | call | ( ) | [ ] | { } | |x| | ‖x‖ | √atom | ∂-derivative
//
// Recursion happens only through brackets, '^', signs, bars and function
// arguments, and every one of those passes a DepthGuard, so the depth is
// bounded by ParseLimits::max_depth. The first error is kept in the Parser
// and ends the parse (see Parser::fail); parse() returns it as a ParseError.
#include "parse/parser.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "expr/functions.h"
#include "parse/parser_impl.h"
#include "parse/unicode.h"

namespace calc {

ParseContext ParseContext::permissive() {
  ParseContext ctx;
  ctx.implicit_scalars = true;
  return ctx;
}

namespace parsing {

void Parser::fail(std::string_view code, std::size_t pos, std::size_t len, std::string_view a0, std::string_view a1,
                  Variant variant) {
  if (!error_) error_ = make_error(code, pos, len, a0, a1, variant);
  pos_ = toks_.size() - 1;  // the End token
}

Expr Parser::build(std::uint32_t start, FunctionRef<Expr()> make) {
  ShapeCheck check;
  Expr e = make();
  if (check.failed()) {
    fail(code::kInvalidExpression, start, span_from(start));
    return {};
  }
  if (overflowed(e)) {
    fail(code::kNumberTooLarge, start, span_from(start));
    return {};
  }
  return e;
}

Expr Parser::parse_input() {
  const std::uint32_t start = cur().pos;
  Expr lhs = parse_sum();
  if (failed()) return {};
  if (!at(Tok::Equals)) {
    expect_end();
    return lhs;
  }
  advance();
  Expr rhs = parse_sum();
  if (failed()) return {};
  if (at(Tok::Equals)) {
    fail(code::kTwoEquals, cur().pos, cur().len);
    return {};
  }
  expect_end();
  if (failed()) return {};
  return build(start, [&] { return equation(lhs, rhs); });
}

Expr Parser::parse_sum() {
  const std::uint32_t start = cur().pos;
  Expr acc = parse_product();
  while (at(Tok::Plus) || at(Tok::Minus)) {
    const bool minus = at(Tok::Minus);
    advance();
    Expr rhs = parse_product();
    if (failed()) return {};
    acc = build(start, [&] { return minus ? sub(acc, rhs) : add(acc, rhs); });
  }
  return acc;
}

// Implicit multiplication has the precedence of '*', so 1/2x is (1/2)·x
// and 2x^2 is 2·x². After a failure the cursor is at End, which starts no
// operand, so the loop ends.
Expr Parser::parse_product() {
  const std::uint32_t start = cur().pos;
  Expr acc = parse_signed();
  for (;;) {
    if (at(Tok::Star) || at(Tok::Slash)) {
      const bool divide = at(Tok::Slash);
      advance();
      const std::uint32_t rhs_start = cur().pos;
      Expr rhs = parse_signed();
      if (failed()) return {};
      if (divide && is_zero(rhs)) {
        fail(code::kDivisionByZero, rhs_start, span_from(rhs_start));
        return {};
      }
      acc = build(start, [&] { return divide ? div(acc, rhs) : mul(acc, rhs); });
    } else if (starts_implicit_operand()) {
      Expr rhs = parse_power();
      if (failed()) return {};
      acc = build(start, [&] { return mul(acc, rhs); });
    } else {
      return acc;
    }
  }
}

// Signs bind looser than '^' (-x^2 is -(x²)); each counts toward the depth.
Expr Parser::parse_signed() {
  if (!at(Tok::Plus) && !at(Tok::Minus)) return parse_power();
  const Token first = cur();
  std::size_t signs = 0;
  bool negative = false;
  while (at(Tok::Plus) || at(Tok::Minus)) {
    negative ^= at(Tok::Minus);
    ++signs;
    advance();
  }
  DepthGuard guard(*this, first, signs);
  if (failed()) return {};
  Expr e = parse_power();
  if (failed() || !negative) return e;
  return build(first.pos, [&] { return neg(e); });
}

// The exponent is a signed power, so x^-2x is x^(-2)·x and 2^3^2 is 2^9.
// After a failure the cursor is at End, not at '^', so the loop ends.
Expr Parser::parse_power() {
  const std::uint32_t start = cur().pos;
  Expr base = parse_primary();
  while (at(Tok::Caret)) {
    if (take_transpose()) {
      base = build(start, [&] { return transpose(base); });
      continue;
    }
    const Token caret = toks_[advance()];
    DepthGuard guard(*this, caret);
    if (failed()) return {};
    const std::uint32_t exponent_start = cur().pos;
    Expr exponent = parse_signed();
    if (failed()) return {};
    const Number* n = as_number(exponent);
    if (n && std::fabs(n->value()) > static_cast<double>(limits_.max_int_exponent)) {
      fail(code::kExponentTooLarge, exponent_start, span_from(exponent_start),
           std::to_string(limits_.max_int_exponent));
      return {};
    }
    if (n && n->is_negative() && is_zero(base)) {
      fail(code::kDivisionByZero, start, span_from(start));
      return {};
    }
    base = build(start, [&] { return pow(base, exponent); });
    break;
  }
  return base;
}

// x^T, x^⊤ and xᵀ. A T after '^' is the transpose unless the exercise
// declares a variable T; in x^Tx the T is split off.
bool Parser::take_transpose() {
  const Token& next = peek(1);
  if (next.kind == Tok::TransposeMark) {
    advance();
    advance();
    return true;
  }
  if (next.kind != Tok::Ident || next.text[0] != 'T' || scope_.lookup("T", -1).declared) return false;
  if (next.text == "T" && next.index >= 0) return false;
  if (next.text.size() > 1) {
    Token rest = next;
    rest.text = next.text.substr(1);
    rest.pos = next.pos + 1;
    rest.len = next.len - 1;
    rest.glued = true;
    Token& t = toks_[pos_ + 1];
    t.text = "T";
    t.len = 1;
    t.index = -1;
    toks_.insert(toks_.begin() + static_cast<std::ptrdiff_t>(pos_ + 2), std::move(rest));
  }
  advance();
  advance();
  return true;
}

bool Parser::in_bar_group() const {
  return !groups_.empty() && (groups_.back() == Group::Bar || groups_.back() == Group::BarPair);
}

// Whether the current token begins a factor of an implicit product.
// A number only may after a real closing bracket: "2 3" and "x 2" are
// errors rather than 6 and 2x (and "1 1/2" is not read as 1/2).
bool Parser::starts_implicit_operand() const {
  const Token& t = cur();
  switch (t.kind) {
    case Tok::Ident:
    case Tok::LParen:
    case Tok::LBracket:
    case Tok::LBrace:
    case Tok::Sqrt:
    case Tok::Partial:
      return true;
    case Tok::Number: {
      const Token& prev = tok(pos_ - 1);
      return !prev.synthetic && (prev.kind == Tok::RParen || prev.kind == Tok::RBracket || prev.kind == Tok::RBrace);
    }
    case Tok::Bar:
      return !in_bar_group();
    case Tok::DoubleBar:
      return groups_.empty() || groups_.back() != Group::DoubleBar;
    default:
      return false;
  }
}

bool Parser::can_start_argument() const {
  switch (cur().kind) {
    case Tok::Plus:
    case Tok::Minus:
    case Tok::Number:
    case Tok::Ident:
    case Tok::LParen:
    case Tok::LBracket:
    case Tok::LBrace:
    case Tok::DoubleBar:
    case Tok::Sqrt:
    case Tok::Partial:
      return true;
    case Tok::Bar:
      return !in_bar_group();
    default:
      return false;
  }
}

Expr Parser::parse_primary() {
  const Token t = cur();
  switch (t.kind) {
    case Tok::Number:
      return parse_number();
    case Tok::Ident:
      return parse_name();
    case Tok::LParen:
      return parse_paren();
    case Tok::LBracket:
      return parse_bracket();
    case Tok::LBrace:
      return parse_brace();
    case Tok::Bar:
      if (peek(1).kind == Tok::Bar && peek(1).glued && closing_bar_pair_follows()) return parse_norm(Group::BarPair);
      return parse_abs();
    case Tok::DoubleBar:
      return parse_norm(Group::DoubleBar);
    case Tok::Sqrt:
      return parse_sqrt();
    case Tok::Partial:
      return parse_partial();
    default:
      unexpected(t);
      return {};
  }
}

Expr Parser::parse_number() {
  const Token t = toks_[advance()];
  // The lexer only lets well-formed literals through, so a literal that
  // does not convert is one that overflows a double (1e999).
  const std::optional<Number> v = Number::from_literal(t.text);
  if (!v || !v->is_finite()) {
    fail(code::kNumberTooLarge, t.pos, t.len);
    return {};
  }
  return number(*v);
}

// Comma-separated items, rows split by ';'. After a failure the cursor is
// at End, no separator, so the loop ends.
Parser::Items Parser::parse_items(Tok closer, bool allow_separators) {
  Items items;
  if (at(closer)) {
    unexpected(cur());
    return items;
  }
  for (;;) {
    items.rows.back().push_back(parse_sum());
    if (allow_separators && at(Tok::Comma)) {
      items.separated = true;
    } else if (allow_separators && at(Tok::Semicolon)) {
      items.separated = true;
      items.rows.emplace_back();
    } else {
      return items;
    }
    advance();
    if (at(closer)) {  // a trailing separator
      unexpected(cur());
      return items;
    }
  }
}

void Parser::expect_closer(Tok closer, const Token& opener) {
  if (at(closer)) {
    advance();
    return;
  }
  if (at(Tok::End) || is_closer(cur().kind))
    return fail(code::kUnbalanced, opener.pos, std::max<std::uint32_t>(opener.len, 1), token_text(opener));
  unexpected(cur());
}

// [a, b] and (a, b) are column vectors, as is [a; b]; [a, b; c, d] is a
// vector of rows.
Expr Parser::make_vector(Items& items, std::uint32_t start) {
  auto& rows = items.rows;
  if (rows.size() == 1) return build(start, [&] { return vector(std::move(rows[0])); });
  const bool column = std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.size() == 1; });
  const std::size_t width = rows[0].size();
  std::vector<Expr> elements;
  for (auto& row : rows) {
    if (column) {
      elements.push_back(row[0]);
    } else {
      if (row.size() != width) {
        fail(code::kBadVector, start, span_from(start));
        return {};
      }
      elements.push_back(build(start, [&] { return vector(std::move(row)); }));
      if (failed()) return {};
    }
  }
  return build(start, [&] { return vector(std::move(elements)); });
}

Expr Parser::parse_paren() {
  const Token open = toks_[advance()];
  DepthGuard guard(*this, open);
  if (failed()) return {};
  GroupScope group(*this, Group::Paren);
  Items items = parse_items(Tok::RParen, true);
  if (failed()) return {};
  expect_closer(Tok::RParen, open);
  if (failed()) return {};
  if (!items.separated) return items.rows[0][0];
  return make_vector(items, open.pos);
}

Expr Parser::parse_bracket() {
  const Token open = toks_[advance()];
  DepthGuard guard(*this, open);
  if (failed()) return {};
  GroupScope group(*this, Group::Bracket);
  Items items = parse_items(Tok::RBracket, true);
  if (failed()) return {};
  expect_closer(Tok::RBracket, open);
  if (failed()) return {};
  return make_vector(items, open.pos);
}

// Braces only group: e^{x+1}.
Expr Parser::parse_brace() {
  const Token open = toks_[advance()];
  DepthGuard guard(*this, open);
  if (failed()) return {};
  GroupScope group(*this, Group::Brace);
  Items items = parse_items(Tok::RBrace, false);
  if (failed()) return {};
  expect_closer(Tok::RBrace, open);
  if (failed()) return {};
  return items.rows[0][0];
}

void Parser::unclosed_bar(const Token& open, std::uint32_t len) {
  if (at(Tok::End) || is_closer(cur().kind) || at(Tok::Bar) || at(Tok::DoubleBar))
    return fail(code::kUnbalanced, open.pos, len, len == 2 ? "||" : token_text(open));
  unexpected(cur());
}

Expr Parser::parse_abs() {
  const Token open = toks_[advance()];
  DepthGuard guard(*this, open);
  if (failed()) return {};
  GroupScope group(*this, Group::Bar);
  if (at(Tok::End)) {
    unclosed_bar(open, 1);
    return {};
  }
  Expr inner = parse_sum();
  if (failed()) return {};
  if (!at(Tok::Bar)) {
    unclosed_bar(open, 1);
    return {};
  }
  advance();
  const FunctionRecord* abs = find_function("abs");
  if (!abs) {
    fail(code::kUnknownFunction, open.pos, 1, "abs");
    return {};
  }
  return build(open.pos, [&] { return apply(*abs, inner); });
}

// "||" opens a norm only when another "||" follows; otherwise ||x|-1| is
// the abs of an abs. The scan stops at the next "||", so it stays linear.
bool Parser::closing_bar_pair_follows() const {
  for (std::size_t k = pos_ + 2; tok(k).kind != Tok::End; ++k)
    if (tok(k).kind == Tok::Bar && tok(k + 1).kind == Tok::Bar && tok(k + 1).glued) return true;
  return false;
}

// ‖x‖, ‖x‖₂, ||x||, ||x||_2.
Expr Parser::parse_norm(Group kind) {
  const Token open = cur();
  const std::uint32_t open_len = kind == Group::BarPair ? 2 : 1;
  advance();
  if (kind == Group::BarPair) advance();
  DepthGuard guard(*this, open);
  if (failed()) return {};
  Expr inner;
  {
    GroupScope group(*this, kind);
    if (at(Tok::End)) {
      unclosed_bar(open, open_len);
      return {};
    }
    inner = parse_sum();
    if (failed()) return {};
    const bool closed = kind == Group::DoubleBar
                            ? at(Tok::DoubleBar)
                            : at(Tok::Bar) && peek(1).kind == Tok::Bar && peek(1).glued;
    if (!closed) {
      unclosed_bar(open, open_len);
      return {};
    }
    advance();
    if (kind == Group::BarPair) advance();
  }
  if (at(Tok::Sub) && cur().glued) {
    if (cur().index != 2) {
      fail(code::kBadIndex, cur().pos, cur().len, {}, {}, Variant::NormSubscript);
      return {};
    }
    advance();
  }
  return build(open.pos, [&] { return norm(inner); });
}

// √ takes one atom, as the radical sign shows: √x² is (√x)², √2x is √2·x.
Expr Parser::parse_sqrt() {
  const Token op = toks_[advance()];
  DepthGuard guard(*this, op);
  if (failed()) return {};
  if (at(Tok::Plus) || at(Tok::Minus) || !can_start_argument()) {
    unexpected(cur());
    return {};
  }
  Expr arg = parse_primary();
  if (failed()) return {};
  const FunctionRecord* sqrt = find_function("sqrt");
  if (!sqrt) {
    fail(code::kUnknownFunction, op.pos, 1, "sqrt");
    return {};
  }
  return build(op.pos, [&] { return apply(*sqrt, arg); });
}

}  // namespace parsing

ParseResult parse(std::string_view input, const ParseContext& ctx, const ParseLimits& limits) {
  return parse(input, parsing::Scope(ctx), limits);
}

namespace {

// A parse refused before the parser runs. Out of line: five call sites.
[[gnu::noinline]] ParseResult refused(std::string_view code, std::size_t position, std::size_t length,
                                      std::string_view arg0 = {}) {
  ParseResult result;
  result.error = parsing::make_error(code, position, length, arg0);
  return result;
}

}  // namespace

ParseResult parse(std::string_view input, const parsing::Scope& scope, const ParseLimits& limits) {
  using namespace parsing;
  if (input.size() > limits.max_input_bytes) {
    // The excess starts at the code point that crosses the limit.
    std::size_t cut = limits.max_input_bytes;
    while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
    return refused(code::kTooLong, count_code_points(input.substr(0, cut)), count_code_points(input.substr(cut)),
                   std::to_string(limits.max_input_bytes));
  }
  std::u32string cps;
  if (const auto bad = decode_utf8(input, cps)) return refused(code::kInvalidUtf8, bad->position, 1);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const CharProblem problem = char_problem(cps[i]);
    if (problem == CharProblem::Control) return refused(code::kControlCharacter, i, 1, code_point_label(cps[i]));
    if (problem == CharProblem::Bidi) return refused(code::kBidiControl, i, 1, code_point_label(cps[i]));
  }
  if (std::all_of(cps.begin(), cps.end(), is_space)) return refused(code::kEmpty, 0, cps.size());
  std::vector<Token> tokens;
  ParseResult lexed;
  lexed.error = lex(cps, limits.max_depth, tokens);
  if (lexed.error) return lexed;
  return Parser(std::move(tokens), scope, limits).run();
}

}  // namespace calc
