/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun's id map options as one request for lib/mapwrite, under the same
 * checks and policy as nsmap(1), with unshare(1)'s meanings:
 *
 *   --map-users/--map-groups INNER:OUTER:COUNT, or unshare's older
 *     OUTER,INNER,COUNT; "auto": the caller's first /etc/subuid (subgid)
 *     range, at 0; "subids": that range at its own ids; "all": every id
 *     the caller's namespace has, at its own ids;
 *   --map-auto: auto for both, --map-subids: subids for both;
 *   -r, -c, --map-user, --map-group (with any of those): the caller's own
 *     id, carved out of the other ranges (an id on either side is never
 *     mapped twice), as unshare does.
 *
 * A process cannot write more than its own id into its own maps: lib/helper
 * writes the request from outside. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idpolicy.h"
#include "mapwrite.h"

/* Ranges named by a word rather than numbers, resolved per caller. */
enum mapreq_source {
	MAPREQ_AUTO = 1 << 0,		/* first grant, at 0 */
	MAPREQ_SUBIDS = 1 << 1,		/* first grant, at its own ids */
	MAPREQ_ALL = 1 << 2,		/* the caller's namespace, at its own ids */
};

struct mapreq {
	struct mapwrite_request req;	/* the numeric ranges, and setgroups */
	unsigned sources[2];		/* [0] uids, [1] gids: MAPREQ_* */
	bool own[2];			/* the caller's own id, at own_inner */
	uint32_t own_inner[2];
	const char *subid_path[2];	/* /etc/subuid, /etc/subgid */
};
#define MAPREQ_INIT { .req = { .setgroups = -1 }, \
		      .subid_path = { MAPWRITE_SUBUID, MAPWRITE_SUBGID } }

/* One --map-users (is_gid false) or --map-groups value: a range in either
 * form, or auto, subids, all. 0, or -EINVAL. */
int mapreq_add_range(struct mapreq *m, bool is_gid, const char *arg);
/* --map-auto (MAPREQ_AUTO) or --map-subids (MAPREQ_SUBIDS): for both. */
void mapreq_add_source(struct mapreq *m, enum mapreq_source s);
/* Whether any range, or an own id folded in, was asked for. */
bool mapreq_wanted(const struct mapreq *m);
/* Fold the options that map one own id (-r, -c, --map-user, --map-group)
 * and --setgroups (-1: unset) into the request, so that one writer writes
 * each map once. */
void mapreq_add_own(struct mapreq *m, bool map_uid, uint32_t inner_uid, bool map_gid,
		    uint32_t inner_gid, int setgroups);
/* The complete request for this caller into *ret (the named ranges
 * resolved, the own ids carved out and put first); the caller's ids,
 * grants and privileges into *ret_caller. 0, or -errno with f (may be
 * NULL) saying why: a file that cannot be read, or no range granted.
 * Either way *ret and *ret_caller are the caller's to release
 * (mapwrite_request_release, idpolicy_caller_release). */
struct nsk_failure;
int mapreq_resolve(const struct mapreq *m, struct mapwrite_request *ret,
		   struct idpolicy_caller *ret_caller, struct nsk_failure *f);

/* The ranges r becomes once the single id pair inner -> outer is mapped
 * apart: r loses one id if either id falls within it (on its side), and
 * is cut where it skips them, into at most three ranges (*ret, *ret_n).
 * A range that runs past the largest id (IDMAP_OVERFLOW) comes back
 * whole, for the check to refuse as it was given. Pure. */
void mapreq_carve(struct idmap_range r, uint32_t inner, uint32_t outer,
		  struct idmap_range ret[3], unsigned *ret_n);
