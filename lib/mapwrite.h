/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writing the id maps of another process's user namespace, all or
 * nothing: every rule is checked before the first write (nsmap(1), and
 * nsrun's --map-users helper). A refusal comes back in the failure
 * record, the file or process as its object and the rule in its detail
 * ("/proc/42/uid_map: range ... is neither your own uid ..."); nothing
 * here prints. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

#include "idmap.h"
#include "idpolicy.h"
#include "target.h"

#define MAPWRITE_SUBUID "/etc/subuid"
#define MAPWRITE_SUBGID "/etc/subgid"

struct mapwrite_request {
	unsigned uid_asked, gid_asked;	/* ranges asked for, even past the limit */
	int setgroups;			/* -1: not asked, 0: deny, 1: allow */
	struct idmap uid, gid;		/* on the heap: mapwrite_request_release */
};

/* What will be written once every check passed. */
struct mapwrite_plan {
	int setgroups;			/* -1: leave it, 0: deny, 1: allow */
	bool by_helper[2];		/* uid_map, gid_map: written by the caller's
					 * map_helper (it lacks the capability) */
};

/* Add a range to the uid (is_gid false) or gid map, counting it even past
 * the limit (or one the map had no memory for) so that the check can say
 * how many were asked for. */
void mapwrite_add(struct mapwrite_request *req, bool is_gid, struct idmap_range r);
/* A copy of req with arrays of its own into *ret (a range it finds no
 * memory for is missing from it, and the check refuses it for that). */
void mapwrite_request_copy(struct mapwrite_request *ret, const struct mapwrite_request *req);
/* Free the maps' arrays. */
void mapwrite_request_release(struct mapwrite_request *req);
/* --root: the caller's own uid and gid to 0. */
void mapwrite_add_root(struct mapwrite_request *req, const struct idpolicy_caller *c);
/* --auto[=USER] (USER NULL: the caller): the user's ids to 0, then every
 * range /etc/subuid and /etc/subgid grant the user. Only a privileged
 * caller may name another user. Returns 0, or -errno with f (may be NULL)
 * saying why. */
struct nsk_failure;
int mapwrite_add_auto(struct mapwrite_request *req, const struct idpolicy_caller *c,
		      const char *user, struct nsk_failure *f);
/* Check the request against the maps' own rules, the target and the
 * policy; fill *ret. Returns 0, or -errno with f saying why. */
int mapwrite_check(const struct target *t, const struct mapwrite_request *req,
		   const struct idpolicy_caller *c, struct mapwrite_plan *ret,
		   struct nsk_failure *f);
/* Write setgroups, uid_map and gid_map as planned; a map planned for the
 * caller's map_helper is written by running it (its argv as shadow's:
 * fd:N of the target's /proc directory, then the triples), and its
 * refusal, one line, becomes f's detail. 0, or -errno with f. */
int mapwrite_apply(const struct target *t, const struct mapwrite_request *req,
		   const struct mapwrite_plan *plan, const struct idpolicy_caller *c,
		   struct nsk_failure *f);
