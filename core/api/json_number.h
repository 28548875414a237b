#pragma once
// Round-trip text of a double, the same on every platform: Grisu2, the
// shortest decimal in all but rare cases (see json_number.cpp for why it is
// vendored).

namespace calc::json {

// Writes finite value at first as a decimal of at most 17 digits, usually the
// shortest, that reads back as the same double (%g-like: "0.1", "-3", "1e+100", "1.5e-07"); returns the end.
// Needs kMaxNumberChars of room. value must be finite.
constexpr int kMaxNumberChars = 32;
char* format_shortest(char* first, double value);

}  // namespace calc::json
