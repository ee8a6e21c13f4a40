/* SPDX-License-Identifier: GPL-2.0-or-later */
#define DL_JSONC_DEFINE
#include "dl-jsonc.h"

DL_DEFINE_LIBRARY(jsonc, "libjson-c.so.5", DL_JSONC_SYMBOLS)
