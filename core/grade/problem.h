#pragma once
// One box of one exercise under one variant's parameter values, ready to be
// graded: the parse contexts (the learner's and the author's) and the
// exercise's definitions parsed into expressions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exercise/model.h"
#include "exercise/variant.h"
#include "expr/expr.h"
#include "parse/parser.h"
#include "util/hash_index.h"

namespace calc::grade {

struct Problem {
  const exercise::Exercise* exercise = nullptr;
  const exercise::Box* box = nullptr;
  exercise::ParameterValues parameters;
  // What a learner may type: variables, vector variables, abstract functions
  // and definitions (so ∂u/∂a is recognized), plus y for a line box.
  ParseContext learner;
  // The learner's context plus the parameters, for text written by authors
  // (definitions, `at`, declared mistakes): it follows the variants.
  ParseContext author;
  HashMap<std::string, Expr> definitions;
  // A problem whose definitions or `at` do not parse carries the first error,
  // as "line: message" material for `workbook check`.
  std::optional<std::string> error;
  int error_line = 0;

  const Expr* definition(const std::string& name) const;
  // The box's `of` and its `wrt` variables.
  Expr of() const;
  std::vector<Expr> wrt() const;
  // Declared vector variable (null when the exercise has none).
  Expr vector_variable() const;
  bool has_functions() const { return !exercise->functions.empty(); }
  Expr at;  // the box's `at` point; null when unused
};

Problem make_problem(const exercise::Exercise& ex, const exercise::Box& box, std::uint64_t seed);

// Parses author text (a definition, `at`, a declared mistake) in the author context.
ParseResult parse_author(const Problem& p, std::string_view text);

}  // namespace calc::grade
