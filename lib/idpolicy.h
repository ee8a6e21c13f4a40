/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Which id maps a caller may write (newuidmap(1)'s policy, made explicit).
 *
 * A privileged caller (real uid 0) may ask for anything: the kernel alone
 * decides. Anyone else may map their own uid (gid) as a range of one id,
 * plus exactly the ranges /etc/subuid (/etc/subgid) grant them. A gid map
 * that uses no subgid grant needs setgroups denied first, or the caller
 * could drop a group it was denied by (CVE-2018-7169, the fix newgidmap
 * learned). Decisions are pure functions of their arguments. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "idmap.h"
#include "subid.h"

/* Under 1 KiB, the grants' ranges on the heap (idpolicy_caller_release). */
struct idpolicy_caller {
	bool privileged;	/* real uid 0 */
	uint32_t uid, gid;	/* real ids: the caller's own */
	/* CAP_SETUID, CAP_SETGID held: without one, the kernel takes no more
	 * than the caller's own id in that map (set by the caller of
	 * idpolicy_caller_load, which knows its privileges) */
	bool may_setuid, may_setgid;
	/* Without the capability, the setuid helper that may write such a
	 * map for us instead (shadow's newuidmap, newgidmap: [0] uid_map,
	 * [1] gid_map), as unshare(1) falls back to them; "": none */
	char map_helper[2][256];
	char name[256];		/* login name of uid ("" when it has none,
				 * and for a privileged caller: not looked up) */
	struct subid_grants subuid, subgid;
};

enum idpolicy_verdict {
	IDPOLICY_OK = 0,
	IDPOLICY_NOT_GRANTED,		/* a range neither own id nor granted */
	IDPOLICY_SETGROUPS_ALLOW,	/* allow asked for a gid map with no grant */
	IDPOLICY_NEEDS_CAP,		/* more than the own id, without the capability */
};

/* Check one map against the caller's own id and grants. On refusal
 * *ret_range indexes the range at fault. *ret_uses_grant tells whether
 * some range came from the grants. */
enum idpolicy_verdict idpolicy_check_map(const struct idmap *m, bool privileged, uint32_t own,
					 const struct subid_grants *grants, unsigned *ret_range,
					 bool *ret_uses_grant);
/* Whether the kernel will take map m from a writer that holds (may) or
 * lacks the capability (CAP_SETUID for uid_map, CAP_SETGID for gid_map):
 * without it, only one line mapping one id, the writer's own. */
enum idpolicy_verdict idpolicy_check_capable(const struct idmap *m, bool may, uint32_t own);
/* What to write to setgroups (-1: leave it alone, 0: deny, 1: allow),
 * given what was asked (-1: nothing) and whether a gid map is written and
 * uses a subgid grant. */
enum idpolicy_verdict idpolicy_setgroups(bool privileged, bool gid_map, bool gid_uses_grant,
					 int requested, int *ret_write);
/* Fill in the caller: real ids and, unless privileged, the login name and
 * the grants read from subuid_path/subgid_path. -errno on a read error,
 * with f (may be NULL) naming the file. *c is filled from nothing (a
 * caller loaded before is to be released first); whatever it returns,
 * idpolicy_caller_release frees it. */
struct nsk_failure;
int idpolicy_caller_load(struct idpolicy_caller *c, uint32_t uid, uint32_t gid,
			 const char *subuid_path, const char *subgid_path, struct nsk_failure *f);
void idpolicy_caller_release(struct idpolicy_caller *c);
/* Grants of another user, for --auto=USER by a privileged caller, into
 * grants as subid_read takes them; the same errors. */
int idpolicy_user_grants(const char *name, uint32_t uid, const char *subuid_path,
			 const char *subgid_path, struct subid_grants *ret_subuid,
			 struct subid_grants *ret_subgid, struct nsk_failure *f);
