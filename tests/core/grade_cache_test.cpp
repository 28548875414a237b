// Prepared boxes and their cache (grade/prepared.h, grade/box_cache.h) must
// not change a single verdict: a box grades the same whether it is fresh,
// warmed by other answers in any order, or served from the cache, and variants
// of one box never share an entry. The cache stays bounded.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "api/grade_api.h"
#include "exercise/builtin.h"
#include "exercise/catalog.h"
#include "facade_environment.h"
#include "grade/box_cache.h"
#include "grade/engine.h"
#include "grade/placeholders.h"
#include "grade/prepared.h"
#include "grade/problem.h"
#include "grade/reference.h"
#include "grade/scenarios.h"
#include "numeric/evaluate.h"
#include "parse/parser.h"

namespace {

using namespace calc;
using grade::BoxCache;
using grade::CandidateColumns;
using grade::Column;
using grade::PreparedBox;
using grade::Problem;
using grade::Reference;
using grade::Result;
using grade::Sampled;
using grade::Verdict;

// Everything a Result says, in one comparable string.
std::string describe(const Result& r) {
  std::string s = std::string(grade::to_string(r.verdict)) + " score=" + std::to_string(r.score) + " latex=" + r.latex;
  for (const auto& f : r.feedback) s += " [" + f.code + ": " + f.en + " | " + f.zh + "]";
  if (r.position) s += " at " + std::to_string(*r.position) + "+" + std::to_string(r.length.value_or(0));
  return s;
}

// Answers that take every path of a box: its solution, each declared
// mistake as typed, structural slips and unparsable or off-kind text.
std::vector<std::string> answers_for(const exercise::Box& box, const Problem& p) {
  std::vector<std::string> out = {grade::shown_answer(p).text, "0", "x", "1/0", "[1, 2]", "y = 2x", "(", "f_x x_a"};
  for (const auto& m : box.mistakes) out.push_back(m.answer);
  for (const auto& c : box.choices) out.push_back(c.id);
  return out;
}

struct BoxCase {
  const exercise::Exercise* ex;
  const exercise::Box* box;
  std::uint64_t seed;
};

std::vector<BoxCase> all_boxes() {
  std::vector<BoxCase> out;
  for (const auto& ex : exercise::builtin_catalog().exercises)
    for (const auto& box : ex.boxes)
      for (std::uint64_t seed : {0u, 3u}) out.push_back({&ex, &box, seed});
  return out;
}

TEST(GradeCache, WarmBoxGradesLikeFreshInEitherOrder) {
  std::size_t compared = 0;
  for (const auto& c : all_boxes()) {
    const Problem p = grade::make_problem(*c.ex, *c.box, c.seed);
    const Reference ref = grade::compute_reference(p);
    const std::vector<std::string> answers = answers_for(*c.box, p);
    std::vector<std::string> fresh;
    for (const auto& a : answers) fresh.push_back(describe(grade::grade(p, ref, a)));
    // One prepared box warmed front to back (right answer first), another
    // back to front (the candidates built by a wrong answer first).
    PreparedBox forward(*c.ex, *c.box, c.seed), backward(*c.ex, *c.box, c.seed);
    for (std::size_t i = 0; i < answers.size(); ++i) {
      EXPECT_EQ(describe(grade::grade(forward, answers[i])), fresh[i]) << c.box->id << " seed " << c.seed << ": " << answers[i];
      const std::size_t j = answers.size() - 1 - i;
      EXPECT_EQ(describe(grade::grade(backward, answers[j])), fresh[j]) << c.box->id << " seed " << c.seed << ": " << answers[j];
      ++compared;
    }
    // And once more, everything warm.
    for (std::size_t i = 0; i < answers.size(); ++i)
      EXPECT_EQ(describe(grade::grade(forward, answers[i])), fresh[i]) << c.box->id << ": " << answers[i];
  }
  EXPECT_GT(compared, 100u);
}

TEST(GradeCache, CachedJsonIsTheUncachedJson) {
  // Uncached: the catalog is loaded afresh before each answer, which empties
  // the API's cache, so the box is prepared for that answer alone.
  std::vector<std::string> expected;
  for (const auto& c : all_boxes()) {
    const Problem p = grade::make_problem(*c.ex, *c.box, c.seed);
    for (const auto& a : answers_for(*c.box, p)) {
      testing_support::reload_builtin_catalog();
      expected.push_back(api::grade_json(c.box->id, a, c.seed));
    }
  }
  // Cached: one load, each box warmed by the answers before.
  testing_support::reload_builtin_catalog();
  std::size_t i = 0;
  for (const auto& c : all_boxes()) {
    const Problem p = grade::make_problem(*c.ex, *c.box, c.seed);
    for (const auto& a : answers_for(*c.box, p)) {
      EXPECT_EQ(api::grade_json(c.box->id, a, c.seed), expected[i]) << c.box->id << ": " << a;
      EXPECT_EQ(api::grade_json(c.box->id, a, c.seed), expected[i]) << c.box->id << " (warm): " << a;
      ++i;
    }
  }
  EXPECT_EQ(i, expected.size());
}

// The values by name, to compare two variants' parameters.
std::map<std::string, std::int64_t> by_name(const exercise::ParameterValues& values) {
  return {values.begin(), values.end()};
}

TEST(GradeCache, VariantsOfOneBoxDoNotShareAnEntry) {
  const std::string id = "calculus.ex1-tangent/derivative";
  const auto [ex, box] = exercise::builtin_catalog().find_box(id);
  ASSERT_NE(box, nullptr);
  // Two seeds whose parameters differ, so their right answers differ.
  std::uint64_t other = 1;
  while (by_name(exercise::parameter_values(*ex, other)) == by_name(exercise::parameter_values(*ex, 0))) ++other;
  BoxCache cache(exercise::builtin_catalog(), 8);
  PreparedBox* book = cache.find(id, 0);
  PreparedBox* variant = cache.find(id, other);
  ASSERT_NE(book, nullptr);
  ASSERT_NE(variant, nullptr);
  EXPECT_NE(book, variant);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(by_name(book->problem().parameters), by_name(variant->problem().parameters));
  const std::string book_answer = grade::shown_answer(book->problem()).text;
  const std::string variant_answer = grade::shown_answer(variant->problem()).text;
  EXPECT_EQ(grade::grade(*book, book_answer).verdict, Verdict::Correct);
  EXPECT_EQ(grade::grade(*variant, variant_answer).verdict, Verdict::Correct);
  // Each entry still grades as its own variant after the other was warmed.
  EXPECT_NE(grade::grade(*cache.find(id, 0), variant_answer).verdict, Verdict::Correct);
  EXPECT_NE(grade::grade(*cache.find(id, other), book_answer).verdict, Verdict::Correct);
  EXPECT_EQ(cache.find(id, 0), book);
}

TEST(GradeCache, EvictsTheLeastRecentlyUsedBeyondItsCapacity) {
  BoxCache cache(exercise::builtin_catalog(), 2);
  const std::string a = "calculus.example-derivative", b = "calculus.example-limit", c = "calculus.ex2-gradient";
  ASSERT_NE(cache.find(a, 0), nullptr);
  ASSERT_NE(cache.find(b, 0), nullptr);
  ASSERT_NE(cache.find(a, 0), nullptr);  // a is now the most recently used
  ASSERT_NE(cache.find(c, 0), nullptr);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_TRUE(cache.contains(a, 0));
  EXPECT_FALSE(cache.contains(b, 0));
  EXPECT_TRUE(cache.contains(c, 0));
  // An evicted box is prepared again and grades as before.
  PreparedBox* again = cache.find(b, 0);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(grade::grade(*again, "2").verdict, Verdict::Correct);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.contains(a, 0));
}

TEST(GradeCache, UnknownBoxIsNotCached) {
  BoxCache cache(exercise::builtin_catalog(), 4);
  EXPECT_EQ(cache.find("calculus.no-such-box", 0), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_NE(api::grade_json("calculus.no-such-box", "1", 0).find("unknown-box"), std::string::npos);
}

// Columns come from batched tapes; they must agree with the tree-walking
// evaluator at every point, undefined exactly where it is undefined, and
// within rounding far inside the grading tolerance of 1e-9 (the two order
// the operations of a long instantiated chain-rule sum differently).
void expect_columns_match_evaluator(const Sampled& s, const std::vector<Expr>& exprs) {
  for (const Expr& e : exprs) {
    const Column c = s.evaluate(e);
    ASSERT_EQ(c.size(), s.table.points.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
      const auto& sc = s.set.scenarios[s.table.scenario[i]];
      const std::vector<double> v = evaluate_vector(sc.lower ? (*sc.lower)(e) : e, s.table.points[i]);
      const bool defined = !v.empty() && std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
      ASSERT_EQ(c.defined(i), defined) << "point " << i;
      if (!defined) continue;
      ASSERT_EQ(c[i].size(), v.size());
      for (std::size_t k = 0; k < v.size(); ++k) EXPECT_NEAR(c[i][k], v[k], 1e-11 * (1 + std::fabs(v[k])));
    }
  }
}

TEST(GradeCache, TapeColumnsAgreeWithTheEvaluator) {
  {
    const auto [ex, box] = exercise::builtin_catalog().find_box("calculus.example-derivative");
    ASSERT_NE(box, nullptr);
    PreparedBox prepared(*ex, *box, 0);
    std::vector<Expr> exprs = {prepared.reference().expr};
    for (const char* text : {"1/(x-1)", "ln(x)", "sqrt(x) + x^(1/3)", "[x, 1/x]", "0^x"}) {
      ParseResult r = parse(text, prepared.problem().learner);
      ASSERT_TRUE(r.ok()) << text;
      exprs.push_back(*r.expr);
    }
    expect_columns_match_evaluator(prepared.sampled(), exprs);
    // A symbol the scenario does not sample has no value anywhere.
    const Column unbound = prepared.sampled().evaluate(symbol("q"));
    ASSERT_EQ(unbound.size(), prepared.sampled().table.points.size());
    for (std::size_t i = 0; i < unbound.size(); ++i) EXPECT_FALSE(unbound.defined(i)) << "point " << i;
  }
  for (const char* id : {"calculus.ex4-chain-rule/a", "calculus.ex3-norm-gradient", "calculus.ex2-gradient"}) {
    const auto [ex, box] = exercise::builtin_catalog().find_box(id);
    ASSERT_NE(box, nullptr) << id;
    PreparedBox prepared(*ex, *box, 0);
    std::vector<Expr> exprs = {prepared.reference().expr};
    CandidateColumns& candidates = prepared.expression_candidates();
    for (std::size_t i = 0; i < candidates.size() && i < 6; ++i) exprs.push_back(candidates[i].expr);
    expect_columns_match_evaluator(prepared.sampled(), exprs);
  }
}

}  // namespace
