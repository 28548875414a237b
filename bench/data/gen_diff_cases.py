#!/usr/bin/python3
"""Writes diff_cases.json: the shared expression set every differentiation
benchmark reads, so GiNaC, SymPy, math.js and our core work on the same input.

Texts use only syntax all four parsers read the same way: explicit '*', '^'
with integer exponents, full parentheses, and sin cos exp log sqrt tanh.
Generated expressions are seeded, so the files are reproducible:
    /usr/bin/python3 bench/data/gen_diff_cases.py
It also writes diff_cases.tsv (group, name, var, text or DAG depth) for the
C++ programs, which then need no JSON parser.
"""
import json
import os
import random

SECTION = [
    ("3x^2-4x", "3*x^2 - 4*x", "x"),
    ("x^3-1/x", "x^3 - 1/x", "x"),
    ("3x1^2+5e^x2 d/dx1", "3*x_1^2 + 5*exp(x_2)", "x_1"),
    ("3x1^2+5e^x2 d/dx2", "3*x_1^2 + 5*exp(x_2)", "x_2"),
    ("x^x", "x^x", "x"),
    ("sin(x)e^x/(1+x^2)", "sin(x)*exp(x)/(1 + x^2)", "x"),
]

NESTED = [
    ("sin(cos(exp(x^2)))", "sin(cos(exp(x^2)))", "x"),
    ("log(1+exp(sin x cos x))", "log(1 + exp(sin(x)*cos(x)))", "x"),
    ("exp(sin^2+cos^2)/sqrt(1+x^4)", "exp(sin(x)^2 + cos(x)^2)/sqrt(1 + x^4)", "x"),
    ("tanh(log(1+x^2))^3", "tanh(log(1 + x^2))^3", "x"),
    ("x^sin(x)*log(x)", "x^sin(x)*log(x)", "x"),
]

UNARY = ["sin", "cos", "exp", "log"]
BINARY = ["+", "-", "*", "/"]


def generate(rng, n):
    """A random expression tree with exactly n nodes, as fully parenthesized text."""
    if n == 1:
        return rng.choice(["x", "x", "y", str(rng.randint(1, 9))])
    if n == 2:
        return "%s(%s)" % (rng.choice(UNARY), generate(rng, 1))
    roll = rng.random()
    if roll < 0.2:
        return "%s(%s)" % (rng.choice(UNARY), generate(rng, n - 1))
    if roll < 0.3:
        return "(%s)^%d" % (generate(rng, n - 2), rng.randint(2, 4))
    left = rng.randint(1, n - 2)
    return "(%s %s %s)" % (generate(rng, left), rng.choice(BINARY), generate(rng, n - 1 - left))


def well_defined(text):
    """Rejects texts that fold to a division by zero (e.g. 1/(x - x)), which
    some systems reject at parse time; all peers must accept every case."""
    from sympy import zoo, nan, oo
    from sympy.parsing.sympy_parser import parse_expr, standard_transformations, convert_xor
    e = parse_expr(text, transformations=standard_transformations + (convert_xor,))
    return not e.has(zoo, nan, oo, -oo)


def main():
    cases = []
    for name, text, var in SECTION:
        cases.append({"group": "section", "name": name, "text": text, "var": var})
    for name, text, var in NESTED:
        cases.append({"group": "nested", "name": name, "text": text, "var": var})
    rng = random.Random(20240601)
    for size in (10, 100, 1000):
        for i in range(3):
            text = generate(rng, size)
            while not well_defined(text):
                text = generate(rng, size)
            cases.append({"group": "generated", "name": "gen n=%d #%d" % (size, i + 1),
                          "text": text, "var": "x", "size": size})
    # f_0 = x, f_{k+1} = f_k^2 + f_k: the tree has ~2^(k+2) nodes, the DAG O(k^2).
    # Every implementation builds it by construction, not from text.
    for k in (4, 8, 12, 16, 20, 24, 32):
        tree = 1
        for _ in range(k):
            tree = 2 * tree + 3  # f^2 (pow node, exponent 2) + f (add node)
        cases.append({"group": "dag", "name": "dag k=%d" % k, "dag": k, "var": "x", "tree_size": tree})
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "diff_cases.json"), "w") as f:
        f.write(json.dumps(cases, indent=1) + "\n")
    with open(os.path.join(here, "diff_cases.tsv"), "w") as f:
        for c in cases:
            f.write("\t".join([c["group"], c["name"], c["var"], c.get("text", str(c.get("dag", "")))]) + "\n")


if __name__ == "__main__":
    main()
