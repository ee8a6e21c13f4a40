/* Persisting new namespaces to files (nsrun --net=FILE): bind mounts of
 * /proc/PID/ns/X made from the original mount namespace, with undo.
 *
 * A process that unshares cannot make them itself (its mount namespace may
 * be the new one, and its user namespace may no longer be privileged over
 * the original), so in the foreground a helper forked before unshare does
 * it and keeps the mounts only when told the whole set-up succeeded; on
 * anything else (including the caller dying) it removes them again.
 *
 * Errors are printed here, once, by whichever process hit them. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

#include "ns.h"

struct persisted {
	const char *path[NS_TYPE_MAX];
	bool created[NS_TYPE_MAX];
	unsigned count;
};
#define PERSISTED_INIT { .count = 0 }

/* paths[i] (NULL: none) is where namespace ns_types[i] of PID goes. */
int persist_all(const char *const paths[], pid_t pid, struct persisted *done);
void unpersist_all(struct persisted *done);
bool persist_any(const char *const paths[]);

struct persist_helper {
	pid_t pid;		/* -1: no helper (nothing to persist) */
	int to_helper, from_helper;
};
#define PERSIST_HELPER_INIT { .pid = -1, .to_helper = -1, .from_helper = -1 }

/* Fork the helper if there is anything to persist. */
int persist_helper_start(struct persist_helper *h, const char *const paths[]);
/* Have it persist the namespaces of PID; 0 or -1 (it printed why). */
int persist_helper_run(struct persist_helper *h, pid_t pid);
/* Keep (or undo) what it made, and reap it. -1 if keeping failed. */
int persist_helper_finish(struct persist_helper *h, bool keep);
