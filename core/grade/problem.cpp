#include "grade/problem.h"

#include "util/stable_order.h"

namespace calc::grade {

const Expr* Problem::definition(const std::string& name) const {
  auto it = definitions.find(name);
  return it == definitions.end() ? nullptr : &it->second;
}

Expr Problem::of() const {
  const Expr* e = definition(box->of);
  return e ? *e : Expr();
}

std::vector<Expr> Problem::wrt() const {
  std::vector<Expr> out;
  for (const auto& w : box->wrt) {
    bool is_vector = false;
    for (const auto& v : exercise->variables)
      if (v.name == w && v.domain == exercise::Domain::VectorNonZero) is_vector = true;
    out.push_back(symbol(w, is_vector ? Shape::Vector : Shape::Scalar));
  }
  return out;
}

Expr Problem::vector_variable() const {
  for (const auto& v : exercise->variables)
    if (v.domain == exercise::Domain::VectorNonZero) return symbol(v.name, Shape::Vector);
  return Expr();
}

ParseResult parse_author(const Problem& p, std::string_view text) { return parse(text, p.author); }

Problem make_problem(const exercise::Exercise& ex, const exercise::Box& box, std::uint64_t seed) {
  Problem p;
  p.exercise = &ex;
  p.box = &box;
  p.parameters = exercise::parameter_values(ex, seed);
  for (const auto& v : ex.variables) {
    if (v.domain == exercise::Domain::VectorNonZero)
      p.learner.vectors.push_back(v.name);
    else
      p.learner.scalars.push_back(v.name);
  }
  for (const auto& f : ex.functions) p.learner.functions.push_back({f.name, f.params});
  p.author = p.learner;
  // The parameters are declared in name order, as before they were kept in a
  // sorted map, so that the author scope is built exactly as it was.
  const auto* params = p.parameters.begin();
  for (std::uint32_t i : stable_order(p.parameters.size(), [&](std::uint32_t a, std::uint32_t b) {
         return params[a].first < params[b].first;
       }))
    p.author.definitions.push_back({params[i].first, integer(params[i].second)});
  auto fail = [&](int line, std::string message) {
    if (!p.error) {
      p.error = std::move(message);
      p.error_line = line;
    }
  };
  for (const auto& d : ex.definitions) {
    ParseResult r = parse(d.text, p.author);
    if (!r.ok()) {
      fail(d.line, "definition '" + d.name + "' does not parse: " + r.error->message);
      continue;
    }
    p.definitions[d.name] = *r.expr;
    p.author.definitions.push_back({d.name, *r.expr});
    p.learner.definitions.push_back({d.name, *r.expr});
  }
  // A line is typed in x and y; y is only added when the exercise does not
  // already use the name.
  if (box.kind == exercise::BoxKind::Line) {
    bool taken = false;
    for (const auto& s : p.learner.scalars) taken = taken || s == "y";
    for (const auto& d : p.learner.definitions) taken = taken || d.name == "y";
    if (!taken) {
      p.learner.scalars.push_back("y");
      p.author.scalars.push_back("y");
    }
  }
  if (!box.at.empty()) {
    ParseResult r = parse(box.at, p.author);
    if (!r.ok())
      fail(box.line, "'at' does not parse: " + r.error->message);
    else
      p.at = *r.expr;
  }
  return p;
}

}  // namespace calc::grade
