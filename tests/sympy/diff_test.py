#!/usr/bin/python3
"""Differential test of `workbook diff` against SymPy.

Generates seeded random expressions of x and y, written once in the
workbook's learner syntax (with its variants: implicit products, ^ and **,
e^(u), ln) and once as a SymPy expression; asks the workbook for d/dx of every
one in a single `workbook diff --batch` run; reads the workbook's answer back
into SymPy and compares it with SymPy's own derivative at several points.

Usage: diff_test.py WORKBOOK_BINARY [--count N] [--seed S]
Prints "N passed, M failed" and exits non-zero when anything failed.
"""
import argparse
import random
import subprocess
import sys

import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

X, Y = sp.symbols("x y", real=True)
PRECISION = 30
TOLERANCE = 1e-9

# (our name, SymPy function, argument guard). The guard keeps arguments in
# the function's real domain often enough that most points are usable.
UNARY = [
    ("sin", sp.sin), ("cos", sp.cos), ("tan", sp.tan), ("exp", sp.exp), ("log", sp.log),
    ("ln", sp.log), ("sqrt", sp.sqrt), ("atan", sp.atan), ("sinh", sp.sinh), ("cosh", sp.cosh),
    ("tanh", sp.tanh), ("abs", sp.Abs), ("asin", sp.asin), ("acos", sp.acos),
]


class Generator:
    def __init__(self, rng):
        self.rng = rng

    def leaf(self):
        r = self.rng.random()
        if r < 0.55:
            return "x", X
        if r < 0.7:
            return "y", Y
        if r < 0.9:
            n = self.rng.randint(1, 9)
            return str(n), sp.Integer(n)
        p, q = self.rng.randint(1, 7), self.rng.randint(2, 5)
        return f"({p}/{q})", sp.Rational(p, q)

    def expr(self, depth):
        if depth <= 0 or self.rng.random() < 0.2:
            return self.leaf()
        r = self.rng.random()
        if r < 0.25:
            name, fn = self.rng.choice(UNARY)
            a, sa = self.expr(depth - 1)
            if name in ("asin", "acos"):  # keep the argument inside (-1, 1)
                a, sa = f"({a})/(1 + ({a})^2)", sa / (1 + sa ** 2)
            if name == "exp" and self.rng.random() < 0.5:
                return f"e^({a})", fn(sa)
            return f"{name}({a})", fn(sa)
        if r < 0.45:
            a, sa = self.expr(depth - 1)
            b, sb = self.expr(depth - 1)
            op = self.rng.choice("+-")
            if op == "-" and not b.isalnum():
                b = f"({b})"  # a - (b + c), not a - b + c
            return f"{a} {op} {b}", (sa + sb if op == "+" else sa - sb)
        if r < 0.65:
            a, sa = self.expr(depth - 1)
            b, sb = self.expr(depth - 1)
            if self.rng.random() < 0.3 and a.isdigit() and b in ("x", "y"):
                return f"{a}{b}", sa * sb  # implicit product as learners type it: 3x
            star = self.rng.choice(["*", "*", "·", " "]) if b.startswith("(") else "*"
            return f"({a}){star}({b})", sa * sb
        if r < 0.8:
            a, sa = self.expr(depth - 1)
            b, sb = self.expr(depth - 1)
            return f"({a})/({b})", sa / sb
        a, sa = self.expr(depth - 1)
        caret = self.rng.choice(["^", "^", "**"])
        k = self.rng.random()
        if k < 0.6:
            n = self.rng.choice([-3, -2, -1, 2, 2, 3, 4])
            exponent = f"({n})" if n < 0 else str(n)
            return f"({a}){caret}{exponent}", sa ** n
        if k < 0.8:
            p, q = self.rng.choice([(1, 2), (3, 2), (-1, 2), (1, 3), (2, 3)])
            return f"({a}){caret}({p}/{q})", sa ** sp.Rational(p, q)
        b, sb = self.expr(depth - 1)  # a general power f^g
        return f"({a}){caret}({b})", sa ** sb


def real_value(e, point):
    """e at point as a float, or None where it is not a finite real number."""
    try:
        v = e.evalf(PRECISION, subs=point)
        v = complex(v)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if v.imag != 0 and abs(v.imag) > 1e-12 * (1 + abs(v.real)):
        return None
    r = v.real
    if r != r or abs(r) == float("inf") or abs(r) > 1e12:
        return None
    return r


def defined_in_reals(f, point):
    """f is real at point, and so is every argument of abs in it: abs hides a
    complex intermediate value (abs(ln(x)^x) for ln(x) < 0), which is outside
    the real domain the workbook differentiates over."""
    if real_value(f, point) is None:
        return False
    return all(real_value(a.args[0], point) is not None for a in f.atoms(sp.Abs))


LOCALS = {"x": X, "y": Y, "e": sp.E, "pi": sp.pi, "ln": sp.log, "log": sp.log, "abs": sp.Abs,
          "sqrt": sp.sqrt, "exp": sp.exp}


def read_ours(text):
    return parse_expr(text.replace("^", "**"), local_dict=LOCALS, transformations=standard_transformations)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--seed", type=int, default=20241128)
    ap.add_argument("--points", type=int, default=4)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    gen = Generator(rng)
    cases = []  # (ours, sympy derivative, [(point, expected)])
    attempts = 0
    while len(cases) < args.count and attempts < 50 * args.count:
        attempts += 1
        ours, f = gen.expr(rng.randint(1, 4))
        if not f.has(X) or sp.count_ops(f) > 60:
            continue
        df = sp.diff(f, X)
        checks = []
        for _ in range(args.points):
            point = {X: sp.Float(rng.uniform(0.3, 2.5), PRECISION), Y: sp.Float(rng.uniform(0.2, 1.5), PRECISION)}
            if not defined_in_reals(f, point):
                continue
            expected = real_value(df, point)
            if expected is not None:
                checks.append((point, expected))
        if len(checks) >= 2:
            cases.append((ours, df, checks))

    batch = "".join(f"{ours}\tx\n" for ours, _, _ in cases)
    run = subprocess.run([args.workbook, "diff", "--batch"], input=batch, capture_output=True, text=True,
                         timeout=600)
    answers = run.stdout.split("\n")
    if run.returncode != 0 or len(answers) < len(cases):
        print(f"workbook diff --batch failed (exit {run.returncode}): {run.stderr.strip()}")
        print(f"0 passed, {len(cases)} failed")
        return 1

    passed, failures = 0, []
    for (ours, df, checks), answer in zip(cases, answers):
        problem = None
        if answer.startswith("error:"):
            problem = answer
        else:
            try:
                mine = read_ours(answer)
            except Exception as ex:  # noqa: BLE001 - any unreadable answer is a failure
                mine, problem = None, f"SymPy cannot read the answer ({type(ex).__name__})"
            if mine is not None:
                for point, expected in checks:
                    got = real_value(mine, point)
                    if got is None or abs(got - expected) > TOLERANCE * (1 + abs(expected)):
                        px = float(point[X])
                        py = float(point[Y])
                        problem = f"at x={px:.6g}, y={py:.6g}: workbook {got}, SymPy {expected}"
                        break
        if problem is None:
            passed += 1
        else:
            failures.append(f"d/dx {ours}\n    workbook: {answer}\n    sympy:    {df}\n    {problem}")

    for f in failures[:25]:
        print("FAIL " + f)
    if len(failures) > 25:
        print(f"... and {len(failures) - 25} more")
    print(f"{passed} passed, {len(failures)} failed")
    return 0 if not failures and passed >= min(500, args.count) else 1


if __name__ == "__main__":
    sys.exit(main())
