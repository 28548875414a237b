// Our differentiation on the shared case set (bench/data/diff_cases.tsv),
// built natively and with em++ (run under node), so both sit next to GiNaC.
// Timed: diff() followed by simplify() once simplify has an implementation
// (impl "ours"); until then diff() alone (impl "ours-diff-only"). Parsing is
// outside the timing, as for every peer.
#include <cstdlib>
#include <string>

#include "calculus/derivative.h"
#include "common/cases.h"
#include "common/timing.h"
#include "expr/expr.h"
#include "expr/shape_check.h"
#include "parse/parser.h"
#if BENCH_HAVE_SIMPLIFY
#include "calculus/simplify.h"
#endif

namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kSuffix = "-wasm";
#else
constexpr const char* kSuffix = "";
#endif

// f_0 = x, f_{k+1} = f_k^2 + f_k, built by construction (shared subexpressions):
// the tree has ~2^(k+2) nodes, the DAG O(k).
calc::Expr dag(const calc::Expr& x, int k) {
  calc::Expr f = x;
  for (int i = 0; i < k; ++i) f = calc::pow(f, calc::integer(2)) + f;
  return f;
}

calc::Expr derivative(const calc::Expr& e, const calc::Expr& var) {
#if BENCH_HAVE_SIMPLIFY
  return calc::simplify(calc::diff(e, var));
#else
  return calc::diff(e, var);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "bench/data/diff_cases.tsv";
  const std::string impl = std::string(BENCH_HAVE_SIMPLIFY ? "ours" : "ours-diff-only") + kSuffix;
  const double cap_ns = 1e9;  // once one call takes longer, larger DAG cases are skipped
  bool dag_capped = false;
  for (const auto& row : bench::read_tsv(path)) {
    const std::string& group = row[0];
    const std::string& name = row[1];
    // A case whose derivative cannot be built (a shape error) is reported, not timed.
    calc::ShapeCheck check;
    calc::Expr var = calc::symbol(row[2]);
    calc::Expr e;
    if (group == "dag") {
      if (dag_capped) {
        bench::emit_skip("diff", impl, name, "previous DAG case took > 1 s per call");
        continue;
      }
      e = dag(var, std::atoi(row[3].c_str()));
    } else {
      // The generated n=1000 cases exceed the learner-input limits (4096 bytes, depth 200).
      calc::ParseLimits limits;
      limits.max_input_bytes = std::size_t{1} << 20;
      limits.max_depth = 100000;
      calc::ParseResult parsed = calc::parse(row[3], calc::ParseContext::permissive(), limits);
      if (!parsed.ok()) {
        bench::emit_skip("diff", impl, name, "parse error: " + parsed.error->code);
        continue;
      }
      e = *parsed.expr;
    }
    double t0 = bench::now_ns();
    calc::Expr d = derivative(e, var);
    double first = bench::now_ns() - t0;
    bench::keep(d);
    if (check.failed()) {
      bench::emit_skip("diff", impl, name, check.message());
      continue;
    }
    if (first > cap_ns) {
      bench::emit("diff", impl, name, bench::Stats{first, first, first, 1, 1});
      if (group == "dag") dag_capped = true;
      continue;
    }
    bench::emit("diff", impl, name, bench::measure([&] { return derivative(e, var); }));
  }
}
