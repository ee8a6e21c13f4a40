/* persist: namespaces bound to files, with undo (see persist.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "ns.h"
#include "persist.h"

bool persist_any(const char *const paths[])
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (paths[i])
			return true;
	return false;
}

void unpersist_all(struct persisted *done)
{
	while (done->count > 0) {
		unsigned i = --done->count;
		int r = ns_unpersist(done->path[i], done->created[i]);
		if (r < 0)
			nsk_warn("%s: could not remove: %s", done->path[i], strerror(-r));
	}
}

int persist_all(const char *const paths[], pid_t pid, struct persisted *done, char *msg,
		size_t size)
{
	for (unsigned i = 0; i < ns_type_count; i++) {
		const char *step;
		bool created = false;
		int r;

		if (!paths[i])
			continue;
		r = ns_persist(pid, &ns_types[i], true, paths[i], &created, &step);
		if (r < 0) {
			if (r == -EBUSY)
				snprintf(msg, size, "%s: holds a namespace already", paths[i]);
			else if (r == -EEXIST)
				snprintf(msg, size, "%s: exists and is not an empty file", paths[i]);
			else if (r == -EINVAL && !strcmp(ns_types[i].proc_name, "mnt"))
				snprintf(msg, size, "%s: %s of a mount namespace: %s (the file must "
					 "be on a private mount outside the new namespace)", paths[i],
					 step, strerror(-r));
			else
				snprintf(msg, size, "%s: %s of the %s namespace: %s", paths[i], step,
					 ns_types[i].proc_name, strerror(-r));
			unpersist_all(done);
			return r;
		}
		done->path[done->count] = paths[i];
		done->created[done->count++] = created;
	}
	return 0;
}
