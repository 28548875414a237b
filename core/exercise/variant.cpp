#include "exercise/variant.h"

namespace calc::exercise {

namespace {

// splitmix64: a tiny, well-mixed generator whose output is the same on every
// platform (std:: distributions are not), so native and wasm agree.
std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

ParameterValues parameter_values(const Exercise& ex, std::uint64_t seed) {
  ParameterValues values;
  for (const auto& p : ex.parameters) values[p.name] = p.book;
  if (seed == 0 || ex.parameters.empty()) return values;
  std::uint64_t state = seed ^ fnv1a(ex.id);
  // Redraw a few times if the draw reproduces the book's numbers, so "try
  // another" shows something new whenever the choices allow it.
  for (int attempt = 0; attempt < 8; ++attempt) {
    bool same_as_book = true;
    for (const auto& p : ex.parameters) {
      const auto pick = p.choices[splitmix(state) % p.choices.size()];
      values[p.name] = pick;
      same_as_book = same_as_book && pick == p.book;
    }
    if (!same_as_book) break;
  }
  return values;
}

}  // namespace calc::exercise
