/* SPDX-License-Identifier: GPL-2.0-or-later */
#define DL_SMARTCOLS_DEFINE
#include "dl-smartcols.h"

DL_DEFINE_LIBRARY(smartcols, "libsmartcols.so.1", DL_SMARTCOLS_SYMBOLS)
