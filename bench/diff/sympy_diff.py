#!/usr/bin/python3
"""SymPy (Debian python3-sympy) differentiation on the shared case set.

SymPy caches results globally; a benchmark that repeats one derivative would
mostly measure cache hits. So the cache is cleared (untimed) before every
call and each call is timed alone: the figure is a first-time derivative.
For the small cases the warm-cache figure is printed too, as "sympy-warm".
diff() returns SymPy's automatically canonical form (no simplify() call),
matching what GiNaC's diff() and our diff() return.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from timing import emit, emit_skip, measure, now  # noqa: E402

from sympy import Symbol, diff  # noqa: E402
from sympy.core.cache import clear_cache  # noqa: E402
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations  # noqa: E402

CAP_NS = 1e9  # once one call takes longer, larger DAG cases are skipped
BUDGET_NS = 1.5e9


def dag(x, k):
    f = x
    for _ in range(k):
        f = f**2 + f
    return f


def timed_calls(op):
    times = []
    start = now()
    while len(times) < 3 or (len(times) < 201 and now() - start < BUDGET_NS):
        clear_cache()
        a = now()
        op()
        times.append(now() - a)
        if times[-1] > CAP_NS:
            break
    s = sorted(times)
    return {"median_ns": s[len(s) // 2], "worst_ns": s[-1], "best_ns": s[0], "reps": len(s), "iters": 1}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "bench/data/diff_cases.json"
    cases = json.load(open(path))
    capped = False
    for c in cases:
        var = Symbol(c["var"])
        if c["group"] == "dag":
            if capped:
                emit_skip("diff", "sympy", c["name"], "previous DAG case took > 1 s per call")
                continue
            e = dag(var, c["dag"])
        else:
            e = parse_expr(c["text"], local_dict={c["var"]: var},
                           transformations=standard_transformations + (convert_xor,))
        clear_cache()
        a = now()
        diff(e, var)  # warm-up, and a probe for very slow cases
        first = now() - a
        if first > CAP_NS:
            emit("diff", "sympy", c["name"], {"median_ns": first, "worst_ns": first, "best_ns": first,
                                              "reps": 1, "iters": 1})
            capped = capped or c["group"] == "dag"
            continue
        emit("diff", "sympy", c["name"], timed_calls(lambda: diff(e, var)))
        if c["group"] in ("section", "nested"):
            # For reference only: repeats hit SymPy's construction cache.
            emit("diff", "sympy-warm", c["name"], measure(lambda: diff(e, var), budget_ns=5e8))


if __name__ == "__main__":
    main()
