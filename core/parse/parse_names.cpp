// Names: declared variables and functions, built-ins with or without
// brackets, and runs of letters split into known names (xy, sinx, sin2x).
#include <algorithm>
#include <array>
#include <climits>
#include <string>
#include <vector>

#include "parse/parser_impl.h"
#include "parse/unicode.h"
#include "util/decimal_int.h"

namespace calc::parsing {

namespace {

// Function names learners use that the workbook does not have. They are
// reported as unknown functions instead of being read as products of
// letters (cot x is not c·o·t·x).
constexpr std::array<std::string_view, 22> kUnsupportedFunctions{
    "cot",     "sec",     "csc",     "cosec", "arccot", "asinh", "acosh", "atanh", "arsinh", "arcosh", "artanh",
    "arcsinh", "arccosh", "arctanh", "sgn",   "sign",   "floor", "ceil",  "max",   "min",    "erf",    "ctg"};

// Byte offsets of the code points of a run of letters (valid UTF-8), then
// its size: the letters from code point i to j are bytes at[i] to at[j].
std::vector<std::size_t> code_point_offsets(std::string_view letters) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < letters.size(); ++i)
    if ((static_cast<unsigned char>(letters[i]) & 0xC0) != 0x80) at.push_back(i);
  at.push_back(letters.size());
  return at;
}

}  // namespace

Expr Parser::parse_name() {
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
      if (index >= 0) {
        fail(code::kBadIndex, next.pos, next.len, token_text(next));
        return {};
      }
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
    if (t.text.rfind(f, 0) == 0) {
      fail(code::kUnknownFunction, t.pos, count_code_points(f), std::string(f));
      return {};
    }
  }
  if (split_name()) return parse_name();
  if (failed()) return {};
  const std::uint32_t len = tok(pos_ + consumed - 1).pos + tok(pos_ + consumed - 1).len - t.pos;
  if (peek(consumed).kind == Tok::LParen) {
    fail(code::kUnknownFunction, t.pos, len, token_text(t));
    return {};
  }
  // In "xyz" with x and y declared, point at the z.
  const std::size_t known = known_prefix(t.text);
  if (known > 0 && known < t.text.size()) {
    const std::string rest = t.text.substr(known);
    const std::uint32_t rest_pos = t.pos + static_cast<std::uint32_t>(count_code_points(t.text.substr(0, known)));
    fail(code::kUnknownSymbol, rest_pos, len - (rest_pos - t.pos), canonical_name(rest, index));
    return {};
  }
  fail(code::kUnknownSymbol, t.pos, len, canonical_name(t.text, index));
  return {};
}

// Bytes of the longest prefix of a run of letters that splits into known names.
std::size_t Parser::known_prefix(const std::string& letters) const {
  const std::vector<std::size_t> at = code_point_offsets(letters);
  const std::size_t n = at.size() - 1;
  std::vector<bool> reachable(n + 1, false);
  reachable[0] = true;
  std::size_t furthest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!reachable[i]) continue;
    for (std::size_t j = i + 1; j <= std::min(n, i + scope_.max_name_length()); ++j) {
      if (scope_.lookup(std::string_view(letters).substr(at[i], at[j] - at[i]), -1).what != Scope::What::Nothing) {
        reachable[j] = true;
        furthest = std::max(furthest, j);
      }
    }
  }
  return at[furthest];
}

// Splits an unknown run of letters into known names ("xy" -> x y,
// "sinx" -> sin x, "sin2x" -> sin 2 x), fewest pieces first, longer
// pieces first on ties. The index, if any, stays on the last piece.
// Returns false when no split exists, or when the run is refused.
bool Parser::split_name() {
  const Token t = cur();
  const bool numeric_sub = peek(1).kind == Tok::Sub && peek(1).glued && peek(1).index >= 0;
  const int index = numeric_sub ? peek(1).index : t.index;
  const std::vector<std::size_t> at = code_point_offsets(t.text);
  const std::size_t n = at.size() - 1;
  auto piece = [&](std::size_t i, std::size_t j) { return std::string_view(t.text).substr(at[i], at[j] - at[i]); };
  // A builtin glued to digits is the function followed by a number: sin2x.
  auto builtin_with_number = [&](std::string_view s, bool last) {
    return last && index >= 0 && !numeric_sub && scope_.lookup(s, -1).what == Scope::What::Builtin;
  };
  std::vector<int> cost(n + 1, INT_MAX);
  std::vector<std::size_t> choice(n + 1, n);
  cost[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = std::min(n, i + scope_.max_name_length()); j > i; --j) {
      if (cost[j] == INT_MAX || cost[j] + 1 >= cost[i]) continue;
      const bool last = j == n;
      const std::string_view s = piece(i, j);
      if (scope_.lookup(s, last ? index : -1).what != Scope::What::Nothing || builtin_with_number(s, last)) {
        cost[i] = cost[j] + 1;
        choice[i] = j;
      }
    }
  }
  if (cost[0] == INT_MAX) return false;
  // log2 x and log10(x) mean other bases, which the workbook does not have.
  if (t.index >= 0 && !numeric_sub && t.text.size() >= 3 && t.text.compare(t.text.size() - 3, 3, "log") == 0) {
    fail(code::kUnknownFunction, t.pos, t.len, token_text(t));
    return false;
  }

  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  for (std::size_t i = 0; i < n; i = choice[i]) pieces.emplace_back(i, choice[i]);
  const std::string_view last = piece(pieces.back().first, n);
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
    if (!plausible) {
      fail(code::kUnknownFunction, t.pos, t.len, token_text(t));
      return false;
    }
  }

  std::vector<Token> replacement;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    Token p;
    p.kind = Tok::Ident;
    p.pos = t.pos + static_cast<std::uint32_t>(pieces[k].first);
    p.len = static_cast<std::uint32_t>(pieces[k].second - pieces[k].first);
    p.glued = k == 0 ? t.glued : true;
    p.text = std::string(piece(pieces[k].first, pieces[k].second));
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
Expr Parser::use_entry(const Scope::Entry& e, const Token& t, int index) {
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
  return {};
}

// f(a, b, c) with the declared arity, or bare f meaning f(x, y, z).
Expr Parser::parse_declared_function(const ParseContext::AbstractFunction& f, const Token& t) {
  if (!at(Tok::LParen)) return build(t.pos, [&] { return scope_.bare_function(f); });
  std::vector<Expr> args = parse_call_args();
  if (failed()) return {};
  if (args.size() != f.params.size()) {
    fail(code::kWrongArity, t.pos, span_from(t.pos), f.name, std::to_string(f.params.size()));
    return {};
  }
  return build(t.pos, [&] {
    return function(f.name, f.params, std::move(args), std::vector<std::uint8_t>(f.params.size(), 0));
  });
}

std::vector<Expr> Parser::parse_call_args() {
  const Token open = toks_[advance()];
  DepthGuard guard(*this, open);
  if (failed()) return {};
  GroupScope group(*this, Group::Call);
  std::vector<Expr> args;
  if (!at(Tok::RParen)) {
    for (;;) {
      args.push_back(parse_sum());
      if (!at(Tok::Comma)) break;  // also after a failure: the cursor is at End
      advance();
    }
    if (failed()) return {};
  }
  expect_closer(Tok::RParen, open);
  return args;
}

// sin(x), sin x, sin 2x (a number glued to what follows is one argument),
// sin^2 x and sin²x meaning (sin x)², dot(a, b), norm(x).
Expr Parser::parse_builtin(const Scope::Entry& e, const Token& t) {
  std::optional<Expr> power;
  if (at(Tok::Caret)) {
    power = parse_function_power(t);
    if (failed()) return {};
  }
  const std::size_t arity = e.what == Scope::What::Dot ? 2 : 1;
  std::vector<Expr> args;
  if (at(Tok::LParen)) {
    args = parse_call_args();
    if (failed()) return {};
    if (args.size() != arity) {
      fail(code::kWrongArity, t.pos, span_from(t.pos), t.text, std::to_string(arity));
      return {};
    }
  } else {
    if (arity != 1 || !can_start_argument()) {
      if (at(Tok::End))
        fail(code::kUnexpectedEnd, cur().pos, 0, t.text, {}, Variant::MissingArgument);
      else
        fail(code::kUnexpectedToken, t.pos, t.len, t.text, {}, Variant::MissingArgument);
      return {};
    }
    args.push_back(parse_unparenthesized_argument());
    if (failed()) return {};
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
  if (failed() || !power) return r;
  return build(t.pos, [&] { return pow(r, *power); });
}

// The 2 in sin^2 x or sin²x: a positive whole number only (sin⁻¹ is
// ambiguous between 1/sin and asin, so it is refused).
Expr Parser::parse_function_power(const Token& name) {
  const Token caret = cur();
  std::size_t k = pos_ + 1;
  const bool paren = tok(k).kind == Tok::LParen;
  if (paren) ++k;
  const Token& n = tok(k);
  const bool ok = n.kind == Tok::Number && all_digits(n.text) && (!paren || tok(k + 1).kind == Tok::RParen);
  if (!ok) {
    fail(code::kUnexpectedToken, caret.pos, std::max<std::uint32_t>(caret.len, 1), name.text, {},
         Variant::FunctionPower);
    return {};
  }
  // All digits: nothing only beyond int.
  const std::optional<int> v = n.text.size() > 9 ? std::nullopt : decimal_int(n.text);
  if (!v || *v > limits_.max_int_exponent) {
    fail(code::kExponentTooLarge, n.pos, n.len, std::to_string(limits_.max_int_exponent));
    return {};
  }
  if (*v < 1) {
    fail(code::kUnexpectedToken, caret.pos, caret.len, name.text, {}, Variant::FunctionPower);
    return {};
  }
  skip_to(k + (paren ? 2 : 1));
  return integer(*v);
}

// The argument of a function written without brackets: signs, then one
// power (sin x^2 is sin(x²)); a number glued to the next factor joins it
// (sin 2x is sin(2x), but sin 2 x is sin(2)·x).
Expr Parser::parse_unparenthesized_argument() {
  const Token first = cur();
  DepthGuard guard(*this, first);
  if (failed()) return {};
  bool negative = false;
  std::size_t signs = 0;
  while (at(Tok::Plus) || at(Tok::Minus)) {
    negative ^= at(Tok::Minus);
    ++signs;
    advance();
  }
  DepthGuard sign_guard(*this, first, signs);
  if (failed()) return {};
  const std::size_t operand = pos_;
  const bool number_first = at(Tok::Number);
  Expr e = parse_power();
  if (failed()) return {};
  if (number_first && pos_ == operand + 1 && cur().glued && !at(Tok::Number) && starts_implicit_operand()) {
    Expr rhs = parse_power();
    if (failed()) return {};
    e = build(first.pos, [&] { return mul(e, rhs); });
  }
  if (failed() || !negative) return e;
  return build(first.pos, [&] { return neg(e); });
}

}  // namespace calc::parsing
