// Generated mutants of every box's reference answer must all be rejected:
// each term's sign flipped, each coefficient moved by ±1 or doubled, each
// term dropped, the variables swapped (x_1 <-> x_2, a <-> b) and the vector
// components swapped. Mutation works on the canonical expression of the
// reference the facade shows (solution_json's answer.text); the mutant is
// printed back to text and graded through grade_json, the learner's path.
// Also: grading is deterministic, whatever else was graded before.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "api/grade_api.h"
#include "calculus/substitute.h"
#include "expr/shape_check.h"
#include "exercise/builtin.h"
#include "grade/problem.h"
#include "numeric_json_reader.h"
#include "print/print.h"

namespace calc {
namespace {

using testing_support::Json;
using testing_support::parse_json;

struct Box {
  std::string id;
  std::uint64_t seed;
  Expr reference;
  std::string reference_text;
  ParseContext context;
};

// Every non-choice box with its reference parsed in the learner's context,
// for the book's numbers (seed 0) and two variants.
std::vector<Box> boxes() {
  std::vector<Box> out;
  for (const auto& ex : exercise::builtin_catalog().exercises) {
    for (const auto& box : ex.boxes) {
      if (box.kind == exercise::BoxKind::Choice) continue;  // its mutants are the other choices (grade_boxes_test)
      for (std::uint64_t seed : {0, 1, 2}) {
        const grade::Problem p = grade::make_problem(ex, box, seed);
        const std::string text = parse_json(api::solution_json(box.id, seed))["answer"]["text"].string;
        ParseResult r = parse(text, p.learner);
        EXPECT_TRUE(r.ok()) << box.id << " seed " << seed << ": reference '" << text << "' does not parse";
        if (r.ok()) out.push_back({box.id, seed, *r.expr, text, p.learner});
      }
    }
  }
  return out;
}

void collect(const Expr& e, std::vector<Expr>& nodes, std::unordered_set<const Node*>& seen) {
  if (!seen.insert(e.get()).second) return;
  nodes.push_back(e);
  for_each_child(e, [&](const Expr& c) { collect(c, nodes, seen); });
}

// Local mutants of one Add, Mul or Vector node.
std::vector<Expr> local_mutants(const Expr& e) {
  std::vector<Expr> out;
  auto coefficient_moves = [](const Number& c) {
    const Number one = Number::integer(1);
    return std::vector<Number>{c + one, c - one, c * Number::integer(2), -c};
  };
  if (e.is(Kind::Add)) {
    const auto& a = static_cast<const AddNode&>(*e);
    auto rebuild = [&](const Number& constant, std::size_t i, const Number* coef) {
      std::vector<Expr> terms{number(constant)};
      for (std::size_t j = 0; j < a.terms().size(); ++j) {
        if (j == i && !coef) continue;  // dropped
        terms.push_back(mul(number(j == i ? *coef : a.terms()[j].second), a.terms()[j].first));
      }
      return add(terms);
    };
    const std::size_t none = a.terms().size();
    if (e->shape() == Shape::Scalar) {  // a vector sum has no scalar constant to move
      for (const Number& c : coefficient_moves(a.constant())) out.push_back(rebuild(c, none, nullptr));
      if (!a.constant().is_zero()) out.push_back(rebuild(Number(), none, nullptr));  // constant dropped
    }
    for (std::size_t i = 0; i < a.terms().size(); ++i) {
      out.push_back(rebuild(a.constant(), i, nullptr));
      for (const Number& c : coefficient_moves(a.terms()[i].second)) out.push_back(rebuild(a.constant(), i, &c));
    }
  } else if (e.is(Kind::Mul)) {
    const auto& m = static_cast<const MulNode&>(*e);
    std::vector<Expr> factors;
    for (const auto& [b, x] : m.factors()) factors.push_back(pow(b, x));
    for (const Number& c : coefficient_moves(m.coefficient())) out.push_back(mul(number(c), mul(factors)));
  } else if (e.is(Kind::Vector)) {
    const auto els = static_cast<const VectorNode&>(*e).elements();
    for (std::size_t i = 0; i + 1 < els.size(); ++i) {
      std::vector<Expr> swapped(els.begin(), els.end());
      std::swap(swapped[i], swapped[i + 1]);
      out.push_back(vector(swapped));
    }
  }
  return out;
}

std::vector<Expr> mutants(const Box& box) {
  const Expr& ref = box.reference;
  std::vector<Expr> out;
  std::vector<Expr> nodes;
  std::unordered_set<const Node*> seen;
  collect(ref, nodes, seen);
  for (const Expr& n : nodes) {
    // A coefficient move that makes the node ill-shaped (0 times a vector
    // term) is not a typeable answer.
    ShapeCheck check;
    std::vector<Expr> built;
    for (const Expr& m : local_mutants(n)) built.push_back(substitute(ref, Substitution{{n, m}}));
    if (!check.failed()) out.insert(out.end(), built.begin(), built.end());
  }
  if (!ref.is(Kind::Equation)) {  // a whole line equation scaled is the same line
    out.push_back(neg(ref));
    out.push_back(mul(integer(2), ref));
  }
  if (ref->shape() == Shape::Scalar && !ref.is(Kind::Equation)) {
    out.push_back(add(ref, integer(1)));
    out.push_back(sub(ref, integer(1)));
  }
  // Swapped variables, where the box has both of a pair.
  const std::vector<std::string> names = free_symbols(ref);
  auto has = [&](const std::string& s) { return std::find(names.begin(), names.end(), s) != names.end(); };
  for (const auto& [u, v] : {std::pair<std::string, std::string>{"x_1", "x_2"}, {"a", "b"}})
    if (has(u) && has(v)) out.push_back(substitute(ref, Substitution{{symbol(u), symbol(v)}, {symbol(v), symbol(u)}}));
  // Structurally equal "mutants" (2*0 = 0) are not mutants.
  std::vector<Expr> distinct;
  for (const Expr& m : out)
    if (m != ref && std::find(distinct.begin(), distinct.end(), m) == distinct.end()) distinct.push_back(m);
  return distinct;
}

std::string verdict_of(const std::string& json) { return parse_json(json)["verdict"].string; }

TEST(GradeMutants, EveryMutantOfEveryReferenceIsRejected) {
  std::size_t graded = 0;
  for (const Box& box : boxes()) {
    ASSERT_EQ(verdict_of(api::grade_json(box.id, box.reference_text, box.seed)), "correct")
        << box.id << " seed " << box.seed << ": its own reference '" << box.reference_text << "'";
    const auto ms = mutants(box);
    EXPECT_GE(ms.size(), 2u) << box.id;  // 2 for a reference of 0 (±1); dozens for expressions
    for (const Expr& m : ms) {
      const std::string text = to_text(m);
      const std::string json = api::grade_json(box.id, text, box.seed);
      EXPECT_EQ(verdict_of(json), "incorrect")
          << box.id << " seed " << box.seed << " | mutant " << text << " | " << json.substr(0, 300);
      ++graded;
    }
  }
  EXPECT_GT(graded, 100u);
}

TEST(GradeMutants, SwappedVariablesAndComponentsAreAmongTheMutants) {
  // Guards the generator itself: a generator that stopped producing these
  // would make the test above pass vacuously for them.
  for (const Box& box : boxes()) {
    const auto ms = mutants(box);
    auto contains = [&](const std::string& text) {
      for (const Expr& m : ms)
        if (to_text(m) == to_text(*parse(text, box.context).expr)) return true;
      return false;
    };
    if (box.seed != 0) continue;  // the texts below are the book's numbers
    if (box.id == "calculus.ex2-gradient") {
      EXPECT_TRUE(contains("[5*e^(x_2), 6*x_1]")) << "swapped components";
      EXPECT_TRUE(contains("[6*x_2, 5*e^(x_1)]")) << "swapped variables";
      EXPECT_TRUE(contains("[-6*x_1, 5*e^(x_2)]")) << "one sign flipped";
    }
    if (box.id == "calculus.ex1-tangent/line") {
      EXPECT_TRUE(contains("y = 4*x + 4"));
      EXPECT_TRUE(contains("y = 4*x"));
    }
  }
}

TEST(GradeMutants, GradingIsDeterministicWhateverCameBefore) {
  struct Graded {
    std::string box, answer, json;
  };
  std::vector<Graded> first;
  for (const Box& box : boxes()) {
    if (box.seed != 0) continue;
    first.push_back({box.id, box.reference_text, ""});
    for (const Expr& m : mutants(box)) first.push_back({box.id, to_text(m), ""});
  }
  for (auto& g : first) g.json = api::grade_json(g.box, g.answer, 0);
  // Again, in reverse order and twice in a row: the same JSON, byte for byte.
  for (auto it = first.rbegin(); it != first.rend(); ++it) {
    EXPECT_EQ(api::grade_json(it->box, it->answer, 0), it->json) << it->box << " | " << it->answer;
    EXPECT_EQ(api::grade_json(it->box, it->answer, 0), it->json) << it->box << " | " << it->answer;
  }
}

}  // namespace
}  // namespace calc
