// The parser on arbitrary bytes, in each kind of context: it must never crash,
// hang or throw, and every error must point inside the input.
#include <cstdint>
#include <cstdlib>

#include "fuzz_contexts.h"

namespace {

// Code points in valid UTF-8 text; an upper bound (byte count) otherwise.
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [ctx, text] = fuzz::split(data, size);
  const calc::ParseResult r = calc::parse(text, *ctx);
  if (r.ok() == r.error.has_value()) std::abort();  // exactly one of expr / error
  if (r.error) {
    const calc::ParseError& e = *r.error;
    if (e.code.empty() || e.message.empty() || e.message_zh.empty()) std::abort();
    // Positions are code points; "too-long" is decided on bytes before decoding.
    if (e.code != "too-long" && e.code != "invalid-utf8" && e.position > code_points(text)) std::abort();
  }
  return 0;
}
