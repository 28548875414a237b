// Printer round trip: whatever parses must print (to_text) as text that
// parses back to an equal expression, and must print as LaTeX without crashing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_contexts.h"
#include "print/print.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [ctx, text] = fuzz::split(data, size);
  const calc::ParseResult first = calc::parse(text, *ctx);
  if (!first.ok()) return 0;
  const std::string printed = calc::to_text(*first.expr);
  (void)calc::to_latex(*first.expr);
  // Printing may add brackets and spell out names, so the re-parse gets room
  // for that; the bounds stay finite.
  calc::ParseLimits roomy;
  roomy.max_input_bytes = 1 << 20;
  roomy.max_depth = 4000;
  const calc::ParseResult second = calc::parse(printed, *ctx, roomy);
  if (!second.ok()) {
    std::fprintf(stderr, "printed text does not parse: \"%s\" -> %s\n", printed.c_str(),
                 second.error->code.c_str());
    std::abort();
  }
  if (!(*second.expr == *first.expr)) {
    std::fprintf(stderr, "round trip changed the expression: \"%s\" -> \"%s\"\n", printed.c_str(),
                 calc::to_text(*second.expr).c_str());
    std::abort();
  }
  return 0;
}
