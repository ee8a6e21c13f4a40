/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Starting a child in a cgroup (nsrun --into-cgroup): on cgroup2 it is
 * born there, clone3(CLONE_INTO_CGROUP) with the group's directory fd, so
 * it is never in its parent's cgroup and nothing migrates it (a migration
 * waits for an RCU grace period after a quiet spell: DESIGN.md); in each
 * v1 hierarchy (hybrid, legacy machines) the child then writes itself into
 * the group's cgroup.procs before anything else, as cgctl attach would
 * (cg_group_join). The group must exist (cgctl create): nothing is made. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

#include "cggroup.h"
#include "cgroup.h"

struct nsk_failure;

struct cg_fork {
	struct cg_sys sys;
	struct cg_group g;
	int v2fd;		/* the group's cgroup2 directory; -1: none */
	bool born_in_v2;	/* the child: clone3 placed it in v2 */
};
#define CG_FORK_INIT { .v2fd = -1 }

/* Find GROUP in every hierarchy where it exists: an absolute cgroup path,
 * or a name beneath the caller's own cgroup in each hierarchy (cgctl's
 * --parent self); open its v2 directory. -ENOENT (f naming GROUP) when it
 * exists nowhere, -EINVAL for a bad name. */
int cgfork_open(struct cg_fork *cf, const char *group, struct nsk_failure *f);
/* fork(2) into the group's v2 cgroup: the child's PID in the parent, 0 in
 * the child, -errno. Without clone3 or CLONE_INTO_CGROUP (Linux < 5.7),
 * or without a v2 directory, a plain fork: cgfork_join_child joins v2 too. */
pid_t cgfork_fork(struct cg_fork *cf);
/* In the child, first: let go of the v2 descriptor (a host fd the
 * container must never see). */
void cgfork_child_close(struct cg_fork *cf);
/* In the child (or a child of it, which it moves: "0" names the writer):
 * cgfork_child_close, and join the group in every hierarchy that the fork
 * did not place it in. 0, or -errno with f naming the directory. */
int cgfork_join_child(struct cg_fork *cf, struct nsk_failure *f);
/* Close and free (the parent after the fork, or on failure). */
void cgfork_close(struct cg_fork *cf);
