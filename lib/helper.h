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
 *   MSG_KEEP            keep what it made, and end.
 *
 * Each request but the last is answered with MSG_RESULT (0, or -errno and
 * the line that says why). A helper with no files to make ends once it
 * has answered for the maps. If the caller ends the channel instead (it
 * failed, or died) the helper removes what it made and ends: nothing is
 * left half-done. It ignores the signals a terminal sends the whole
 * process group, so Ctrl-C cannot stop it before its undo. Nothing here
 * prints but the undo's warnings, which may have no one else to say them. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "idpolicy.h"
#include "mapwrite.h"

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
};
#define HELPER_INIT { .pid = -1, .fd = -1, .maps = false, .persists = false }

/* Fork the helper if w gives it anything to do (no maps and no file: no
 * helper, and every call below does nothing). 0, or -errno with msg set.
 * A process the caller forks later must call helper_forget(): a copy of
 * the channel kept elsewhere would keep the helper from seeing its end. */
int helper_start(struct helper *h, const struct helper_work *w, char *msg, size_t size);
/* Have it write the maps of PID (which has unshared its user namespace):
 * 0, or -errno with msg set. */
int helper_write_maps(struct helper *h, pid_t pid, char *msg, size_t size);
/* Have it bind mount the namespaces of PID (the ones its children will
 * be born in, for pid and time) to their files: 0, or -errno with msg
 * set, after it undid what it made. */
int helper_persist(struct helper *h, pid_t pid, char *msg, size_t size);
/* Tell it to keep what it made (or to undo it), and reap it. 0, or < 0
 * when keeping failed (it ended before it was told, or, with only maps
 * to write, without writing them). */
int helper_finish(struct helper *h, bool keep);
/* In a process forked from the caller: close its copy of the channel. */
void helper_forget(struct helper *h);
