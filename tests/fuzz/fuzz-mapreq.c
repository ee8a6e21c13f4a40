/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun's --map-users values (lib/mapreq: INNER:OUTER:COUNT, OUTER,INNER,
 * COUNT, auto, subids, all; first field) and the carving of the caller's
 * own id out of a range (second field "INNER OUTER", then the range
 * parsed from the first): the pieces lose at most one id, never hold the
 * own id on either side, and keep the range's order. */
#include "fuzz.h"
#include "mapreq.h"
#include "parse.h"

static bool holds(uint32_t start, uint32_t count, uint32_t id)
{
	return id >= start && (uint64_t)id < (uint64_t)start + count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mapreq m;
	struct fuzz_fields f;
	uint32_t inner = 0, outer = 0;
	char *space;

	if (size > 4096 || fuzz_split(data, size, 2, &f) < 0)
		return 0;
	mapwrite_request_release(&m.req);
	memset(&m, 0, sizeof(m));
	if (mapreq_add_range(&m, false, f.field[0]) == 0 && m.req.uid.count == 1) {
		struct idmap_range r = m.req.uid.ranges[0], p[3];
		uint64_t total = 0, last_in = 0, last_out = 0;
		unsigned n;

		if ((space = strchr(f.field[1], ' '))) {
			*space = '\0';
			if (parse_u32(f.field[1], &inner) < 0 || parse_u32(space + 1, &outer) < 0)
				inner = outer = 0;
		}
		mapreq_carve(r, inner, outer, p, &n);
		FUZZ_CHECK(n <= 3);
		/* past the largest id: whole, for the check to refuse */
		if ((uint64_t)r.inner + r.count > UINT32_MAX || (uint64_t)r.outer + r.count > UINT32_MAX) {
			FUZZ_CHECK(n == 1 && !memcmp(&p[0], &r, sizeof(r)));
			fuzz_fields_free(&f);
			return 0;
		}
		for (unsigned i = 0; i < n; i++) {
			FUZZ_CHECK(p[i].count > 0);
			FUZZ_CHECK(!holds(p[i].inner, p[i].count, inner));
			FUZZ_CHECK(!holds(p[i].outer, p[i].count, outer));
			FUZZ_CHECK(p[i].inner >= last_in && p[i].outer >= last_out);
			last_in = (uint64_t)p[i].inner + p[i].count;
			last_out = (uint64_t)p[i].outer + p[i].count;
			total += p[i].count;
		}
		FUZZ_CHECK(total == r.count || total + 1 == r.count);
	}
	fuzz_fields_free(&f);
	return 0;
}
