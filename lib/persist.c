/* SPDX-License-Identifier: GPL-2.0-or-later */
/* persist: namespaces bound to files, with undo (see persist.h). */
#include "errcode.h"
#include "ns.h"
#include "persist.h"

bool persist_any(const char *const paths[])
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (paths[i])
			return true;
	return false;
}

/* ids NULL: unchecked, the files are ours. */
static unsigned undo(struct persisted *done, const struct ns_id *ids)
{
	unsigned n = done->count, left = 0;

	/* last first; what stays moves to the front, in its order */
	for (unsigned i = n; i-- > 0;) {
		int r = ids && !ns_file_holds(done->path[i], &ids[done->type[i]])
				? -PERSIST_ENOTOURS
				: ns_unpersist(done->path[i], done->made[i]);

		if (r < 0)
			done->err[i] = r;
		else
			done->path[i] = NULL;
	}
	for (unsigned i = 0; i < n; i++) {
		if (!done->path[i])
			continue;
		done->type[left] = done->type[i];
		done->path[left] = done->path[i];
		done->made[left] = done->made[i];
		done->err[left++] = done->err[i];
	}
	done->count = left;
	return left;
}

unsigned unpersist_all(struct persisted *done)
{
	return undo(done, NULL);
}

unsigned unpersist_holding(struct persisted *done, const struct ns_id ids[NS_TYPE_MAX])
{
	return undo(done, ids);
}

int persist_all(const char *const paths[], pid_t pid, struct persisted *done,
		struct nsk_failure *f)
{
	for (unsigned i = 0; i < ns_type_count; i++) {
		unsigned made = 0;
		int r;

		if (!paths[i])
			continue;
		if ((r = ns_persist(pid, &ns_types[i], true, paths[i], &made, f)) < 0) {
			unpersist_all(done);
			return r;
		}
		done->type[done->count] = i;
		done->path[done->count] = paths[i];
		done->err[done->count] = 0;
		done->made[done->count++] = made;
	}
	return 0;
}
