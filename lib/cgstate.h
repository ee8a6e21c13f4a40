/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The processes of a group, across its hierarchies: whether there are
 * any, freezing and thawing them, killing them so that none escapes by
 * forking, waiting until they are gone, and removing the group after.
 * Functions return 0 or -errno, with the failure record f (may be NULL)
 * naming the path concerned. */
#pragma once
#include <stdbool.h>

#include "cggroup.h"

/* Whether the group or a descendant holds a process, in any hierarchy:
 * 1 with f naming the first directory that does, 0, or -errno. */
int cg_group_populated(struct cg_group *g, struct nsk_failure *f);
/* The same for a group whose processes all joined every hierarchy at once
 * (cgctl exec): v2's populated flag then speaks for all, in one read. */
int cg_group_populated_joined(struct cg_group *g, struct nsk_failure *f);
/* Freeze or thaw, and wait until the kernel says it is done; a freeze
 * that does not finish in time (-ETIME) is thawed again. Errors of
 * cgkey_translate (CGKEY_ENOCTRL: no freezer) come back as they are. */
int cg_group_freeze(struct cg_group *g, bool freeze, struct nsk_failure *f);
/* Whether the group is frozen (1) or not (0). */
int cg_group_frozen(struct cg_group *g);
/* Signal every process; with SIGKILL, until none is left (cgroup.kill
 * where the kernel has it, else freeze, signal, thaw). A signal that
 * would end the caller (init_block_ending) is held back while the group
 * is frozen, and acts once it is thawed. */
int cg_group_kill(struct cg_group *g, int sig, struct nsk_failure *f);
/* Until the group is empty; timeout_ms < 0: forever. -ETIME on timeout. */
int cg_group_wait_empty(struct cg_group *g, long timeout_ms, struct nsk_failure *f);
/* Remove the group and its descendants, deepest first, in every
 * hierarchy, carrying on past a directory that cannot go: returns the
 * first error (-EBUSY: populated), f naming its directory and g->left
 * every directory that could not be removed. */
int cg_group_remove(struct cg_group *g, struct nsk_failure *f);
/* One rmdir in each hierarchy, none retried, stopping at the first that
 * fails (-errno; -EBUSY: a process or a child group is in it): the end
 * of a group that is most likely empty (cgctl exec --rm), for which
 * asking first whether it is would cost more than the rmdirs. */
int cg_group_remove_empty(struct cg_group *g);
