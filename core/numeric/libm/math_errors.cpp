// Vendored from musl 1.2.2 src/math/__math_{xflow,oflow,uflow,invalid,divzero}.c
// (as shipped with Emscripten 3.1.6); see COPYRIGHT. Adapted to C++ in
// namespace calc::libm; the arithmetic is unchanged.
#include "numeric/libm/musl_support.h"

namespace calc::libm {

double math_xflow(uint32_t sign, double y)
{
	return eval_as_double(fp_barrier(sign ? -y : y) * y);
}

double math_oflow(uint32_t sign)
{
	return math_xflow(sign, 0x1p769);
}

double math_uflow(uint32_t sign)
{
	return math_xflow(sign, 0x1p-767);
}

double math_invalid(double x)
{
	return (x - x) / (x - x);
}

double math_divzero(uint32_t sign)
{
	return fp_barrier(sign ? -1.0 : 1.0) / 0.0;
}

}  // namespace calc::libm
