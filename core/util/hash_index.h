#pragma once
// Small open-addressing hash containers. std::unordered_map and
// std::unordered_set bring a node allocation per entry and, per key/value
// type, their own emplace, rehash and destructor code (about 2 KB of wasm
// each) plus std::__next_prime; here the only per-type code is a short probe
// loop and a std::vector of the entries. Entries are kept in insertion
// order, so iteration is deterministic. No erase: no user needs one.
// std::unordered_map's interface where the core uses it; iterators are
// pointers into the entry vector, valid until the next insertion.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <tuple>
#include <utility>
#include <vector>

namespace calc {

// The table part of HashMap and HashSet: maps a hash to entry numbers
// (indices into the owner's entry vector), linear probing, at most half full.
class HashIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // The entry with this hash for which is_key(entry) holds, or kNone.
  template <class IsKey>
  std::uint32_t find(std::size_t hash, IsKey&& is_key) const {
    if (slots_.empty()) return kNone;
    const std::uint32_t h = fold(hash);
    for (std::size_t i = h & mask(); ; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.entry == 0) return kNone;
      if (s.hash == h && is_key(s.entry - 1)) return s.entry - 1;
    }
  }
  // Records `entry` under `hash`; the caller has found no equal key.
  void add(std::size_t hash, std::uint32_t entry);
  void clear() {
    slots_.clear();
    count_ = 0;
  }

 private:
  struct Slot {
    std::uint32_t hash;   // fold() of the key's hash
    std::uint32_t entry;  // entry number + 1; 0 marks an empty slot
  };
  // Multiplicative mixing: std::hash of a pointer or an integer is the
  // identity, whose low bits would crowd a power-of-two table.
  static std::uint32_t fold(std::size_t hash) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(hash) * 0x9e3779b97f4a7c15ULL) >> 32);
  }
  std::size_t mask() const { return slots_.size() - 1; }
  void place(Slot s);

  std::vector<Slot> slots_;  // empty or a power of two
  std::size_t count_ = 0;
};

template <class K, class V, class Hash = std::hash<K>, class Eq = std::equal_to<K>>
class HashMap {
 public:
  using value_type = std::pair<K, V>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  HashMap() = default;
  HashMap(std::initializer_list<value_type> entries) {
    for (const value_type& e : entries) emplace(e.first, e.second);
  }

  iterator find(const K& key) { return at_entry(index_.find(Hash{}(key), is(key))); }
  const_iterator find(const K& key) const { return const_cast<HashMap*>(this)->find(key); }
  bool contains(const K& key) const { return find(key) != end(); }
  std::size_t count(const K& key) const { return contains(key) ? 1 : 0; }
  // The value under `key`, which must be there: every caller has inserted
  // it or checked with contains(). A missing key is a bug, and stops the
  // program rather than hand out a value that is not there (the core builds
  // without exceptions; a caller that may miss uses find()).
  const V& at(const K& key) const {
    const_iterator it = find(key);
    if (it == end()) std::abort();
    return it->second;
  }
  V& operator[](const K& key) { return try_emplace(key).first->second; }

  // The entry under `key`, its value constructed from `args` if there was
  // none, and whether it was inserted.
  template <class... Args>
  std::pair<iterator, bool> try_emplace(const K& key, Args&&... args) {
    const std::size_t hash = Hash{}(key);
    if (iterator it = at_entry(index_.find(hash, is(key))); it != end()) return {it, false};
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    index_.add(hash, static_cast<std::uint32_t>(entries_.size() - 1));
    return {&entries_.back(), true};
  }
  // The value by value, so that every caller shares one try_emplace<V>
  // instance whatever the value category of its argument.
  std::pair<iterator, bool> emplace(const K& key, V value) { return try_emplace(key, std::move(value)); }
  std::pair<iterator, bool> insert_or_assign(const K& key, V value) {
    if (iterator it = find(key); it != end()) {
      it->second = std::move(value);
      return {it, false};
    }
    return try_emplace(key, std::move(value));
  }

  void clear() {
    entries_.clear();
    index_.clear();
  }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  iterator begin() { return entries_.data(); }
  iterator end() { return entries_.data() + entries_.size(); }
  const_iterator begin() const { return entries_.data(); }
  const_iterator end() const { return entries_.data() + entries_.size(); }

 private:
  auto is(const K& key) const {
    return [this, &key](std::uint32_t e) { return Eq{}(entries_[e].first, key); };
  }
  iterator at_entry(std::uint32_t e) { return e == HashIndex::kNone ? end() : entries_.data() + e; }

  std::vector<value_type> entries_;
  HashIndex index_;
};

template <class K, class Hash = std::hash<K>, class Eq = std::equal_to<K>>
class HashSet {
 public:
  // The key's entry, and whether the key was new.
  std::pair<const K*, bool> insert(const K& key) {
    const std::size_t hash = Hash{}(key);
    if (const std::uint32_t e = index_.find(hash, is(key)); e != HashIndex::kNone) return {&keys_[e], false};
    keys_.push_back(key);
    index_.add(hash, static_cast<std::uint32_t>(keys_.size() - 1));
    return {&keys_.back(), true};
  }
  bool contains(const K& key) const { return index_.find(Hash{}(key), is(key)) != HashIndex::kNone; }
  std::size_t count(const K& key) const { return contains(key) ? 1 : 0; }
  std::size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  const K* begin() const { return keys_.data(); }
  const K* end() const { return keys_.data() + keys_.size(); }

 private:
  auto is(const K& key) const {
    return [this, &key](std::uint32_t e) { return Eq{}(keys_[e], key); };
  }

  std::vector<K> keys_;
  HashIndex index_;
};

}  // namespace calc
