/* Id ranges for a namespace this process is about to create (nsrun
 * --map-users, --map-groups, --map-auto). A process cannot write more than
 * its own id into its own maps: the maps must come from the parent user
 * namespace. So a helper forked before unshare(2) stays outside, and once
 * the caller has unshared writes the caller's maps through lib/mapwrite,
 * under the same checks and policy as nsmap(1).
 *
 * Errors are printed here, once, by whichever process hit them. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "mapwrite.h"

struct maphelper_request {
	struct mapwrite_request req;
	bool auto_map;		/* --map-auto: own ids to 0 plus every grant */
};
#define MAPHELPER_REQUEST_INIT { .req = { .setgroups = -1 }, .auto_map = false }

/* Parse INNER:OUTER:COUNT into the uid or gid request; -EINVAL if bad. */
int maphelper_add_range(struct maphelper_request *m, bool is_gid, const char *arg);
/* Whether any range (or --map-auto) was asked for. */
bool maphelper_wanted(const struct maphelper_request *m);
/* Fold the options that map one own id (-r, -c, --map-user, --map-group)
 * and --setgroups (-1: unset) into the request, so that one writer writes
 * each map once. */
void maphelper_add_own(struct maphelper_request *m, bool map_uid, uint32_t inner_uid,
		       bool map_gid, uint32_t inner_gid, int setgroups);
/* unshare(clone_flags); if ranges were asked for, have the helper write
 * them into this process's new user namespace before returning. 0, or -1
 * after printing why (the maps are then unwritten or the process is in
 * no new namespace). */
int maphelper_unshare(int clone_flags, const struct maphelper_request *m);
