/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /proc/PID/mountinfo (lib/mountinfo): the whole text, with and without
 * the filter by filesystem type that lib/cgroup uses, one line alone, and
 * the lookups over what was parsed. Paths carry octal escapes (\040). */
#include <errno.h>

#include "fuzz.h"
#include "mountinfo.h"

static void check_entries(const struct mountinfo *mi)
{
	for (size_t i = 0; i < mi->count; i++) {
		const struct mnt_entry *e = &mi->entries[i];

		FUZZ_CHECK(e->id >= 0 && e->parent_id >= 0);
		FUZZ_CHECK(e->root && *e->root && e->target && *e->target);
		FUZZ_CHECK(e->options && *e->options && e->optional);
		FUZZ_CHECK(e->fstype && *e->fstype && e->source);
		FUZZ_CHECK(e->super_options && *e->super_options);
		FUZZ_CHECK(e->shared >= 0 && e->master >= 0 && e->propagate_from >= 0);
		FUZZ_CHECK(mnt_entry_propagation(e) != NULL);
		FUZZ_CHECK(mountinfo_find_id(mi, e->id) != NULL);
		if (e->target[0] == '/')
			FUZZ_CHECK(mountinfo_find_path(mi, e->target) != NULL);
	}
	FUZZ_CHECK(mountinfo_share_a_mount(mi, mi) == (mi->count > 0));
}

static size_t lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (*s == '\n' || !s[1])
			n++;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mountinfo all = MOUNTINFO_INIT, cg = MOUNTINFO_INIT;
	struct mnt_entry e;
	size_t bad = 0, n;
	char *text, *line;
	int r_all, r_cg;

	if (size > 65536 || !(text = fuzz_string(data, size)))
		return 0;
	n = lines(text);
	if (!(line = strndup(text, strcspn(text, "\n")))) {
		free(text);
		return 0;
	}
	if (mountinfo_parse_line(line, &e) == 0)
		FUZZ_CHECK(e.fstype && e.source && e.super_options);
	free(line);
	line = strdup(text);
	r_cg = line ? mountinfo_parse_fstype(line, "cgroup", &cg, &bad) : -ENOMEM;
	if (r_cg == 0) {
		check_entries(&cg);
		for (size_t i = 0; i < cg.count; i++)
			FUZZ_CHECK(!strncmp(cg.entries[i].fstype, "cgroup", 6));
	} else {
		FUZZ_CHECK(r_cg == -ENOMEM || (r_cg == -EINVAL && bad >= 1 && bad <= n));
	}
	/* by ids alone (nsroot): a table that parses has its ids */
	int ids[64];
	size_t count = 0;
	int r_ids = mountinfo_text_ids(text, ids, 64, &count);
	if (r_ids == 0) {
		FUZZ_CHECK(count <= n);
		FUZZ_CHECK(mountinfo_text_has_an_id(text, ids, count) == (count > 0));
	} else {
		FUZZ_CHECK(r_ids == -EINVAL || (r_ids == -E2BIG && n > 64));
	}
	r_all = mountinfo_parse(text, &all, &bad);	/* takes text */
	if (r_all == 0) {
		check_entries(&all);
		FUZZ_CHECK(all.count <= n);
		FUZZ_CHECK(r_ids == -E2BIG || (r_ids == 0 && count == all.count));
		FUZZ_CHECK(r_cg != 0 || cg.count <= all.count);
	} else {
		FUZZ_CHECK(r_all == -ENOMEM || (r_all == -EINVAL && bad >= 1 && bad <= n));
	}
	mountinfo_free(&all);
	mountinfo_free(&cg);
	return 0;
}
