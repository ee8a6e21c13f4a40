/* SPDX-License-Identifier: GPL-2.0-or-later */
/* User and group id maps: parse, validate, format and write them
 * (user_namespaces(7)). Parsing and validation are pure; writers take the
 * /proc/PID directory fd of the target, so that the write goes to the
 * process the caller's pidfd names. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kernel accepts at most 340 lines per map (since Linux 4.15). */
#define IDMAP_MAX_RANGES 340
/* The longest line of a map's text: "4294967295 4294967295 4294967295\n". */
#define IDMAP_LINE_MAX 33

struct idmap_range {
	uint32_t inner, outer, count;
};

/* A map's ranges are an array sized to what it holds: storage its owner
 * gives (IDMAP_ON), or the heap, grown by idmap_add from 4 ranges up to
 * IDMAP_MAX_RANGES. A short map is then a few dozen bytes: the uid and gid
 * maps of a request sit side by side, where 340 ranges inline put their
 * heads 4 KiB apart, each head a fresh page and a page fault on every run
 * of nsmap (~4 us each here: bench/nsmap.sh). A zeroed struct is an empty
 * map; one that grew on the heap is freed by idmap_release. */
struct idmap {
	unsigned count;
	unsigned capacity;		/* ranges the array holds */
	bool heap;			/* the array is malloc'd */
	struct idmap_range *ranges;
};
/* An empty map on the owner's array (no heap until it outgrows it): the
 * initializer (of a static struct too), and the value. */
#define IDMAP_INIT_ON(array) { .capacity = sizeof(array) / sizeof((array)[0]), .ranges = (array) }
#define IDMAP_ON(array) ((struct idmap)IDMAP_INIT_ON(array))

enum idmap_problem {
	IDMAP_OK = 0,
	IDMAP_ZERO_COUNT,	/* a range of 0 ids */
	IDMAP_OVERFLOW,		/* inner or outer end past 2^32 - 1 */
	IDMAP_INNER_OVERLAP,	/* two ranges share an inner id */
	IDMAP_OUTER_OVERLAP,	/* two ranges share an outer id */
	IDMAP_TOO_MANY,		/* more than IDMAP_MAX_RANGES */
};

/* Parse "INNER:OUTER:COUNT". Returns 0 or -EINVAL/-ERANGE. */
int idmap_parse_range(const char *s, struct idmap_range *ret);
/* Append a range; -E2BIG past IDMAP_MAX_RANGES, -ENOMEM if the array
 * cannot grow (the map is then as it was). */
int idmap_add(struct idmap *m, struct idmap_range r);
/* Free a grown array; the map is then empty, with no storage. */
void idmap_release(struct idmap *m);
/* A map released when it goes out of scope (initialize it: IDMAP_EMPTY). */
#define _cleanup_idmap_ __attribute__((cleanup(idmap_release)))
#define IDMAP_EMPTY { .count = 0 }
/* Check a whole map; on a problem, *ret_a and *ret_b index the ranges
 * involved (the same index when one range is at fault). */
enum idmap_problem idmap_validate(const struct idmap *m, unsigned *ret_a, unsigned *ret_b);
const char *idmap_problem_text(enum idmap_problem p);
/* Whether outer id `outer` lies within a range of m (is mapped). Pure. */
bool idmap_maps_outer(const struct idmap *m, uint32_t outer);
/* Whether the ids first .. first+count-1 (inner ids of m) lie within one
 * range of m: the kernel's rule for the outer side of a child's map,
 * checked against the writer's own map. */
bool idmap_covers(const struct idmap *m, uint32_t first, uint32_t count);
/* "0:100000:65536" */
void idmap_range_format(const struct idmap_range *r, char *buf, size_t size);
/* The text the kernel expects: "INNER OUTER COUNT\n" per range. Returns
 * the length, or -ENOSPC. */
int idmap_format(const struct idmap *m, char *buf, size_t size);
/* Write the map to FILE ("uid_map" or "gid_map") under procfd, in one
 * write(2) as the kernel requires. */
int idmap_write_at(int procfd, const char *file, const struct idmap *m);
/* Write "allow" or "deny" to setgroups under procfd. */
int idmap_write_setgroups_at(int procfd, bool allow);
/* One line for a problem idmap_validate found, naming the ranges:
 * "ranges 0:100000:65536 and 1000:100500:1 overlap". */
void idmap_problem_describe(const struct idmap *m, enum idmap_problem p, unsigned a, unsigned b,
			    char *buf, size_t size);
/* Parse a map as the kernel shows it ("         0     100000      65536\n"
 * per line; empty text is an empty map) into ret, emptied first. -EINVAL on
 * malformed text, -E2BIG past IDMAP_MAX_RANGES, -ENOMEM. */
int idmap_parse_text(const char *text, struct idmap *ret);
/* Read and parse FILE ("uid_map", "gid_map") under procfd. */
int idmap_read_at(int procfd, const char *file, struct idmap *ret);
/* Read setgroups under procfd: 1 allow, 0 deny, or -errno. */
int idmap_read_setgroups_at(int procfd);
