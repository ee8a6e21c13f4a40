/* /etc/subuid and /etc/subgid (lib/subid): the text of the file (second
 * field) searched for a user (first field: "NAME" or "NAME:UID"), as nsmap
 * and nsrun --map-auto read them. A grant that is collected is a range of
 * ids that exists, and is covered by the grants. */
#include "fuzz.h"
#include "parse.h"
#include "subid.h"

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
	static struct subid_grants g;	/* 2.7 KiB */
	struct fuzz_fields f;
	uint32_t uid = 1000;
	char *colon;

	if (size > 65536 || fuzz_split(data, size, 2, &f) < 0)
		return 0;
	if ((colon = strchr(f.field[0], ':'))) {
		*colon = '\0';
		if (parse_id(colon + 1, &uid) < 0)
			uid = 0;
	}
	subid_parse(f.field[1], f.field[0], uid, &g);
	check(&g);
	subid_parse(f.field[1], NULL, uid, &g);
	check(&g);
	fuzz_fields_free(&f);
	return 0;
}
