#pragma once
// Per-call memo tables keyed by node identity. The table holds a reference
// to each key node, so a key built during the walk (a temporary factor
// b^k in the product rule) cannot be freed and its address reused by a
// different node, which would return a stale result for the new node.
//
// Most calls walk a handful of nodes (a learner's answer, a derivative of
// the section's functions), so the first kSmall entries live in one vector
// searched linearly: one allocation instead of a hash bucket array plus a
// node per entry, which dominated simplify() on such inputs. Past kSmall the
// entries move to a hash map, so large walks stay linear.
#include <unordered_map>
#include <utility>
#include <vector>

#include "expr/expr.h"

namespace calc {

template <class V>
class NodeMemo {
 public:
  // Valid until the next insert.
  const V* find(const Expr& e) const {
    if (table_.empty()) {
      for (const Entry& s : small_)
        if (s.key.get() == e.get()) return &s.value;
      return nullptr;
    }
    auto it = table_.find(e.get());
    return it == table_.end() ? nullptr : &it->second.value;
  }
  // The stored value, valid until the next insert. When e is already there
  // (inserted by the walk below it), the first value stays, as try_emplace.
  const V& insert(const Expr& e, V v) {
    if (table_.empty()) {
      for (const Entry& s : small_)
        if (s.key.get() == e.get()) return s.value;
    }
    if (table_.empty() && small_.size() < kSmall) {
      if (small_.empty()) small_.reserve(kSmall);
      small_.push_back({e, std::move(v)});
      return small_.back().value;
    }
    if (table_.empty()) {
      for (Entry& s : small_) {
        const Node* key = s.key.get();
        table_.try_emplace(key, std::move(s));
      }
      small_.clear();
    }
    return table_.try_emplace(e.get(), Entry{e, std::move(v)}).first->second.value;
  }

 private:
  static constexpr std::size_t kSmall = 16;
  struct Entry {
    Expr key;  // keeps the key node alive, see above
    V value;
  };
  std::vector<Entry> small_;
  std::unordered_map<const Node*, Entry> table_;
};

}  // namespace calc
