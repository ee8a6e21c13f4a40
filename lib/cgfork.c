/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>	/* struct clone_args, CLONE_INTO_CGROUP */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cgfork.h"
#include "cleanup.h"
#include "err.h"

int cgfork_open(struct cg_fork *cf, const char *group, struct nsk_failure *f)
{
	const char *v2dir;
	int r;

	cf->v2fd = -1;
	if ((r = cg_sys_load(&cf->sys)) < 0)
		return nsk_fail(f, r, NULL, "/proc/self/mountinfo");
	if ((r = cg_group_init(&cf->g, &cf->sys, "self", group, (1u << cf->sys.n) - 1)) < 0)
		return nsk_fail(f, r, NULL, "cgroup %s", group);
	if ((r = cg_group_existing(&cf->g, f)) == -ENOENT)
		return nsk_fail(f, r, NULL, "cgroup %s", group);
	if (r < 0)
		return r;
	v2dir = cf->sys.v2 >= 0 ? cf->g.dir[cf->sys.v2] : NULL;
	if (v2dir && (cf->v2fd = open(v2dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return nsk_fail(f, -errno, NULL, "%s", v2dir);
	return 0;
}

pid_t cgfork_fork(struct cg_fork *cf)
{
	struct clone_args args = {
		.flags = CLONE_INTO_CGROUP,
		.exit_signal = SIGCHLD,
		.cgroup = (unsigned)cf->v2fd,
	};
	pid_t pid;

	cf->born_in_v2 = false;
	if (cf->v2fd >= 0) {
		/* a fork: the child goes on with a copy of our stack */
		pid = (pid_t)syscall(SYS_clone3, &args, sizeof(args));
		if (pid >= 0) {
			cf->born_in_v2 = pid == 0;
			return pid;
		}
		/* ENOSYS: no clone3 (< 5.3); E2BIG, EINVAL: no CLONE_INTO_CGROUP
		 * (< 5.7). The child joins v2 by cgroup.procs instead. */
		if (errno != ENOSYS && errno != E2BIG && errno != EINVAL)
			return -errno;
	}
	pid = fork();
	return pid < 0 ? -errno : pid;
}

void cgfork_child_close(struct cg_fork *cf)
{
	closep(&cf->v2fd);
	cf->v2fd = -1;	/* closed once: the number may be reused */
}

int cgfork_join_child(struct cg_fork *cf, struct nsk_failure *f)
{
	cgfork_child_close(cf);
	return cf->born_in_v2 ? cg_group_join_v1(&cf->g, 0, f) : cg_group_join(&cf->g, 0, f);
}

void cgfork_close(struct cg_fork *cf)
{
	cgfork_child_close(cf);
	cg_group_free(&cf->g);
	cg_sys_free(&cf->sys);
}
