#pragma once
// Hand-written C++ for each case of bench/data/eval_cases.tsv: the limit a
// compiled tape can approach. Same loop shape as Tape::evaluate (row-major
// inputs, one output per point), compiled in its own file so the optimizer
// sees no more of the data than it sees for the tape.
#include <cstddef>
#include <string_view>

namespace bench {

using PlotFn = void (*)(const double* in, double* out, std::size_t points);

// nullptr for a case name with no hand-written version.
PlotFn handwritten(std::string_view case_name);

}  // namespace bench
