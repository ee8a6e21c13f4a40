/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <string.h>

#include "fmt.h"

size_t fmt_u32(char *buf, uint32_t v)
{
	char digits[FMT_U32_MAX];
	size_t n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		buf[i] = digits[n - 1 - i];
	return n;
}

bool fmt_copy(char *buf, size_t size, const char *s)
{
	size_t len = strnlen(s, size);
	bool whole = len < size;

	if (!whole)
		len = size - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return whole;
}
