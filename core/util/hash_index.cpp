#include "util/hash_index.h"

namespace calc {

void HashIndex::place(Slot s) {
  std::size_t i = s.hash & mask();
  while (slots_[i].entry != 0) i = (i + 1) & mask();
  slots_[i] = s;
}

void HashIndex::add(std::size_t hash, std::uint32_t entry) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.entry != 0) place(s);
  }
  place(Slot{fold(hash), entry + 1});
  ++count_;
}

}  // namespace calc
