/* SPDX-License-Identifier: GPL-2.0-or-later */
/* /etc/subuid and /etc/subgid (lib/subid): the text of the file (second
 * field) searched for a user (first field: "NAME" or "NAME:UID"), as nsmap
 * and nsrun --map-auto read them; then a map in uid_map form (third field)
 * judged by lib/idpolicy against those grants and the user's own id. A
 * grant that is collected is a range of ids that exists, and is covered by
 * the grants; a map the policy lets through maps only granted ids or the
 * caller's own. */
#include "fuzz.h"
#include "idpolicy.h"
#include "parse.h"
#include "subid.h"

/* Whether every id of [start, start+count) lies in some grant, id by id
 * (for short ranges: the slow way, to check subid_covers against). */
static bool granted_one_by_one(const struct subid_grants *g, uint32_t start, uint32_t count)
{
	for (uint64_t id = start; id < (uint64_t)start + count; id++) {
		bool in = false;
		for (unsigned i = 0; i < g->count && !in; i++)
			in = id >= g->ranges[i].start &&
			     id < (uint64_t)g->ranges[i].start + g->ranges[i].count;
		if (!in)
			return false;
	}
	return true;
}

static void policy(const struct subid_grants *g, const char *map_text, uint32_t own)
{
	static struct idmap m;
	unsigned bad = ~0u;
	bool uses_grant;

	if (idmap_parse_text(map_text, &m) < 0)
		return;
	for (unsigned i = 0; i < m.count; i++)
		if (m.ranges[i].count <= 4096)
			FUZZ_CHECK(subid_covers(g, m.ranges[i].outer, m.ranges[i].count) ==
				   granted_one_by_one(g, m.ranges[i].outer, m.ranges[i].count));
	if (idpolicy_check_map(&m, false, own, g, &bad, &uses_grant) == IDPOLICY_OK) {
		for (unsigned i = 0; i < m.count; i++) {
			const struct idmap_range *r = &m.ranges[i];
			FUZZ_CHECK(subid_covers(g, r->outer, r->count) ||
				   (r->count == 1 && r->outer == own));
		}
	} else {
		FUZZ_CHECK(bad < m.count);
	}
	FUZZ_CHECK(idpolicy_check_map(&m, true, own, g, &bad, &uses_grant) == IDPOLICY_OK);
}

static void check(const struct subid_grants *g)
{
	FUZZ_CHECK(g->count <= SUBID_MAX);
	for (unsigned i = 0; i < g->count; i++) {
		const struct subid_range *r = &g->ranges[i];
		FUZZ_CHECK(r->count > 0 && (uint64_t)r->start + r->count <= UINT32_MAX);
		FUZZ_CHECK(subid_covers(g, r->start, r->count));
		FUZZ_CHECK(subid_covers(g, r->start + r->count - 1, 1));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct subid_grants g;	/* its array kept from one input to the next */
	struct fuzz_fields f;
	uint32_t uid = 1000;
	char *colon;

	if (size > 65536 || fuzz_split(data, size, 3, &f) < 0)
		return 0;
	if ((colon = strchr(f.field[0], ':'))) {
		*colon = '\0';
		if (parse_id(colon + 1, &uid) < 0)
			uid = 0;
	}
	subid_parse(f.field[1], f.field[0], uid, &g);
	check(&g);
	policy(&g, f.field[2], uid);
	subid_parse(f.field[1], NULL, uid, &g);
	check(&g);
	fuzz_fields_free(&f);
	return 0;
}
