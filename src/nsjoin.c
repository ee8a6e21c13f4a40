/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsjoin: enter the namespaces of a process and run a command there (cf.
 * nsenter(1)).
 *
 *   nsjoin [-t PID|PID:INODE|-] [namespaces] [options] [--] [COMMAND [ARG]...]
 *
 * The target's pidfd is opened first and used for everything after, so a
 * recycled PID is never joined. Every namespace that comes from the target
 * is joined by one setns(pidfd, mask) (Linux 5.8+), which the kernel does
 * atomically and in the right order; when that fails (an older kernel, or
 * a namespace we may not enter) they are joined one by one through the
 * target's /proc/PID/ns files, which also names the one that refuses.
 * Namespace files (--net=FILE) are joined after the user namespace.
 *
 * A PID namespace only takes our children (DESIGN.md, kernel facts), so
 * then we fork: the child runs the command, this process forwards signals
 * to it and exits with its status. --mount-proc and --mount-sys give the
 * command a private mount namespace with a fresh proc/sysfs of the joined
 * PID/network namespace, on top of the file system it sees. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cgjoin.h"
#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "idname.h"
#include "init.h"
#include "join.h"
#include "ns.h"
#include "nsjoin.h"
#include "procmask.h"
#include "target.h"

/* What run() has opened and decided before joining anything. */
struct plan {
	struct target t;
	bool have_target;
	int mask;			/* joined by setns(pidfd, mask) */
	int fd[NS_TYPE_MAX];			/* joined by setns(fd): files, --user-parent */
	int joined;			/* every namespace joined, CLONE_NEW* */
	int root_fd, wd_fd;
};

/* ---- the plan: everything opened before anything is joined ---- */

/* Whether namespace i comes from a file or -N rather than the target's
 * own. */
static bool joined_from_fd(const struct nsjoin_opts *o, unsigned i)
{
	return o->file[i] || (ns_types[i].clone_flag == CLONE_NEWNET && o->net_socket >= 0);
}

/* Whether anything must come from a target process (rather than files).
 * -N names a descriptor of the target, as nsenter(1)'s. */
static bool needs_target(const struct nsjoin_opts *o)
{
	if (o->all || o->env || o->join_cgroup || (o->root && !o->root_dir) ||
	    (o->wd && !o->wd_dir) || o->follow_uid || o->follow_gid || o->target ||
	    o->net_socket >= 0 || o->follow_context)
		return true;
	for (unsigned i = 0; i < ns_type_count; i++)
		if ((o->flags & ns_types[i].clone_flag) && !joined_from_fd(o, i))
			return true;
	return false;
}

static int open_target(const struct nsjoin_opts *o, struct plan *p)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = target_open(&p->t, o->target, &f);

	/* nsjoin names the process where it knows one, as nsenter(1); a
	 * handle whose inode is not the process's is named as given, with
	 * both inodes */
	if ((r == -TARGET_ENOHANDLE || r == -TARGET_EEMPTY) && o->net_socket >= 0)
		nsk_err("--net-socket %d: a descriptor of the target process, and no target was "
			"given (-t PID)", o->net_socket);
	else if (r == -TARGET_ENOHANDLE || r == -TARGET_EEMPTY)
		nsk_err("%s", target_strerror(r));
	else if (r < 0 && p->t.pid > 0 && r != -TARGET_ESTALE)
		nsk_err("process %d: %s", (int)p->t.pid, target_strerror(r));
	else if (r < 0)
		nsk_err_failure(&f, r);
	p->have_target = r == 0;
	return r;
}

static void join_error(const struct plan *p, const struct ns_type *ns, int err)
{
	nsk_err("process %d: %s namespace: %s", (int)p->t.pid, ns ? ns->proc_name : "a",
		err == ESRCH || err == ENOENT ? "the process has exited" : strerror(err));
}

/* The target's namespaces to join: those asked for, or with -a all that
 * differ from ours. Joining our own user namespace fails (EINVAL), so that
 * one is left out even when asked for; the others are cheap to re-enter
 * and nsenter(1) enters them, except under -a. */
static int plan_target_mask(const struct nsjoin_opts *o, struct plan *p)
{
	for (unsigned i = 0; i < ns_type_count; i++) {
		const struct ns_type *ns = &ns_types[i];
		bool asked = o->flags & ns->clone_flag, same = false;
		int r;

		if (joined_from_fd(o, i) || (!asked && !o->all))
			continue;
		if (!asked || ns->clone_flag == CLONE_NEWUSER)
			r = join_is_ours(p->t.procfd, ns, &same);
		else
			r = 0;
		if (r == -EOPNOTSUPP && !asked)
			continue;	/* -a: a kind this kernel lacks */
		if (r < 0) {
			join_error(p, ns, -r);
			return r;
		}
		if (!same)
			p->mask |= ns->clone_flag;
	}
	return 0;
}

/* Open a namespace file and check that it holds the kind it was given for. */
static int open_ns_file(const char *path, const struct ns_type *ns)
{
	const struct ns_type *is;
	int fd = join_open_file(path, ns, &is);

	if (fd == -ENOTTY)
		nsk_err("%s: not a namespace file (for --%s)", path, ns->option);
	else if (fd == -EMEDIUMTYPE)
		nsk_err("%s: a %s namespace, not %s", path, is ? is->proc_name : "different",
			ns->proc_name);
	else if (fd < 0)
		nsk_err("%s: %s", path, strerror(-fd));
	return fd;
}

/* -N: the network namespace of the socket the target holds on that
 * descriptor (as nsenter(1): the target's descriptor, not ours). */
static const char *net_socket_strerror(int err)
{
	switch (err) {
	case -EBADF: return "no such descriptor";
	case -ENOTSOCK: return "not a socket";
	case -ESRCH: return "the process has exited";
	case -ENOSYS: return "taking a descriptor of another process needs Linux 5.6";
	}
	return strerror(-err);
}

static int open_net_socket(const struct nsjoin_opts *o, struct plan *p)
{
	int i = (int)(ns_by_flag(CLONE_NEWNET) - ns_types);
	int fd = join_net_of_socket(p->t.pidfd, o->net_socket);

	if (fd < 0) {
		nsk_err("process %d: --net-socket %d: %s", (int)p->t.pid, o->net_socket,
			net_socket_strerror(fd));
		return -1;
	}
	p->fd[i] = fd;
	return 0;
}

static int open_ns_files(const struct nsjoin_opts *o, struct plan *p)
{
	if (o->net_socket >= 0 && open_net_socket(o, p) < 0)
		return -1;
	for (unsigned i = 0; i < ns_type_count; i++)
		if (o->file[i] && (p->fd[i] = open_ns_file(o->file[i], &ns_types[i])) < 0)
			return -1;
	return 0;
}

static int user_index(void)
{
	return (int)(ns_by_flag(CLONE_NEWUSER) - ns_types);
}

/* --user-parent: the parent of the user namespace that would be joined,
 * or with no user namespace asked for, the owner of the first other one. */
static int plan_user_parent(struct plan *p)
{
	int u = user_index(), from = -1, fd;
	bool parent = true;
	_cleanup_close_ int tmp = -1;
	char path[64];

	if (p->fd[u] >= 0 || (p->mask & CLONE_NEWUSER)) {
		from = u;
	} else {
		parent = false;
		for (unsigned i = 0; i < ns_type_count && from < 0; i++)
			if (p->fd[i] >= 0 || (p->mask & ns_types[i].clone_flag))
				from = (int)i;
	}
	if (from < 0) {
		nsk_err("--user-parent: no namespace to take the user namespace from");
		return -1;
	}
	if (p->fd[from] < 0) {
		snprintf(path, sizeof(path), "ns/%s", ns_types[from].proc_name);
		if ((tmp = openat(p->t.procfd, path, O_RDONLY | O_CLOEXEC)) < 0) {
			join_error(p, &ns_types[from], errno);
			return -1;
		}
	}
	fd = join_user_ns_of(p->fd[from] >= 0 ? p->fd[from] : tmp, parent);
	if (fd < 0) {
		nsk_err("%s namespace: its %s user namespace: %s", ns_types[from].proc_name,
			parent ? "parent" : "owning",
			fd == -EPERM ? "outside ours, so not ours to enter" : strerror(-fd));
		return -1;
	}
	closep(&p->fd[u]);
	p->fd[u] = -1;
	p->mask &= ~CLONE_NEWUSER;
	/* Our own user namespace cannot be re-entered (EINVAL): nothing to do. */
	if (join_is_our_user_ns(fd)) {
		close(fd);
		return 0;
	}
	p->fd[u] = fd;
	return 0;
}

static int open_dir(int procfd, const char *dir, const char *link)
{
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
		     : openat(procfd, link, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		nsk_err("%s%s: %s", dir ? "" : "the target's ", dir ? dir : link, strerror(errno));
	return fd;
}

static int open_dirs(const struct nsjoin_opts *o, struct plan *p)
{
	if (o->root && (p->root_fd = open_dir(p->t.procfd, o->root_dir, "root")) < 0)
		return -1;
	/* With a new root and no -w the command starts at that root's /:
	 * a directory outside its root would lead out of it (runc,
	 * CVE-2024-21626), so we do not keep ours as nsenter(1) does. */
	if (o->wd && (p->wd_fd = open_dir(p->t.procfd, o->wd_dir, "cwd")) < 0)
		return -1;
	return 0;
}

static int make_plan(const struct nsjoin_opts *o, struct plan *p)
{
	if (needs_target(o) && open_target(o, p) < 0)
		return -1;
	if (p->have_target && plan_target_mask(o, p) < 0)
		return -1;
	if (o->follow_context && nsjoin_follow_context(p->t.procfd, p->t.pid) < 0)
		return -1;
	if (open_ns_files(o, p) < 0)
		return -1;
	if (o->user_parent && plan_user_parent(p) < 0)
		return -1;
	return open_dirs(o, p);
}

/* ---- acting on the plan ---- */

/* The target's environment replaces ours (read before joining: the
 * target's /proc is ours only until the mount namespace changes). */
static int take_env(const struct plan *p)
{
	/* As large as an environment can be (ARG_MAX); static, because
	 * putenv() keeps pointers into it. */
	static char buf[2 * 1024 * 1024];
	size_t len;
	int r = join_read_environ(p->t.procfd, buf, sizeof(buf), &len);

	if (r < 0) {
		nsk_err("process %d: environ: %s", (int)p->t.pid,
			r == -E2BIG ? "too large" : strerror(-r));
		return -1;
	}
	clearenv();
	for (char *s = buf; s < buf + len; s += strlen(s) + 1)
		if (strchr(s, '=') && putenv(s) != 0) {
			nsk_err("process %d: environ: %s", (int)p->t.pid, strerror(errno));
			return -1;
		}
	return 0;
}

static int join_cgroup(const struct plan *p)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = cgjoin_attach(p->t.procfd, &f);

	if (r < 0) {
		nsk_fail_context(&f, "process %d: joining its cgroup", (int)p->t.pid);
		nsk_err_failure(&f, r);
	}
	return r;
}

static int join_file(const struct nsjoin_opts *o, struct plan *p, unsigned i)
{
	int r = setns(p->fd[i], ns_types[i].clone_flag);

	if (r < 0 && (o->file[i] || (ns_types[i].clone_flag == CLONE_NEWNET && o->net_socket >= 0)))
		nsk_err("%s: joining the %s namespace: %s", o->file[i] ? o->file[i] : "--net-socket",
			ns_types[i].proc_name, strerror(errno));
	else if (r < 0 && (int)i == user_index() && o->user_parent)
		nsk_err("--user-parent: joining the %s namespace: %s", ns_types[i].proc_name,
			strerror(errno));
	else if (r < 0)
		join_error(p, &ns_types[i], errno);
	r = r < 0 ? -errno : 0;
	closep(&p->fd[i]);
	p->fd[i] = -1;
	return r;
}

/* Once in another user namespace we may have lost the privilege that
 * opens the target's namespaces (those of a non-dumpable process are
 * behind a ptrace check): open them all before. */
static int open_target_namespaces(struct plan *p)
{
	char path[64];

	for (unsigned i = 0; i < ns_type_count; i++) {
		if (!(p->mask & ns_types[i].clone_flag))
			continue;
		snprintf(path, sizeof(path), "ns/%s", ns_types[i].proc_name);
		if ((p->fd[i] = openat(p->t.procfd, path, O_RDONLY | O_CLOEXEC)) < 0) {
			join_error(p, &ns_types[i], errno);
			return -1;
		}
	}
	p->mask = 0;
	return 0;
}

static int join_namespaces(const struct nsjoin_opts *o, struct plan *p)
{
	int u = user_index();
	const struct ns_type *failed;
	int r;

	/* A user namespace from a file comes first, so that the rest is
	 * joined with the capabilities it gives. */
	if (p->fd[u] >= 0 && p->mask && open_target_namespaces(p) < 0)
		return -1;
	if (p->fd[u] >= 0 && join_file(o, p, (unsigned)u) < 0)
		return -1;
	if (p->mask && (r = join_target(p->t.pidfd, p->t.procfd, p->mask, &failed)) < 0) {
		join_error(p, failed, -r);
		return -1;
	}
	for (unsigned i = 0; i < ns_type_count; i++)
		if (p->fd[i] >= 0 && join_file(o, p, i) < 0)
			return -1;
	return 0;
}

/* The joined set decides the credentials: in a user namespace we take uid
 * and gid 0 (or -S/-G) unless --preserve-credentials, as nsenter(1). */
static void plan_credentials(struct nsjoin_opts *o, struct plan *p)
{
	p->joined = p->mask;
	for (unsigned i = 0; i < ns_type_count; i++)
		if (p->fd[i] >= 0)
			p->joined |= ns_types[i].clone_flag;
	if ((p->joined & CLONE_NEWUSER) && !o->preserve_cred)
		o->exec.set_uid = o->exec.set_gid = true;
}

/* -S follow, -G follow: the target's effective ids, read after joining so
 * that the kernel shows them as the joined user namespace sees them. */
static int follow_ids(struct nsjoin_opts *o, const struct plan *p)
{
	uint32_t uid, gid;
	int r = join_target_ids(p->t.procfd, &uid, &gid);

	if (r < 0) {
		nsk_err("process %d: status: %s", (int)p->t.pid,
			r == -ESRCH || r == -ENOENT ? "the process has exited" : strerror(-r));
		return r;
	}
	if (o->follow_uid)
		o->exec.uid = uid;
	if (o->follow_gid)
		o->exec.gid = gid;
	return 0;
}

/* ---- in the process that runs the command ---- */

/* The masks of lib/procmask on the new /proc: the command may hold our
 * credentials, which proc's sysctls take for the host's root. */
static int mask_proc(void)
{
	_cleanup_close_ int fd = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = fd < 0 ? nsk_fail(&f, -errno, "opening it to mask it", "/proc")
		       : procmask_proc(fd, "/proc", &f);

	if (r < 0)
		nsk_err_failure(&f, r);
	return r;
}

/* The debugging view: a private copy of whatever mount namespace we are
 * in, with a proc of the PID namespace we are in now (masked, unless
 * --proc-unmasked) and a sysfs of the network namespace we joined. */
static int mount_view(const struct nsjoin_opts *o)
{
	const unsigned long flags = MS_NOSUID | MS_NOEXEC | MS_NODEV;

	if (unshare(CLONE_NEWNS) < 0) {
		nsk_err("new mount namespace: %s", strerror(errno));
		return -1;
	}
	/* Nothing mounted below may reach the namespace we copied. */
	if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		nsk_err("/: making it private: %s", strerror(errno));
		return -1;
	}
	if (o->mount_proc && mount("proc", "/proc", "proc", flags, NULL) < 0) {
		nsk_err("/proc: mounting proc: %s", strerror(errno));
		return -1;
	}
	if (o->mount_proc && !o->proc_unmasked && mask_proc() < 0)
		return -1;
	if (o->mount_sys && mount("sysfs", "/sys", "sysfs", flags, NULL) < 0) {
		nsk_err("/sys: mounting sysfs: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Enter the root and working directory (-W: a path in the root we are
 * now in, the joined mount namespace's or -r's), then let go of every
 * descriptor that leads to the target or the host: from here on this
 * process and its child hold only what the command is given. */
static int set_root_wd(const struct nsjoin_opts *o, struct plan *p)
{
	if (p->root_fd >= 0 && (fchdir(p->root_fd) < 0 || chroot(".") < 0)) {
		nsk_err("root: %s", strerror(errno));
		return -1;
	}
	if (p->wd_fd >= 0 && fchdir(p->wd_fd) < 0) {
		nsk_err("working directory: %s", strerror(errno));
		return -1;
	}
	if (o->wdns && chdir(o->wdns) < 0) {
		nsk_err("%s: working directory in the joined root: %s", o->wdns, strerror(errno));
		return -1;
	}
	closep(&p->root_fd);
	closep(&p->wd_fd);
	target_close(&p->t);
	return 0;
}

/* -S NAME, -G NAME: the ids the command's own root gives those names, in
 * its /etc/passwd and /etc/group (read as text, inside that root). */
static int lookup_name(const char *file, const char *option, const char *name, uint32_t *id)
{
	_cleanup_close_ int rootfd = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int r = rootfd < 0 ? -errno : idname_lookup(rootfd, file, name, id);

	if (r < 0)
		nsk_err("--%s %s: %s: %s", option, name, file, nsk_strerror(r));
	return r;
}

static int lookup_names(struct nsjoin_opts *o)
{
	if (o->uid_name && lookup_name("/etc/passwd", "setuid", o->uid_name, &o->exec.uid) < 0)
		return -1;
	if (o->gid_name && lookup_name("/etc/group", "setgid", o->gid_name, &o->exec.gid) < 0)
		return -1;
	return 0;
}

/* Set up the command's process state and exec it; returns the status to
 * exit with when that fails. */
static int exec_cmd(const struct nsjoin_opts *o)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if ((o->mount_proc || o->mount_sys) && mount_view(o) < 0)
		return EXIT_TOOL_FAILED;
	if ((r = exec_prepare(&o->exec, &f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	return nsk_exec_error(o->argv[0], exec_command(o->argv));
}

/* Into a joined PID namespace only a child can go: fork it, forward
 * signals to it and exit with its status. The child is visible in the
 * container from its first instruction: by then this process is
 * non-dumpable (so is the child, which shares our memory) and holds no
 * descriptor of the target or the host (set_root_wd).
 *
 * vfork: the child only sets up its own process state (mounts, root,
 * credentials, signals: none of which it shares with us) and execs or
 * _exits, never returning here, so it need not copy our page tables
 * first; we are suspended until then, with the forwarded signals blocked
 * so that none is lost. */
static int fork_cmd(const struct nsjoin_opts *o)
{
	int dumpable = confine_dumpable();
	pid_t child;

	init_block_signals();
	child = vfork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (child == 0)
		_exit(exec_cmd(o));
	confine_restore_dumpable(dumpable);	/* the child's ids may have reset it */
	/* _exit: nothing is left to flush, and exit() would run the leak
	 * checker of a sanitizer build, whose helper thread would be born in
	 * the joined PID namespace, unable to reach us, and spin forever. */
	_exit(init_forward_and_wait(child, 0));
}

static int run(struct nsjoin_opts *o)
{
	struct plan p = { .t = TARGET_INIT, .root_fd = -1, .wd_fd = -1 };
	int r;

	for (unsigned i = 0; i < NS_TYPE_MAX; i++)
		p.fd[i] = -1;
	/* Before the first setns(): the container's root holds
	 * CAP_SYS_PTRACE over whatever enters its user namespace with our
	 * host credentials, unless it is non-dumpable (DESIGN.md). */
	if ((r = confine_nondumpable()) < 0) {
		nsk_err("prctl(PR_SET_DUMPABLE): %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	if (make_plan(o, &p) < 0)
		return EXIT_TOOL_FAILED;
	if (o->env && take_env(&p) < 0)
		return EXIT_TOOL_FAILED;
	if (o->join_cgroup && join_cgroup(&p) < 0)
		return EXIT_TOOL_FAILED;
	plan_credentials(o, &p);
	if (join_namespaces(o, &p) < 0)
		return EXIT_TOOL_FAILED;
	if ((o->follow_uid || o->follow_gid) && follow_ids(o, &p) < 0)
		return EXIT_TOOL_FAILED;
	if (set_root_wd(o, &p) < 0)
		return EXIT_TOOL_FAILED;
	if ((o->uid_name || o->gid_name) && lookup_names(o) < 0)
		return EXIT_TOOL_FAILED;
	if ((p.joined & CLONE_NEWPID) && !o->no_fork)
		return fork_cmd(o);
	return exec_cmd(o);
}

int main(int argc, char **argv)
{
	struct nsjoin_opts o = { .target = NULL, .net_socket = -1,
				 .exec = { .keep_fds = FDKEEP_INIT } };
	int r = nsjoin_parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	return run(&o);
}
