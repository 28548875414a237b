// Visiting every node of an expression DAG once.
#pragma once

#include <vector>

#include "expr/expr.h"
#include "util/hash_index.h"

namespace calc {

// Calls visit(node) once for each node reachable from root, a node shared by
// several parents once. Iterative, with an explicit stack: learners' input can
// nest deeper than the call stack allows. The order is unspecified (depth
// first, children in reverse of for_each_child's order); callers that print
// or sample what they collect sort it.
template <class Visit>
void for_each_node(const Expr& root, Visit&& visit) {
  HashSet<const Node*> seen;
  std::vector<Expr> stack{root};
  while (!stack.empty()) {
    Expr e = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(e.get()).second) continue;
    visit(e);
    for_each_child(e, [&](const Expr& c) { stack.push_back(c); });
  }
}

}  // namespace calc
