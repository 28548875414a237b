#pragma once
// std::stoi without the C library: std::stoi and std::stoll bring strtol's
// scanner (__intscan, __shgetc) and libc++'s string-exception helpers into
// the wasm, for the few short digit strings the parser and printer read.
#include <string_view>

namespace calc {

// An optionally signed decimal integer at the start of `text`, read as
// std::stoi reads it (trailing characters are ignored; no leading
// whitespace is skipped): std::invalid_argument when there are no digits,
// std::out_of_range beyond int.
int decimal_int(std::string_view text);

}  // namespace calc
