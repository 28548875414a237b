/*
 * Copyright (c) 2018, Arm Limited.
 * SPDX-License-Identifier: MIT
 */
// Adapted to C++ in namespace calc::libm (see COPYRIGHT).
#pragma once

#include <cstdint>

namespace calc::libm {

#define EXP_TABLE_BITS 7
#define EXP_POLY_ORDER 5
#define EXP2_POLY_ORDER 5
extern const struct exp_data {
	/* shift after negln2loN: C++ designated initializers follow declaration order.  */
	double invln2N;
	double negln2hiN;
	double negln2loN;
	double shift;
	double poly[4]; /* Last four coefficients.  */
	double exp2_shift;
	double exp2_poly[EXP2_POLY_ORDER];
	uint64_t tab[2*(1 << EXP_TABLE_BITS)];
} exp_table;

}  // namespace calc::libm
