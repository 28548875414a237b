#pragma once
// Variants: the page's "try another". A seed picks new parameter values from
// each parameter's declared choices; seed 0 is always the book's numbers.
// The references for a variant are then computed by the core like any other.
#include <cstdint>
#include <string>

#include "exercise/model.h"
#include "util/hash_index.h"

namespace calc::exercise {

// In the order of the exercise's [parameters] table.
using ParameterValues = HashMap<std::string, std::int64_t>;

ParameterValues parameter_values(const Exercise& ex, std::uint64_t seed);

}  // namespace calc::exercise
