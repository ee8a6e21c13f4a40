/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Persisting new namespaces to files (nsrun --net=FILE): bind mounts of
 * /proc/PID/ns/X made from the original mount namespace, with undo.
 *
 * A process that unshares cannot make them itself (its mount namespace may
 * be the new one, and its user namespace may no longer be privileged over
 * the original): a detached nsrun makes them from the parent that stayed
 * outside, a foreground one through lib/helper. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "ns.h"

/* The files made, in order; after unpersist_all, the files that stayed. */
struct persisted {
	unsigned type[NS_TYPE_MAX];	/* the namespace: an index of ns_types */
	const char *path[NS_TYPE_MAX];
	unsigned made[NS_TYPE_MAX];	/* what ns_persist made: enum ns_made */
	int err[NS_TYPE_MAX];		/* after unpersist_all: why it stayed (-errno) */
	unsigned count;
};
#define PERSISTED_INIT { .count = 0 }

/* paths[i] (NULL: none) is where namespace ns_types[i] of PID goes. 0, or
 * -errno with f (may be NULL) saying why, after undoing what this call
 * made; what that undo could not remove stays in done, as unpersist_all
 * leaves it. */
struct nsk_failure;
int persist_all(const char *const paths[], pid_t pid, struct persisted *done,
		struct nsk_failure *f);
/* Undo, last first, carrying on past a file that stays. Returns how many
 * stayed: done then holds exactly those, each with its error, for the
 * caller to name (nothing here prints). */
unsigned unpersist_all(struct persisted *done);
/* unpersist_all for files that another process names, whose word is no
 * proof (nsrun --release: the held process whose command could not start
 * names the files nsrun --detach made for it): a file is undone only if
 * it holds that process's namespace of its type, ids[type] (ns_ids_at,
 * read while the process lived), so that no report can make us unmount or
 * remove anything else. One that does not stays, with -PERSIST_ENOTOURS. */
struct ns_id;
unsigned unpersist_holding(struct persisted *done, const struct ns_id ids[NS_TYPE_MAX]);
bool persist_any(const char *const paths[]);
