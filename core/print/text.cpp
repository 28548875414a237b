// to_text: the parser's own syntax, so that parse(to_text(e)) == e.
//
// Each node prints with a precedence level; an operand whose level is below
// what its position needs gets brackets. The levels mirror the parser's
// grammar (core/parse/parser.cpp): sum, signed product, product, power, atom.
// Multiplication is always an explicit '*' and negative exponents are
// written x^(-2), so no implicit-multiplication or precedence rule of the
// parser has to be relied on.
#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <vector>

#include "expr/functions.h"
#include "expr/internal.h"
#include "print/layout.h"
#include "print/print.h"

namespace calc {

namespace {

using print_detail::Factor;
using print_detail::Out;

enum Level : int { kEquation = 0, kSum = 1, kNeg = 2, kProduct = 3, kPower = 4, kAtom = 5 };

// "(" + s + ")", in one place rather than inlined at each of the printer's
// bracketings.
std::string bracketed(const std::string& s) { return "(" + s + ")"; }

std::string at_least(const Out& o, int level) { return o.level >= level ? o.s : bracketed(o.s); }

Out print(const Expr& e);
Out power_text(const Expr& base, const Expr& exponent);

// "²" ... "⁹" for derivative orders, as the parser reads them (∂²f/∂x²).
std::string superscript(int n) {
  static const char* const kDigits[] = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",
                                        "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7",
                                        "\xE2\x81\xB8", "\xE2\x81\xB9"};
  std::string digits = std::to_string(n), out;
  for (char c : digits) out += kDigits[c - '0'];
  return out;
}

constexpr const char* kPartial = "\xE2\x88\x82";  // ∂

Out number_text(const Number& n) {
  std::string s = n.to_string();
  if (n.is_negative()) return {s, kNeg};
  if (n.is_exact() && n.den() != 1) return {s, kProduct};  // 3/4
  return {s, kAtom};
}

// An exponent needs no brackets only when it is a plain atom: x^2, e^x.
// Indexed names and everything else are bracketed (e^(x_2), x^(-2), x^(1/2)).
bool bare_exponent(const Expr& x) {
  if (const Number* n = as_number(x)) return n->is_integer() && !n->is_negative();
  if (x.is(Kind::Symbol)) {
    // A bare symbol T would read back as a transpose (x^T): x^(T) is the power.
    const auto& symbol = static_cast<const SymbolNode&>(*x);
    return symbol.index() < 0 && symbol.name() != "T";
  }
  return x.is(Kind::Constant);
}

// The parser refuses a numeric exponent above ParseLimits::max_int_exponent
// (1000) in magnitude, yet powers beyond it arise from allowed input
// ((x^999)^999, exp of a product that overflows to a double). Such a power
// is written in a form the parser reads back as the same node.
constexpr std::int64_t kMaxReadableExponent = 1000;

bool readable_exponent(const Number& n) { return std::fabs(n.value()) <= kMaxReadableExponent; }

// b^n for |n| above the limit, from b's text as an atom: (b^1000)^q * b^r,
// nesting again while q is too large; each power merges back exactly. A
// bare number b (r = 1) would join the coefficient instead of the power, so
// for a number base that remainder is written b^600*b^401.
std::string nested_power(const std::string& atom, std::int64_t n, bool number_base) {
  if (n == 1) return atom;
  if (n >= -kMaxReadableExponent && n <= kMaxReadableExponent)
    return atom + "^" + (n < 0 ? bracketed(std::to_string(n)) : std::to_string(n));
  std::int64_t q = n / kMaxReadableExponent, r = n % kMaxReadableExponent;
  const bool bare_number = number_base && (r == 1 || r == -1);
  if (bare_number) q -= r;
  std::string s = nested_power("(" + atom + "^" + std::to_string(kMaxReadableExponent) + ")", q, false);
  if (bare_number) return s + "*" + nested_power(atom, 600 * r, true) + "*" + nested_power(atom, 401 * r, true);
  if (r != 0) s += "*" + nested_power(atom, r, number_base);
  return s;
}

// b^d for a double d above the limit, as (b^y)^(2^j) with d = y*2^j, the
// 2^j written in steps of at most 512: dividing by a power of two is exact,
// and (c^y)^512 merges back to c^(512y). y is a double, printed as a
// literal that reads back as one, except on a number base, where a double y
// up to the limit would evaluate: there d too large for an exact integer
// (it arose from an overflow) takes the largest whole y that is still
// exact, whose power stays unevaluated.
std::optional<Out> double_power_text(const Expr& base, double d) {
  const bool whole = base.is(Kind::Number) && std::fabs(d) >= 0x1p63;
  const double limit = whole ? 0x1p62 : static_cast<double>(kMaxReadableExponent);
  int j = 0;
  for (; std::fabs(d) > limit; ++j) d /= 2;
  const Expr y = number(whole ? Number::integer(static_cast<std::int64_t>(d)) : Number::real(d));
  // A number base whose b^y evaluates has no spelling that reads back.
  if (base.is(Kind::Number) && pow(base, y).is(Kind::Number)) return std::nullopt;
  std::string s = at_least(power_text(base, y), kAtom);
  for (; j > 9; j -= 9) s = bracketed(s + "^512");
  return Out{s + "^" + std::to_string(1 << j), kPower};
}

// A power whose numeric exponent the parser would refuse as written:
// e^v as exp(v), an exact p/q as (b^(1/q))^p, nested, and a double as a
// power of a power. A double number base (1e+30) can evaluate where the
// nesting needs it not to, and is printed as it is.
std::optional<Out> unreadable_power_text(const Expr& base, const Number& n) {
  if (readable_exponent(n)) return std::nullopt;
  if (base.is(Kind::Constant) && static_cast<const ConstantNode&>(*base).id() == ConstantId::E)
    return Out{"exp" + bracketed(n.to_string()), kAtom};
  if (!n.is_exact()) return double_power_text(base, n.value());
  const Number* number_base = as_number(base);
  if (number_base && !number_base->is_exact()) return std::nullopt;
  const std::string atom = at_least(print(base), kAtom);
  if (n.den() == 1) return Out{nested_power(atom, n.num(), number_base), kProduct};
  return Out{nested_power(bracketed(atom + "^(1/" + std::to_string(n.den()) + ")"), n.num(), false), kProduct};
}

Out power_text(const Expr& base, const Expr& exponent) {
  if (is_one(exponent)) return print(base);
  const Number* n = as_number(exponent);
  if (n)
    if (auto unreadable = unreadable_power_text(base, *n)) return *unreadable;
  if (n && n->is_exact() && n->num() == 1 && n->den() == 2) return {"sqrt" + bracketed(print(base).s), kAtom};
  std::string x = bare_exponent(exponent) ? print(exponent).s : bracketed(print(exponent).s);
  return {at_least(print(base), kAtom) + "^" + x, kPower};
}

// coefficient * factors: "3*x^2", "-x*y", "1/2*sqrt(2)", "cos(x)/x",
// "2*x/(x^2 + 1)". Factors with a negative exact exponent go after a '/',
// which reads back as the same power (a/x^2 = a*x^(-2)); a lone reciprocal
// stays a power, "x^(-2)".
Out product_text(const Number& coefficient, const std::vector<Factor>& factors) {
  const bool negative = coefficient.is_negative();
  const Number magnitude = negative ? -coefficient : coefficient;
  const bool has_coefficient = !magnitude.is_one() || factors.empty();
  std::vector<Factor> up, down;
  for (const auto& f : factors) {
    // A number base keeps its power: 1e-200^(-2) is unevaluated because it
    // overflows, while 1/1e-200^2 would read as a division by zero.
    const Number* x = as_number(f.exponent);
    if (x && x->is_exact() && x->is_negative() && !f.base.is(Kind::Number))
      down.push_back({f.base, number(-*x)});
    else
      up.push_back(f);
  }
  if (up.empty() && !has_coefficient && down.size() == 1) {
    up = factors;
    down.clear();
  }
  std::vector<Out> parts;
  if (has_coefficient) parts.push_back(number_text(magnitude));
  for (const auto& f : up) parts.push_back(power_text(f.base, f.exponent));
  std::string den;
  if (down.size() == 1) {
    const Out d = power_text(down[0].base, down[0].exponent);
    den = at_least(d, is_one(down[0].exponent) ? kAtom : kPower);  // a/x^2 is a/(x^2)
  } else if (!down.empty()) {
    for (const auto& f : down) den += (den.empty() ? "" : "*") + at_least(power_text(f.base, f.exponent), kPower);
    den = bracketed(den);
  }
  // The factors after the coefficient. A scalar x^T*y among other factors
  // is bracketed: z*x^T*y would read as the matrix product z x^T y.
  std::string rest;
  for (std::size_t i = has_coefficient ? 1 : 0; i < parts.size(); ++i)
    rest += (rest.empty() ? "" : "*") + at_least(parts[i], kPower);
  // -2*((x + 0.5)*y): read left to right, -2*(x + 0.5) would be distributed
  // into the sum before y joins, and when the coefficient is a double or the
  // sum's content is unknown (a double in it, or denominators whose lcm
  // overflows), the product cannot take the coefficient back out exactly.
  // Grouping the other factors keeps the coefficient apart.
  bool group = false;
  if (!coefficient.is_one() && factors.size() >= 2)
    for (const auto& f : up)
      group = group || (is_one(f.exponent) && f.base.is(Kind::Add) &&
                        (!coefficient.is_exact() || detail::has_unknown_content(static_cast<const AddNode&>(*f.base))));
  Out out;
  if (group) {
    const std::string inner = "(" + rest + (den.empty() ? "" : "/" + den) + ")";
    out = has_coefficient ? Out{at_least(parts[0], kProduct) + "*" + inner, kProduct} : Out{inner, kAtom};
  } else if (den.empty() && parts.size() == 1) {
    out = parts[0];
  } else {
    // A leading coefficient reads left to right as written (3/4*x is (3/4)*x).
    out.s = has_coefficient ? at_least(parts[0], kProduct) : std::string();
    if (!rest.empty()) out.s += (out.s.empty() ? "" : "*") + rest;
    if (out.s.empty()) out.s = "1";
    if (!den.empty()) out.s += "/" + den;
    out.level = kProduct;
  }
  // "-(a + 0.5)*w" would negate only the sum, and a sum with doubles cannot
  // give the -1 back to the product; "-((a + 0.5)*w)" negates the product.
  if (negative) out = {"-" + (out.level == kProduct && out.s[0] == '(' ? bracketed(out.s) : at_least(out, kProduct)), kNeg};
  return out;
}

Out sum_text(const AddNode& a) {
  std::string s;
  for (const auto& [term, c] : print_detail::display_terms(a)) {
    const bool negative = c.is_negative();
    if (s.empty()) {
      // The leading term keeps its sign inside the product, which knows when
      // "-(x + 0.5)*y" must be "-((x + 0.5)*y)".
      s = at_least(product_text(c, print_detail::factors_of(term)), kNeg);
      continue;
    }
    const Out body = product_text(negative ? -c : c, print_detail::factors_of(term));
    s += (negative ? " - " : " + ") + at_least(body, kProduct);
  }
  const Number& k = a.constant();
  if (!k.is_zero()) s += (k.is_negative() ? " - " : " + ") + (k.is_negative() ? -k : k).to_string();
  return {s, kSum};
}

std::string join(std::span<const Expr> items, const char* separator) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? separator : "") + print(items[i]).s;
  return s;
}

// [a, b] for a column vector; [a, b; c, d] for a matrix (a vector of rows),
// or [[a], [b]] when a row or column has one element (the parser reads
// [a; b] as a column vector).
Out vector_text(const VectorNode& v) {
  const auto rows = v.elements();
  if (!rows[0].is(Kind::Vector)) return {"[" + join(rows, ", ") + "]", kAtom};
  const std::size_t width = static_cast<const VectorNode&>(*rows[0]).elements().size();
  const bool plain = rows.size() >= 2 && width >= 2;
  std::string s = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string row = join(static_cast<const VectorNode&>(*rows[i]).elements(), ", ");
    if (plain)
      s += (i ? "; " : "") + row;
    else
      s += (i ? ", [" : "[") + row + "]";
  }
  return {s + "]", kAtom};
}

// f(x, y) with orders: ∂²f/∂x∂y when the arguments are the parameters
// themselves, ∂f(2*x, y)/∂x otherwise. The parser takes at most nine orders
// in one ∂, so higher orders nest: ∂⁹(∂³f/∂x³)/∂x⁹.
Out function_text(const FunctionNode& f) {
  const auto params = f.params();
  const auto args = f.args();
  std::vector<int> orders(f.orders().begin(), f.orders().end());
  int total = 0;
  for (int o : orders) total += o;
  bool bare = true;
  for (std::size_t i = 0; i < args.size(); ++i) bare = bare && args[i] == symbol(params[i]);
  std::string call = f.name();
  if (!bare || total == 0) call += bracketed(join(args, ", "));
  if (total == 0) return {call, kAtom};

  std::vector<int> outer(orders.size(), 0);
  int taken = 0;
  for (std::size_t i = orders.size(); i-- > 0 && taken < 9;) {
    outer[i] = std::min(orders[i], 9 - taken);
    taken += outer[i];
    orders[i] -= outer[i];
  }
  std::string numerator = call;
  if (taken < total) {
    std::vector<std::uint8_t> rest(orders.begin(), orders.end());
    numerator = bracketed(print(function(f.name(), std::vector<std::string>(params.begin(), params.end()),
                                         std::vector<Expr>(args.begin(), args.end()), rest))
                              .s);
  }
  std::string s = kPartial + (taken > 1 ? superscript(taken) : "") + numerator + "/";
  for (std::size_t i = 0; i < outer.size(); ++i)
    if (outer[i] > 0) s += kPartial + params[i] + (outer[i] > 1 ? superscript(outer[i]) : "");
  return {s, kPower};
}

Out print(const Expr& e) {
  switch (e.kind()) {
    case Kind::Number:
      return number_text(*as_number(e));
    case Kind::Symbol:
      return {static_cast<const SymbolNode&>(*e).name(), kAtom};
    case Kind::Constant:
      return {static_cast<const ConstantNode&>(*e).id() == ConstantId::E ? "e" : "pi", kAtom};
    case Kind::Add:
      return sum_text(static_cast<const AddNode&>(*e));
    case Kind::Mul: {
      const auto& m = static_cast<const MulNode&>(*e);
      return product_text(m.coefficient(), print_detail::factors_of(e));
    }
    case Kind::Pow: {
      const auto& p = static_cast<const PowNode&>(*e);
      return power_text(p.base(), p.exponent());
    }
    case Kind::Apply: {
      const auto& a = static_cast<const ApplyNode&>(*e);
      return {std::string(a.fn().name) + bracketed(print(a.arg()).s), kAtom};
    }
    case Kind::Function:
      return function_text(static_cast<const FunctionNode&>(*e));
    case Kind::Derivative: {
      // d/dx(E); the operand is one bracketed atom, so (d/dx(E))^2 needs
      // brackets of its own, which kPower gives it.
      // A declared function as the variable (d/dz with z = z(a, b)) is
      // written by its name, which is how the parser reads it back.
      const auto& d = static_cast<const DerivativeNode&>(*e);
      const std::string var = d.var().is(Kind::Function) ? static_cast<const FunctionNode&>(*d.var()).name()
                                                          : at_least(print(d.var()), kAtom);
      return {"d/d" + var + bracketed(print(d.expr()).s), kPower};
    }
    case Kind::Vector:
      return vector_text(static_cast<const VectorNode&>(*e));
    case Kind::Norm:
      return {"norm" + bracketed(print(static_cast<const NormNode&>(*e).arg()).s), kAtom};
    case Kind::Transpose:
      return {at_least(print(static_cast<const TransposeNode&>(*e).arg()), kAtom) + "^T", kPower};
    case Kind::MatMul: {
      std::string s;
      for (const auto& f : static_cast<const MatMulNode&>(*e).factors())
        s += (s.empty() ? "" : "*") + at_least(print(f), kPower);
      return {s, kProduct};
    }
    case Kind::Equation: {
      const auto& q = static_cast<const EquationNode&>(*e);
      return {print(q.lhs()).s + " = " + print(q.rhs()).s, kEquation};
    }
  }
  return {"?", kAtom};
}

}  // namespace

std::string to_text(const Expr& e) { return print(e).s; }

// The text of a DAG is as long as its tree, which can be astronomically
// larger than the DAG (d = d^2 + d, sixty times); a failing test's message
// must not try to print that, so the stream form names the size instead.
std::ostream& operator<<(std::ostream& os, const Expr& e) {
  constexpr std::uint32_t kMaxStreamedNodes = 100000;
  if (!e) return os << "<null>";
  if (e->size() > kMaxStreamedNodes) return os << "<expression of " << e->size() << "+ nodes>";
  return os << to_text(e);
}

}  // namespace calc
