/* SPDX-License-Identifier: GPL-2.0-or-later */
/* User namespace id maps (lib/idmap): a range as nsmap takes it
 * ("INNER:OUTER:COUNT", the first field), and a map as the kernel shows it
 * in /proc/PID/uid_map (the second), then validated, described and
 * formatted. A map that parses formats to text that parses to the same
 * map; a map that validates has no two ranges that overlap, and the id
 * lib/confine picks inside is one it maps. */
#include <ctype.h>
#include <errno.h>

#include "confine.h"
#include "fuzz.h"
#include "idmap.h"

static bool overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return (uint64_t)a < (uint64_t)b + blen && (uint64_t)b < (uint64_t)a + alen;
}

static void range(const char *s)
{
	struct idmap_range r, back;
	char text[40];

	if (idmap_parse_range(s, &r) < 0)
		return;
	idmap_range_format(&r, text, sizeof(text));
	FUZZ_CHECK(idmap_parse_range(text, &back) == 0);
	FUZZ_CHECK(r.inner == back.inner && r.outer == back.outer && r.count == back.count);
}

/* The numbers of the text: every run of digits is one of them. */
static unsigned digit_runs(const char *s)
{
	unsigned n = 0;

	for (; *s; s++)
		if (isdigit((unsigned char)*s) && (s[1] < '0' || s[1] > '9'))
			n++;
	return n;
}

static void check_validate(const struct idmap *m)
{
	unsigned a = ~0u, b = ~0u;
	enum idmap_problem p = idmap_validate(m, &a, &b);
	char line[256];

	idmap_problem_describe(m, p, a, b, line, sizeof(line));
	FUZZ_CHECK(strlen(line) < sizeof(line));
	if (p != IDMAP_OK) {
		FUZZ_CHECK(a < m->count && b < m->count && a <= b);
		return;
	}
	/* the id a process of ours takes inside: one the map has */
	uint32_t id, want = m->count ? m->ranges[m->count - 1].inner : 0;
	if (confine_pick_id(m, want, &id) == 0)
		FUZZ_CHECK(idmap_covers(m, id, 1));
	else
		FUZZ_CHECK(m->count == 0);
	for (unsigned i = 0; i < m->count; i++) {
		const struct idmap_range *r = &m->ranges[i];
		FUZZ_CHECK(r->count > 0 && (uint64_t)r->inner + r->count <= UINT32_MAX);
		FUZZ_CHECK(idmap_covers(m, r->inner, r->count));
		FUZZ_CHECK(idmap_maps_outer(m, r->outer) && idmap_maps_outer(m, r->outer + r->count - 1));
		for (unsigned j = 0; j < i; j++) {
			FUZZ_CHECK(!overlap(r->inner, r->count, m->ranges[j].inner, m->ranges[j].count));
			FUZZ_CHECK(!overlap(r->outer, r->count, m->ranges[j].outer, m->ranges[j].count));
		}
	}
}

static void text(const char *s)
{
	static struct idmap m, back;	/* 4 KiB each: not on the stack */
	static char out[IDMAP_MAX_RANGES * 40 + 1];
	int r = idmap_parse_text(s, &m), len;

	if (r < 0) {
		FUZZ_CHECK(r == -EINVAL || r == -E2BIG);
		return;
	}
	FUZZ_CHECK(m.count <= IDMAP_MAX_RANGES);
	/* three numbers a line, and no number read as two */
	FUZZ_CHECK(digit_runs(s) == 3 * m.count);
	len = idmap_format(&m, out, sizeof(out));
	FUZZ_CHECK(len >= 0 && (size_t)len == strlen(out));
	FUZZ_CHECK(idmap_parse_text(out, &back) == 0 && back.count == m.count);
	/* (an empty map may have no array at all: memcmp takes no NULL) */
	FUZZ_CHECK(m.count == 0 || !memcmp(m.ranges, back.ranges, m.count * sizeof(m.ranges[0])));
	check_validate(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_fields f;

	if (size > 32768 || fuzz_split(data, size, 2, &f) < 0)
		return 0;
	range(f.field[0]);
	text(f.field[1]);
	fuzz_fields_free(&f);
	return 0;
}
