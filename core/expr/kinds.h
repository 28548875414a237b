#pragma once
// The one list of node kinds. It drives the Kind enum, kind names, and the
// visitor dispatch in expr.h, so adding a kind is a change in one place (plus
// the visitors that must handle it, which the compiler then points out).
#include <cstdint>
#include <string_view>

namespace calc {

#define CALC_NODE_KINDS(X)                                                     \
  X(Number)     /* exact rational or double */                                 \
  X(Symbol)     /* scalar, vector or matrix variable, e.g. x, x_1, A */        \
  X(Constant)   /* e, pi */                                                    \
  X(Add)        /* constant + sum of coefficient*term, canonical */            \
  X(Mul)        /* coefficient * product of base^exponent, canonical */        \
  X(Pow)        /* base^exponent when it is not folded into a Mul */           \
  X(Apply)      /* a built-in function record applied to one argument */      \
  X(Function)   /* declared abstract function f(args) with partial orders */   \
  X(Derivative) /* unevaluated d(expr)/d(var) as written by a learner */       \
  X(Vector)     /* column vector [a, b]; a vector of rows is a matrix */       \
  X(Norm)       /* Euclidean norm of a vector */                               \
  X(Transpose)  /* x^T */                                                      \
  X(MatMul)     /* non-commutative product of vector/matrix factors */         \
  X(Equation)   /* lhs = rhs */

enum class Kind : std::uint8_t {
#define CALC_KIND_ENUM(name) name,
  CALC_NODE_KINDS(CALC_KIND_ENUM)
#undef CALC_KIND_ENUM
};

constexpr std::string_view kind_name(Kind k) {
  switch (k) {
#define CALC_KIND_NAME(name) \
  case Kind::name:           \
    return #name;
    CALC_NODE_KINDS(CALC_KIND_NAME)
#undef CALC_KIND_NAME
  }
  return "?";
}

}  // namespace calc
