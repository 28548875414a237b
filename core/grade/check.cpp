#include "grade/check.h"

#include "grade/engine.h"
#include "grade/placeholders.h"
#include "grade/reference.h"
#include "print/print.h"

namespace calc::grade {

namespace {

struct Reporter {
  std::vector<std::string>& out;
  const exercise::Exercise& ex;
  std::uint64_t seed;
  void operator()(int line, const std::string& message) const {
    std::string m = ex.file + ":" + std::to_string(line) + ": " + message;
    if (seed != 0) m += " (variant seed " + std::to_string(seed) + ")";
    out.push_back(std::move(m));
  }
};

void check_texts(const Problem& p, const Reporter& report, int line, const std::vector<const exercise::Text*>& texts) {
  for (const exercise::Text* t : texts) {
    std::vector<std::string> errors;
    fill_placeholders(t->zh, p, Language::Zh, &errors);
    fill_placeholders(t->en, p, Language::En, &errors);
    for (const auto& e : errors) report(line, e);
  }
}

void check_box(const exercise::Exercise& ex, const exercise::Box& box, const Reporter& report) {
  const Problem p = make_problem(ex, box, report.seed);
  if (p.error) {
    report(p.error_line, *p.error);
    return;
  }
  const Reference ref = compute_reference(p);
  if (!ref.ok()) {
    report(box.line, "box '" + box.id + "': " + ref.error);
    return;
  }
  std::vector<const exercise::Text*> texts = {&box.label, &box.solution};
  for (const auto& h : box.hints) texts.push_back(&h);
  for (const auto& c : box.choices) texts.push_back(&c.text);
  for (const auto& m : box.mistakes) texts.push_back(&m.text);
  check_texts(p, report, box.line, texts);
  if (box.plot && !p.definition(box.plot->of)) report(box.line, "plot.of '" + box.plot->of + "' names no definition");

  if (box.kind == exercise::BoxKind::Choice) {
    bool stated = false;
    for (const auto& c : box.choices) stated = stated || c.means == ref.claim;
    if (!stated) {
      report(box.line, "box '" + box.id + "': no choice states the computed claim '" + ref.claim + "'");
      return;
    }
  }
  // The worked solution's answer, typed as a learner would, grades correct.
  const ShownAnswer shown = shown_answer(p);
  const Result solved = grade(p, ref, shown.text);
  if (solved.verdict != Verdict::Correct)
    report(box.line, "box '" + box.id + "': the solution's answer '" + shown.text + "' grades " +
                         std::string(to_string(solved.verdict)) +
                         (solved.feedback.empty() ? "" : " (" + solved.feedback[0].code + ")"));

  for (const auto& m : box.mistakes) {
    ParseResult r = parse_author(p, m.answer);
    if (!r.ok()) {
      report(m.line, "mistake '" + m.answer + "' does not parse: " + r.error->message);
      continue;
    }
    const Result g = grade_expr(p, ref, *r.expr);
    const std::string got = g.feedback.empty() ? "" : g.feedback[0].code;
    if (g.verdict != Verdict::Incorrect || got != m.code)
      report(m.line, "mistake '" + m.answer + "' grades " + std::string(to_string(g.verdict)) + " (" + got +
                         "), not incorrect with '" + m.code + "'");
  }
}

}  // namespace

std::vector<std::string> check_catalog(const exercise::Catalog& catalog) {
  std::vector<std::string> out;
  for (const auto& e : catalog.errors) out.push_back(e.format());
  for (const auto& ex : catalog.exercises) {
    for (std::uint64_t seed : kCheckSeeds) {
      const std::size_t before = out.size();
      const Reporter report{out, ex, seed};
      const Problem p = make_problem(ex, ex.boxes.front(), seed);
      if (p.error) {  // a definition that does not parse: nothing else can be checked
        report(p.error_line, *p.error);
        break;
      }
      check_texts(p, report, 1, {&ex.title, &ex.prompt});
      for (const auto& box : ex.boxes) check_box(ex, box, report);
      if (out.size() > before) break;  // one failing variant is enough to report
    }
  }
  return out;
}

}  // namespace calc::grade
