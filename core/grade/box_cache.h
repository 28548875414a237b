#pragma once
// Prepared boxes (prepared.h) kept between answers: the page grades one box
// at a time, answer after answer, and a box's reference, sample and
// candidates do not depend on the answer. Keyed by box id and variant seed;
// the least recently used box is dropped beyond `capacity`, so memory stays
// bounded however many variants a learner tries. A prepared box grades
// exactly like a fresh one, so the cache never changes a result.
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <string_view>

#include "exercise/catalog.h"
#include "grade/prepared.h"

namespace calc::grade {

class BoxCache {
 public:
  // `catalog` must outlive the cache; a capacity below 1 counts as 1.
  BoxCache(const exercise::Catalog& catalog, std::size_t capacity)
      : catalog_(catalog), capacity_(capacity < 1 ? 1 : capacity) {}

  // The prepared box, built on a miss; null for an id the catalog lacks. The
  // pointer stays valid until the box is evicted (the next call may do so).
  PreparedBox* find(std::string_view box_id, std::uint64_t seed);

  std::size_t size() const { return entries_.size(); }
  bool contains(std::string_view box_id, std::uint64_t seed) const;

 private:
  struct Entry {
    std::string box_id;
    std::uint64_t seed;
    std::unique_ptr<PreparedBox> box;
  };
  const exercise::Catalog& catalog_;
  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first
};

}  // namespace calc::grade
