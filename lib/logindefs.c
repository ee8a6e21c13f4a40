/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <string.h>
#include <strings.h>

#include "logindefs.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The value of a "NAME VALUE" line, if its name is name: its start, and
 * its length in *ret_len (trailing blanks and a closing quote dropped). */
static const char *line_value(const char *line, size_t len, const char *name, size_t *ret_len)
{
	const char *p = line, *end = line + len;
	size_t n = strlen(name);

	while (p < end && is_blank(*p))
		p++;
	if ((size_t)(end - p) <= n || memcmp(p, name, n) != 0 || !is_blank(p[n]))
		return NULL;
	p += n;
	while (p < end && is_blank(*p))
		p++;
	while (end > p && is_blank(end[-1]))
		end--;
	/* shadow takes a value in double quotes as its content */
	if (end - p >= 2 && *p == '"' && end[-1] == '"') {
		p++;
		end--;
	}
	*ret_len = (size_t)(end - p);
	return p;
}

bool logindefs_bool(const char *text, size_t len, const char *name)
{
	const char *p = text, *end = text + len, *value = NULL;
	size_t value_len = 0;

	if (!*name)
		return false;
	/* the last line that sets it wins, as in shadow */
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t line_len = (size_t)((nl ? nl : end) - p), l;
		const char *v = line_len && *p != '#' ? line_value(p, line_len, name, &l) : NULL;

		if (v) {
			value = v;
			value_len = l;
		}
		p += line_len + 1;
	}
	return value && value_len == 3 && strncasecmp(value, "yes", 3) == 0;
}
