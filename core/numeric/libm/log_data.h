/*
 * Copyright (c) 2018, Arm Limited.
 * SPDX-License-Identifier: MIT
 */
// Adapted to C++ in namespace calc::libm (see COPYRIGHT).
#pragma once

#include <cstdint>

namespace calc::libm {

#define LOG_TABLE_BITS 7
#define LOG_POLY_ORDER 6
#define LOG_POLY1_ORDER 12
extern const struct log_data {
	double ln2hi;
	double ln2lo;
	/* poly1 before poly: C++ designated initializers follow declaration order.  */
	double poly1[LOG_POLY1_ORDER - 1];
	double poly[LOG_POLY_ORDER - 1]; /* First coefficient is 1.  */
	struct {
		double invc, logc;
	} tab[1 << LOG_TABLE_BITS];
	/* Always present: this libm never uses fma, so results do not depend on -mfma.  */
	struct {
		double chi, clo;
	} tab2[1 << LOG_TABLE_BITS];
} log_table;

}  // namespace calc::libm
