/* nsrun's id map options (--map-users, --map-groups, --map-auto, and the
 * own ids of -r, -c, --map-user, --map-group when they go with those) as
 * one request for lib/mapwrite, under the same checks and policy as
 * nsmap(1). A process cannot write more than its own id into its own
 * maps: lib/helper writes the request from outside. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idpolicy.h"
#include "mapwrite.h"

struct mapreq {
	struct mapwrite_request req;
	bool auto_map;		/* --map-auto: own ids to 0 plus every grant */
};
#define MAPREQ_INIT { .req = { .setgroups = -1 }, .auto_map = false }

/* Parse INNER:OUTER:COUNT into the uid or gid request; -EINVAL if bad. */
int mapreq_add_range(struct mapreq *m, bool is_gid, const char *arg);
/* Whether any range (or --map-auto) was asked for. */
bool mapreq_wanted(const struct mapreq *m);
/* Fold the options that map one own id (-r, -c, --map-user, --map-group)
 * and --setgroups (-1: unset) into the request, so that one writer writes
 * each map once. */
void mapreq_add_own(struct mapreq *m, bool map_uid, uint32_t inner_uid, bool map_gid,
		    uint32_t inner_gid, int setgroups);
/* The complete request for this caller: the ranges, plus --map-auto
 * resolved from /etc/subuid and /etc/subgid, into *ret; the caller's ids,
 * grants and privileges into *ret_caller. 0, or -errno with f (may be
 * NULL) saying why. */
struct nsk_failure;
int mapreq_resolve(const struct mapreq *m, struct mapwrite_request *ret,
		   struct idpolicy_caller *ret_caller, struct nsk_failure *f);
