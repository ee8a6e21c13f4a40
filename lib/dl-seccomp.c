/* SPDX-License-Identifier: GPL-2.0-or-later */
#define DL_SECCOMP_DEFINE
#include "dl-seccomp.h"

DL_DEFINE_LIBRARY(seccomp, "libseccomp.so.2", DL_SECCOMP_SYMBOLS)
