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

struct persisted {
	const char *path[NS_TYPE_MAX];
	bool created[NS_TYPE_MAX];
	unsigned count;
};
#define PERSISTED_INIT { .count = 0 }

/* paths[i] (NULL: none) is where namespace ns_types[i] of PID goes. 0, or
 * -errno with msg set to the line to print, after undoing what this call
 * made. */
int persist_all(const char *const paths[], pid_t pid, struct persisted *done, char *msg,
		size_t size);
/* Undo, last first; a file that stays is named in a warning. */
void unpersist_all(struct persisted *done);
bool persist_any(const char *const paths[]);
