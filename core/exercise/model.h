#pragma once
// The exercise model: what one exercise file declares (functions, variables,
// parameters and tasks, never answers). It is plain data with the line each
// item came from; the grade/ layer turns it into expressions and references.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calc::toml {
class Value;
}

namespace calc::exercise {

struct Text {
  std::string zh;
  std::string en;
};

enum class BoxKind { Expression, Number, Vector, Line, Choice };

// What the core computes a box's reference from.
enum class Task {
  Derivative,               // d(of)/d(wrt); also the chain rule when `of` uses abstract functions
  DerivativeAt,             // d(of)/d(wrt) at wrt = at
  TangentLine,              // y = f(at) + f'(at)(x - at)
  DifferenceQuotientLimit,  // lim_{h->0} (f(at+h) - f(at))/h
  Gradient,                 // [d(of)/d(wrt_1), ...]
  VectorGradient,           // gradient wrt a vector variable of unspecified dimension
  DifferentiableAt,         // choice: is `of` differentiable at the point `at`
  StationaryPoint,          // the unique root of f' on `search`
  StationaryKind,           // choice: minimum / maximum / neither at that root
  InverseDerivativeAt,      // (f^-1)'(at) = 1 / f'(f^-1(at))
};

enum class Domain {
  Real,           // x in R
  NonZero,        // x in R \ {0}
  Positive,       // x > 0
  VectorNonZero,  // x in R^n \ {0}, n unspecified
};

struct Variable {
  std::string name;
  Domain domain = Domain::Real;
  int line = 0;
};

// An integer coefficient that variants redraw; `book` is the book's value.
struct Parameter {
  std::string name;
  std::int64_t book = 0;
  std::vector<std::int64_t> choices;
  int line = 0;
};

struct Definition {
  std::string name;
  std::string text;  // an expression over variables, parameters and earlier definitions
  int line = 0;
};

struct AbstractFunction {
  std::string name;
  std::vector<std::string> params;
  int line = 0;
};

struct Choice {
  std::string id;
  std::string means;  // the mathematical claim the choice makes; the core decides which claim is true
  Text text;
};

// A wrong answer an author anticipates, with the feedback it deserves. The
// answer may use parameters and definitions, so it follows the variants.
struct Mistake {
  std::string answer;
  std::string code;
  Text text;
  int line = 0;
};

struct Plot {
  std::string of;
  double xmin = 0;
  double xmax = 1;
};

struct Tolerance {
  double rel = 1e-9;
  double abs = 1e-12;
};

struct Box {
  std::string id;
  BoxKind kind = BoxKind::Expression;
  Task task = Task::Derivative;
  std::string of;                // a definition name
  std::vector<std::string> wrt;  // variable names (one, or several for a gradient)
  std::string at;                // an expression over parameters/definitions; empty when unused
  std::optional<std::pair<double, double>> search;
  Tolerance tolerance;
  Text label;
  std::vector<Text> hints;
  Text solution;
  std::vector<Mistake> mistakes;
  std::vector<Choice> choices;
  std::optional<Plot> plot;
  int line = 0;
};

struct Exercise {
  std::string id;
  std::string file;  // for file:line messages
  int order = 0;
  Text title;
  Text prompt;
  std::vector<Variable> variables;
  std::vector<AbstractFunction> functions;
  std::vector<Parameter> parameters;
  std::vector<Definition> definitions;
  std::vector<Box> boxes;

  const Box* find_box(std::string_view box_id) const;
  const Definition* find_definition(std::string_view name) const;
};

struct LoadError {
  std::string file;
  int line = 0;
  std::string message;
  std::string format() const;  // "file:line: message", or "file: message" for line 0 (a tree read from JSON)
};

struct LoadResult {
  std::optional<Exercise> exercise;
  std::optional<LoadError> error;
};

// Validates one exercise file's document (structure only; whether the
// expressions parse and the references compute is checked by grade/check.h).
// Its values' lines go into the items and the error; 0 for a tree read from
// JSON (exercise/tree_json.h), which carries none.
LoadResult load_exercise(const toml::Value& document, std::string file);
// The same from the file's TOML text.
LoadResult load_exercise(std::string_view text, std::string file);

std::string_view to_string(BoxKind k);
std::string_view to_string(Task t);
std::string_view to_string(Domain d);

}  // namespace calc::exercise
