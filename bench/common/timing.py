"""The Python side of bench/common/timing.h: same warm-up, batch sizing and
statistics, same JSON lines, so SymPy figures sit next to native ones."""
import json
import sys
import time


def now():
    return time.perf_counter_ns()


def _stats(values, iters):
    s = sorted(values)
    return {"median_ns": s[len(s) // 2], "worst_ns": s[-1], "best_ns": s[0], "reps": len(s), "iters": iters}


def measure(op, setup=None, min_batch_ns=2e5, max_reps=31, min_reps=3, budget_ns=1.5e9):
    """Times op(); setup() (untimed) runs before every batch, e.g. to clear SymPy's cache."""
    t0 = now()
    warm = 0
    while True:
        if setup:
            setup()
        op()
        warm += 1
        if warm >= 3 or now() - t0 >= 5e7:
            break
    single = (now() - t0) / warm
    iters = max(1, int(min_batch_ns / max(single, 1)))
    per_op = []
    start = now()
    for r in range(max_reps):
        if setup:
            setup()
        b0 = now()
        for _ in range(iters):
            op()
        per_op.append((now() - b0) / iters)
        if r + 1 >= min_reps and now() - start > budget_ns:
            break
    return _stats(per_op, iters)


def measure_calls(op, calls, setup=None):
    """Single calls timed one by one (latency; the worst call matters)."""
    t = []
    for _ in range(calls):
        if setup:
            setup()
        a = now()
        op()
        t.append(now() - a)
    return _stats(t, 1)


def emit(bench, impl, case, st, **extra):
    print(json.dumps({"bench": bench, "impl": impl, "case": case, **st, **extra}), flush=True)


def emit_skip(bench, impl, case, why):
    print(json.dumps({"bench": bench, "impl": impl, "case": case, "skipped": why}), flush=True)
