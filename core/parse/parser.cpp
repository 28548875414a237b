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
// bounded by ParseLimits::max_depth. Errors are thrown internally as Failure
// and turned into a ParseError by parse(); nothing escapes parse().
#include "parse/parser.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "expr/functions.h"
#include "parse/errors.h"
#include "parse/lexer.h"
#include "parse/scope.h"
#include "parse/token.h"
#include "parse/unicode.h"

namespace calc {

ParseContext ParseContext::permissive() {
  ParseContext ctx;
  ctx.implicit_scalars = true;
  return ctx;
}

namespace parsing {
namespace {

struct Failure {
  ParseError error;
};

[[noreturn]] void fail(std::string_view code, std::size_t pos, std::size_t len, std::string_view a0 = {},
                       std::string_view a1 = {}, Variant variant = Variant::Default) {
  throw Failure{make_error(code, pos, len, a0, a1, variant)};
}

// Function names learners use that the workbook does not have. They are
// reported as unknown functions instead of being read as products of
// letters (cot x is not c·o·t·x).
constexpr std::array<std::string_view, 22> kUnsupportedFunctions{
    "cot",    "sec",   "csc",   "cosec",  "arccot", "asinh", "acosh",  "atanh", "arsinh", "arcosh", "artanh",
    "arcsinh", "arccosh", "arctanh", "sgn", "sign",  "floor", "ceil",  "max",   "min",   "erf",   "ctg"};

// Highest derivative order accepted in one ∂ or d.
constexpr int kMaxDerivativeOrder = 9;

enum class Group : std::uint8_t { Paren, Bracket, Brace, Bar, BarPair, DoubleBar, Call };

bool is_closer(Tok k) { return k == Tok::RParen || k == Tok::RBracket || k == Tok::RBrace; }

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A name as written: letters plus an index, and where it sits in the input.
struct NameRef {
  std::string letters;
  int index = -1;
  std::uint32_t pos = 0, len = 0;
};

// One "∂x²" or "dx" below a fraction bar.
struct Denominator {
  NameRef var;
  int order = 1;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, const Scope& scope, const ParseLimits& limits)
      : toks_(std::move(tokens)), scope_(scope), limits_(limits) {}

  Expr run() {
    const std::uint32_t start = cur().pos;
    Expr lhs = parse_sum();
    if (!at(Tok::Equals)) {
      expect_end();
      return lhs;
    }
    advance();
    Expr rhs = parse_sum();
    if (at(Tok::Equals)) fail(code::kTwoEquals, cur().pos, cur().len);
    expect_end();
    return build(start, [&] { return equation(lhs, rhs); });
  }

 private:
  class DepthGuard {
   public:
    DepthGuard(Parser& p, const Token& at, std::size_t weight = 1) : p_(p), weight_(weight) {
      p_.depth_ += weight;
      if (p_.depth_ > p_.limits_.max_depth)
        fail(code::kTooDeep, at.pos, std::max<std::uint32_t>(at.len, 1), std::to_string(p_.limits_.max_depth));
    }
    ~DepthGuard() { p_.depth_ -= weight_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& p_;
    std::size_t weight_;
  };

  class GroupScope {
   public:
    GroupScope(Parser& p, Group g) : p_(p) { p_.groups_.push_back(g); }
    ~GroupScope() { p_.groups_.pop_back(); }
    GroupScope(const GroupScope&) = delete;
    GroupScope& operator=(const GroupScope&) = delete;

   private:
    Parser& p_;
  };

  // ---- tokens ----
  // Token references are never held across a parse_* call: splitting a name
  // inserts tokens and may reallocate the vector.
  const Token& cur() const { return toks_[pos_]; }
  const Token& peek(std::size_t k) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  const Token& tok(std::size_t i) const { return toks_[std::min(i, toks_.size() - 1)]; }
  bool at(Tok k) const { return cur().kind == k; }
  std::size_t advance() {
    const std::size_t i = pos_;
    last_end_ = toks_[i].pos + toks_[i].len;
    if (toks_[i].kind != Tok::End) ++pos_;
    return i;
  }
  void skip_to(std::size_t i) {
    while (pos_ < i) advance();
  }
  std::uint32_t span_from(std::uint32_t start) const { return last_end_ > start ? last_end_ - start : 1; }

  [[noreturn]] void unexpected(const Token& t) const {
    switch (t.kind) {
      case Tok::End:
        fail(code::kUnexpectedEnd, t.pos, 0);
      case Tok::Number:
        fail(code::kUnexpectedToken, t.pos, t.len, t.text, {}, Variant::NumberAfterValue);
      case Tok::Equals:
        fail(code::kUnexpectedToken, t.pos, t.len, "=", {},
             groups_.empty() ? Variant::Default : Variant::EqualsInBrackets);
      default:
        fail(code::kUnexpectedToken, t.pos, std::max<std::uint32_t>(t.len, 1), token_text(t));
    }
  }

  void expect_end() const {
    if (!at(Tok::End)) unexpected(cur());
  }

  // Every construction goes through here: a constructor that rejects its
  // operands (a vector added to a number) becomes an error with a span, and
  // a number that overflowed to infinity is refused.
  template <class F>
  Expr build(std::uint32_t start, F&& make) {
    Expr e;
    try {
      e = make();
    } catch (const Failure&) {
      throw;
    } catch (const std::exception&) {
      fail(code::kInvalidExpression, start, span_from(start));
    }
    if (const Number* n = as_number(e); n && !n->is_finite()) fail(code::kNumberTooLarge, start, span_from(start));
    return e;
  }

  // ---- precedence levels ----
  Expr parse_sum() {
    const std::uint32_t start = cur().pos;
    Expr acc = parse_product();
    while (at(Tok::Plus) || at(Tok::Minus)) {
      const bool minus = at(Tok::Minus);
      advance();
      Expr rhs = parse_product();
      acc = build(start, [&] { return minus ? sub(acc, rhs) : add(acc, rhs); });
    }
    return acc;
  }

  // Implicit multiplication has the precedence of '*', so 1/2x is (1/2)·x
  // and 2x^2 is 2·x².
  Expr parse_product() {
    const std::uint32_t start = cur().pos;
    Expr acc = parse_signed();
    for (;;) {
      if (at(Tok::Star) || at(Tok::Slash)) {
        const bool divide = at(Tok::Slash);
        advance();
        const std::uint32_t rhs_start = cur().pos;
        Expr rhs = parse_signed();
        if (divide && is_zero(rhs)) fail(code::kDivisionByZero, rhs_start, span_from(rhs_start));
        acc = build(start, [&] { return divide ? div(acc, rhs) : mul(acc, rhs); });
      } else if (starts_implicit_operand()) {
        Expr rhs = parse_power();
        acc = build(start, [&] { return mul(acc, rhs); });
      } else {
        return acc;
      }
    }
  }

  // Signs bind looser than '^' (-x^2 is -(x²)); each counts toward the depth.
  Expr parse_signed() {
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
    Expr e = parse_power();
    return negative ? build(first.pos, [&] { return neg(e); }) : e;
  }

  // The exponent is a signed power, so x^-2x is x^(-2)·x and 2^3^2 is 2^9.
  Expr parse_power() {
    const std::uint32_t start = cur().pos;
    Expr base = parse_primary();
    while (at(Tok::Caret)) {
      if (take_transpose()) {
        base = build(start, [&] { return transpose(base); });
        continue;
      }
      const Token caret = toks_[advance()];
      DepthGuard guard(*this, caret);
      const std::uint32_t exponent_start = cur().pos;
      Expr exponent = parse_signed();
      const Number* n = as_number(exponent);
      if (n && std::fabs(n->value()) > static_cast<double>(limits_.max_int_exponent))
        fail(code::kExponentTooLarge, exponent_start, span_from(exponent_start),
             std::to_string(limits_.max_int_exponent));
      if (n && n->is_negative() && is_zero(base)) fail(code::kDivisionByZero, start, span_from(start));
      base = build(start, [&] { return pow(base, exponent); });
      break;
    }
    return base;
  }

  // x^T, x^⊤ and xᵀ. A T after '^' is the transpose unless the exercise
  // declares a variable T; in x^Tx the T is split off.
  bool take_transpose() {
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

  bool in_bar_group() const {
    return !groups_.empty() && (groups_.back() == Group::Bar || groups_.back() == Group::BarPair);
  }

  // Whether the current token begins a factor of an implicit product.
  // A number only may after a real closing bracket: "2 3" and "x 2" are
  // errors rather than 6 and 2x (and "1 1/2" is not read as 1/2).
  bool starts_implicit_operand() const {
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

  bool can_start_argument() const {
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

  // ---- primaries ----
  Expr parse_primary() {
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
        if (peek(1).kind == Tok::Bar && peek(1).glued) return parse_norm(Group::BarPair);
        return parse_abs();
      case Tok::DoubleBar:
        return parse_norm(Group::DoubleBar);
      case Tok::Sqrt:
        return parse_sqrt();
      case Tok::Partial:
        return parse_partial();
      default:
        unexpected(t);
    }
  }

  Expr parse_number() {
    const Token t = toks_[advance()];
    // The lexer only lets well-formed literals through, so a literal that
    // does not convert is one that overflows a double (1e999).
    const std::optional<Number> v = Number::from_literal(t.text);
    if (!v || !v->is_finite()) fail(code::kNumberTooLarge, t.pos, t.len);
    return number(*v);
  }

  struct Items {
    std::vector<std::vector<Expr>> rows = std::vector<std::vector<Expr>>(1);
    bool separated = false;
  };

  // Comma-separated items, rows split by ';'.
  Items parse_items(Tok closer, bool allow_separators) {
    Items items;
    if (at(closer)) unexpected(cur());
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
      if (at(closer)) unexpected(cur());  // a trailing separator
    }
  }

  void expect_closer(Tok closer, const Token& opener) {
    if (at(closer)) {
      advance();
      return;
    }
    if (at(Tok::End) || is_closer(cur().kind))
      fail(code::kUnbalanced, opener.pos, std::max<std::uint32_t>(opener.len, 1), token_text(opener));
    unexpected(cur());
  }

  // [a, b] and (a, b) are column vectors, as is [a; b]; [a, b; c, d] is a
  // vector of rows.
  Expr make_vector(Items& items, std::uint32_t start) {
    auto& rows = items.rows;
    if (rows.size() == 1) return build(start, [&] { return vector(std::move(rows[0])); });
    const bool column = std::all_of(rows.begin(), rows.end(), [](const auto& r) { return r.size() == 1; });
    const std::size_t width = rows[0].size();
    std::vector<Expr> elements;
    for (auto& row : rows) {
      if (column) {
        elements.push_back(row[0]);
      } else {
        if (row.size() != width) fail(code::kBadVector, start, span_from(start));
        elements.push_back(build(start, [&] { return vector(std::move(row)); }));
      }
    }
    return build(start, [&] { return vector(std::move(elements)); });
  }

  Expr parse_paren() {
    const Token open = toks_[advance()];
    DepthGuard guard(*this, open);
    GroupScope group(*this, Group::Paren);
    Items items = parse_items(Tok::RParen, true);
    expect_closer(Tok::RParen, open);
    if (!items.separated) return items.rows[0][0];
    return make_vector(items, open.pos);
  }

  Expr parse_bracket() {
    const Token open = toks_[advance()];
    DepthGuard guard(*this, open);
    GroupScope group(*this, Group::Bracket);
    Items items = parse_items(Tok::RBracket, true);
    expect_closer(Tok::RBracket, open);
    return make_vector(items, open.pos);
  }

  // Braces only group: e^{x+1}.
  Expr parse_brace() {
    const Token open = toks_[advance()];
    DepthGuard guard(*this, open);
    GroupScope group(*this, Group::Brace);
    Items items = parse_items(Tok::RBrace, false);
    expect_closer(Tok::RBrace, open);
    return items.rows[0][0];
  }

  [[noreturn]] void unclosed_bar(const Token& open, std::uint32_t len) const {
    if (at(Tok::End) || is_closer(cur().kind) || at(Tok::Bar) || at(Tok::DoubleBar))
      fail(code::kUnbalanced, open.pos, len, len == 2 ? "||" : token_text(open));
    unexpected(cur());
  }

  Expr parse_abs() {
    const Token open = toks_[advance()];
    DepthGuard guard(*this, open);
    GroupScope group(*this, Group::Bar);
    if (at(Tok::End)) unclosed_bar(open, 1);
    Expr inner = parse_sum();
    if (!at(Tok::Bar)) unclosed_bar(open, 1);
    advance();
    const FunctionRecord* abs = find_function("abs");
    if (!abs) fail(code::kUnknownFunction, open.pos, 1, "abs");
    return build(open.pos, [&] { return apply(*abs, inner); });
  }

  // ‖x‖, ‖x‖₂, ||x||, ||x||_2.
  Expr parse_norm(Group kind) {
    const Token open = cur();
    const std::uint32_t open_len = kind == Group::BarPair ? 2 : 1;
    advance();
    if (kind == Group::BarPair) advance();
    DepthGuard guard(*this, open);
    Expr inner;
    {
      GroupScope group(*this, kind);
      if (at(Tok::End)) unclosed_bar(open, open_len);
      inner = parse_sum();
      const bool closed = kind == Group::DoubleBar
                              ? at(Tok::DoubleBar)
                              : at(Tok::Bar) && peek(1).kind == Tok::Bar && peek(1).glued;
      if (!closed) unclosed_bar(open, open_len);
      advance();
      if (kind == Group::BarPair) advance();
    }
    if (at(Tok::Sub) && cur().glued) {
      if (cur().index != 2) fail(code::kBadIndex, cur().pos, cur().len, {}, {}, Variant::NormSubscript);
      advance();
    }
    return build(open.pos, [&] { return norm(inner); });
  }

  // √ takes one atom, as the radical sign shows: √x² is (√x)², √2x is √2·x.
  Expr parse_sqrt() {
    const Token op = toks_[advance()];
    DepthGuard guard(*this, op);
    if (at(Tok::Plus) || at(Tok::Minus) || !can_start_argument()) unexpected(cur());
    Expr arg = parse_primary();
    const FunctionRecord* sqrt = find_function("sqrt");
    if (!sqrt) fail(code::kUnknownFunction, op.pos, 1, "sqrt");
    return build(op.pos, [&] { return apply(*sqrt, arg); });
  }

  // ---- names ----
  Expr parse_name() {
    const Token t = cur();
    // Leibniz notation, unless the exercise declares d (or this very name).
    if (t.text[0] == 'd' && !scope_.lookup("d", -1).declared && !scope_.lookup(t.text, t.index).declared) {
      if (std::optional<Expr> e = try_leibniz()) return *e;
    }
    int index = t.index;
    std::string sub_name;
    std::size_t consumed = 1;
    const Token& next = peek(1);
    if (next.kind == Tok::Sub && next.glued) {
      if (next.index >= 0) {
        if (index >= 0) fail(code::kBadIndex, next.pos, next.len, token_text(next));
        index = next.index;
      } else {
        sub_name = next.text;
      }
      consumed = 2;
    }
    const Scope::Entry entry = scope_.lookup(t.text, index);
    if (!sub_name.empty()) {
      skip_to(pos_ + consumed);
      return subscript_partial(entry, t, index, sub_name);
    }
    if (entry.what != Scope::What::Nothing) {
      skip_to(pos_ + consumed);
      return use_entry(entry, t, index);
    }
    for (std::string_view f : kUnsupportedFunctions) {
      if (t.text.rfind(f, 0) == 0)
        fail(code::kUnknownFunction, t.pos, count_code_points(f), std::string(f));
    }
    if (split_name()) return parse_name();
    const std::uint32_t len = tok(pos_ + consumed - 1).pos + tok(pos_ + consumed - 1).len - t.pos;
    if (peek(consumed).kind == Tok::LParen) fail(code::kUnknownFunction, t.pos, len, token_text(t));
    // In "xyz" with x and y declared, point at the z.
    const std::size_t known = known_prefix(t.text);
    if (known > 0 && known < t.text.size()) {
      const std::string rest = t.text.substr(known);
      const std::uint32_t rest_pos = t.pos + static_cast<std::uint32_t>(count_code_points(t.text.substr(0, known)));
      fail(code::kUnknownSymbol, rest_pos, len - (rest_pos - t.pos), canonical_name(rest, index));
    }
    fail(code::kUnknownSymbol, t.pos, len, canonical_name(t.text, index));
  }

  // Bytes of the longest prefix of a run of letters that splits into known names.
  std::size_t known_prefix(const std::string& letters_utf8) const {
    std::u32string letters;
    decode_utf8(letters_utf8, letters);
    std::vector<bool> reachable(letters.size() + 1, false);
    reachable[0] = true;
    std::size_t furthest = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      if (!reachable[i]) continue;
      for (std::size_t j = i + 1; j <= std::min(letters.size(), i + scope_.max_name_length()); ++j) {
        if (scope_.lookup(to_utf8(letters.substr(i, j - i)), -1).what != Scope::What::Nothing) {
          reachable[j] = true;
          furthest = std::max(furthest, j);
        }
      }
    }
    return to_utf8(letters.substr(0, furthest)).size();
  }

  // Splits an unknown run of letters into known names ("xy" -> x y,
  // "sinx" -> sin x, "sin2x" -> sin 2 x), fewest pieces first, longer
  // pieces first on ties. The index, if any, stays on the last piece.
  // Returns false when no split exists.
  bool split_name() {
    const Token t = cur();
    const bool numeric_sub = peek(1).kind == Tok::Sub && peek(1).glued && peek(1).index >= 0;
    const int index = numeric_sub ? peek(1).index : t.index;
    std::u32string letters;
    decode_utf8(t.text, letters);
    const std::size_t n = letters.size();
    auto piece = [&](std::size_t i, std::size_t j) { return to_utf8(letters.substr(i, j - i)); };
    // A builtin glued to digits is the function followed by a number: sin2x.
    auto builtin_with_number = [&](const std::string& s, bool last) {
      return last && index >= 0 && !numeric_sub && scope_.lookup(s, -1).what == Scope::What::Builtin;
    };
    std::vector<int> cost(n + 1, INT_MAX);
    std::vector<std::size_t> choice(n + 1, n);
    cost[n] = 0;
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = std::min(n, i + scope_.max_name_length()); j > i; --j) {
        if (cost[j] == INT_MAX || cost[j] + 1 >= cost[i]) continue;
        const bool last = j == n;
        const std::string s = piece(i, j);
        if (scope_.lookup(s, last ? index : -1).what != Scope::What::Nothing || builtin_with_number(s, last)) {
          cost[i] = cost[j] + 1;
          choice[i] = j;
        }
      }
    }
    if (cost[0] == INT_MAX) return false;
    // log2 x and log10(x) mean other bases, which the workbook does not have.
    if (t.index >= 0 && !numeric_sub && t.text.size() >= 3 && t.text.compare(t.text.size() - 3, 3, "log") == 0)
      fail(code::kUnknownFunction, t.pos, t.len, token_text(t));

    std::vector<std::pair<std::size_t, std::size_t>> pieces;
    for (std::size_t i = 0; i < n; i = choice[i]) pieces.emplace_back(i, choice[i]);
    const std::string last = piece(pieces.back().first, n);
    const bool number_after = builtin_with_number(last, true) &&
                              scope_.lookup(last, index).what == Scope::What::Nothing;
    // Followed by '(', the run was meant as a function name: accept x y(…)
    // for declared x, y and x sin(…), refuse sinn(…), foo(…), log10(…).
    if (peek(numeric_sub ? 2 : 1).kind == Tok::LParen) {
      const bool last_is_function = !number_after && scope_.is_function_like(scope_.lookup(last, -1));
      bool plausible = last_is_function;
      if (!last_is_function && !number_after) {
        plausible = std::all_of(pieces.begin(), pieces.end(), [&](const auto& p) {
          const Scope::Entry e = scope_.lookup(piece(p.first, p.second), p.second == n ? index : -1);
          return e.declared && !scope_.is_function_like(e);
        });
      }
      if (!plausible) fail(code::kUnknownFunction, t.pos, t.len, token_text(t));
    }

    std::vector<Token> replacement;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      Token p;
      p.kind = Tok::Ident;
      p.pos = t.pos + static_cast<std::uint32_t>(pieces[k].first);
      p.len = static_cast<std::uint32_t>(pieces[k].second - pieces[k].first);
      p.glued = k == 0 ? t.glued : true;
      p.text = piece(pieces[k].first, pieces[k].second);
      const bool is_last = k + 1 == pieces.size();
      p.index = is_last && !numeric_sub && !number_after ? t.index : -1;
      replacement.push_back(std::move(p));
    }
    if (number_after) {
      Token num;
      num.kind = Tok::Number;
      num.pos = t.pos + static_cast<std::uint32_t>(n);
      num.len = t.len - static_cast<std::uint32_t>(n);
      num.glued = true;
      num.text = std::to_string(t.index);
      replacement.push_back(std::move(num));
    }
    toks_.erase(toks_.begin() + static_cast<std::ptrdiff_t>(pos_));
    toks_.insert(toks_.begin() + static_cast<std::ptrdiff_t>(pos_), replacement.begin(), replacement.end());
    return true;
  }

  // The tokens of the name are consumed; a call's '(' may follow.
  Expr use_entry(const Scope::Entry& e, const Token& t, int index) {
    switch (e.what) {
      case Scope::What::Scalar:
      case Scope::What::Vector:
      case Scope::What::Matrix:
        return scope_.variable(t.text, index, e.what);
      case Scope::What::Constant:
        return constant(e.constant);
      case Scope::What::Definition:
        return e.definition->value;
      case Scope::What::Function:
        return parse_declared_function(*e.function, t);
      case Scope::What::Builtin:
      case Scope::What::Dot:
      case Scope::What::Norm:
        return parse_builtin(e, t);
      case Scope::What::Nothing:
        break;
    }
    fail(code::kUnknownSymbol, t.pos, t.len, t.text);
  }

  // f(a, b, c) with the declared arity, or bare f meaning f(x, y, z).
  Expr parse_declared_function(const ParseContext::AbstractFunction& f, const Token& t) {
    if (!at(Tok::LParen)) return build(t.pos, [&] { return scope_.bare_function(f); });
    std::vector<Expr> args = parse_call_args();
    if (args.size() != f.params.size())
      fail(code::kWrongArity, t.pos, span_from(t.pos), f.name, std::to_string(f.params.size()));
    return build(t.pos, [&] {
      return function(f.name, f.params, std::move(args), std::vector<std::uint8_t>(f.params.size(), 0));
    });
  }

  std::vector<Expr> parse_call_args() {
    const Token open = toks_[advance()];
    DepthGuard guard(*this, open);
    GroupScope group(*this, Group::Call);
    std::vector<Expr> args;
    if (!at(Tok::RParen)) {
      for (;;) {
        args.push_back(parse_sum());
        if (!at(Tok::Comma)) break;
        advance();
      }
    }
    expect_closer(Tok::RParen, open);
    return args;
  }

  // sin(x), sin x, sin 2x (a number glued to what follows is one argument),
  // sin^2 x and sin²x meaning (sin x)², dot(a, b), norm(x).
  Expr parse_builtin(const Scope::Entry& e, const Token& t) {
    std::optional<Expr> power;
    if (at(Tok::Caret)) power = parse_function_power(t);
    const std::size_t arity = e.what == Scope::What::Dot ? 2 : 1;
    std::vector<Expr> args;
    if (at(Tok::LParen)) {
      args = parse_call_args();
      if (args.size() != arity) fail(code::kWrongArity, t.pos, span_from(t.pos), t.text, std::to_string(arity));
    } else {
      if (arity != 1 || !can_start_argument()) {
        if (at(Tok::End)) fail(code::kUnexpectedEnd, cur().pos, 0, t.text, {}, Variant::MissingArgument);
        fail(code::kUnexpectedToken, t.pos, t.len, t.text, {}, Variant::MissingArgument);
      }
      args.push_back(parse_unparenthesized_argument());
    }
    Expr r = build(t.pos, [&] {
      switch (e.what) {
        case Scope::What::Dot:
          return mul(transpose(args[0]), args[1]);
        case Scope::What::Norm:
          return norm(args[0]);
        default:
          return apply(*e.builtin, args[0]);
      }
    });
    if (power) r = build(t.pos, [&] { return pow(r, *power); });
    return r;
  }

  // The 2 in sin^2 x or sin²x: a positive whole number only (sin⁻¹ is
  // ambiguous between 1/sin and asin, so it is refused).
  Expr parse_function_power(const Token& name) {
    const Token caret = cur();
    std::size_t k = pos_ + 1;
    const bool paren = tok(k).kind == Tok::LParen;
    if (paren) ++k;
    const Token& n = tok(k);
    const bool ok = n.kind == Tok::Number && all_digits(n.text) && (!paren || tok(k + 1).kind == Tok::RParen);
    if (!ok) fail(code::kUnexpectedToken, caret.pos, std::max<std::uint32_t>(caret.len, 1), name.text, {},
                  Variant::FunctionPower);
    if (n.text.size() > 9 || std::stoll(n.text) > limits_.max_int_exponent)
      fail(code::kExponentTooLarge, n.pos, n.len, std::to_string(limits_.max_int_exponent));
    const std::int64_t v = std::stoll(n.text);
    if (v < 1) fail(code::kUnexpectedToken, caret.pos, caret.len, name.text, {}, Variant::FunctionPower);
    skip_to(k + (paren ? 2 : 1));
    return integer(v);
  }

  // The argument of a function written without brackets: signs, then one
  // power (sin x^2 is sin(x²)); a number glued to the next factor joins it
  // (sin 2x is sin(2x), but sin 2 x is sin(2)·x).
  Expr parse_unparenthesized_argument() {
    const Token first = cur();
    DepthGuard guard(*this, first);
    bool negative = false;
    std::size_t signs = 0;
    while (at(Tok::Plus) || at(Tok::Minus)) {
      negative ^= at(Tok::Minus);
      ++signs;
      advance();
    }
    DepthGuard sign_guard(*this, first, signs);
    const std::size_t operand = pos_;
    const bool number_first = at(Tok::Number);
    Expr e = parse_power();
    if (number_first && pos_ == operand + 1 && cur().glued && !at(Tok::Number) && starts_implicit_operand()) {
      Expr rhs = parse_power();
      e = build(first.pos, [&] { return mul(e, rhs); });
    }
    return negative ? build(first.pos, [&] { return neg(e); }) : e;
  }

  // ---- derivatives ----
  // f_x: the partial derivative of a declared function (or of a definition).
  Expr subscript_partial(const Scope::Entry& entry, const Token& t, int index, const std::string& sub_name) {
    const Token& sub = tok(pos_ - 1);
    Denominator d;
    d.var = name_from_canonical(sub_name, sub.pos + 1, sub.len - 1);
    Expr numerator;
    if (entry.what == Scope::What::Function) {
      numerator = parse_declared_function(*entry.function, t);
    } else if (entry.what == Scope::What::Definition) {
      numerator = entry.definition->value;
    } else {
      fail(code::kBadIndex, sub.pos, sub.len, sub_name, canonical_name(t.text, index), Variant::LetterSubscript);
    }
    return build_derivative(numerator, {d}, t.pos);
  }

  static NameRef name_from_canonical(const std::string& name, std::uint32_t pos, std::uint32_t len) {
    NameRef r;
    r.pos = pos;
    r.len = len;
    const std::size_t underscore = name.find('_');
    r.letters = name.substr(0, underscore);
    if (underscore != std::string::npos) r.index = std::stoi(name.substr(underscore + 1));
    return r;
  }

  // An order written as ^2, ^(2) or ² at token i; returns the index after
  // it, or i when there is none.
  std::size_t match_order(std::size_t i, int& order) const {
    if (tok(i).kind != Tok::Caret) return i;
    std::size_t k = i + 1;
    const bool paren = tok(k).kind == Tok::LParen;
    if (paren) ++k;
    const Token& n = tok(k);
    if (n.kind != Tok::Number || !all_digits(n.text) || n.text.size() > 3) return i;
    if (paren && tok(k + 1).kind != Tok::RParen) return i;
    order = std::stoi(n.text);
    return k + (paren ? 2 : 1);
  }

  // A name at token i (letters plus an optional glued numeric subscript).
  bool match_name(std::size_t i, NameRef& out, std::size_t& end) const {
    const Token& t = tok(i);
    if (t.kind != Tok::Ident) return false;
    out.letters = t.text;
    out.index = t.index;
    out.pos = t.pos;
    end = i + 1;
    const Token& s = tok(i + 1);
    if (s.kind == Tok::Sub && s.glued && s.index >= 0 && t.index < 0) {
      out.index = s.index;
      end = i + 2;
    }
    out.len = tok(end - 1).pos + tok(end - 1).len - t.pos;
    return true;
  }

  bool is_variable_like(const NameRef& n) const {
    const Scope::What w = scope_.lookup(n.letters, n.index).what;
    return w == Scope::What::Scalar || w == Scope::What::Vector || w == Scope::What::Matrix ||
           w == Scope::What::Function || scope_.is_parameter(canonical_name(n.letters, n.index));
  }

  bool is_differentiable_name(const NameRef& n) const {
    return is_variable_like(n) || scope_.lookup(n.letters, n.index).what == Scope::What::Definition;
  }

  // "dx", "dx_1", "d x", each with an optional order (dx², dx^2).
  bool match_d_denominator(std::size_t i, Denominator& d, std::size_t& end) const {
    const Token& t = tok(i);
    if (t.kind != Tok::Ident || t.text[0] != 'd') return false;
    if (t.text == "d" && t.index < 0) {
      if (!match_name(i + 1, d.var, end)) return false;
      d.var.pos = t.pos;
      d.var.len = tok(end - 1).pos + tok(end - 1).len - t.pos;
    } else {
      if (!match_name(i, d.var, end)) return false;
      d.var.letters = t.text.substr(1);
    }
    if (!is_variable_like(d.var)) return false;
    d.order = 1;
    end = match_order(end, d.order);
    return true;
  }

  std::size_t matching_closer(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < toks_.size(); ++i) {
      const Tok k = toks_[i].kind;
      if (k == Tok::LParen || k == Tok::LBracket || k == Tok::LBrace) ++depth;
      if (is_closer(k) && --depth == 0) return i;
    }
    return toks_.size() - 1;
  }

  // Leibniz notation: dy/dx, df/dx, d f / d x, d/dx E, d(E)/dx, d²y/dx².
  // Only a complete match is read as a derivative; anything else falls back
  // to ordinary names, so a variable d still works in d*x.
  std::optional<Expr> try_leibniz() {
    const Token t = cur();
    Denominator d;
    std::size_t end = 0;
    if (t.text == "d" && t.index < 0) {
      int order = 1;
      const std::size_t after = match_order(pos_ + 1, order);
      const Tok next = tok(after).kind;
      if (next == Tok::Slash) {
        if (!match_d_denominator(after + 1, d, end)) return std::nullopt;
        skip_to(end);
        check_order(order, {d}, t);
        Expr operand = parse_operator_operand(t);
        return build_derivative(operand, {d}, t.pos);
      }
      if (next == Tok::LParen) {
        const std::size_t close = matching_closer(after);
        if (tok(close + 1).kind != Tok::Slash || !match_d_denominator(close + 2, d, end)) return std::nullopt;
        skip_to(after);
        Expr numerator = parse_paren();
        advance();  // the '/', still in place: names inside the bracket split only inside it
        match_d_denominator(pos_, d, end);
        skip_to(end);
        check_order(order, {d}, t);
        return build_derivative(numerator, {d}, t.pos);
      }
      NameRef num;
      std::size_t num_end = 0;
      if (!match_name(after, num, num_end) || !is_differentiable_name(num)) return std::nullopt;
      if (tok(num_end).kind != Tok::Slash || !match_d_denominator(num_end + 1, d, end)) return std::nullopt;
      skip_to(end);
      check_order(order, {d}, t);
      return build_derivative(name_value(num), {d}, t.pos);
    }
    NameRef num;
    std::size_t num_end = 0;
    match_name(pos_, num, num_end);
    num.letters = t.text.substr(1);
    if (!is_differentiable_name(num)) return std::nullopt;
    if (tok(num_end).kind != Tok::Slash || !match_d_denominator(num_end + 1, d, end)) return std::nullopt;
    skip_to(end);
    check_order(1, {d}, t);
    return build_derivative(name_value(num), {d}, t.pos);
  }

  void check_order(int order, const std::vector<Denominator>& dens, const Token& at) const {
    int total = 0;
    for (const auto& d : dens) {
      if (d.order < 1 || d.order > kMaxDerivativeOrder) fail(code::kBadDerivative, d.var.pos, d.var.len);
      total += d.order;
    }
    if (order < 1 || order > kMaxDerivativeOrder) fail(code::kBadDerivative, at.pos, at.len);
    if (total != order)
      fail(code::kBadDerivative, at.pos, span_from(at.pos), std::to_string(order), std::to_string(total),
           Variant::OrderMismatch);
  }

  // ∂f/∂x, ∂ f / ∂ x, ∂(E)/∂x, ∂/∂x E, ∂_x f, ∂²f/∂x², ∂²f/∂x∂y.
  Expr parse_partial() {
    const Token op = toks_[advance()];
    DepthGuard guard(*this, op);
    if (at(Tok::Sub) && cur().glued && cur().index < 0) {
      const Token sub = toks_[advance()];
      Denominator d;
      d.var = name_from_canonical(sub.text, sub.pos, sub.len);
      Expr operand = parse_operator_operand(op);
      return build_derivative(operand, {d}, op.pos);
    }
    int order = 1;
    skip_to(match_order(pos_, order));
    std::optional<Expr> numerator;
    if (at(Tok::LParen)) {
      numerator = parse_paren();
    } else if (at(Tok::Ident)) {
      numerator = parse_partial_numerator();
    } else if (!at(Tok::Slash)) {
      if (at(Tok::End)) unexpected(cur());
      fail(code::kBadDerivative, op.pos, span_from(op.pos) + cur().len);
    }
    if (!at(Tok::Slash)) {
      if (at(Tok::End)) unexpected(cur());
      fail(code::kBadDerivative, op.pos, span_from(op.pos));
    }
    advance();
    std::vector<Denominator> dens;
    int total = 0;
    do {
      if (!at(Tok::Partial)) {
        if (at(Tok::End)) unexpected(cur());
        fail(code::kBadDerivative, op.pos, span_from(op.pos) + cur().len);
      }
      advance();
      Denominator d;
      std::size_t end = 0;
      if (!match_name(pos_, d.var, end)) {
        if (at(Tok::End)) unexpected(cur());
        fail(code::kBadDerivative, op.pos, span_from(op.pos) + cur().len);
      }
      skip_to(match_order(end, d.order));
      total += d.order;
      dens.push_back(d);
    } while (total < order);
    check_order(order, dens, op);
    if (numerator) return build_derivative(*numerator, dens, op.pos);
    Expr operand = parse_operator_operand(op);
    return build_derivative(operand, dens, op.pos);
  }

  // A single name (with its call, for declared functions) above a ∂.
  Expr parse_partial_numerator() {
    NameRef n;
    std::size_t end = 0;
    match_name(pos_, n, end);
    const Token t = cur();
    skip_to(end);
    const Scope::Entry e = scope_.lookup(n.letters, n.index);
    if (e.what == Scope::What::Function) return parse_declared_function(*e.function, t);
    if (e.what == Scope::What::Nothing || scope_.is_function_like(e))
      fail(code::kUnknownSymbol, n.pos, n.len, canonical_name(n.letters, n.index));
    return use_entry(e, t, n.index);
  }

  Expr parse_operator_operand(const Token& op) {
    if (!can_start_argument()) {
      if (at(Tok::End)) unexpected(cur());
      fail(code::kBadDerivative, op.pos, span_from(op.pos) + cur().len);
    }
    return parse_unparenthesized_argument();
  }

  // What a name in a derivative stands for.
  Expr name_value(const NameRef& n) {
    const Scope::Entry e = scope_.lookup(n.letters, n.index);
    switch (e.what) {
      case Scope::What::Scalar:
      case Scope::What::Vector:
      case Scope::What::Matrix:
        return scope_.variable(n.letters, n.index, e.what);
      case Scope::What::Function:
        return build(n.pos, [&] { return scope_.bare_function(*e.function); });
      case Scope::What::Definition:
        return e.definition->value;
      default:
        break;
    }
    const std::string name = canonical_name(n.letters, n.index);
    if (scope_.is_parameter(name)) return scope_.parameter(name);
    fail(code::kUnknownSymbol, n.pos, n.len, name);
  }

  // A derivative of a declared function in its own parameters is the same
  // FunctionNode with higher orders (∂f/∂x -> f with order 1 in x's slot);
  // anything else stays an unevaluated derivative_of, so that an answer that
  // merely restates the question (∂u/∂a) can be recognized.
  Expr build_derivative(const Expr& numerator, const std::vector<Denominator>& dens, std::uint32_t start) {
    if (numerator.is(Kind::Function)) {
      const auto& fn = static_cast<const FunctionNode&>(*numerator);
      std::vector<std::uint8_t> orders(fn.orders().begin(), fn.orders().end());
      bool all_parameters = true;
      for (const auto& d : dens) {
        const std::string var = canonical_name(d.var.letters, d.var.index);
        std::size_t slot = 0;
        while (slot < fn.params().size() && normalize_name(fn.params()[slot]) != var) ++slot;
        if (slot == fn.params().size() || orders[slot] + d.order > UINT8_MAX) {
          all_parameters = false;
          break;
        }
        orders[slot] = static_cast<std::uint8_t>(orders[slot] + d.order);
      }
      if (all_parameters) {
        return build(start, [&] {
          return function(fn.name(), std::vector<std::string>(fn.params().begin(), fn.params().end()),
                          std::vector<Expr>(fn.args().begin(), fn.args().end()), orders);
        });
      }
    }
    Expr e = numerator;
    for (const auto& d : dens) {
      const Expr var = name_value(d.var);
      for (int k = 0; k < d.order; ++k) e = build(start, [&] { return derivative_of(e, var); });
    }
    return e;
  }

  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  std::uint32_t last_end_ = 0;
  std::size_t depth_ = 0;
  std::vector<Group> groups_;
  const Scope& scope_;
  const ParseLimits& limits_;
};

}  // namespace
}  // namespace parsing

ParseResult parse(std::string_view input, const ParseContext& ctx, const ParseLimits& limits) {
  using namespace parsing;
  ParseResult result;
  try {
    if (input.size() > limits.max_input_bytes) {
      // The excess starts at the code point that crosses the limit.
      std::size_t cut = limits.max_input_bytes;
      while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
      throw Failure{make_error(code::kTooLong, count_code_points(input.substr(0, cut)),
                               count_code_points(input.substr(cut)), std::to_string(limits.max_input_bytes))};
    }
    std::u32string cps;
    if (const auto bad = decode_utf8(input, cps)) throw Failure{make_error(code::kInvalidUtf8, bad->position, 1)};
    for (std::size_t i = 0; i < cps.size(); ++i) {
      const CharProblem problem = char_problem(cps[i]);
      if (problem == CharProblem::Control) fail(code::kControlCharacter, i, 1, code_point_label(cps[i]));
      if (problem == CharProblem::Bidi) fail(code::kBidiControl, i, 1, code_point_label(cps[i]));
    }
    if (std::all_of(cps.begin(), cps.end(), is_space)) fail(code::kEmpty, 0, cps.size());
    std::vector<Token> tokens;
    if (auto e = lex(cps, limits.max_depth, tokens)) throw Failure{*e};
    const Scope scope(ctx);
    result.expr = Parser(std::move(tokens), scope, limits).run();
  } catch (const Failure& f) {
    result.expr.reset();
    result.error = f.error;
  } catch (const std::exception&) {
    result.expr.reset();
    result.error = make_error(code::kInvalidExpression, 0, count_code_points(input));
  }
  return result;
}

}  // namespace calc
