#!/usr/bin/python3
"""Builds the side-by-side tables from the JSON lines every benchmark prints
(bench/common/timing.*), with ratios and the targets of issue 7.

    report.py diff|eval|grade FILE.jsonl...

Tables are Markdown, so the same text reads in a terminal and pastes into
bench/README.md. Ratios are "how many times faster we are": peer time over
our time, except where the target is phrased as a slowdown (eval).
"""
import json
import math
import statistics
import sys


def fmt_time(ns, lower_bound=False):
    if ns is None:
        return "—"
    prefix = "> " if lower_bound else ""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return "%s%.3g %s" % (prefix, ns / scale, unit)
    return "%s%.3g ns" % (prefix, ns)


def fmt_ratio(r, lower_bound=False):
    if r is None:
        return "—"
    return ("> " if lower_bound else "") + ("%.3g×" % r)


def fmt_rate(per_s):
    if per_s is None:
        return "—"
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if per_s >= scale:
            return "%.3g %s/s" % (per_s / scale, unit)
    return "%.3g /s" % per_s


def load(paths, bench):
    """-> (case order, {(impl, case): record})"""
    order, results = [], {}
    for p in paths:
        try:
            lines = open(p, encoding="utf8").read().splitlines()
        except OSError:
            continue
        for line in lines:
            if not line.startswith("{"):
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            if r.get("bench") != bench:
                continue
            if r["case"] not in order:
                order.append(r["case"])
            results[(r["impl"], r["case"])] = r
    return order, results


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def pick(results, case, *impls):
    """The first of impls measured for case (e.g. "ours" or, before simplify
    exists, "ours-diff-only"), as (impl, record) or (None, None)."""
    for impl in impls:
        r = results.get((impl, case))
        if r is not None:
            return impl, r
    return None, None


def median(r):
    return None if r is None or "skipped" in r else r["median_ns"]


def ratio(num, den):
    """num/den from two records; lower-bounded when num is."""
    a, b = median(num), median(den)
    if a is None or b is None or b == 0:
        return None, False
    return a / b, bool(num.get("lower_bound"))


def cell(r):
    if r is None:
        return "—"
    if "skipped" in r:
        return "skip"
    return fmt_time(r["median_ns"], r.get("lower_bound", False))


def verdict(ok):
    return "**met**" if ok else "**missed**"


def report_diff(paths):
    order, res = load(paths, "diff")
    cols = [("ours", ("ours", "ours-diff-only")), ("ours wasm", ("ours-wasm", "ours-diff-only-wasm")),
            ("GiNaC", ("ginac",)), ("SymPy", ("sympy",)), ("math.js", ("mathjs",))]
    header = ["case"] + [c for c, _ in cols] + ["GiNaC/ours", "GiNaC/ours wasm", "SymPy/ours", "math.js/ours wasm"]
    rows, r_native, r_wasm, r_mathjs, r_sympy, skips = [], [], [], [], [], []
    used = set()
    for case in order:
        recs = {}
        for label, impls in cols:
            impl, rec = pick(res, case, *impls)
            recs[label] = rec
            if impl:
                used.add(impl)
            if rec and "skipped" in rec:
                skips.append("%s / %s: %s" % (label, case, rec["skipped"]))
        g_n, lb_n = ratio(recs["GiNaC"], recs["ours"])
        g_w, lb_w = ratio(recs["GiNaC"], recs["ours wasm"])
        s_n, lb_s = ratio(recs["SymPy"], recs["ours"])
        m_w, lb_m = ratio(recs["math.js"], recs["ours wasm"])
        r_native.append(g_n)
        r_wasm.append(g_w)
        r_sympy.append(s_n)
        r_mathjs.append(m_w)
        rows.append([case] + [cell(recs[c]) for c, _ in cols] +
                    [fmt_ratio(g_n, lb_n), fmt_ratio(g_w, lb_w), fmt_ratio(s_n, lb_s), fmt_ratio(m_w, lb_m)])
    print("### Differentiation (median time per derivative; ratios: peer time / our time)\n")
    print(table(header, rows))
    ours = sorted(i for i in used if i.startswith("ours"))
    print("\nOurs timed: diff() + simplify() (%s; an impl named *-diff-only was built before simplify() existed"
          " and times diff() alone). GiNaC: diff() (automatic canonical form). SymPy: diff() with a cold cache."
          " math.js: derivative() with its default simplify, each case in a child process"
          " (\"> t\" = killed at the timeout)." % ", ".join(ours))
    # The DAG cases measure blow-up, not per-node speed: the summary is over the
    # tree cases, so a peer's exponential time cannot inflate our average.
    trees = [i for i, case in enumerate(order) if not case.startswith("dag ")]
    only = lambda xs: [xs[i] for i in trees]
    gn, gw, gm, gs = (geomean(only(r_native)), geomean(only(r_wasm)), geomean(only(r_mathjs)),
                      geomean(only(r_sympy)))
    print("\nGeometric means over the non-DAG cases: GiNaC/ours %s, GiNaC/ours wasm %s, SymPy/ours %s,"
          " math.js/ours wasm %s" % (fmt_ratio(gn), fmt_ratio(gw), fmt_ratio(gs), fmt_ratio(gm)))
    worst = lambda xs: min((x for x in only(xs) if x), default=None)
    print("Worst non-DAG case: GiNaC/ours %s, GiNaC/ours wasm %s, math.js/ours wasm %s"
          % (fmt_ratio(worst(r_native)), fmt_ratio(worst(r_wasm)), fmt_ratio(worst(r_mathjs))))
    print("\nTargets (issue 7), on the geometric mean over the non-DAG cases:")
    if gn is not None:
        print("- native on par with GiNaC (GiNaC/ours ≥ 1): %s" % verdict(gn >= 1))
    if gw is not None:
        print("- wasm within 2× of GiNaC native (GiNaC/ours wasm ≥ 0.5): %s" % verdict(gw >= 0.5))
    if gm is not None:
        print("- ≥ 1000× faster than math.js (math.js/ours wasm ≥ 1000): %s" % verdict(gm >= 1000))
    if skips:
        print("\nSkipped:\n" + "\n".join("- " + s for s in skips))


def report_eval(paths):
    order, res = load(paths, "eval")
    cols = [("tape", "tape"), ("C++", "c++"), ("tape wasm", "tape-wasm"), ("C++ wasm", "c++-wasm"),
            ("JS", "js"), ("math.js", "mathjs"), ("samplePlot wasm", "sampleplot-wasm"),
            ("samplePlotArrays wasm", "sampleplot-arrays-wasm")]

    def rate(r):
        if r is None or "skipped" in r:
            return None
        return r.get("points", 1) / r["median_ns"] * 1e9

    header = ["case"] + [c for c, _ in cols] + ["tape/C++ time", "tape wasm/JS time", "math.js/tape wasm time",
                                                 "samplePlot/samplePlotArrays time"]
    rows, slow_native, slow_wasm, vs_mathjs = [], [], [], []
    for case in order:
        recs = {label: res.get((impl, case)) for label, impl in cols}
        a, _ = ratio(recs["tape"], recs["C++"])
        b, _ = ratio(recs["tape wasm"], recs["JS"])
        c, _ = ratio(recs["math.js"], recs["tape wasm"])
        d, _ = ratio(recs["samplePlot wasm"], recs["samplePlotArrays wasm"])
        slow_native.append(a)
        slow_wasm.append(b)
        vs_mathjs.append(c)
        rows.append([case] + [fmt_rate(rate(recs[l])) for l, _ in cols] + [fmt_ratio(a), fmt_ratio(b), fmt_ratio(c), fmt_ratio(d)])
    print("### Plot sampling (points per second, batches of 4096 points)\n")
    print(table(header, rows))
    print("\n\"tape\": Tape::evaluate over the batch (blocks of 128). \"samplePlot wasm\": the page's"
          " samplePlot() through Embind, text in and JSON out, 4096 samples (one-variable cases);"
          " \"samplePlotArrays wasm\": the same samples as Float64Arrays.")
    a, b, c = geomean(slow_native), geomean(slow_wasm), geomean(vs_mathjs)
    print("\nGeometric means: tape/C++ %s, tape wasm/JS %s, math.js/tape wasm %s"
          % (fmt_ratio(a), fmt_ratio(b), fmt_ratio(c)))
    worst = lambda xs: max((x for x in xs if x), default=None)
    print("Worst case: tape/C++ %s, tape wasm/JS %s" % (fmt_ratio(worst(slow_native)), fmt_ratio(worst(slow_wasm))))
    print("\nTargets (issue 7), every case:")
    if worst(slow_native) is not None:
        print("- natively within 3× of hand-written C++: %s" % verdict(worst(slow_native) <= 3))
    if worst(slow_wasm) is not None:
        print("- wasm within 2× of hand-written JS: %s" % verdict(worst(slow_wasm) <= 2))


def report_grade(paths):
    order, res = load(paths, "grade")
    cols = [("ours", "ours"), ("ours wasm", "ours-wasm"), ("SymPy", "sympy"), ("math.js", "mathjs")]
    header = ["box"] + ["%s median / max" % c for c, _ in cols] + ["SymPy/ours wasm (median)"]
    rows, speedups, wasm_medians, wasm_max, wrong = [], [], [], [], []
    common = []  # (SymPy median, ours wasm median) of the boxes both graded
    for case in order:
        recs = {label: res.get((impl, case)) for label, impl in cols}
        cells = []
        for label, _ in cols:
            r = recs[label]
            cells.append("—" if r is None or "skipped" in r else
                         "%s / %s" % (fmt_time(r["median_ns"]), fmt_time(r["worst_ns"])))
        s, _ = ratio(recs["SymPy"], recs["ours wasm"])
        speedups.append(s)
        w = recs["ours wasm"]
        if w and "skipped" not in w:
            wasm_medians.append(w["median_ns"])
            wasm_max.append(w["worst_ns"])
        if s is not None:
            common.append((recs["SymPy"]["median_ns"], w["median_ns"]))
        rows.append([case] + cells + [fmt_ratio(s)])
        for label, _ in cols:
            r = recs[label]
            if r and r.get("unexpected"):
                wrong.append("%s / %s: %d answer(s) got another verdict than expected" % (label, case, r["unexpected"]))
    print("### Grading latency per answer (each answer graded alone; median and max over the box's answers)\n")
    print(table(header, rows))
    print("\nEvery answer is graded 21 times (SymPy: 5, with a cleared cache); an answer's latency is the median"
          " of its calls. \"—\": a box the peers cannot express (vector variables, abstract functions).")
    if wrong:
        print("\nVerdicts differing from the expected ones (the timing of a wrong verdict means little):\n"
              + "\n".join("- " + w for w in wrong))
    if wasm_medians:
        allmed = sorted(wasm_medians)[len(wasm_medians) // 2]
        print("\nours wasm: median of box medians %s, worst answer %s; SymPy/ours wasm geometric mean %s"
              % (fmt_time(allmed), fmt_time(max(wasm_max)), fmt_ratio(geomean(speedups))))
        # Issue 7 states the SymPy target through medians (SymPy's median answer
        # against ours), so the verdict compares the medians of box medians over
        # the boxes both graded. The geometric mean above also counts the boxes
        # whose answer is a word, where the SymPy-style checker compares strings.
        med_ratio = None
        if common:
            sympy_med = statistics.median(m for m, _ in common)
            ours_med = statistics.median(m for _, m in common)
            med_ratio = sympy_med / ours_med
            print("SymPy/ours wasm on medians of box medians (the %d boxes both graded): %s / %s = %s"
                  % (len(common), fmt_time(sympy_med), fmt_time(ours_med), fmt_ratio(med_ratio)))
        print("\nTargets (issue 7):")
        print("- wasm median ≤ 25 µs per answer: %s" % verdict(allmed <= 25e3))
        if med_ratio is not None:
            print("- ≥ 50× faster than SymPy (median against median): %s" % verdict(med_ratio >= 50))
        print("- no answer over 1 ms: %s" % verdict(max(wasm_max) <= 1e6))


def main():
    kind, paths = sys.argv[1], sys.argv[2:]
    {"diff": report_diff, "eval": report_eval, "grade": report_grade}[kind](paths)


if __name__ == "__main__":
    main()
