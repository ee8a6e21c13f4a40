/* The processes of a group, across its hierarchies: whether there are
 * any, freezing and thawing them, killing them so that none escapes by
 * forking, waiting until they are gone, and removing the group after.
 * Functions return 0 or -errno and set g->failing to the path concerned. */
#pragma once
#include <stdbool.h>

#include "cggroup.h"

/* Whether the group or a descendant holds a process, in any hierarchy. */
int cg_group_populated(struct cg_group *g);
/* The same for a group whose processes all joined every hierarchy at once
 * (cgctl exec): v2's populated flag then speaks for all, in one read. */
int cg_group_populated_joined(struct cg_group *g);
/* Freeze or thaw, and wait until the kernel says it is done; a freeze
 * that does not finish in time (-ETIME) is thawed again. */
int cg_group_freeze(struct cg_group *g, bool freeze);
/* Whether the group is frozen (1) or not (0). */
int cg_group_frozen(struct cg_group *g);
/* Signal every process; with SIGKILL, until none is left (cgroup.kill
 * where the kernel has it, else freeze, signal, thaw). */
int cg_group_kill(struct cg_group *g, int sig);
/* Until the group is empty; timeout_ms < 0: forever. -ETIME on timeout. */
int cg_group_wait_empty(struct cg_group *g, long timeout_ms);
/* Remove the group and its descendants, deepest first, in every
 * hierarchy, carrying on past a directory that cannot go: returns the
 * first error (-EBUSY: populated), g->failing naming its directory and
 * g->left every directory that could not be removed. */
int cg_group_remove(struct cg_group *g);
