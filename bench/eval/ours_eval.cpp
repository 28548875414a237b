// Plot-sampling throughput: our compiled tape (Tape::evaluate, which runs the
// tape's batch program over blocks of points, core/numeric/tape_batch.h)
// against hand-written C++ for the same functions, natively and with em++
// under node. One batch is kPoints points, as a plot samples them; the
// report turns the time per batch into points per second.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "common/cases.h"
#include "common/timing.h"
#include "eval/handwritten.h"
#include "numeric/tape.h"
#include "parse/parser.h"

namespace {

#ifdef __EMSCRIPTEN__
const std::string kSuffix = "-wasm";
#else
const std::string kSuffix = "";
#endif
constexpr std::size_t kPoints = 4096;

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ',')) out.push_back(part);
  return out;
}

// Point i, variable j: x in [0.05, 3.05) shifted per variable, inside every
// case's domain (x^x and 1/x need x > 0), so no time goes to NaN paths.
std::vector<double> inputs(std::size_t vars) {
  std::vector<double> in(kPoints * vars);
  for (std::size_t i = 0; i < kPoints; ++i)
    for (std::size_t j = 0; j < vars; ++j) in[i * vars + j] = 0.05 + 3.0 * i / kPoints + 0.37 * j;
  return in;
}

bool agree(const std::vector<double>& a, const std::vector<double>& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(std::abs(a[i] - b[i]) <= 1e-12 * std::max(1.0, std::abs(b[i])))) return false;
  return true;
}

// Runs f for about `ns` nanoseconds. Under node, V8 first runs wasm code from
// its baseline compiler and swaps in optimized code, compiled on a background
// thread, once a function is hot; measure()'s own warm-up (3 calls) is over
// long before that on a busy machine, so the first case measured used to time
// the baseline code of the kernels every case shares (3x^2-4x: 9-13 µs first,
// 4.7 µs measured after another case). Natively this only warms caches.
template <class F>
void run_for(F&& f, double ns) {
  const double t0 = bench::now_ns();
  do f();
  while (bench::now_ns() - t0 < ns);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "bench/data/eval_cases.tsv";
  const std::string extra = "\"points\":" + std::to_string(kPoints);
  for (const auto& row : bench::read_tsv(path)) {
    const std::string& name = row[0];
    const std::vector<std::string> vars = split_commas(row[1]);
    calc::ParseResult parsed = calc::parse(row[2]);
    if (!parsed.ok()) {
      bench::emit_skip("eval", "tape" + kSuffix, name, "parse error: " + parsed.error->code);
      continue;
    }
    calc::numeric::TapeResult compiled = calc::numeric::Tape::compile(*parsed.expr, vars);
    if (!compiled.ok()) {
      bench::emit_skip("eval", "tape" + kSuffix, name, "compile error: " + compiled.error->code);
      continue;
    }
    const calc::numeric::Tape& tape = *compiled.tape;
    const std::vector<double> in = inputs(vars.size());
    std::vector<double> out(kPoints), expected(kPoints);

    bench::PlotFn hand = bench::handwritten(name);
    run_for([&] { tape.evaluate(in, out); }, 2e8);
    if (hand) {
      run_for([&] { hand(in.data(), out.data(), kPoints); }, 2e8);
      hand(in.data(), expected.data(), kPoints);
      bench::emit("eval", "c++" + kSuffix, name, bench::measure([&] {
                    hand(in.data(), out.data(), kPoints);
                    return out[kPoints - 1];
                  }),
                  extra);
    }
    tape.evaluate(in, out);
    if (hand && !agree(out, expected)) {
      bench::emit_skip("eval", "tape" + kSuffix, name, "tape disagrees with the hand-written function");
      continue;
    }
    bench::emit("eval", "tape" + kSuffix, name, bench::measure([&] {
                  tape.evaluate(in, out);
                  return out[kPoints - 1];
                }),
                extra);
  }
}
