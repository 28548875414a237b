#pragma once
// UTF-8 encoding of one code point, shared by the parser (synthetic tokens,
// canonical names) and the two readers of exercise text (TOML and JSON
// \u escapes). Callers pass valid scalar values (no surrogates, at most
// U+10FFFF); each checks that itself, as their errors differ.
#include <string>

namespace calc {

void append_utf8(std::string& out, char32_t c);

}  // namespace calc
