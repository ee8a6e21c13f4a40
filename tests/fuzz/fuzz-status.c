/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /proc/PID/status (lib/join's ids, lib/init's signal masks): the text of
 * the file, searched for the fields the tools read. A field that parses
 * is written in the file as the kernel writes it: "Uid:" then four
 * decimal ids, "SigBlk:" then 16 hex digits. */
#include <ctype.h>
#include <errno.h>

#include "fuzz.h"
#include "init.h"
#include "join.h"

/* The text of field NAME's line after its colon, or NULL. */
static const char *field(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *line = text; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (!strncmp(line, name, n) && line[n] == ':')
			return line + n + 1;
	return NULL;
}

/* The field's text when the parser (result r) found it, else NULL: a
 * parser says -ENOENT exactly when the field is missing. */
static const char *found(int r, const char *text, const char *name)
{
	const char *v = field(text, name);

	FUZZ_CHECK(r == 0 || r == -EINVAL || r == -ENOENT);
	FUZZ_CHECK((r == -ENOENT) == !v);
	return r == 0 ? v : NULL;
}

static void ids(const char *text, const char *name)
{
	uint32_t id;
	const char *v = found(join_status_id(text, name, &id), text, name);

	if (!v)
		return;
	/* the second number of the line (the effective id), in decimal */
	v += strspn(v, "\t ");
	v += strspn(v, "0123456789");
	v += strspn(v, "\t ");
	FUZZ_CHECK(v[0] >= '0' && v[0] <= '9' && strtoull(v, NULL, 10) == id);
}

static void mask(const char *text, const char *name)
{
	uint64_t m = 0;
	const char *v = found(init_status_sigmask(text, name, &m), text, name);

	if (!v)
		return;
	v += strspn(v, "\t ");
	/* hex digits only: no sign, no 0x, at most 64 bits */
	size_t digits = strspn(v, "0123456789abcdefABCDEF");
	FUZZ_CHECK(digits >= 1 && digits <= 16);
	FUZZ_CHECK(v[digits] == '\0' || v[digits] == '\n');
	FUZZ_CHECK(strtoull(v, NULL, 16) == m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size > 8192 || !(text = fuzz_string(data, size)))
		return 0;
	ids(text, "Uid");
	ids(text, "Gid");
	mask(text, "SigBlk");
	mask(text, "SigCgt");
	mask(text, "SigIgn");
	free(text);
	return 0;
}
