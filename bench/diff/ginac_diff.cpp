// GiNaC (Debian libginac-dev), native: the peer for differentiation. GiNaC's
// diff() returns an evaluated (canonical) expression; that is its
// simplification, as ours is canonical construction plus simplify().
#include <ginac/ginac.h>

#include <cstdlib>
#include <iostream>

#include "common/cases.h"
#include "common/timing.h"

namespace {

// f_0 = x, f_{k+1} = f_k^2 + f_k, built by construction (shared subtrees).
GiNaC::ex dag(const GiNaC::symbol& x, int k) {
  GiNaC::ex f = x;
  for (int i = 0; i < k; ++i) f = GiNaC::pow(f, 2) + f;
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "bench/data/diff_cases.tsv";
  const double cap_ns = 1e9;  // once one call takes longer, larger DAG cases are skipped
  bool dag_capped = false;
  for (const auto& row : bench::read_tsv(path)) {
    const std::string& group = row[0];
    const std::string& name = row[1];
    GiNaC::symtab table;
    GiNaC::symbol var(row[2]);
    table[row[2]] = var;
    GiNaC::ex e;
    try {
    if (group == "dag") {
      if (dag_capped) {
        bench::emit_skip("diff", "ginac", name, "previous DAG case took > 1 s per call");
        continue;
      }
      e = dag(var, std::atoi(row[3].c_str()));
    } else {
      GiNaC::parser reader(table);  // other names become fresh symbols
      e = reader(row[3]);
    }
    double t0 = bench::now_ns();
    GiNaC::ex d = e.diff(var);
    double first = bench::now_ns() - t0;
    bench::keep(d);
    if (first > cap_ns) {
      bench::emit("diff", "ginac", name, bench::Stats{first, first, first, 1, 1});
      if (group == "dag") dag_capped = true;
      continue;
    }
    auto st = bench::measure([&] { return e.diff(var); });
    bench::emit("diff", "ginac", name, st);
    } catch (const std::exception& err) {
      bench::emit_skip("diff", "ginac", name, err.what());
    }
  }
}
