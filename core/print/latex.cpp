// to_latex: KaTeX-ready LaTeX with minimal brackets.
//
// Same precedence scheme as the text printer, plus a level for \frac (which
// may stand next to other factors but not under an exponent). Products use
// implicit multiplication ("6x", "x y", "2 \cdot 3^{x}"); factors with a
// negative numeric exponent and the denominator of the coefficient go below
// a fraction bar ("\frac{3x}{4}", "\frac{1}{x^{2}}").
#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "expr/decimal.h"
#include "expr/functions.h"
#include "print/layout.h"
#include "print/print.h"
#include "util/decimal_int.h"

namespace calc {

namespace {

using print_detail::Factor;
using print_detail::Out;

enum Level : int { kEquation = 0, kSum = 1, kNeg = 2, kProduct = 3, kFrac = 4, kPower = 5, kAtom = 6 };

// \left( \right) only around tall content, where plain brackets look cut off.
std::string bracket(const std::string& s) {
  const bool tall = s.find("\\frac") != std::string::npos || s.find("\\begin") != std::string::npos;
  return tall ? "\\left(" + s + "\\right)" : "(" + s + ")";
}

std::string at_least(const Out& o, int level) { return o.level >= level ? o.s : bracket(o.s); }

// A function applied to a factor that is followed by more factors keeps its
// brackets: y \sin(x) f(x) rather than the ambiguous \sin x f(x).
Out print(const Expr& e, bool closed = false);

std::string name_latex(std::string_view base) {
  static constexpr std::array<std::string_view, 33> kGreek{
      "alpha", "beta",  "gamma", "delta",   "epsilon", "zeta",  "eta",   "theta", "iota",  "kappa",  "lambda",
      "mu",    "nu",    "xi",    "rho",     "sigma",   "tau",   "upsilon", "phi", "chi",   "psi",    "omega",
      "Gamma", "Delta", "Theta", "Lambda",  "Xi",      "Pi",    "Sigma", "Upsilon", "Phi", "Psi",    "Omega"};
  for (std::string_view g : kGreek)
    if (g == base) return "\\" + std::string(base);
  const bool ascii = std::all_of(base.begin(), base.end(), [](char c) { return (c & 0x80) == 0; });
  if (ascii && base.size() > 1) return "\\mathrm{" + std::string(base) + "}";
  return std::string(base);  // one letter, or a Unicode letter such as θ, which KaTeX renders
}

std::string symbol_latex(const SymbolNode& s) {
  std::string out = name_latex(s.base());
  if (s.index() >= 0) out += "_{" + std::to_string(s.index()) + "}";
  return out;
}

Out double_latex(double v) {
  std::string s = decimal::shortest(v);
  const std::size_t e = s.find('e');
  if (e == std::string::npos) {
    if (s == "nan") return {"\\mathrm{NaN}", kAtom};
    if (s == "inf" || s == "-inf") return {s[0] == '-' ? "-\\infty" : "\\infty", s[0] == '-' ? kNeg : kAtom};
    return {s, v < 0 ? kNeg : kAtom};
  }
  // 1e+30 -> 1 \times 10^{30}
  const int exponent = *decimal_int(std::string_view(s).substr(e + 1));  // shortest() writes e+30, e-7
  return {s.substr(0, e) + " \\times 10^{" + std::to_string(exponent) + "}", v < 0 ? kNeg : kProduct};
}

Out number_latex(const Number& n) {
  if (!n.is_exact()) return double_latex(n.value());
  const bool negative = n.is_negative();
  std::string s = std::to_string(negative ? -n.num() : n.num());
  if (n.den() != 1) s = "\\frac{" + s + "}{" + std::to_string(n.den()) + "}";
  if (negative) return {"-" + s, kNeg};
  return {s, n.den() != 1 ? kFrac : kAtom};
}

bool simple_argument(const Expr& u) {
  if (const Number* n = as_number(u)) return n->is_integer() && !n->is_negative();
  return u.is(Kind::Symbol) || u.is(Kind::Constant);
}

std::string apply_latex(const ApplyNode& a, const std::string& power, bool closed) {
  const std::string arg = print(a.arg()).s;
  if (a.fn().name == "abs") return "\\left\\lvert " + arg + " \\right\\rvert" + power;
  std::string head = std::string(a.fn().latex) + power;
  if (simple_argument(a.arg()) && !closed) return head + " " + arg;
  return head + bracket(arg);
}

Out power_latex(const Expr& base, const Expr& exponent, bool closed) {
  if (is_one(exponent)) return print(base, closed);
  const Number* n = as_number(exponent);
  if (n && n->is_exact() && n->num() == 1 && n->den() == 2) return {"\\sqrt{" + print(base).s + "}", kAtom};
  const std::string x = "^{" + print(exponent).s + "}";
  // sin^2 x, the usual spelling of (sin x)^2.
  if (base.is(Kind::Apply) && n && n->is_integer() && !n->is_negative() &&
      static_cast<const ApplyNode&>(*base).fn().name != "abs")
    return {apply_latex(static_cast<const ApplyNode&>(*base), x, closed), kAtom};
  return {at_least(print(base), kAtom) + x, kPower};
}

// Parts of a product side by side: no space after a numeric coefficient
// ("6x"), \cdot before a part that starts with a digit ("2 \cdot 3^{x}"), a
// space otherwise ("x y", which also ends a command such as \pi).
std::string juxtapose(const std::vector<Out>& parts, bool first_is_number) {
  if (parts.size() == 1) return parts[0].s;
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string p = i == 0 && first_is_number ? parts[i].s : at_least(parts[i], kFrac);
    if (i > 0) {
      if (p[0] >= '0' && p[0] <= '9')
        s += " \\cdot ";
      else if (!(i == 1 && first_is_number && s.back() >= '0' && s.back() <= '9'))
        s += " ";
    }
    s += p;
  }
  return s;
}

Out product_latex(const Number& coefficient, const std::vector<Factor>& factors, bool closed) {
  const bool negative = coefficient.is_negative();
  const Number magnitude = negative ? -coefficient : coefficient;
  std::vector<Factor> up, down;
  for (const auto& f : factors) {
    if (print_detail::is_negative_number(f.exponent))
      down.push_back({f.base, number(-*as_number(f.exponent))});
    else
      up.push_back(f);
  }
  std::vector<Out> top, bottom;
  bool top_number = false, bottom_number = false;
  if (magnitude.is_exact()) {
    if (magnitude.num() != 1) {
      top.push_back({std::to_string(magnitude.num()), kAtom});
      top_number = true;
    }
    if (magnitude.den() != 1) {
      bottom.push_back({std::to_string(magnitude.den()), kAtom});
      bottom_number = true;
    }
  } else if (!magnitude.is_one()) {
    top.push_back(double_latex(magnitude.value()));
    top_number = true;
  }
  // Only the last function of a row of factors may drop its brackets; a
  // fraction closes its numerator, so there the caller's `closed` is moot.
  for (std::size_t i = 0; i < up.size(); ++i)
    top.push_back(power_latex(up[i].base, up[i].exponent, i + 1 < up.size() || (closed && down.empty())));
  for (std::size_t i = 0; i < down.size(); ++i)
    bottom.push_back(power_latex(down[i].base, down[i].exponent, i + 1 < down.size()));
  Out out;
  if (bottom.empty()) {
    if (top.empty()) top.push_back({"1", kAtom});
    out = top.size() == 1 ? top[0] : Out{juxtapose(top, top_number), kProduct};
  } else {
    const std::string num = top.empty() ? "1" : juxtapose(top, top_number);
    out = {"\\frac{" + num + "}{" + juxtapose(bottom, bottom_number) + "}", kFrac};
  }
  if (negative) out = {"-" + at_least(out, kProduct), kNeg};
  return out;
}

Out sum_latex(const AddNode& a) {
  std::string s;
  for (const auto& [term, c] : print_detail::display_terms(a)) {
    const bool negative = c.is_negative();
    const Out body = product_latex(negative ? -c : c, print_detail::factors_of(term), false);
    if (s.empty())
      s = negative ? "-" + at_least(body, kProduct) : at_least(body, kNeg);
    else
      s += (negative ? " - " : " + ") + at_least(body, kProduct);
  }
  const Number& k = a.constant();
  if (!k.is_zero()) s += (k.is_negative() ? " - " : " + ") + number_latex(k.is_negative() ? -k : k).s;
  return {s, kSum};
}

std::string join(std::span<const Expr> items, const char* separator) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? separator : "") + print(items[i]).s;
  return s;
}

Out vector_latex(const VectorNode& v, bool as_row) {
  const auto rows = v.elements();
  std::string body;
  if (rows[0].is(Kind::Vector)) {
    for (std::size_t i = 0; i < rows.size(); ++i)
      body += (i ? " \\\\ " : "") + join(static_cast<const VectorNode&>(*rows[i]).elements(), " & ");
  } else {
    body = join(rows, as_row ? " & " : " \\\\ ");
  }
  return {"\\begin{bmatrix}" + body + "\\end{bmatrix}", kAtom};
}

// \frac{\partial^{2} f}{\partial x \partial y}, or d for a function of one
// variable; the arguments follow when they are not the parameters themselves.
std::string function_name_latex(const FunctionNode& f) {
  return f.name().size() > 1 ? "\\operatorname{" + f.name() + "}" : f.name();
}

Out function_latex(const FunctionNode& f) {
  const auto params = f.params();
  const auto args = f.args();
  const std::string name = function_name_latex(f);
  const std::string call = name + bracket(join(args, ", "));
  int total = 0;
  for (auto o : f.orders()) total += o;
  if (total == 0) return {call, kAtom};
  bool bare = true;
  for (std::size_t i = 0; i < args.size(); ++i) bare = bare && args[i] == symbol(params[i]);
  const std::string d = params.size() == 1 ? "d" : "\\partial";
  auto order = [](int k) { return k > 1 ? "^{" + std::to_string(k) + "}" : std::string(); };
  std::string below;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int k = f.orders()[i];
    if (k == 0) continue;
    below += (below.empty() ? "" : " ") + d + " " + print(symbol(params[i])).s + order(k);
  }
  std::string s = "\\frac{" + d + order(total) + " " + name + "}{" + below + "}";
  if (!bare) s += bracket(join(args, ", "));
  return {s, kFrac};
}

Out derivative_latex(const DerivativeNode& d) {
  // A declared function as the variable is written by its name, as in text.
  const std::string var = d.var().is(Kind::Function) ? function_name_latex(static_cast<const FunctionNode&>(*d.var()))
                                                     : print(d.var()).s;
  if (d.expr().is(Kind::Symbol)) return {"\\frac{d " + print(d.expr()).s + "}{d " + var + "}", kFrac};
  return {"\\frac{d}{d " + var + "}" + bracket(print(d.expr()).s), kFrac};
}

Out print(const Expr& e, bool closed) {
  switch (e.kind()) {
    case Kind::Number:
      return number_latex(*as_number(e));
    case Kind::Symbol:
      return {symbol_latex(static_cast<const SymbolNode&>(*e)), kAtom};
    case Kind::Constant:
      return {static_cast<const ConstantNode&>(*e).id() == ConstantId::E ? "e" : "\\pi", kAtom};
    case Kind::Add:
      return sum_latex(static_cast<const AddNode&>(*e));
    case Kind::Mul:
      return product_latex(static_cast<const MulNode&>(*e).coefficient(), print_detail::factors_of(e), closed);
    case Kind::Pow:
      return product_latex(Number::integer(1), print_detail::factors_of(e), closed);
    case Kind::Apply:
      return {apply_latex(static_cast<const ApplyNode&>(*e), "", closed), kAtom};
    case Kind::Function:
      return function_latex(static_cast<const FunctionNode&>(*e));
    case Kind::Derivative:
      return derivative_latex(static_cast<const DerivativeNode&>(*e));
    case Kind::Vector:
      return vector_latex(static_cast<const VectorNode&>(*e), false);
    case Kind::Norm:
      return {"\\lVert " + print(static_cast<const NormNode&>(*e).arg()).s + " \\rVert_2", kAtom};
    case Kind::Transpose: {
      const Expr& arg = static_cast<const TransposeNode&>(*e).arg();
      // An explicit column vector transposed is written as the row it is.
      if (arg.is(Kind::Vector) && !static_cast<const VectorNode&>(*arg).elements()[0].is(Kind::Vector))
        return vector_latex(static_cast<const VectorNode&>(*arg), true);
      return {at_least(print(arg), kAtom) + "^{\\top}", kPower};
    }
    case Kind::MatMul: {
      std::vector<Out> parts;
      for (const auto& f : static_cast<const MatMulNode&>(*e).factors()) parts.push_back(print(f, true));
      return {juxtapose(parts, false), kProduct};
    }
    case Kind::Equation: {
      const auto& q = static_cast<const EquationNode&>(*e);
      return {print(q.lhs()).s + " = " + print(q.rhs()).s, kEquation};
    }
  }
  return {"?", kAtom};
}

}  // namespace

std::string to_latex(const Expr& e) { return print(e).s; }

}  // namespace calc
