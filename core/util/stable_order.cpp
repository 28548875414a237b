#include "util/stable_order.h"

#include <algorithm>

namespace calc {

std::vector<std::uint32_t> stable_order(std::size_t n, FunctionRef<bool(std::uint32_t, std::uint32_t)> less) {
  std::vector<std::uint32_t> order(n), buffer(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  // Bottom-up merge sort: runs of `width` are merged pairwise from `order`
  // into `buffer`, then the two swap. Taking from the left run on ties keeps
  // equal elements in their original order.
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) buffer[k++] = less(order[j], order[i]) ? order[j++] : order[i++];
      while (i < mid) buffer[k++] = order[i++];
      while (j < hi) buffer[k++] = order[j++];
    }
    order.swap(buffer);
  }
  return order;
}

}  // namespace calc
