#pragma once
// Parse contexts the fuzz targets choose from with their first input byte:
// the CLI's permissive one and the declared kinds the exercises use (indexed
// scalars, a vector variable, abstract functions with a chain x = x(a, b)).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "parse/parser.h"

namespace fuzz {

inline const std::vector<calc::ParseContext>& contexts() {
  static const std::vector<calc::ParseContext> all = [] {
    std::vector<calc::ParseContext> v;
    v.push_back(calc::ParseContext::permissive());

    calc::ParseContext indexed;
    indexed.scalars = {"x_1", "x_2", "a", "b"};
    v.push_back(indexed);

    calc::ParseContext vector;
    vector.vectors = {"x"};
    vector.matrices = {"A"};
    vector.scalars = {"c"};
    v.push_back(vector);

    calc::ParseContext chain;
    chain.scalars = {"a", "b"};
    chain.functions = {{"f", {"x", "y", "z"}}, {"x", {"a", "b"}}, {"y", {"a", "b"}}, {"z", {"a", "b"}}};
    v.push_back(chain);
    return v;
  }();
  return all;
}

// Splits a fuzz input into a context (from byte 0) and the text after it.
struct Input {
  const calc::ParseContext* ctx;
  std::string_view text;
};

inline Input split(const std::uint8_t* data, std::size_t size) {
  const auto& all = contexts();
  if (size == 0) return {&all[0], {}};
  return {&all[data[0] % all.size()], {reinterpret_cast<const char*>(data + 1), size - 1}};
}

}  // namespace fuzz
