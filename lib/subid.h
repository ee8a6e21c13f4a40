/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Subordinate id grants: /etc/subuid and /etc/subgid (subuid(5),
 * subgid(5)). Each line is "USER:START:COUNT", USER being a login name or
 * a numeric uid; a user may have several lines. Both files are keyed by
 * the *user* (subgid too). Parsing is a pure function of the text, so it
 * tests without the real files. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A map holds at most 340 lines; more grants could never be used. */
#define SUBID_MAX 340

struct subid_range {
	uint32_t start, count;
};

/* The counts first, beside the first ranges (as struct idmap). */
struct subid_grants {
	unsigned count;
	unsigned malformed;	/* lines skipped as malformed (any user) */
	unsigned dropped;	/* matching lines past SUBID_MAX */
	struct subid_range ranges[SUBID_MAX];
};

/* Collect the ranges TEXT grants to the user named NAME (NULL: none) or
 * numbered UID. Blank lines and lines starting with '#' are skipped;
 * malformed lines (not three fields, an empty or non-numeric field, a
 * count of 0, a range past 2^32-1) are skipped and counted. */
void subid_parse(const char *text, const char *name, uint32_t uid, struct subid_grants *ret);
/* The same for a file. A missing file grants nothing (returns 0); other
 * read errors return -errno. */
int subid_read(const char *path, const char *name, uint32_t uid, struct subid_grants *ret);
/* Whether [start, start+count) lies wholly within the union of the
 * grants (adjacent lines may together cover it). */
bool subid_covers(const struct subid_grants *g, uint32_t start, uint32_t count);
