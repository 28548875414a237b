#pragma once
// What a name means in one ParseContext: declared variables, abstract
// functions and definitions first, then built-in functions and constants,
// then (with implicit_scalars) any single letter. Names are compared in their
// canonical spelling, so a context may declare "x1", "x_1", "x_{1}" or "x₁".
#include <string>
#include <string_view>

#include "expr/expr.h"
#include "expr/functions.h"
#include "parse/parser.h"
#include "util/hash_index.h"

namespace calc::parsing {

// "x", 1 -> "x_1"; "x", -1 -> "x".
std::string canonical_name(std::string_view letters, int index);
// "x1", "x_1", "x_{1}", "x₁" -> "x_1"; other names are returned unchanged.
std::string normalize_name(std::string_view name);

class Scope {
 public:
  enum class What {
    Nothing,
    Scalar,      // declared, or a single letter under implicit_scalars
    Vector,
    Matrix,
    Function,    // declared abstract function
    Definition,  // a name for an expression
    Builtin,     // sin, ln, ... (FunctionRecord)
    Dot,         // dot(a, b) = transpose(a) * b
    Norm,        // norm(x)
    Constant,    // e, pi, π
  };
  struct Entry {
    What what = What::Nothing;
    bool declared = false;  // named in the context (not implicit, not built in)
    const ParseContext::AbstractFunction* function = nullptr;
    const ParseContext::Definition* definition = nullptr;
    const FunctionRecord* builtin = nullptr;
    ConstantId constant = ConstantId::E;
  };

  // Points into ctx's functions and definitions: ctx must outlive the scope
  // and stay unchanged.
  explicit Scope(const ParseContext& ctx);

  Entry lookup(std::string_view letters, int index) const;
  bool is_function_like(const Entry& e) const {
    return e.what == What::Function || e.what == What::Builtin || e.what == What::Dot || e.what == What::Norm;
  }

  // The expression a variable entry stands for (x, x_1, vector x, matrix A).
  Expr variable(std::string_view letters, int index, What what) const;
  // f applied to its declared parameters, each parameter itself expanded when
  // it is a declared function (u = f(x, y, z) with x = x(a, b)).
  Expr bare_function(const ParseContext::AbstractFunction& f) const;
  // What a parameter or derivative variable name stands for: a declared
  // function of its own parameters, a declared vector, or a scalar symbol.
  Expr parameter(std::string_view name) const;
  // Code points in the longest name lookup() can find: a bound on the pieces
  // tried when a run of letters is split.
  std::size_t max_name_length() const { return max_name_length_; }
  // Whether a canonical name is a parameter of some declared function.
  bool is_parameter(const std::string& name) const { return parameters_.count(name) != 0; }

 private:
  Expr bare_function(const ParseContext::AbstractFunction& f, int depth) const;
  Expr parameter(std::string_view name, int depth) const;

  HashMap<std::string, Entry> declared_;
  HashSet<std::string> parameters_;
  bool implicit_scalars_;
  std::size_t max_name_length_ = 0;
};

}  // namespace calc::parsing

namespace calc {

// parse() with a scope built once for its context: a grader parses every
// answer of a box in the same context, and building the scope (the declared
// names, the longest built-in name) is a fifth of a short answer's parse.
ParseResult parse(std::string_view input, const parsing::Scope& scope, const ParseLimits& limits = {});

}  // namespace calc
