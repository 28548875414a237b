#include "grade/placeholders.h"

#include <exception>

#include "calculus/derivative.h"
#include "calculus/simplify.h"
#include "calculus/substitute.h"
#include "grade/reference.h"
#include "print/print.h"

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

std::optional<std::string> expand(const std::string& key, const Problem& p, Language lang, std::string& error) {
  try {
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
  } catch (const std::exception& e) {
    error = "{{" + key + "}}: " + e.what();
    return std::nullopt;
  }
  error = "unknown placeholder {{" + key + "}}";
  return std::nullopt;
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
