#pragma once
// Decimal text <-> double, exactly as the C library does it (strtod, and
// printf's "%.*g" / "%#.*g"), without linking the C library's versions: those
// cost the wasm module ~16 KB of code plus the 128-bit soft float that musl's
// long double arithmetic needs (issues 5 and 7). Both directions are exact:
// reading rounds to the nearest double (ties to even), writing rounds the
// double's exact binary value half to even, as glibc and musl do, so the text
// is byte for byte what printf wrote before, on every platform.
#include <cstddef>
#include <string>
#include <string_view>

namespace calc::decimal {

// Reads the longest prefix of text of the form
//   [+-] digits [. digits] [(e|E) [+-] digits]   (either digit run may be empty, not both)
// into value, correctly rounded (out of range: ±inf or ±0, as strtod).
// Returns the number of characters read; 0 (and value 0) if there is no number.
std::size_t parse(std::string_view text, double& value);

// printf("%.*g", precision, v), or "%#.*g" when keep_zeros (trailing zeros and
// the decimal point kept). precision is 1 to 17.
std::string general(double v, int precision, bool keep_zeros = false);

// "%.*g" with the smallest precision whose text reads back as exactly v.
std::string shortest(double v);

}  // namespace calc::decimal
