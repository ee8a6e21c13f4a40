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

/* The ranges are an array on the heap sized to what they are (a user
 * has one line or a few; 340 inline put the subgid grants 2.7 KiB from the
 * subuid ones: another page touched on every run, as struct idmap). A
 * zeroed struct (SUBID_EMPTY) has none; subid_release frees the array. */
struct subid_grants {
	unsigned count;
	unsigned capacity;	/* ranges the array holds */
	unsigned malformed;	/* lines skipped as malformed (any user) */
	unsigned dropped;	/* matching lines past SUBID_MAX, or with no memory
				 * for them: never granted, so refused */
	struct subid_range *ranges;
};
#define SUBID_EMPTY { .count = 0 }

/* Free the array; the grants are then empty. */
void subid_release(struct subid_grants *g);
#define _cleanup_subid_ __attribute__((cleanup(subid_release)))

/* Collect the ranges TEXT grants to the user named NAME (NULL: none) or
 * numbered UID into *ret (SUBID_EMPTY, or grants collected before, which
 * it replaces). Blank lines and lines starting with '#' are skipped;
 * malformed lines (not three fields, an empty or non-numeric field, a
 * count of 0, a range past 2^32-1) are skipped and counted. */
void subid_parse(const char *text, const char *name, uint32_t uid, struct subid_grants *ret);
/* The same for a file. A missing file grants nothing (returns 0); other
 * read errors return -errno. */
int subid_read(const char *path, const char *name, uint32_t uid, struct subid_grants *ret);
/* Whether [start, start+count) lies wholly within the union of the
 * grants (adjacent lines may together cover it). */
bool subid_covers(const struct subid_grants *g, uint32_t start, uint32_t count);
