#include "grade/placeholders.h"

#include <utility>

#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/substitute.h"
#include "expr/shape_check.h"
#include "grade/reference.h"
#include "print/print.h"
#include "util/stable_order.h"

namespace calc::grade {

namespace {

Expr first_variable(const Problem& p) {
  if (!p.box->wrt.empty()) return p.wrt()[0];
  for (const auto& v : p.exercise->variables)
    if (v.domain != exercise::Domain::VectorNonZero) return symbol(v.name);
  return Expr();
}

// The expression a name stands for: a parameter, a definition, or a number.
std::optional<Expr> value_of_name(const Problem& p, const std::string& name) {
  if (auto it = p.parameters.find(name); it != p.parameters.end()) return integer(it->second);
  if (const Expr* d = p.definition(name)) return *d;
  ParseResult r = parse_author(p, name);
  if (r.ok() && free_symbols(*r.expr).empty()) return *r.expr;
  return std::nullopt;
}

std::optional<std::string> expand_unchecked(const std::string& key, const Problem& p, Language lang,
                                            std::string& error) {
  if (key == "answer" || key.rfind("answer:", 0) == 0) {
    const exercise::Box* box = p.box;
    if (key != "answer") {
      box = p.exercise->find_box(key.substr(7));
      if (!box) {
        error = "{{" + key + "}} names no box of this exercise";
        return std::nullopt;
      }
    }
    Problem other = p;
    other.box = box;
    const ShownAnswer a = shown_answer(other);
    if (box->kind == exercise::BoxKind::Choice) return lang == Language::Zh ? a.zh : a.en;
    if (a.latex.empty()) {
      error = "{{" + key + "}}: the reference cannot be computed";
      return std::nullopt;
    }
    return a.latex;
  }
  if (key.size() > 1 && key.back() == '\'') {
    const Expr* d = p.definition(key.substr(0, key.size() - 1));
    const Expr x = first_variable(p);
    if (d && x) return to_latex(simplify(diff(*d, x)));
  } else if (auto at = key.find('@'); at != std::string::npos) {
    const Expr* d = p.definition(key.substr(0, at));
    const auto point = value_of_name(p, key.substr(at + 1));
    const Expr x = first_variable(p);
    if (d && point && x) return to_latex(simplify(substitute(*d, {{x, *point}})));
  } else if (auto it = p.parameters.find(key); it != p.parameters.end()) {
    return std::to_string(it->second);
  } else if (const Expr* d = p.definition(key)) {
    return to_latex(*d);
  }
  error = "unknown placeholder {{" + key + "}}";
  return std::nullopt;
}

// A definition of the wrong shape (a vector where a scalar is needed) makes
// the placeholder an error for the author, not NaN on the page.
std::optional<std::string> expand(const std::string& key, const Problem& p, Language lang, std::string& error) {
  ShapeCheck check;
  std::optional<std::string> text = expand_unchecked(key, p, lang, error);
  if (!check.failed()) return text;
  error = "{{" + key + "}}: " + check.message();
  return std::nullopt;
}

void collect_functions(const Expr& e, Substitution& out) {
  if (e.is(Kind::Function)) {
    const auto& f = static_cast<const FunctionNode&>(*e);
    std::vector<Expr> params;
    for (const auto& name : f.params()) params.push_back(symbol(name));
    const std::vector<std::string> names(f.params().begin(), f.params().end());
    const std::vector<std::uint8_t> orders(f.orders().begin(), f.orders().end());
    out.emplace(e, function(f.name(), names, params, orders));
  }
  for_each_child(e, [&](const Expr& c) { collect_functions(c, out); });
}

// How a chain-rule reference is written on paper: ∂f/∂x ∂x/∂a, with the
// arguments (x(a, b), …) left implicit, and the paths in the order of f's
// parameters. Both spellings parse back to the same expression in the
// exercise's context.
void show_chain_rule(const Expr& e, ShownAnswer& a) {
  Substitution bare;
  collect_functions(e, bare);
  const Expr shown = substitute(e, bare);
  if (!shown.is(Kind::Add) || !static_cast<const AddNode&>(*shown).constant().is_zero()) {
    a.latex = to_latex(shown);
    a.text = to_text(shown);
    return;
  }
  std::vector<std::pair<std::string, std::string>> terms;  // (text, latex)
  for (const auto& [t, coefficient] : static_cast<const AddNode&>(*shown).terms()) {
    const Expr term = mul(number(coefficient), t);
    terms.emplace_back(to_text(term), to_latex(term));
  }
  // Sorted through an index order (util/stable_order.h), which needs no
  // std::sort instance for pairs of strings; equal pairs are alike, so the
  // order is the same.
  apply_order(terms, stable_order(terms.size(), [&](std::uint32_t i, std::uint32_t j) { return terms[i] < terms[j]; }));
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const bool negative = terms[i].first.rfind("-", 0) == 0;
    if (i > 0) {
      a.text += negative ? " - " : " + ";
      a.latex += negative ? " - " : " + ";
    } else if (negative) {
      a.text += "-";
      a.latex += "-";
    }
    a.text += negative ? terms[i].first.substr(1) : terms[i].first;
    a.latex += negative ? terms[i].second.substr(1) : terms[i].second;
  }
}

}  // namespace

ShownAnswer shown_answer(const Problem& p) {
  ShownAnswer a;
  const Reference r = compute_reference(p);
  if (!r.ok()) return a;
  if (p.box->kind == exercise::BoxKind::Choice) {
    for (const auto& c : p.box->choices)
      if (c.means == r.claim) {
        a.zh = c.text.zh;
        a.en = c.text.en;
        a.text = c.id;
        a.latex = c.id;
        break;
      }
    return a;
  }
  if (p.has_functions()) {
    show_chain_rule(r.expr, a);
    return a;
  }
  a.latex = to_latex(r.expr);
  a.text = to_text(r.expr);
  return a;
}

std::string fill_placeholders(const std::string& text, const Problem& p, Language lang, std::vector<std::string>* errors) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("{{", i);
    if (open == std::string::npos) break;
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    out.append(text, i, open - i);
    std::string key = text.substr(open + 2, close - open - 2);
    while (!key.empty() && key.front() == ' ') key.erase(key.begin());
    while (!key.empty() && key.back() == ' ') key.pop_back();
    std::string error;
    if (auto v = expand(key, p, lang, error)) {
      out += *v;
    } else {
      out.append(text, open, close + 2 - open);
      if (errors) errors->push_back(error);
    }
    i = close + 2;
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace calc::grade
