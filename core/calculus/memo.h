#pragma once
// Per-call memo tables keyed by node identity. The table holds a reference
// to each key node, so a key built during the walk (a temporary factor
// b^k in the product rule) cannot be freed and its address reused by a
// different node, which would return a stale result for the new node.
//
// Most calls walk a handful of nodes (a learner's answer, a derivative of
// the section's functions), so the first kSmall entries live in raw storage
// inside the table, searched linearly and constructed only when used: no
// allocation at all, where a hash map's bucket array and a node per entry
// dominated simplify() on such inputs, a heap vector still cost a malloc
// per diff() and simplify(), and a std::array of entries cost constructing
// and destroying all kSmall of them every time. Past kSmall the entries
// move to a hash map, so large walks stay linear.
#include <cstddef>
#include <new>
#include <utility>

#include "expr/expr.h"
#include "util/hash_index.h"

namespace calc {

template <class V>
class NodeMemo {
 public:
  NodeMemo() = default;
  NodeMemo(const NodeMemo&) = delete;  // the small entries are raw storage
  NodeMemo& operator=(const NodeMemo&) = delete;
  ~NodeMemo() { clear_small(); }

  // Valid until the next insert.
  const V* find(const Expr& e) const {
    if (table_.empty()) {
      for (std::size_t i = 0; i < count_; ++i)
        if (small(i).key.get() == e.get()) return &small(i).value;
      return nullptr;
    }
    auto it = table_.find(e.get());
    return it == table_.end() ? nullptr : &it->second.value;
  }
  // The stored value, valid until the next insert. When e is already there
  // (inserted by the walk below it), the first value stays, as try_emplace.
  const V& insert(const Expr& e, V v) {
    if (table_.empty()) {
      for (std::size_t i = 0; i < count_; ++i)
        if (small(i).key.get() == e.get()) return small(i).value;
    }
    if (table_.empty() && count_ < kSmall) {
      Entry* entry = new (&small(count_)) Entry{e, std::move(v)};
      ++count_;
      return entry->value;
    }
    if (table_.empty()) {
      for (std::size_t i = 0; i < count_; ++i) {
        const Node* key = small(i).key.get();
        table_.try_emplace(key, std::move(small(i)));
      }
      clear_small();
    }
    return table_.try_emplace(e.get(), Entry{e, std::move(v)}).first->second.value;
  }

 private:
  static constexpr std::size_t kSmall = 16;
  struct Entry {
    Expr key;  // keeps the key node alive, see above
    V value;
  };
  Entry& small(std::size_t i) { return *std::launder(reinterpret_cast<Entry*>(small_ + i * sizeof(Entry))); }
  const Entry& small(std::size_t i) const {
    return *std::launder(reinterpret_cast<const Entry*>(small_ + i * sizeof(Entry)));
  }
  void clear_small() {
    for (std::size_t i = 0; i < count_; ++i) small(i).~Entry();
    count_ = 0;
  }

  alignas(Entry) unsigned char small_[kSmall * sizeof(Entry)];
  std::size_t count_ = 0;  // entries constructed in small_ (only while table_ is empty)
  HashMap<const Node*, Entry> table_;
};

}  // namespace calc
