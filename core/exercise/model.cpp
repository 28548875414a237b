#include "exercise/model.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "exercise/toml.h"
#include "util/hash_index.h"

namespace calc::exercise {

const Box* Exercise::find_box(std::string_view box_id) const {
  for (const auto& b : boxes)
    if (b.id == box_id) return &b;
  return nullptr;
}

const Definition* Exercise::find_definition(std::string_view name) const {
  for (const auto& d : definitions)
    if (d.name == name) return &d;
  return nullptr;
}

std::string LoadError::format() const {
  return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
}

std::string_view to_string(BoxKind k) {
  switch (k) {
    case BoxKind::Expression: return "expression";
    case BoxKind::Number: return "number";
    case BoxKind::Vector: return "vector";
    case BoxKind::Line: return "line";
    case BoxKind::Choice: return "choice";
  }
  return "?";
}

std::string_view to_string(Task t) {
  switch (t) {
    case Task::Derivative: return "derivative";
    case Task::DerivativeAt: return "derivative-at";
    case Task::TangentLine: return "tangent-line";
    case Task::DifferenceQuotientLimit: return "difference-quotient-limit";
    case Task::Gradient: return "gradient";
    case Task::VectorGradient: return "vector-gradient";
    case Task::DifferentiableAt: return "differentiable-at";
    case Task::StationaryPoint: return "stationary-point";
    case Task::StationaryKind: return "stationary-kind";
    case Task::InverseDerivativeAt: return "inverse-derivative-at";
  }
  return "?";
}

std::string_view to_string(Domain d) {
  switch (d) {
    case Domain::Real: return "real";
    case Domain::NonZero: return "nonzero";
    case Domain::Positive: return "positive";
    case Domain::VectorNonZero: return "vector-nonzero";
  }
  return "?";
}

namespace {

using toml::Value;

struct Failure {
  int line;
  std::string message;
};

// Messages and key paths are joined from pieces by this one routine rather
// than by a chain of operator+ at each of the reader's many messages.
std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

// The enumerator of E whose name (to_string) is `s`, among the first `count`.
template <class E>
std::optional<E> named(const std::string& s, int count) {
  for (int i = 0; i < count; ++i)
    if (to_string(static_cast<E>(i)) == s) return static_cast<E>(i);
  return std::nullopt;
}

// The kind of answer each task produces; a file that says otherwise is wrong.
BoxKind kind_for(Task t) {
  switch (t) {
    case Task::Derivative: return BoxKind::Expression;
    case Task::DerivativeAt:
    case Task::DifferenceQuotientLimit:
    case Task::StationaryPoint:
    case Task::InverseDerivativeAt: return BoxKind::Number;
    case Task::TangentLine: return BoxKind::Line;
    case Task::Gradient:
    case Task::VectorGradient: return BoxKind::Vector;
    case Task::DifferentiableAt:
    case Task::StationaryKind: return BoxKind::Choice;
  }
  return BoxKind::Expression;
}

// Which claims a choice may make for each choice task.
std::vector<std::string_view> claims_for(Task t) {
  if (t == Task::DifferentiableAt) return {"differentiable", "not-differentiable"};
  if (t == Task::StationaryKind) return {"minimum", "maximum", "neither"};
  return {};
}

bool valid_name(const std::string& s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  return s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos;
}

// Turns a parsed document into an Exercise. Reading stops at the first
// error: a step that fails records it and returns at once, and its caller
// checks failed() before it uses what the step returned. A step returns the
// object it was filling even then (the caller discards it): one object per
// step, rather than a fresh empty one built at each of its many exits.
class ExerciseReader {
 public:
  const std::optional<Failure>& failure() const { return failure_; }

  Exercise exercise_of(const Value& doc, std::string file) {
    Exercise ex;
    allow_only(doc, {"id", "order", "title", "prompt", "variables", "functions", "parameters", "define", "box"},
               "the file");
    if (failed()) return ex;
    ex.file = std::move(file);
    ex.id = required_string(doc, "id", "the file");
    if (failed()) return ex;
    if (const Value* o = doc.find("order")) {
      ex.order = static_cast<int>(integer_of(*o, "order"));
      if (failed()) return ex;
    }
    ex.title = required_text(doc, "title", "the file");
    if (failed()) return ex;
    ex.prompt = required_text(doc, "prompt", "the file");
    if (failed()) return ex;
    HashSet<std::string> names;
    auto claim_name = [&](const std::string& n, int line, std::string_view what) {
      if (!valid_name(n)) {
        fail(line, {what, " name '", n, "' is not a plain identifier"});
        return;
      }
      if (!names.insert(n).second) fail(line, {"name '", n, "' is declared twice"});
    };
    const Value* vars = entries_of(doc, "variables");
    if (failed()) return ex;
    if (vars) {
      for (std::size_t i = 0; i < vars->keys.size(); ++i) {
        claim_name(vars->keys[i], vars->values[i].line, "variable");
        if (failed()) return ex;
        const Domain domain = domain_of(vars->values[i]);
        if (failed()) return ex;
        ex.variables.push_back({vars->keys[i], domain, vars->values[i].line});
      }
    }
    if (ex.variables.empty()) {
      fail(doc.line, {"the file needs a [variables] table with at least one variable"});
      return ex;
    }
    const Value* fns = entries_of(doc, "functions");
    if (failed()) return ex;
    if (fns) {
      for (std::size_t i = 0; i < fns->keys.size(); ++i) {
        const Value& v = fns->values[i];
        AbstractFunction f{fns->keys[i], {}, v.line};
        if (!v.is_array() || v.items.empty()) {
          fail(v.line, {"function '", f.name, "' needs its parameter list"});
          return ex;
        }
        for (const auto& p : v.items) {
          f.params.push_back(string_of(p, "a function parameter"));
          if (failed()) return ex;
        }
        // A function's name may double as an inner variable name (x = x(a, b)), so no claim_name here.
        if (!valid_name(f.name)) {
          fail(v.line, {"function name '", f.name, "' is not a plain identifier"});
          return ex;
        }
        ex.functions.push_back(std::move(f));
      }
    }
    const Value* params = entries_of(doc, "parameters");
    if (failed()) return ex;
    if (params) {
      for (std::size_t i = 0; i < params->keys.size(); ++i) {
        claim_name(params->keys[i], params->values[i].line, "parameter");
        if (failed()) return ex;
        ex.parameters.push_back(parameter_of(params->keys[i], params->values[i]));
        if (failed()) return ex;
      }
    }
    const Value* defs = entries_of(doc, "define");
    if (failed()) return ex;
    if (defs) {
      for (std::size_t i = 0; i < defs->keys.size(); ++i) {
        claim_name(defs->keys[i], defs->values[i].line, "definition");
        if (failed()) return ex;
        std::string text = string_of(defs->values[i], "a definition");
        if (failed()) return ex;
        ex.definitions.push_back({defs->keys[i], std::move(text), defs->values[i].line});
      }
    }
    const Value* boxes = doc.find("box");
    if (!boxes || !boxes->is_array() || boxes->items.empty()) {
      fail(doc.line, {"the file needs at least one [[box]]"});
      return ex;
    }
    HashSet<std::string> box_ids;
    for (const auto& item : boxes->items) {
      Box b = box_of(item, ex.id);
      if (failed()) return ex;
      if (!box_ids.insert(b.id).second) {
        fail(b.line, {"box id '", b.id, "' is used twice"});
        return ex;
      }
      if (!ex.find_definition(b.of)) {
        fail(b.line, {"'of = \"", b.of, "\"' names no [define] entry"});
        return ex;
      }
      for (const auto& w : b.wrt) {
        const bool declared = std::any_of(ex.variables.begin(), ex.variables.end(),
                                          [&](const Variable& v) { return v.name == w; });
        if (!declared) {
          fail(b.line, {"'wrt' names '", w, "', which is not in [variables]"});
          return ex;
        }
      }
      if (b.plot && !ex.find_definition(b.plot->of)) {
        fail(b.line, {"plot.of names no [define] entry"});
        return ex;
      }
      ex.boxes.push_back(std::move(b));
    }
    return ex;
  }

 private:
  bool failed() const { return failure_.has_value(); }
  void fail(int line, std::initializer_list<std::string_view> parts) {
    if (!failure_) failure_ = Failure{line, concat(parts)};
  }

  // Rejects keys the reader does not know, so a typo ("hint" for "hints") is an
  // error instead of a silently missing feature.
  void allow_only(const Value& table, std::initializer_list<std::string_view> allowed, std::string_view where) {
    for (std::size_t i = 0; i < table.keys.size(); ++i) {
      if (std::find(allowed.begin(), allowed.end(), table.keys[i]) == allowed.end()) {
        fail(table.values[i].line, {"unknown key '", table.keys[i], "' in ", where});
        return;
      }
    }
  }

  // Null when the key is missing, which is an error.
  const Value* require(const Value& table, std::string_view key, std::string_view where) {
    const Value* v = table.find(key);
    if (!v) fail(table.line, {where, " needs '", key, "'"});
    return v;
  }

  // `what` names the value in messages; a value under a key is named
  // "where.key", which is only spelled out when a message needs it.
  std::string string_of(const Value& v, std::string_view what, std::string_view key = {}) {
    if (!v.is_string()) {
      fail(v.line, {what, key.empty() ? "" : ".", key, " must be a string"});
      return {};
    }
    return v.string;
  }

  std::string required_string(const Value& table, std::string_view key, std::string_view where) {
    const Value* v = require(table, key, where);
    return v ? string_of(*v, where, key) : std::string();
  }

  std::string optional_string(const Value& table, std::string_view key, std::string_view where) {
    const Value* v = table.find(key);
    return v ? string_of(*v, where, key) : std::string();
  }

  Text text_of(const Value& v, std::string_view what) {
    Text t;
    if (!v.is_table()) {
      fail(v.line, {what, " must be a table with zh and en"});
      return t;
    }
    allow_only(v, {"zh", "en"}, what);
    if (failed()) return t;
    t.zh = required_string(v, "zh", what);
    if (failed()) return t;
    t.en = required_string(v, "en", what);
    if (failed()) return t;
    if (t.zh.empty() || t.en.empty()) fail(v.line, {what, " needs non-empty zh and en text"});
    return t;
  }

  Text required_text(const Value& table, std::string_view key, std::string_view where) {
    const Value* v = require(table, key, where);
    return v ? text_of(*v, concat({where, ".", key})) : Text{};
  }

  // The items of an array of tables ([[...]]) under `key`; null when absent or not an array.
  const std::vector<Value>* tables_of(const Value& table, std::string_view key, std::string_view not_array) {
    const Value* arr = table.find(key);
    if (!arr) return nullptr;
    if (!arr->is_array()) {
      fail(arr->line, {not_array});
      return nullptr;
    }
    return &arr->items;
  }

  // A table of named entries ([variables], [parameters], ...) under `key`; null when absent or not a table.
  const Value* entries_of(const Value& doc, std::string_view key) {
    const Value* t = doc.find(key);
    if (t && !t->is_table()) {
      fail(t->line, {"[", key, "] must be a table"});
      return nullptr;
    }
    return t;
  }

  // The enumerator named by a string value (`what` in messages); `last` is
  // the enumeration's last, and `choices` follows the name of an unknown one.
  template <class E>
  E enumerator_of(const Value& v, std::string_view what, E last, std::string_view noun, std::string_view choices) {
    const std::string s = string_of(v, what);
    if (failed()) return {};
    if (auto e = named<E>(s, static_cast<int>(last) + 1)) return *e;
    fail(v.line, {"unknown ", noun, " '", s, "'", choices});
    return {};
  }

  Domain domain_of(const Value& v) {
    return enumerator_of(v, "a variable's domain", Domain::VectorNonZero, "domain",
                         " (use real, nonzero, positive or vector-nonzero)");
  }

  BoxKind kind_of(const Value& v) {
    return enumerator_of(v, "box.kind", BoxKind::Choice, "box kind", " (expression, number, vector, line or choice)");
  }

  Task task_of(const Value& v) { return enumerator_of(v, "box.task", Task::InverseDerivativeAt, "task", ""); }

  double number_of(const Value& v, std::string_view what) {
    if (!v.is_number()) {
      fail(v.line, {what, " must be a number"});
      return 0;
    }
    return v.number();
  }

  std::int64_t integer_of(const Value& v, std::string_view what) {
    if (v.type != Value::Type::Integer) {
      fail(v.line, {what, " must be an integer"});
      return 0;
    }
    return v.integer;
  }

  Parameter parameter_of(const std::string& name, const Value& v) {
    Parameter p;
    if (!v.is_table()) {
      fail(v.line, {"parameter '", name, "' must be { book = ..., choices = [...] }"});
      return p;
    }
    const std::string where = concat({"parameter '", name, "'"});
    allow_only(v, {"book", "choices"}, where);
    if (failed()) return p;
    p.name = name;
    p.line = v.line;
    const Value* book = require(v, "book", where);
    if (!book) return p;
    p.book = integer_of(*book, "book");
    if (failed()) return p;
    const Value* choices = require(v, "choices", where);
    if (!choices) return p;
    if (!choices->is_array() || choices->items.empty()) {
      fail(choices->line, {"choices must be a non-empty array of integers"});
      return p;
    }
    for (const auto& c : choices->items) {
      p.choices.push_back(integer_of(c, "each choice"));
      if (failed()) return p;
    }
    // Exact integers only, and small ones: they become exact rationals in the core.
    for (auto c : p.choices) {
      if (c < -1000 || c > 1000) {
        fail(choices->line, {"choices must lie in [-1000, 1000]"});
        return p;
      }
    }
    if (p.book < -1000 || p.book > 1000) {
      fail(v.line, {"book value must lie in [-1000, 1000]"});
      return p;
    }
    return p;
  }

  // A [[box.mistake]] or [[box.choice]] table: two strings (`first`, `second`)
  // and the zh/en text.
  void text_entry(const Value& v, std::string_view where, std::string_view first, std::string_view second,
                  std::string& first_value, std::string& second_value, Text& text) {
    if (!v.is_table()) {
      fail(v.line, {"each [[", where, "]] must be a table"});
      return;
    }
    allow_only(v, {first, second, "zh", "en"}, where);
    if (failed()) return;
    first_value = required_string(v, first, where);
    if (failed()) return;
    second_value = required_string(v, second, where);
    if (failed()) return;
    text.zh = required_string(v, "zh", where);
    if (failed()) return;
    text.en = required_string(v, "en", where);
  }

  Mistake mistake_of(const Value& v) {
    Mistake m;
    m.line = v.line;
    text_entry(v, "box.mistake", "answer", "code", m.answer, m.code, m.text);
    if (failed()) return m;
    if (m.code.empty() || m.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
      fail(v.line, {"a mistake code is lower-case words joined by '-'"});
    return m;
  }

  Choice choice_of(const Value& v) {
    Choice c;
    text_entry(v, "box.choice", "id", "means", c.id, c.means, c.text);
    return c;
  }

  Box box_of(const Value& v, const std::string& exercise_id) {
    Box b;
    if (!v.is_table()) {
      fail(v.line, {"each [[box]] must be a table"});
      return b;
    }
    allow_only(v, {"id", "kind", "task", "of", "wrt", "at", "search", "tolerance", "label", "hint", "solution",
                   "mistake", "choice", "plot"},
               "[[box]]");
    if (failed()) return b;
    b.line = v.line;
    b.id = required_string(v, "id", "[[box]]");
    if (failed()) return b;
    if (b.id.rfind(exercise_id, 0) != 0 && b.id.rfind("calculus.", 0) != 0) {
      fail(v.line, {"box id '", b.id, "' should start with the exercise's namespace"});
      return b;
    }
    const Value* kind = require(v, "kind", "[[box]]");
    if (!kind) return b;
    b.kind = kind_of(*kind);
    if (failed()) return b;
    const Value* task_value = require(v, "task", "[[box]]");
    if (!task_value) return b;
    b.task = task_of(*task_value);
    if (failed()) return b;
    const std::string_view task = to_string(b.task);
    if (kind_for(b.task) != b.kind) {
      fail(kind->line, {"task '", task, "' answers a ", to_string(kind_for(b.task)), " box, not a ", to_string(b.kind),
                        " box"});
      return b;
    }
    b.of = required_string(v, "of", "[[box]]");
    if (failed()) return b;
    if (const Value* w = v.find("wrt")) {
      if (w->is_string()) {
        b.wrt.push_back(w->string);
      } else if (w->is_array()) {
        for (const auto& item : w->items) {
          b.wrt.push_back(string_of(item, "each wrt entry"));
          if (failed()) return b;
        }
      } else {
        fail(w->line, {"wrt must be a variable name or an array of them"});
        return b;
      }
    }
    b.at = optional_string(v, "at", "[[box]]");
    if (failed()) return b;
    if (const Value* s = v.find("search")) {
      if (!s->is_array() || s->items.size() != 2) {
        fail(s->line, {"search must be [low, high]"});
        return b;
      }
      const double lo = number_of(s->items[0], "search low");
      if (failed()) return b;
      const double hi = number_of(s->items[1], "search high");
      if (failed()) return b;
      if (!(lo < hi)) {
        fail(s->line, {"search needs low < high"});
        return b;
      }
      b.search = std::make_pair(lo, hi);
    }
    if (const Value* t = v.find("tolerance")) {
      if (!t->is_table()) {
        fail(t->line, {"tolerance must be { rel = ..., abs = ... }"});
        return b;
      }
      allow_only(*t, {"rel", "abs"}, "tolerance");
      if (failed()) return b;
      if (const Value* r = t->find("rel")) {
        b.tolerance.rel = number_of(*r, "tolerance.rel");
        if (failed()) return b;
      }
      if (const Value* a = t->find("abs")) {
        b.tolerance.abs = number_of(*a, "tolerance.abs");
        if (failed()) return b;
      }
      // A loose tolerance would accept real mistakes; a negative one nothing.
      if (!(b.tolerance.rel >= 0 && b.tolerance.rel <= 1e-3) || !(b.tolerance.abs >= 0 && b.tolerance.abs <= 1e-3)) {
        fail(t->line, {"tolerances must lie in [0, 1e-3]"});
        return b;
      }
    }
    b.label = required_text(v, "label", "[[box]]");
    if (failed()) return b;
    if (const Value* h = v.find("hint")) {
      if (!h->is_array()) {
        fail(h->line, {"[[box.hint]] must be an array of tables ([[...]])"});
        return b;
      }
      for (const auto& item : h->items) {
        b.hints.push_back(text_of(item, "[[box.hint]]"));
        if (failed()) return b;
      }
    }
    if (b.hints.empty()) {
      fail(v.line, {"box '", b.id, "' needs at least one [[box.hint]]"});
      return b;
    }
    b.solution = required_text(v, "solution", "[[box]]");
    if (failed()) return b;
    const std::vector<Value>* mistakes = tables_of(v, "mistake", "mistakes are [[box.mistake]] tables");
    if (failed()) return b;
    if (mistakes) {
      for (const auto& item : *mistakes) {
        b.mistakes.push_back(mistake_of(item));
        if (failed()) return b;
      }
    }
    const std::vector<Value>* choices = tables_of(v, "choice", "choices are [[box.choice]] tables");
    if (failed()) return b;
    if (choices) {
      for (const auto& item : *choices) {
        b.choices.push_back(choice_of(item));
        if (failed()) return b;
      }
    }
    if (b.kind == BoxKind::Choice) {
      if (b.choices.size() < 2) {
        fail(v.line, {"a choice box needs at least two [[box.choice]]"});
        return b;
      }
      const auto claims = claims_for(b.task);
      HashSet<std::string> ids;
      for (const auto& c : b.choices) {
        if (!ids.insert(c.id).second) {
          fail(v.line, {"choice id '", c.id, "' is used twice"});
          return b;
        }
        if (std::find(claims.begin(), claims.end(), c.means) == claims.end()) {
          fail(v.line, {"choice '", c.id, "' means '", c.means, "', which task '", task, "' cannot decide"});
          return b;
        }
      }
    } else if (!b.choices.empty()) {
      fail(v.line, {"only choice boxes have [[box.choice]]"});
      return b;
    }
    if (const Value* p = v.find("plot")) {
      if (!p->is_table()) {
        fail(p->line, {"plot must be { of = ..., xmin = ..., xmax = ... }"});
        return b;
      }
      allow_only(*p, {"of", "xmin", "xmax"}, "plot");
      if (failed()) return b;
      Plot plot;
      plot.of = required_string(*p, "of", "plot");
      if (failed()) return b;
      const Value* xmin = require(*p, "xmin", "plot");
      if (!xmin) return b;
      plot.xmin = number_of(*xmin, "plot.xmin");
      if (failed()) return b;
      const Value* xmax = require(*p, "xmax", "plot");
      if (!xmax) return b;
      plot.xmax = number_of(*xmax, "plot.xmax");
      if (failed()) return b;
      if (!(plot.xmin < plot.xmax)) {
        fail(p->line, {"plot needs xmin < xmax"});
        return b;
      }
      b.plot = plot;
    }
    // Tasks that need a point, a variable or a search interval say so here, with the box's line.
    const bool needs_at = b.task == Task::DerivativeAt || b.task == Task::TangentLine ||
                          b.task == Task::DifferenceQuotientLimit || b.task == Task::DifferentiableAt ||
                          b.task == Task::InverseDerivativeAt;
    const bool needs_wrt = b.task != Task::DifferentiableAt;
    const bool needs_search = b.task == Task::StationaryPoint || b.task == Task::StationaryKind ||
                              b.task == Task::InverseDerivativeAt;
    if (needs_at && b.at.empty()) {
      fail(v.line, {"task '", task, "' needs 'at'"});
      return b;
    }
    if (needs_wrt && b.wrt.empty()) {
      fail(v.line, {"task '", task, "' needs 'wrt'"});
      return b;
    }
    if (b.task != Task::Gradient && b.wrt.size() > 1) {
      fail(v.line, {"only a gradient takes several 'wrt' variables"});
      return b;
    }
    if (needs_search && !b.search) {
      fail(v.line, {"task '", task, "' needs 'search'"});
      return b;
    }
    return b;
  }

  std::optional<Failure> failure_;
};

}  // namespace

LoadResult load_exercise(const toml::Value& document, std::string file) {
  LoadResult out;
  ExerciseReader reader;
  Exercise exercise = reader.exercise_of(document, file);
  if (const auto& failure = reader.failure())
    out.error = LoadError{file, failure->line, failure->message};
  else
    out.exercise = std::move(exercise);
  return out;
}

LoadResult load_exercise(std::string_view text, std::string file) {
  toml::ParseOutcome parsed = toml::parse(text);
  if (parsed.error) return {std::nullopt, LoadError{std::move(file), parsed.error->line, parsed.error->message}};
  return load_exercise(*parsed.document, std::move(file));
}

}  // namespace calc::exercise
