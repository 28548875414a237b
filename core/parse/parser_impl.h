#pragma once
// The parser's internals, shared by its three source files: parser.cpp
// (precedence levels and brackets), parse_names.cpp (names, splitting of
// runs of letters, function calls) and parse_derivatives.cpp (∂, Leibniz and
// subscript notation). Not a public header: use parse() from parser.h.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "expr/expr.h"
#include "expr/shape_check.h"
#include "parse/errors.h"
#include "parse/lexer.h"
#include "parse/parser.h"
#include "parse/scope.h"
#include "parse/token.h"
#include "util/function_ref.h"

namespace calc::parsing {

enum class Group : std::uint8_t { Paren, Bracket, Brace, Bar, BarPair, DoubleBar, Call };

inline bool is_closer(Tok k) { return k == Tok::RParen || k == Tok::RBracket || k == Tok::RBrace; }

inline bool all_digits(const std::string& s) {
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

  ParseResult run() {
    ParseResult result;
    Expr e = parse_input();
    if (failed())
      result.error = std::move(error_);
    else
      result.expr = std::move(e);
    return result;
  }

 private:
  class DepthGuard {
   public:
    DepthGuard(Parser& p, const Token& at, std::size_t weight = 1) : p_(p), weight_(weight) {
      p_.depth_ += weight;
      if (p_.depth_ > p_.limits_.max_depth)
        p_.fail(code::kTooDeep, at.pos, std::max<std::uint32_t>(at.len, 1), std::to_string(p_.limits_.max_depth));
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

  // ---- errors ----
  // The first error ends the parse: it is kept, and the cursor moves to End,
  // so every loop stops and nothing further is read. Each parse_* returns
  // at once after fail(), and its callers test failed() after each call
  // that can fail, before using what it returned. Out of line: it is cold,
  // and the parser has ~50 error sites.
  [[gnu::cold]] [[gnu::noinline]] void fail(std::string_view code, std::size_t pos, std::size_t len,
                                            std::string_view a0 = {}, std::string_view a1 = {},
                                            Variant variant = Variant::Default);
  bool failed() const { return error_.has_value(); }

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

  void unexpected(const Token& t) {
    switch (t.kind) {
      case Tok::End:
        return fail(code::kUnexpectedEnd, t.pos, 0);
      case Tok::Number:
        return fail(code::kUnexpectedToken, t.pos, t.len, t.text, {}, Variant::NumberAfterValue);
      case Tok::Equals:
        return fail(code::kUnexpectedToken, t.pos, t.len, "=", {},
                    groups_.empty() ? Variant::Default : Variant::EqualsInBrackets);
      default:
        return fail(code::kUnexpectedToken, t.pos, std::max<std::uint32_t>(t.len, 1), token_text(t));
    }
  }

  void expect_end() {
    if (!at(Tok::End)) unexpected(cur());
  }

  // Every construction goes through here: a constructor that rejects its
  // operands (a vector added to a number) becomes an error with a span, and
  // a number that overflowed to infinity is refused. The shape check comes
  // first: a construction that failed returns NaN, which is no overflow.
  // Out of line, through a FunctionRef: the parser builds at ~20 places,
  // each of which would otherwise carry the checks.
  [[gnu::noinline]] Expr build(std::uint32_t start, FunctionRef<Expr()> make);

  // Whether building e folded numbers into an infinity or NaN: as the value,
  // a product's coefficient, or a sum's constant or term coefficient (the
  // numbers of nested nodes were checked when those were built). Such a node
  // has no text that reads back ("inf" would read as i*n*f).
  static bool overflowed(const Expr& e) {
    if (const Number* n = as_number(e)) return !n->is_finite();
    if (e.is(Kind::Mul)) return !static_cast<const MulNode&>(*e).coefficient().is_finite();
    if (e.is(Kind::Add)) {
      const auto& sum = static_cast<const AddNode&>(*e);
      if (!sum.constant().is_finite()) return true;
      for (const auto& [term, coefficient] : sum.terms())
        if (!coefficient.is_finite()) return true;
    }
    return false;
  }

  // ---- precedence levels (parser.cpp) ----
  Expr parse_input();
  Expr parse_sum();
  Expr parse_product();
  Expr parse_signed();
  Expr parse_power();
  bool take_transpose();
  bool in_bar_group() const;
  bool starts_implicit_operand() const;
  bool can_start_argument() const;
  // ---- primaries ----
  struct Items {  // bracket contents: comma-separated items, rows split by ';'
    std::vector<std::vector<Expr>> rows = std::vector<std::vector<Expr>>(1);
    bool separated = false;
  };
  Expr parse_primary();
  Expr parse_number();
  Items parse_items(Tok closer, bool allow_separators);
  void expect_closer(Tok closer, const Token& opener);
  Expr make_vector(Items& items, std::uint32_t start);
  Expr parse_paren();
  Expr parse_bracket();
  Expr parse_brace();
  void unclosed_bar(const Token& open, std::uint32_t len);
  Expr parse_abs();
  bool closing_bar_pair_follows() const;
  Expr parse_norm(Group kind);
  Expr parse_sqrt();
  // ---- names (parse_names.cpp) ----
  Expr parse_name();
  std::size_t known_prefix(const std::string& letters) const;
  bool split_name();
  Expr use_entry(const Scope::Entry& e, const Token& t, int index);
  Expr parse_declared_function(const ParseContext::AbstractFunction& f, const Token& t);
  std::vector<Expr> parse_call_args();
  Expr parse_builtin(const Scope::Entry& e, const Token& t);
  Expr parse_function_power(const Token& name);
  Expr parse_unparenthesized_argument();
  // ---- derivatives (parse_derivatives.cpp) ----
  Expr subscript_partial(const Scope::Entry& entry, const Token& t, int index, const std::string& sub_name);
  static NameRef name_from_canonical(const std::string& name, std::uint32_t pos, std::uint32_t len);
  std::size_t match_order(std::size_t i, int& order) const;
  bool match_name(std::size_t i, NameRef& out, std::size_t& end) const;
  bool is_variable_like(const NameRef& n) const;
  bool is_differentiable_name(const NameRef& n) const;
  bool match_d_denominator(std::size_t i, Denominator& d, std::size_t& end) const;
  std::size_t matching_closer(std::size_t open) const;
  std::optional<Expr> try_leibniz();
  void check_order(int order, std::span<const Denominator> dens, const Token& at);
  Expr parse_partial();
  Expr parse_partial_numerator();
  Expr parse_operator_operand(const Token& op);
  void bad_operator(const Token& op);
  Expr name_value(const NameRef& n);
  Expr build_derivative(const Expr& numerator, std::span<const Denominator> dens, std::uint32_t start);

  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  std::uint32_t last_end_ = 0;
  std::size_t depth_ = 0;
  std::vector<Group> groups_;
  std::optional<ParseError> error_;
  const Scope& scope_;
  const ParseLimits& limits_;
};

}  // namespace calc::parsing
