#include "api/grade_api.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

#include "api/exercise_files.h"
#include "api/json.h"
#include "exercise/catalog.h"
#include "grade/box_cache.h"
#include "grade/engine.h"
#include "grade/placeholders.h"
#include "grade/problem.h"
#include "grade/reference.h"
#include "numeric/evaluate.h"
#include "print/print.h"

namespace calc::api {

namespace {

using grade::Language;

std::string error_json(std::string_view code, std::string_view en, std::string_view zh) {
  return json::error_json({std::string(code), std::string(en), std::string(zh), {}, {}});
}

std::string unknown_box() { return error_json("unknown-box", "No answer box has this id.", "没有这个编号的答题框。"); }
std::string unknown_exercise() { return error_json("unknown-exercise", "No exercise has this id.", "没有这个编号的练习。"); }

// The page grades answer after answer in one box; keeping a few dozen
// prepared boxes (a whole section's worth) makes every answer after a box's
// first one skip the reference, the sample and the candidates.
constexpr std::size_t kCachedBoxes = 48;

// The loaded catalog and the boxes prepared from it. The cache refers to the
// catalog beside it, so a load replaces the two together.
struct Loaded {
  explicit Loaded(exercise::Catalog c) : catalog(std::move(c)) {}
  exercise::Catalog catalog;
  grade::BoxCache cache{catalog, kCachedBoxes};
};

// One caller at a time: the page's worker and the CLI are single-threaded.
// (A std::mutex here kept libc++'s system_error, and with it printf, in
// the wasm module: 6 KB gzip.) Empty until the first load.
std::unique_ptr<Loaded>& loaded() {
  static std::unique_ptr<Loaded> state = std::make_unique<Loaded>(exercise::Catalog{});
  return state;
}

const exercise::Catalog& catalog() { return loaded()->catalog; }

// "zh" and "en" members: a bilingual text with its placeholders filled.
void texts(json::Writer& w, const exercise::Text& t, const grade::Problem& p) {
  w.key("zh");
  w.value(grade::fill_placeholders(t.zh, p, Language::Zh));
  w.key("en");
  w.value(grade::fill_placeholders(t.en, p, Language::En));
}

void text_object(json::Writer& w, std::string_view key, const exercise::Text& t, const grade::Problem& p) {
  w.key(key);
  w.begin_object();
  texts(w, t, p);
  w.end_object();
}

void box_json(json::Writer& w, const exercise::Exercise& ex, const exercise::Box& box, std::uint64_t seed) {
  const grade::Problem p = grade::make_problem(ex, box, seed);
  w.begin_object();
  w.key("id");
  w.value(box.id);
  w.key("kind");
  w.value(exercise::to_string(box.kind));
  w.key("task");
  w.value(exercise::to_string(box.task));
  text_object(w, "label", box.label, p);
  if (!box.choices.empty()) {
    w.key("choices");
    w.begin_array();
    for (const auto& c : box.choices) {
      w.begin_object();
      w.key("id");
      w.value(c.id);
      texts(w, c.text, p);
      w.end_object();
    }
    w.end_array();
  }
  w.key("hintCount");
  w.value(static_cast<std::int64_t>(box.hints.size()));
  w.key("variables");
  w.begin_array();
  for (const auto& s : p.learner.scalars) w.value(s);
  for (const auto& v : p.learner.vectors) w.value(v);
  w.end_array();
  if (box.plot) {
    w.key("plot");
    w.begin_object();
    w.key("of");
    w.value(box.plot->of);
    // A variant may move the point of contact out of the file's range; the
    // range then grows to show it with a margin of 1.
    double xmin = box.plot->xmin, xmax = box.plot->xmax;
    if (p.at) {
      const double at = evaluate(p.at, {});
      if (std::isfinite(at)) {
        xmin = std::min(xmin, at - 1);
        xmax = std::max(xmax, at + 1);
      }
    }
    w.key("xmin");
    w.value(xmin);
    w.key("xmax");
    w.value(xmax);
    // The plotted function with this variant's numbers, in parser syntax, so
    // the page can hand it to samplePlot.
    if (const Expr* f = p.definition(box.plot->of)) {
      w.key("expr");
      w.value(to_text(*f));
    }
    w.end_object();
  }
  w.end_object();
}

void exercise_json(json::Writer& w, const exercise::Exercise& ex, std::uint64_t seed) {
  const grade::Problem p = grade::make_problem(ex, ex.boxes.front(), seed);
  w.begin_object();
  w.key("id");
  w.value(ex.id);
  w.key("seed");
  w.value(static_cast<std::int64_t>(seed));
  text_object(w, "title", ex.title, p);
  text_object(w, "prompt", ex.prompt, p);
  w.key("boxes");
  w.begin_array();
  for (const auto& b : ex.boxes) box_json(w, ex, b, seed);
  w.end_array();
  w.end_object();
}

}  // namespace

void load_catalog(exercise::Catalog catalog) { loaded() = std::make_unique<Loaded>(std::move(catalog)); }

std::string load_exercises_json(std::string_view files_json) {
  const json::ApiResult<std::vector<exercise::TreeFile>> files = read_exercise_trees(files_json);
  if (!files.ok()) return json::error_json(files.error());
  load_catalog(exercise::build_catalog_from_trees(*files));
  const exercise::Catalog& c = catalog();
  json::Writer w;
  w.begin_object();
  w.key("exercises");
  w.value(static_cast<std::int64_t>(c.exercises.size()));
  w.key("boxes");
  w.value(static_cast<std::int64_t>(c.box_count()));
  w.key("errors");
  w.begin_array();
  for (const auto& e : c.errors) load_error_json(w, e);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string catalog_json() {
  json::Writer w;
  w.begin_object();
  w.key("exercises");
  w.begin_array();
  for (const auto& ex : catalog().exercises) exercise_json(w, ex, 0);
  w.end_array();
  w.end_object();
  return w.take();
}

std::string preview_json(std::string_view box_id, std::string_view text) {
  const auto [ex, box] = catalog().find_box(box_id);
  if (!box) return unknown_box();
  const grade::Problem p = grade::make_problem(*ex, *box, 0);
  json::Writer w;
  w.begin_object();
  if (box->kind == exercise::BoxKind::Choice) {
    w.key("ok");
    w.value(true);
    w.key("latex");
    w.value("");
    w.key("text");
    w.value(text);
    w.end_object();
    return w.take();
  }
  const ParseResult r = parse(text, p.learner);
  w.key("ok");
  w.value(r.ok());
  if (r.ok()) {
    w.key("latex");
    w.value(to_latex(*r.expr));
    w.key("text");
    w.value(to_text(*r.expr));
  } else {
    json::error_member(w, json::api_error(*r.error));
  }
  w.end_object();
  return w.take();
}

std::string grade_json(std::string_view box_id, std::string_view answer, std::uint64_t seed) {
  grade::PreparedBox* box = loaded()->cache.find(box_id, seed);
  if (!box) return unknown_box();
  const grade::Result r = grade::grade(*box, answer);
  json::Writer w;
  w.begin_object();
  w.key("verdict");
  w.value(grade::to_string(r.verdict));
  w.key("score");
  w.value(r.score);
  w.key("feedback");
  w.begin_array();
  for (const auto& f : r.feedback) {
    w.begin_object();
    w.key("code");
    w.value(f.code);
    w.key("zh");
    w.value(f.zh);
    w.key("en");
    w.value(f.en);
    w.end_object();
  }
  w.end_array();
  if (r.position) {
    w.key("position");
    w.value(static_cast<std::int64_t>(*r.position));
    w.key("length");
    w.value(static_cast<std::int64_t>(r.length.value_or(1)));
  }
  if (!r.latex.empty()) {
    w.key("latex");
    w.value(r.latex);
  }
  w.end_object();
  return w.take();
}

std::string hint_json(std::string_view box_id, int index, std::uint64_t seed) {
  const auto [ex, box] = catalog().find_box(box_id);
  if (!box) return unknown_box();
  if (index < 0 || static_cast<std::size_t>(index) >= box->hints.size())
    return error_json("no-such-hint", "There is no further hint.", "没有更多提示了。");
  const grade::Problem p = grade::make_problem(*ex, *box, seed);
  const auto& h = box->hints[static_cast<std::size_t>(index)];
  json::Writer w;
  w.begin_object();
  texts(w, h, p);
  w.key("index");
  w.value(index);
  w.key("count");
  w.value(static_cast<std::int64_t>(box->hints.size()));
  w.end_object();
  return w.take();
}

std::string solution_json(std::string_view box_id, std::uint64_t seed) {
  const auto [ex, box] = catalog().find_box(box_id);
  if (!box) return unknown_box();
  const grade::Problem p = grade::make_problem(*ex, *box, seed);
  const grade::ShownAnswer a = grade::shown_answer(p);
  json::Writer w;
  w.begin_object();
  texts(w, box->solution, p);
  w.key("answer");
  w.begin_object();
  w.key("text");
  w.value(a.text);
  w.key("latex");
  w.value(a.latex);
  w.end_object();
  w.end_object();
  return w.take();
}

std::string variant_json(std::string_view exercise_id, std::uint64_t seed) {
  const exercise::Exercise* ex = catalog().find_exercise(exercise_id);
  if (!ex) return unknown_exercise();
  json::Writer w;
  exercise_json(w, *ex, seed);
  return w.take();
}

}  // namespace calc::api
