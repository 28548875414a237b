#pragma once
// map_children(e, f): e rebuilt through the canonical constructors from f
// applied to each direct child, in for_each_child's order. It is the one
// "transform the children, rebuild the node" step that simplify, substitute,
// lowering and the derivative of a vector or an equation share.
//
// When f returns every child unchanged (the same node), the result is e
// itself, pointer-identical: no allocation, and callers' memo tables and the
// DAG keep sharing the node.
//
// The variable of a Derivative is not mapped: it names what is
// differentiated, it is not a value (substituting x := 2 in d/dx(x^2) must
// not give d/d2). Everything else for_each_child visits is.
//
// Dispatch goes through visit(), which the kind list in kinds.h drives: a
// kind added there without a map_node overload (map_children.cpp) does not
// compile.
//
// One out-of-line function, f called through a FunctionRef: as a template
// it was instantiated and inlined once per caller (simplify, diff,
// substitute, lowering twice, the grader's buggy rules), ~3 KB of wasm each.
#include "expr/expr.h"
#include "util/function_ref.h"

namespace calc {

// f is called as f(const Expr&) -> Expr, once per child.
Expr map_children(const Expr& e, FunctionRef<Expr(const Expr&)> f);

}  // namespace calc
