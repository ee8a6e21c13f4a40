/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "cgjoin.h"
#include "cgroup.h"
#include "cleanup.h"
#include "err.h"
#include "readfile.h"

static int attach_one(const char *dir, struct nsk_failure *f)
{
	_cleanup_close_ int fd = -1;
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/cgroup.procs", dir) >= (int)sizeof(path))
		return nsk_fail(f, -ENAMETOOLONG, NULL, "%s", dir);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	/* "0" names the writer itself, in v1 and v2 alike. */
	if (fd < 0 || write(fd, "0", 1) != 1)
		return nsk_fail(f, -errno, NULL, "%s", path);
	return 0;
}

int cgjoin_attach_mounts(int procfd, const struct mountinfo *mi, struct nsk_failure *f)
{
	_cleanup_free_ char *cgroups = NULL;
	struct cg_proc_line l;
	char *cursor, dir[4096];
	int r;

	if ((r = readfile_at_alloc(procfd, "cgroup", &cgroups, NULL)) < 0)
		return nsk_fail(f, r, NULL, "cgroup");
	cursor = cgroups;
	while ((r = cg_proc_next(&cursor, &l)) != 0) {
		const struct mnt_entry *e;

		if (r < 0)
			continue;	/* not a line this kernel writes */
		if (!(e = cg_mount_find(mi, l.controllers, l.path)))
			continue;	/* a hierarchy not mounted here */
		if ((r = cg_mount_dir(e->target, e->root, l.path, dir, sizeof(dir))) < 0)
			return nsk_fail(f, r, NULL, "%s", l.path);
		if ((r = attach_one(dir, f)) < 0)
			return r;
	}
	return 0;
}

int cgjoin_attach(int procfd, struct nsk_failure *f)
{
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad_line;
	int r;

	if ((r = mountinfo_read_fstype_at(AT_FDCWD, "/proc/self/mountinfo", "cgroup", &mi,
					  &bad_line)) < 0)
		return nsk_fail(f, r, NULL, "/proc/self/mountinfo");
	r = cgjoin_attach_mounts(procfd, &mi, f);
	mountinfo_free(&mi);
	return r;
}
