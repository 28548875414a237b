// Derivative notation: ∂f/∂x, ∂²f/∂x∂y, ∂/∂x E, ∂_x f, f_x, and Leibniz
// dy/dx, d f / d x, d/dx E, d(E)/dx, d²y/dx².
#include <cstdint>
#include <string>
#include <vector>

#include "parse/parser_impl.h"
#include "util/decimal_int.h"

namespace calc::parsing {

namespace {

// Highest derivative order accepted in one ∂ or d.
constexpr int kMaxDerivativeOrder = 9;

}  // namespace

// f_x: the partial derivative of a declared function (or of a definition).
Expr Parser::subscript_partial(const Scope::Entry& entry, const Token& t, int index, const std::string& sub_name) {
  const Token sub = tok(pos_ - 1);
  Denominator d;
  d.var = name_from_canonical(sub_name, sub.pos + 1, sub.len - 1);
  Expr numerator;
  if (entry.what == Scope::What::Function) {
    numerator = parse_declared_function(*entry.function, t);
    if (failed()) return {};
  } else if (entry.what == Scope::What::Definition) {
    numerator = entry.definition->value;
  } else {
    fail(code::kBadIndex, sub.pos, sub.len, sub_name, canonical_name(t.text, index), Variant::LetterSubscript);
    return {};
  }
  return build_derivative(numerator, {&d, 1}, t.pos);
}

NameRef Parser::name_from_canonical(const std::string& name, std::uint32_t pos, std::uint32_t len) {
  NameRef r;
  r.pos = pos;
  r.len = len;
  const std::size_t underscore = name.find('_');
  r.letters = name.substr(0, underscore);
  // The lexer wrote the index of a name subscript (x_1) with std::to_string.
  if (underscore != std::string::npos) r.index = *decimal_int(std::string_view(name).substr(underscore + 1));
  return r;
}

// An order written as ^2, ^(2) or ² at token i; returns the index after
// it, or i when there is none.
std::size_t Parser::match_order(std::size_t i, int& order) const {
  if (tok(i).kind != Tok::Caret) return i;
  std::size_t k = i + 1;
  const bool paren = tok(k).kind == Tok::LParen;
  if (paren) ++k;
  const Token& n = tok(k);
  if (n.kind != Tok::Number || !all_digits(n.text) || n.text.size() > 3) return i;
  if (paren && tok(k + 1).kind != Tok::RParen) return i;
  order = *decimal_int(n.text);  // at most three digits
  return k + (paren ? 2 : 1);
}

// A name at token i (letters plus an optional glued numeric subscript).
bool Parser::match_name(std::size_t i, NameRef& out, std::size_t& end) const {
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

bool Parser::is_variable_like(const NameRef& n) const {
  const Scope::What w = scope_.lookup(n.letters, n.index).what;
  return w == Scope::What::Scalar || w == Scope::What::Vector || w == Scope::What::Matrix ||
         w == Scope::What::Function || scope_.is_parameter(canonical_name(n.letters, n.index));
}

bool Parser::is_differentiable_name(const NameRef& n) const {
  return is_variable_like(n) || scope_.lookup(n.letters, n.index).what == Scope::What::Definition;
}

// "dx", "dx_1", "d x", each with an optional order (dx², dx^2).
bool Parser::match_d_denominator(std::size_t i, Denominator& d, std::size_t& end) const {
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

std::size_t Parser::matching_closer(std::size_t open) const {
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
// to ordinary names (nothing is returned), so a variable d still works in
// d*x. A match that fails returns an empty Expr.
std::optional<Expr> Parser::try_leibniz() {
  const Token t = cur();
  Denominator d;
  std::size_t end = 0;
  int order = 1;
  std::optional<Expr> numerator;  // d(E)/dx: read before the order is checked
  bool operand_follows = false;   // d/dx E
  NameRef num;                    // dy/dx
  std::size_t num_end = 0;
  if (t.text == "d" && t.index < 0) {
    const std::size_t after = match_order(pos_ + 1, order);
    const Tok next = tok(after).kind;
    if (next == Tok::Slash) {
      if (!match_d_denominator(after + 1, d, end)) return std::nullopt;
      operand_follows = true;
    } else if (next == Tok::LParen) {
      const std::size_t close = matching_closer(after);
      if (tok(close + 1).kind != Tok::Slash || !match_d_denominator(close + 2, d, end)) return std::nullopt;
      skip_to(after);
      numerator = parse_paren();
      if (failed()) return Expr{};
      advance();  // the '/', still in place: names inside the bracket split only inside it
      match_d_denominator(pos_, d, end);
    } else if (!match_name(after, num, num_end) || !is_differentiable_name(num)) {
      return std::nullopt;
    }
  } else {
    match_name(pos_, num, num_end);
    num.letters = t.text.substr(1);
    if (!is_differentiable_name(num)) return std::nullopt;
  }
  if (!numerator && !operand_follows &&
      (tok(num_end).kind != Tok::Slash || !match_d_denominator(num_end + 1, d, end)))
    return std::nullopt;
  skip_to(end);
  check_order(order, {&d, 1}, t);
  if (failed()) return Expr{};
  if (!numerator) numerator = operand_follows ? parse_operator_operand(t) : name_value(num);
  if (failed()) return Expr{};
  return build_derivative(*numerator, {&d, 1}, t.pos);
}

void Parser::check_order(int order, std::span<const Denominator> dens, const Token& at) {
  int total = 0;
  for (const auto& d : dens) {
    if (d.order < 1 || d.order > kMaxDerivativeOrder) return fail(code::kBadDerivative, d.var.pos, d.var.len);
    total += d.order;
  }
  if (order < 1 || order > kMaxDerivativeOrder) return fail(code::kBadDerivative, at.pos, at.len);
  if (total != order)
    fail(code::kBadDerivative, at.pos, span_from(at.pos), std::to_string(order), std::to_string(total),
         Variant::OrderMismatch);
}

// ∂f/∂x, ∂ f / ∂ x, ∂(E)/∂x, ∂/∂x E, ∂_x f, ∂²f/∂x², ∂²f/∂x∂y.
Expr Parser::parse_partial() {
  const Token op = toks_[advance()];
  DepthGuard guard(*this, op);
  if (failed()) return {};
  if (at(Tok::Sub) && cur().glued && cur().index < 0) {
    const Token sub = toks_[advance()];
    Denominator d;
    d.var = name_from_canonical(sub.text, sub.pos, sub.len);
    Expr operand = parse_operator_operand(op);
    if (failed()) return {};
    return build_derivative(operand, {&d, 1}, op.pos);
  }
  int order = 1;
  skip_to(match_order(pos_, order));
  std::optional<Expr> numerator;
  if (at(Tok::LParen)) {
    numerator = parse_paren();
  } else if (at(Tok::Ident)) {
    numerator = parse_partial_numerator();
  } else if (!at(Tok::Slash)) {
    bad_operator(op);
    return {};
  }
  if (failed()) return {};
  if (!at(Tok::Slash)) {
    if (at(Tok::End))
      unexpected(cur());
    else
      fail(code::kBadDerivative, op.pos, span_from(op.pos));
    return {};
  }
  advance();
  std::vector<Denominator> dens;
  int total = 0;
  do {
    if (!at(Tok::Partial)) {
      bad_operator(op);
      return {};
    }
    advance();
    Denominator d;
    std::size_t end = 0;
    if (!match_name(pos_, d.var, end)) {
      bad_operator(op);
      return {};
    }
    skip_to(match_order(end, d.order));
    total += d.order;
    dens.push_back(d);
  } while (total < order);
  check_order(order, dens, op);
  if (failed()) return {};
  if (numerator) return build_derivative(*numerator, dens, op.pos);
  Expr operand = parse_operator_operand(op);
  if (failed()) return {};
  return build_derivative(operand, dens, op.pos);
}

// A single name (with its call, for declared functions) above a ∂.
Expr Parser::parse_partial_numerator() {
  NameRef n;
  std::size_t end = 0;
  match_name(pos_, n, end);
  const Token t = cur();
  skip_to(end);
  const Scope::Entry e = scope_.lookup(n.letters, n.index);
  if (e.what == Scope::What::Function) return parse_declared_function(*e.function, t);
  if (e.what == Scope::What::Nothing || scope_.is_function_like(e)) {
    fail(code::kUnknownSymbol, n.pos, n.len, canonical_name(n.letters, n.index));
    return {};
  }
  return use_entry(e, t, n.index);
}

Expr Parser::parse_operator_operand(const Token& op) {
  if (!can_start_argument()) {
    bad_operator(op);
    return {};
  }
  return parse_unparenthesized_argument();
}

// The token at the cursor cannot come next in the ∂ or d operator op: the
// span runs from op through that token.
void Parser::bad_operator(const Token& op) {
  if (at(Tok::End)) return unexpected(cur());
  fail(code::kBadDerivative, op.pos, span_from(op.pos) + cur().len);
}

// What a name in a derivative stands for.
Expr Parser::name_value(const NameRef& n) {
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
  return {};
}

// A derivative of a declared function in its own parameters is the same
// FunctionNode with higher orders (∂f/∂x -> f with order 1 in x's slot);
// anything else stays an unevaluated derivative_of, so that an answer that
// merely restates the question (∂u/∂a) can be recognized.
Expr Parser::build_derivative(const Expr& numerator, std::span<const Denominator> dens, std::uint32_t start) {
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
    if (failed()) return {};
    // A defined name (u = x^2) stands for an expression, and d/du of that
    // has no meaning without a change of variables.
    if (!var.is(Kind::Symbol) && !var.is(Kind::Function)) {
      fail(code::kBadDerivative, d.var.pos, d.var.len);
      return {};
    }
    for (int k = 0; k < d.order; ++k) {
      e = build(start, [&] { return derivative_of(e, var); });
      if (failed()) return {};
    }
  }
  return e;
}

}  // namespace calc::parsing
