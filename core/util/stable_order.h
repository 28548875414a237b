#pragma once
// Stable sorting without a std::stable_sort instance per element type and
// comparator (each one brings __stable_sort, __stable_sort_move and
// __inplace_merge, several KB of wasm): the order is computed once on
// indices by one out-of-line merge sort, and the elements are moved into it.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "util/function_ref.h"

namespace calc {

// The indices 0..n-1 sorted stably by `less`, a strict weak order on
// indices (less(i, j): element i goes before element j).
std::vector<std::uint32_t> stable_order(std::size_t n, FunctionRef<bool(std::uint32_t, std::uint32_t)> less);

// xs rearranged so that its i-th element is the old xs[order[i]].
template <class T>
void apply_order(std::vector<T>& xs, const std::vector<std::uint32_t>& order) {
  std::vector<T> sorted;
  sorted.reserve(xs.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(xs[i]));
  xs = std::move(sorted);
}

}  // namespace calc
