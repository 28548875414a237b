#!/usr/bin/python3
"""Prints the reference table of tests/core/libm_test.cpp: each function at
awkward arguments, with the correctly rounded double computed by mpmath at 400
bits (a decimal string of 40 digits, which C++ and Python both round exactly
once to the nearest double, subnormals included).

Run: /usr/bin/python3 tests/core/libm_reference.py > /tmp/table.inc
"""
import math

import mpmath

mpmath.mp.prec = 400
M = mpmath.mp

H = float.fromhex

def hexd(x):
    if math.isnan(x):
        return 'kNaN'
    if math.isinf(x):
        return 'kInf' if x > 0 else '-kInf'
    if x == 0:
        return '-0.0' if math.copysign(1, x) < 0 else '0.0'
    return float.hex(x)

def rounded(v):
    """The double nearest to the mpf v (ties to even), via one exact decimal rounding."""
    if M.isnan(v):
        return math.nan
    if M.isinf(v):
        return math.inf if v > 0 else -math.inf
    return float(mpmath.nstr(v, 60, min_fixed=1, max_fixed=0))

def ref(fn, *args):
    mp_args = [M.mpf(a) for a in args]
    return rounded(fn(*mp_args))

def sign0(x, v):
    """Odd functions keep the sign of a zero argument."""
    return math.copysign(0.0, x) if x == 0 else v

TINY = 2.0 ** -1074          # smallest subnormal
SUB = H('0x1.8p-1030')            # a subnormal with several bits
HUGE = 1.7976931348623157e308
PI_D = math.pi               # pi rounded to double: sin/tan near their zero
trig_args = [-0.0, TINY, SUB, H('0x1p-30'), 0.5, PI_D / 2, PI_D, 3 * PI_D / 2, 355.0, 1e6, 3e9,
             H('0x1.921fb54442d18p20'), 1e22, H('0x1p300'), 1e300, H('0x1p1023'), HUGE, -1e22]

rows = []  # (name, x, y-or-None, expected)
for x in trig_args:
    rows.append(('sin', x, None, sign0(x, ref(mpmath.sin, x))))
    rows.append(('cos', x, None, ref(mpmath.cos, x)))
    rows.append(('tan', x, None, sign0(x, ref(mpmath.tan, x))))
for x in [-0.0, TINY, H('0x1p-600'), 0.5, -0.5, H('0x1.fffffffffffffp-1'), 1.0, -1.0]:
    rows.append(('asin', x, None, sign0(x, ref(mpmath.asin, x))))
    rows.append(('acos', x, None, ref(mpmath.acos, x)))
for x in [-0.0, TINY, H('0x1p-600'), 0.4375, 1.0, -2.4375, 1e10, H('0x1p66'), 1e300, HUGE]:
    rows.append(('atan', x, None, sign0(x, ref(mpmath.atan, x))))
for x in [-0.0, TINY, H('0x1p-30'), 0.25, 1.0, -3.5, 22.0, 40.0, 709.0, 710.4758600739439, -710.4758600739439]:
    rows.append(('sinh', x, None, sign0(x, ref(mpmath.sinh, x))))
    rows.append(('cosh', x, None, ref(mpmath.cosh, x)))
    rows.append(('tanh', x, None, sign0(x, ref(mpmath.tanh, x))))
for x in [-0.0, TINY, H('0x1p-60'), 1.0, -1.0, 0.5, 10.0, 88.72283905206835, 700.0, 709.782712893384,
          -708.3964185322641, -740.0, -745.1332191019411, H('0x1.62e42fefa39efp9')]:
    rows.append(('exp', x, None, ref(mpmath.exp, x)))
for x in [TINY, SUB, H('0x1p-1022'), H('0x1.0000000000001p0'), H('0x1.fffffffffffffp-1'), 0.5, 2.0, 10.0, 1e300, HUGE]:
    rows.append(('log', x, None, ref(mpmath.log, x)))
for x in [-27.0, 2.0, 1e-300, TINY, SUB, H('0x1p-1022'), 1e300, HUGE]:
    rows.append(('cbrt', x, None, ref(mpmath.cbrt, x) if x > 0 else -ref(mpmath.cbrt, -x)))
for x, y in [(2.0, 0.5), (10.0, -2.0), (10.0, 0.3010299956639812), (2.0, -1074.0), (2.0, -1022.5),
             (2.0, 1023.0), (0.5, 1074.0), (1.0000001, 1e9), (0.9999999999, -1e12), (-2.0, 3.0),
             (-2.0, -1073.0), (-0.5, -1023.0), (3.0, 0.5), (1e-300, 0.001), (7.0, 363.0)]:
    v = M.mpf(x) ** M.mpf(y) if x > 0 else (-1) ** int(y) * (-M.mpf(x)) ** M.mpf(y)
    rows.append(('pow', x, y, rounded(v)))

print('// Unary functions: {name, x, correctly rounded f(x)}.')
for name, x, y, expected in rows:
    if y is None:
        print(f'    {{"{name}", {hexd(x)}, {hexd(expected)}}},')
print('// pow: {x, y, correctly rounded x^y}.')
for name, x, y, expected in rows:
    if y is not None:
        print(f'    {{{hexd(x)}, {hexd(y)}, {hexd(expected)}}},')
