#!/usr/bin/python3
"""The SymPy-style checker (what PrairieLearn-style graders do) on the answer
set of bench/data/grade_answers.tsv: parse the answer, then
simplify(answer - reference) == 0, plus evaluation at sample points; vectors
component by component, choices by id. SymPy's cache is cleared (untimed)
before every call, as a grader process sees each answer for the first time.
Latency statistics as in bench/grade/ours_grade.cpp: per answer the median
of CALLS timed calls, per box the median and slowest answer.
Boxes the peers cannot express (vector variables, abstract functions) are
marked "-" in the file and skipped."""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from timing import emit, emit_skip, now  # noqa: E402

from sympy import Matrix, N, Symbol, simplify  # noqa: E402
from sympy.core.cache import clear_cache  # noqa: E402
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations  # noqa: E402

CALLS = 5
TRANSFORMS = standard_transformations + (convert_xor,)
POINTS = 5


def parse(text, names):
    value = parse_expr(text, local_dict=names, transformations=TRANSFORMS)
    return Matrix(value) if isinstance(value, (list, tuple)) else value


def check(answer, reference, var_list):
    """-> "correct" | "incorrect" | "invalid", as a grader would decide it."""
    if var_list == "choice":
        return "correct" if answer.strip() == reference else "incorrect"
    positive = var_list == "positive"
    names = {} if var_list == "-" else {v: Symbol(v, positive=positive) for v in
                                        (["x"] if positive else var_list.split(","))}
    try:
        a = parse(answer, names)
    except Exception:  # noqa: BLE001 - any parse failure is an invalid answer
        return "invalid"
    r = parse(reference, names)
    if isinstance(r, Matrix) != isinstance(a, Matrix) or (isinstance(r, Matrix) and r.shape != a.shape):
        return "incorrect"
    diffs = list(a - r) if isinstance(r, Matrix) else [a - r]
    if all(simplify(d) == 0 for d in diffs):
        return "correct"
    # simplify() can miss an identity; the numeric check decides then.
    rng = random.Random(1)
    for _ in range(POINTS):
        point = {s: rng.uniform(0.5, 2.0) for s in names.values()}
        if any(abs(complex(N(d.subs(point)))) > 1e-9 for d in diffs):
            return "incorrect"
    return "correct"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "bench/data/grade_answers.tsv"
    boxes = {}
    for line in open(path, encoding="utf8").read().splitlines():
        if not line or line.startswith("#"):
            continue
        box, expected, _, answer, reference, var_list = line.split("\t")
        b = boxes.setdefault(box, {"times": [], "answers": 0, "unexpected": 0, "skipped": False})
        if answer == "-":
            b["skipped"] = True
            continue
        times, verdict = [], None
        for _ in range(CALLS):
            clear_cache()
            t0 = now()
            verdict = check(answer, reference, var_list)
            times.append(now() - t0)
        b["times"].append(sorted(times)[len(times) // 2])
        b["answers"] += 1
        if verdict != expected:
            b["unexpected"] += 1
            print("%s: %r expected %s, got %s" % (box, answer, expected, verdict), file=sys.stderr)
    for box, b in boxes.items():
        if not b["times"]:
            emit_skip("grade", "sympy", box, "not expressible for the peers")
            continue
        t = sorted(b["times"])
        emit("grade", "sympy", box, {"median_ns": t[len(t) // 2], "worst_ns": t[-1], "best_ns": t[0],
                                     "reps": CALLS, "iters": 1}, answers=b["answers"], unexpected=b["unexpected"])


if __name__ == "__main__":
    main()
