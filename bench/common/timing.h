#pragma once
// Steady-clock measurement shared by every C++ benchmark here (native and the
// em++ builds run under Node), so all implementations are timed the same way:
// warm-up, then repeated batches; we report the median and the worst batch,
// per operation. Batches are sized so one batch takes at least ~0.2 ms, which
// keeps clock overhead out of sub-microsecond figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace bench {

// Keeps a computed value alive so the optimizer cannot drop the work.
template <class T>
inline void keep(const T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

struct Stats {
  double median_ns = 0;
  double worst_ns = 0;  // slowest batch, per operation
  double best_ns = 0;
  int reps = 0;
  long iters = 0;  // operations per batch
};

inline double now_ns() {
  using namespace std::chrono;
  return static_cast<double>(duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
}

struct Options {
  double min_batch_ns = 2e5;  // a batch lasts at least this long
  int max_reps = 31;          // batches measured
  int min_reps = 3;
  double budget_ns = 1.5e9;   // stop adding batches after this much time
};

// Times op(); op must return something (kept alive) or void.
template <class Op>
Stats measure(Op&& op, Options opt = {}) {
  auto once = [&] {
    if constexpr (std::is_void_v<decltype(op())>) {
      op();
    } else {
      auto r = op();
      keep(r);
    }
  };
  // Warm-up: caches, allocator pools, lazy tables.
  double t0 = now_ns();
  int warm = 0;
  do {
    once();
    ++warm;
  } while (warm < 3 && now_ns() - t0 < 5e7);
  double single = (now_ns() - t0) / warm;
  long iters = std::max(1L, static_cast<long>(opt.min_batch_ns / std::max(single, 1.0)));

  std::vector<double> per_op;
  double start = now_ns();
  for (int r = 0; r < opt.max_reps; ++r) {
    double b0 = now_ns();
    for (long i = 0; i < iters; ++i) once();
    per_op.push_back((now_ns() - b0) / static_cast<double>(iters));
    if (r + 1 >= opt.min_reps && now_ns() - start > opt.budget_ns) break;
  }
  std::vector<double> sorted = per_op;
  std::sort(sorted.begin(), sorted.end());
  Stats s;
  s.reps = static_cast<int>(sorted.size());
  s.iters = iters;
  s.median_ns = sorted[sorted.size() / 2];
  s.worst_ns = sorted.back();
  s.best_ns = sorted.front();
  return s;
}

// Single calls timed one by one (for latency: the worst single call matters).
template <class Op>
Stats measure_calls(Op&& op, int calls) {
  std::vector<double> t;
  t.reserve(calls);
  for (int i = 0; i < calls; ++i) {
    double a = now_ns();
    auto r = op();
    keep(r);
    t.push_back(now_ns() - a);
  }
  std::sort(t.begin(), t.end());
  Stats s;
  s.reps = calls;
  s.iters = 1;
  s.median_ns = t[t.size() / 2];
  s.worst_ns = t.back();
  s.best_ns = t.front();
  return s;
}

// One JSON line per measurement; bench/common/report.py builds the tables.
inline std::string json_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out;
}

inline void emit(std::string_view bench, std::string_view impl, std::string_view case_name, const Stats& s,
                 std::string_view extra_json = "") {
  std::printf(
      "{\"bench\":\"%s\",\"impl\":\"%s\",\"case\":\"%s\",\"median_ns\":%.6g,\"worst_ns\":%.6g,\"best_ns\":%.6g,"
      "\"reps\":%d,\"iters\":%ld%s%.*s}\n",
      json_escape(bench).c_str(), json_escape(impl).c_str(), json_escape(case_name).c_str(), s.median_ns,
      s.worst_ns, s.best_ns, s.reps, s.iters, extra_json.empty() ? "" : ",", static_cast<int>(extra_json.size()),
      extra_json.data());
  std::fflush(stdout);
}

inline void emit_skip(std::string_view bench, std::string_view impl, std::string_view case_name,
                      std::string_view why) {
  std::printf("{\"bench\":\"%s\",\"impl\":\"%s\",\"case\":\"%s\",\"skipped\":\"%s\"}\n", json_escape(bench).c_str(),
              json_escape(impl).c_str(), json_escape(case_name).c_str(), json_escape(why).c_str());
  std::fflush(stdout);
}

}  // namespace bench
