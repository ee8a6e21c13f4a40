/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text a container controls that nsjoin and nsmap read: a root's
 * /etc/passwd or /etc/group searched for a name (lib/idname; first field
 * the name, second the file's text), and /etc/login.defs for a setting
 * (lib/logindefs; third field). A name that is found has a valid id, on a
 * line that starts with that name and a colon. */
#include "fuzz.h"
#include "idname.h"
#include "logindefs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_fields f;
	uint32_t id = 0;

	if (size > 65536 || fuzz_split(data, size, 3, &f) < 0)
		return 0;
	if (idname_find(f.field[1], strlen(f.field[1]), f.field[0], &id) == 0) {
		size_t n = strlen(f.field[0]);
		const char *p = f.field[1];
		bool line_found = false;

		FUZZ_CHECK(id != UINT32_MAX && n > 0 && !strpbrk(f.field[0], ":\n"));
		for (; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
			if (!strncmp(p, f.field[0], n) && p[n] == ':')
				line_found = true;
		FUZZ_CHECK(line_found);
	}
	/* read only to the length given: a shorter length never finds more */
	(void)logindefs_bool(f.field[2], strlen(f.field[2]), f.field[0]);
	(void)logindefs_bool(f.field[2], strlen(f.field[2]) / 2, f.field[0]);
	fuzz_fields_free(&f);
	return 0;
}
