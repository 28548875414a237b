// The built-in function records, and apply(), which builds f(u) canonically.
#include "expr/functions.h"

#include <cmath>

#include "expr/internal.h"
#include "expr/shape_check.h"
#include "numeric/libm/libm.h"

namespace calc {

namespace {

enum Id { Exp, Ln, Sqrt, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Abs, Count };

const FunctionRecord& rec(Id id) { return builtin_functions()[id]; }
Expr call(Id id, const Expr& u) { return apply(rec(id), u); }

Expr e_const() { return constant(ConstantId::E); }
bool is_constant(const Expr& u, ConstantId id) {
  return u.is(Kind::Constant) && static_cast<const ConstantNode&>(*u).id() == id;
}
bool is_exact(const Expr& u, std::int64_t n) {
  const Number* v = as_number(u);
  return v && v->is_exact() && v->den() == 1 && v->num() == n;
}

// -u when u is visibly negative (a negative number or a product with a
// negative coefficient); null otherwise.
Expr negated(const Expr& u) {
  if (const Number* n = as_number(u)) return n->is_negative() ? number(-*n) : Expr();
  if (u.is(Kind::Mul) && static_cast<const MulNode&>(*u).coefficient().is_negative()) return neg(u);
  return Expr();
}
Expr odd(Id id, const Expr& u) {
  Expr m = negated(u);
  return m ? neg(call(id, m)) : Expr();
}
Expr even(Id id, const Expr& u) {
  Expr m = negated(u);
  return m ? call(id, m) : Expr();
}

Expr fold_ln(const Expr& u) {
  if (is_exact(u, 1)) return integer(0);
  if (is_constant(u, ConstantId::E)) return integer(1);
  // ln(e^v) = v for every real v.
  if (u.is(Kind::Pow)) {
    const auto& p = static_cast<const PowNode&>(*u);
    if (is_constant(p.base(), ConstantId::E)) return p.exponent();
  }
  return Expr();
}
Expr fold_sin(const Expr& u) {
  if (is_exact(u, 0) || is_constant(u, ConstantId::Pi)) return integer(0);
  return odd(Sin, u);
}
Expr fold_cos(const Expr& u) {
  if (is_exact(u, 0)) return integer(1);
  if (is_constant(u, ConstantId::Pi)) return integer(-1);
  return even(Cos, u);
}
Expr fold_tan(const Expr& u) {
  if (is_exact(u, 0) || is_constant(u, ConstantId::Pi)) return integer(0);
  return odd(Tan, u);
}
Expr fold_asin(const Expr& u) { return is_exact(u, 0) ? integer(0) : odd(Asin, u); }
Expr fold_acos(const Expr& u) { return is_exact(u, 1) ? integer(0) : Expr(); }
Expr fold_atan(const Expr& u) { return is_exact(u, 0) ? integer(0) : odd(Atan, u); }
Expr fold_sinh(const Expr& u) { return is_exact(u, 0) ? integer(0) : odd(Sinh, u); }
Expr fold_cosh(const Expr& u) { return is_exact(u, 0) ? integer(1) : even(Cosh, u); }
Expr fold_tanh(const Expr& u) { return is_exact(u, 0) ? integer(0) : odd(Tanh, u); }

// Expressions that are >= 0 wherever they are defined, so abs() is a no-op.
bool nonnegative(const Expr& u) {
  switch (u.kind()) {
    case Kind::Constant:
    case Kind::Norm:
      return true;
    case Kind::Apply:
      return &static_cast<const ApplyNode&>(*u).fn() == &rec(Abs);
    case Kind::Pow: {
      const auto& p = static_cast<const PowNode&>(*u);
      if (is_constant(p.base(), ConstantId::E)) return true;
      const Number* x = as_number(p.exponent());
      // x^(2k) and x^(p/(2k)) (defined only for x >= 0) are never negative.
      return x && x->is_exact() && (x->den() % 2 == 0 || (x->den() == 1 && x->num() % 2 == 0));
    }
    default:
      return false;
  }
}

Expr fold_abs(const Expr& u) {
  if (const Number* n = as_number(u)) return number(n->is_negative() ? -*n : *n);
  if (nonnegative(u)) return u;
  if (u.is(Kind::Mul)) {
    // abs(c*v) = |c| * abs(v)
    const auto& m = static_cast<const MulNode&>(*u);
    // Not abs(u/c): for a double c, u/c may keep a coefficient such as
    // 1.0000000000000002, and abs(1e30*x) would recurse forever.
    const Number& c = m.coefficient();
    if (!c.is_one()) return mul(number(c.is_negative() ? -c : c), call(Abs, detail::without_coefficient(m)));
  }
  return Expr();
}

constexpr double sq(double v) { return v * v; }

const FunctionRecord kRecords[Count] = {
    {"exp", "\\exp", [](double u) { return libm::exp(u); }, [](double u) { return libm::exp(u); },
     [](const Expr& u) { return pow(e_const(), u); }, [](const Expr& u) { return pow(e_const(), u); }},
    {"ln", "\\ln", [](double u) { return libm::log(u); }, [](double u) { return 1.0 / u; },
     [](const Expr& u) { return pow(u, integer(-1)); }, nullptr, fold_ln},
    {"sqrt", "\\sqrt", [](double u) { return std::sqrt(u); }, [](double u) { return 0.5 / std::sqrt(u); },
     [](const Expr& u) { return mul(rational(1, 2), pow(u, rational(-1, 2))); },
     [](const Expr& u) { return pow(u, rational(1, 2)); }},
    {"sin", "\\sin", [](double u) { return libm::sin(u); }, [](double u) { return libm::cos(u); },
     [](const Expr& u) { return call(Cos, u); }, nullptr, fold_sin},
    {"cos", "\\cos", [](double u) { return libm::cos(u); }, [](double u) { return -libm::sin(u); },
     [](const Expr& u) { return neg(call(Sin, u)); }, nullptr, fold_cos},
    {"tan", "\\tan", [](double u) { return libm::tan(u); }, [](double u) { return 1.0 + sq(libm::tan(u)); },
     [](const Expr& u) { return add(integer(1), pow(call(Tan, u), integer(2))); }, nullptr, fold_tan},
    {"asin", "\\arcsin", [](double u) { return libm::asin(u); },
     [](double u) { return 1.0 / std::sqrt(1.0 - u * u); },
     [](const Expr& u) { return pow(sub(integer(1), pow(u, integer(2))), rational(-1, 2)); }, nullptr, fold_asin},
    {"acos", "\\arccos", [](double u) { return libm::acos(u); },
     [](double u) { return -1.0 / std::sqrt(1.0 - u * u); },
     [](const Expr& u) { return neg(pow(sub(integer(1), pow(u, integer(2))), rational(-1, 2))); }, nullptr,
     fold_acos},
    {"atan", "\\arctan", [](double u) { return libm::atan(u); }, [](double u) { return 1.0 / (1.0 + u * u); },
     [](const Expr& u) { return pow(add(integer(1), pow(u, integer(2))), integer(-1)); }, nullptr, fold_atan},
    {"sinh", "\\sinh", [](double u) { return libm::sinh(u); }, [](double u) { return libm::cosh(u); },
     [](const Expr& u) { return call(Cosh, u); }, nullptr, fold_sinh},
    {"cosh", "\\cosh", [](double u) { return libm::cosh(u); }, [](double u) { return libm::sinh(u); },
     [](const Expr& u) { return call(Sinh, u); }, nullptr, fold_cosh},
    {"tanh", "\\tanh", [](double u) { return libm::tanh(u); }, [](double u) { return 1.0 - sq(libm::tanh(u)); },
     [](const Expr& u) { return sub(integer(1), pow(call(Tanh, u), integer(2))); }, nullptr, fold_tanh},
    // abs'(u) = sign(u), written u/abs(u) so that it stays an expression
    // (undefined at 0, like the derivative itself).
    {"abs", "\\lvert", [](double u) { return std::fabs(u); }, [](double u) { return u / std::fabs(u); },
     [](const Expr& u) { return div(u, call(Abs, u)); }, nullptr, fold_abs},
};

}  // namespace

std::span<const FunctionRecord> builtin_functions() { return kRecords; }

const FunctionRecord* find_function(std::string_view name) {
  if (name == "log") name = "ln";  // the book's log is the natural log
  for (const auto& r : kRecords)
    if (r.name == name) return &r;
  return nullptr;
}

Expr apply(const FunctionRecord& fn, const Expr& arg) {
  if (arg->shape() != Shape::Scalar)
    return shape_error(std::string(fn.name) + " is defined for scalars only");
  if (fn.canonical) return fn.canonical(arg);
  if (fn.fold)
    if (Expr folded = fn.fold(arg)) return folded;
  // A function of a double is a double, as in SymEngine; exact arguments
  // stay symbolic (sin(1) is exact, its decimal value is not).
  if (const Number* n = as_number(arg); n && !n->is_exact()) {
    double v = fn.eval(n->value());
    if (std::isfinite(v)) return real(v);
  }
  return detail::make<ApplyNode>(fn, arg);
}

}  // namespace calc
