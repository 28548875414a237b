#pragma once
// std::stoi without the C library: std::stoi and std::stoll bring strtol's
// scanner (__intscan, __shgetc) and libc++'s string-exception helpers into
// the wasm, for the few short digit strings the parser and printer read.
#include <optional>
#include <string_view>

namespace calc {

// An optionally signed decimal integer at the start of `text`, read as
// std::stoi reads it (trailing characters are ignored; no leading
// whitespace is skipped). Nothing where std::stoi would throw: when there
// are no digits, or beyond int.
std::optional<int> decimal_int(std::string_view text);

}  // namespace calc
