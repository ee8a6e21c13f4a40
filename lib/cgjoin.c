#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "cgjoin.h"
#include "cgroup.h"
#include "cleanup.h"
#include "readfile.h"

static int attach_one(const char *dir, char *ret_object, size_t size)
{
	_cleanup_close_ int fd = -1;

	snprintf(ret_object, size, "%s/cgroup.procs", dir);
	fd = open(ret_object, O_WRONLY | O_CLOEXEC);
	/* "0" names the writer itself, in v1 and v2 alike. */
	if (fd < 0 || write(fd, "0", 1) != 1)
		return -errno;
	return 0;
}

int cgjoin_attach_mounts(int procfd, const struct mountinfo *mi, char *ret_object, size_t size)
{
	_cleanup_free_ char *cgroups = NULL;
	struct cg_proc_line l;
	char *cursor, dir[4096];
	int r;

	snprintf(ret_object, size, "cgroup");
	if ((r = readfile_at_alloc(procfd, "cgroup", &cgroups, NULL)) < 0)
		return r;
	cursor = cgroups;
	while ((r = cg_proc_next(&cursor, &l)) != 0) {
		const struct mnt_entry *e;

		if (r < 0)
			continue;	/* not a line this kernel writes */
		if (!(e = cg_mount_find(mi, l.controllers, l.path)))
			continue;	/* a hierarchy not mounted here */
		if ((r = cg_mount_dir(e->target, e->root, l.path, dir, sizeof(dir))) < 0) {
			snprintf(ret_object, size, "%s", l.path);
			return r;
		}
		if ((r = attach_one(dir, ret_object, size)) < 0)
			return r;
	}
	return 0;
}

int cgjoin_attach(int procfd, char *ret_object, size_t size)
{
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad_line;
	int r;

	snprintf(ret_object, size, "/proc/self/mountinfo");
	if ((r = mountinfo_read_fstype_at(AT_FDCWD, "/proc/self/mountinfo", "cgroup", &mi,
					  &bad_line)) < 0)
		return r;
	r = cgjoin_attach_mounts(procfd, &mi, ret_object, size);
	mountinfo_free(&mi);
	return r;
}
