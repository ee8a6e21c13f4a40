/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text without printf, for the steps every run takes: printf's first use
 * costs a run a few page faults in libc's vfprintf and its tables (~8 us
 * here, the price of nsmap's whole option parsing: bench/nsmap.sh), and
 * these need only decimal numbers and strings. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The longest fmt_u32 writes: "4294967295". */
#define FMT_U32_MAX 10

/* The decimal digits of v at buf, with no NUL: their number. */
size_t fmt_u32(char *buf, uint32_t v);
/* s into buf (size > 0), NUL-terminated: true when it fits whole; false
 * when it does not, buf holding as much as fits (as snprintf "%s"). */
bool fmt_copy(char *buf, size_t size, const char *s);
