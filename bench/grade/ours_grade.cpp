// Grading latency per answer: calc::api::grade_json on the answer set
// bench/data/grade_answers.tsv, built natively and with em++ (run under node;
// the page's Embind call adds one string copy each way, not timed here).
// Every answer is graded kCalls times,
// each call timed alone, and its latency is the median of those calls (on a
// shared 2-core machine single calls are sometimes descheduled for
// milliseconds; the median is the answer's own cost). Per box the record
// holds the median over its answers and the slowest answer (worst_ns). The
// compiled-in catalog is loaded into the facade and its JSON built first,
// outside the timed part, as the page does before any answer is typed. A
// verdict other than the expected one is reported on stderr and counted in
// "unexpected".
// grade_json keeps the boxes it prepared (reference, sample points,
// candidates; see core/grade/box_cache.h), as the page's learner types answer
// after answer into one box. The medians are therefore warm; the first call
// to each box, which prepares it, is timed alone and reported as first_ns.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "api/grade_api.h"
#include "common/cases.h"
#include "common/timing.h"
#include "exercise/builtin.h"

namespace {
constexpr int kCalls = 21;
#ifdef __EMSCRIPTEN__
constexpr const char* kImpl = "ours-wasm";
#else
constexpr const char* kImpl = "ours";
#endif
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "bench/data/grade_answers.tsv";
  calc::api::load_catalog(calc::exercise::builtin_catalog());
  bench::keep(calc::api::catalog_json());
  std::vector<std::string> order;
  std::map<std::string, std::vector<double>> times;
  std::map<std::string, int> answers, unexpected;
  std::map<std::string, double> first_ns;
  for (const auto& row : bench::read_tsv(path)) {
    if (row.size() < 3 || row[0].starts_with("#")) continue;
    const std::string &box = row[0], &expected = row[1], &answer = row[2];
    std::string verdict;
    if (!times.count(box)) {
      order.push_back(box);
      const double t0 = bench::now_ns();
      verdict = calc::api::grade_json(box, answer, 0);
      first_ns[box] = bench::now_ns() - t0;
    }
    bench::Stats st = bench::measure_calls(
        [&] {
          verdict = calc::api::grade_json(box, answer, 0);
          return verdict.size();
        },
        kCalls);
    times[box].push_back(st.median_ns);
    ++answers[box];
    if (verdict.find("\"verdict\":\"" + expected + "\"") == std::string::npos) {
      ++unexpected[box];
      std::fprintf(stderr, "%s: \"%s\" expected %s, got %s\n", box.c_str(), answer.c_str(), expected.c_str(),
                   verdict.substr(0, 160).c_str());
    }
  }
  for (const auto& box : order) {
    std::vector<double> t = times[box];
    std::sort(t.begin(), t.end());
    bench::Stats s{t[t.size() / 2], t.back(), t.front(), kCalls, 1};
    bench::emit("grade", kImpl, box, s,
                "\"answers\":" + std::to_string(answers[box]) + ",\"unexpected\":" + std::to_string(unexpected[box]) +
                    ",\"first_ns\":" + std::to_string(static_cast<long long>(first_ns[box])));
  }
}
