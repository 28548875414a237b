#pragma once
// Per-call memo tables keyed by node identity. The table holds a reference
// to each key node, so a key built during the walk (a temporary factor
// b^k in the product rule) cannot be freed and its address reused by a
// different node, which would return a stale result for the new node.
#include <unordered_map>
#include <utility>

#include "expr/expr.h"

namespace calc {

template <class V>
class NodeMemo {
 public:
  const V* find(const Expr& e) const {
    auto it = table_.find(e.get());
    return it == table_.end() ? nullptr : &it->second.second;
  }
  const V& insert(const Expr& e, V v) { return table_.try_emplace(e.get(), e, std::move(v)).first->second.second; }

 private:
  std::unordered_map<const Node*, std::pair<Expr, V>> table_;
};

}  // namespace calc
