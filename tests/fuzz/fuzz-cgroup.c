/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgroup layout discovery (lib/cgroup): the texts of /proc/self/mountinfo
 * (first field) and /proc/PID/cgroup (second) into the hierarchies, a
 * group name and its parent (third and fourth) resolved in each, and a v2
 * cgroup.controllers text (fifth). */
#include <errno.h>

#include "cgroup.h"
#include "fuzz.h"

/* A cgroup path as cg_resolve promises it: absolute, normalised. */
static void check_path(const char *p)
{
	FUZZ_CHECK(p[0] == '/');
	FUZZ_CHECK(!strstr(p, "//"));
	FUZZ_CHECK(!strcmp(p, "/") || p[strlen(p) - 1] != '/');
	FUZZ_CHECK(!strchr(p, '\n'));
	FUZZ_CHECK(cg_name_check(p) == 0);
}

static void proc_lines(const char *text)
{
	char *copy = strdup(text), *cursor = copy;
	struct cg_proc_line l;
	int r, guard = 0;

	while (copy && (r = cg_proc_next(&cursor, &l)) != 0) {
		FUZZ_CHECK(r == 1 || r == -EINVAL);
		FUZZ_CHECK(++guard <= 65536);
		if (r < 0)
			continue;
		FUZZ_CHECK(l.path[0] == '/' && !strchr(l.path, '\n'));
		FUZZ_CHECK((l.id == 0) == (l.controllers[0] == '\0'));
	}
	free(copy);
}

static void hierarchies(const struct fuzz_fields *f)
{
	static struct cg_sys sys;
	struct mountinfo mi = MOUNTINFO_INIT;
	char *mtext = strdup(f->field[0]), *paths[CG_MAX_HIER];
	char buf[4096], dir[4096];
	size_t bad;
	int r;

	if (!mtext || mountinfo_parse(mtext, &mi, &bad) < 0)
		return;
	cg_sys_init(&sys);
	r = cg_sys_parse(&sys, &mi, f->field[1]);
	FUZZ_CHECK(sys.n <= CG_MAX_HIER);
	if (r == 0) {
		cg_sys_finish(&sys);
		FUZZ_CHECK(sys.v2 < (int)sys.n);
		for (int c = 0; c < CG_NCTRL; c++)
			FUZZ_CHECK(sys.ctrl_hier[c] < (int)sys.n);
		for (unsigned i = 0; i < sys.n; i++) {
			const char *parent = *f->field[3] ? f->field[3] : NULL;
			FUZZ_CHECK(sys.h[i].self[0] == '/');
			if (cg_resolve(&sys.h[i], parent, f->field[2], buf, sizeof(buf)) == 0) {
				check_path(buf);
				if (cg_dir(&sys.h[i], buf, dir, sizeof(dir)) == 0)
					FUZZ_CHECK(!strncmp(dir, sys.h[i].mount, strlen(sys.h[i].mount)));
			}
			if (cg_resolve(&sys.h[i], "self", f->field[2], buf, sizeof(buf)) == 0)
				check_path(buf);
		}
		char *text = strdup(f->field[1]);
		if (text && cg_sys_paths(&sys, text, paths) == 0)
			for (unsigned i = 0; i < CG_MAX_HIER; i++) {
				FUZZ_CHECK(!paths[i] || (i < sys.n && paths[i][0] == '/'));
				free(paths[i]);
			}
		free(text);
	}
	cg_sys_free(&sys);
	mountinfo_free(&mi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_fields f;
	int c;

	if (size > 65536 || fuzz_split(data, size, 5, &f) < 0)
		return 0;
	proc_lines(f.field[1]);
	hierarchies(&f);
	if (cg_name_check(f.field[2]) == 0)
		FUZZ_CHECK(!strchr(f.field[2], '\n') && !strstr(f.field[2], "//"));
	FUZZ_CHECK(cg_parse_controllers(f.field[4]) < (1u << CG_NCTRL));
	if ((c = cg_ctrl_from_name(f.field[4])) >= 0)
		FUZZ_CHECK(c < CG_NCTRL && (!strcmp(cg_ctrl_name(c), f.field[4]) ||
					    !strcmp(cg_ctrl_v1_name(c), f.field[4])));
	fuzz_fields_free(&f);
	return 0;
}
