// Reads request lines "function<TAB>arg<TAB>arg..." on stdin and prints the
// core facade's JSON answer to each on one line, exactly as the wasm module
// returns it to JavaScript (wasm/bindings.cpp binds these same functions).
// tests/determinism/compare.mjs sends the same lines through the wasm build
// and compares the two outputs byte for byte. The exercises are the
// compiled-in ones, loaded into the facade before the first request (the wasm
// side loads the same files through loadExercises).
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "api/grade_api.h"
#include "api/numeric_api.h"
#include "exercise/builtin.h"

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

// Numbers travel as JS would print them (shortest round-trip text), so
// std::stod gives the same double on both sides.
double num(const std::string& s) { return std::stod(s); }

std::string answer(const std::vector<std::string>& f) {
  const std::string& fn = f[0];
  auto arity = [&](std::size_t n) { return f.size() == n + 1; };
  using namespace calc::api;
  if (fn == "evaluate" && arity(2)) return evaluate_json(f[1], f[2]);
  if (fn == "limitTable" && arity(3)) return limit_table_json(f[1], num(f[2]), f[3]);
  if (fn == "samplePlot" && arity(4)) return sample_plot_json(f[1], num(f[2]), num(f[3]), std::stoi(f[4]));
  if (fn == "tangent" && arity(2)) return tangent_json(f[1], num(f[2]));
  if (fn == "gradientField" && arity(7))
    return gradient_field_json(f[1], num(f[2]), num(f[3]), num(f[4]), num(f[5]), std::stoi(f[6]), std::stoi(f[7]));
  if (fn == "preview" && arity(2)) return preview_json(f[1], f[2]);
  if (fn == "grade" && arity(3)) return grade_json(f[1], f[2], std::stoull(f[3]));
  if (fn == "solution" && arity(2)) return solution_json(f[1], std::stoull(f[2]));
  return "unknown request: " + fn;
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  calc::api::load_catalog(calc::exercise::builtin_catalog());
  std::string line;
  while (std::getline(std::cin, line)) std::cout << answer(split_tabs(line)) << '\n';
  return 0;
}
