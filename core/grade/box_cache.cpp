#include "grade/box_cache.h"

#include <algorithm>

namespace calc::grade {

bool BoxCache::contains(std::string_view box_id, std::uint64_t seed) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.seed == seed && e.box_id == box_id; });
}

PreparedBox* BoxCache::find(std::string_view box_id, std::uint64_t seed) {
  auto it = std::find_if(entries_.begin(), entries_.end(),
                         [&](const Entry& e) { return e.seed == seed && e.box_id == box_id; });
  if (it != entries_.end()) {
    entries_.splice(entries_.begin(), entries_, it);
    return entries_.front().box.get();
  }
  const auto [ex, box] = catalog_.find_box(box_id);
  if (!box) return nullptr;
  entries_.push_front(Entry{std::string(box_id), seed, std::make_unique<PreparedBox>(*ex, *box, seed)});
  while (entries_.size() > capacity_) entries_.pop_back();
  return entries_.front().box.get();
}

}  // namespace calc::grade
