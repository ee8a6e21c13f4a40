/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The helper: a process forked before unshare(2) that stays in the
 * original namespaces and acts on its caller from outside, on request
 * (lib/msg):
 *
 *   MSG_WRITE_MAPS PID  write the uid/gid maps of PID's new user namespace
 *                       (lib/mapwrite): only a process in the parent
 *                       namespace may map more than its own id;
 *   MSG_PERSIST PID     bind mount PID's namespaces to their files
 *                       (lib/persist): that needs the original mount
 *                       namespace and the original user namespace's
 *                       privilege;
 *   MSG_KEEP            keep what it made, and end;
 *   MSG_UNDO            remove what it made, and end.
 *
 * MSG_WRITE_MAPS and MSG_PERSIST are answered with MSG_RESULT (0, or
 * -errno and the line that says why); MSG_UNDO with one MSG_RESULT for
 * each file that could not be removed (-errno, the namespace's name)
 * before the end of the channel. A helper with no files to make ends once
 * it has answered for the maps. If the caller ends the channel without a
 * word (it died) the helper removes what it made and ends: nothing is left
 * half-done. It ignores the signals a terminal sends the whole process
 * group, so Ctrl-C cannot stop it before its undo. Nothing here prints:
 * refusals and what an undo left come back to the caller. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "idpolicy.h"
#include "mapwrite.h"
#include "persist.h"

/* What the helper may be asked to do; it reads these after the fork, in
 * its own copy of the caller's memory. */
struct helper_work {
	const struct mapwrite_request *maps;	/* NULL: no maps to write */
	const struct idpolicy_caller *caller;	/* the policy the maps are checked under */
	const char *const *persist;		/* NULL, or files indexed like ns_types */
};

struct helper {
	pid_t pid;		/* -1: none running */
	int fd;			/* our end of its channel */
	bool maps;		/* it has maps to write */
	bool persists;		/* it has files to make */
	const char *const *persist;	/* the files (helper_work's), for what is left */
};
#define HELPER_INIT { .pid = -1, .fd = -1, .maps = false, .persists = false, .persist = NULL }

/* Fork the helper if w gives it anything to do (no maps and no file: no
 * helper, and every call below does nothing). 0, or -errno with f (may be
 * NULL) saying why. A process the caller forks later must call
 * helper_forget(): a copy of the channel kept elsewhere would keep the
 * helper from seeing its end. */
struct nsk_failure;
int helper_start(struct helper *h, const struct helper_work *w, struct nsk_failure *f);
/* Have it write the maps of PID (which has unshared its user namespace):
 * 0, or -errno with f holding the helper's line (as its detail). */
int helper_write_maps(struct helper *h, pid_t pid, struct nsk_failure *f);
/* Have it bind mount the namespaces of PID (the ones its children will
 * be born in, for pid and time) to their files: 0, or -errno with f
 * holding the helper's line, after it undid what it made. */
int helper_persist(struct helper *h, pid_t pid, struct nsk_failure *f);
/* Tell it to keep what it made, or to undo it, and reap it. Keeping: 0,
 * or < 0 when it failed (it ended before it was told, or, with only maps
 * to write, without writing them). Undoing: 0; ret_left (may be NULL)
 * then holds the files that stayed, each with its error, for the caller
 * to name. */
int helper_finish(struct helper *h, bool keep, struct persisted *ret_left);
/* In a process forked from the caller: close its copy of the channel. */
void helper_forget(struct helper *h);
