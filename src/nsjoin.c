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
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cgjoin.h"
#include "cleanup.h"
#include "err.h"
#include "exec.h"
#include "init.h"
#include "join.h"
#include "ns.h"
#include "opts.h"
#include "parse.h"
#include "target.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

#define NS_MAX 8	/* entries of ns_types */

struct nsjoin_opts {
	const char *target;
	int flags;			/* namespaces asked for, CLONE_NEW* */
	const char *file[NS_MAX];	/* =FILE, indexed like ns_types */
	bool all, preserve_cred, keep_caps, user_parent;
	bool root, wd;			/* -r / -w given */
	const char *root_dir, *wd_dir;	/* their DIR (NULL: the target's) */
	bool no_fork, env, join_cgroup, mount_proc, mount_sys;
	bool follow_uid, follow_gid;	/* -S follow, -G follow: the target's */
	int net_socket;			/* -N FD: that socket's network namespace; -1 */
	struct exec_opts exec;
	char **argv;
};

/* What run() has opened and decided before joining anything. */
struct plan {
	struct target t;
	bool have_target;
	int mask;			/* joined by setns(pidfd, mask) */
	int fd[NS_MAX];			/* joined by setns(fd): files, --user-parent */
	int joined;			/* every namespace joined, CLONE_NEW* */
	int root_fd, wd_fd;
};

enum {
	OPT_PRESERVE_CRED = CHAR_MAX + 1, OPT_KEEP_CAPS, OPT_USER_PARENT, OPT_CAP_DROP,
	OPT_CAP_ADD, OPT_NO_NEW_PRIVS, OPT_MOUNT_PROC, OPT_MOUNT_SYS,
};

static const struct option longopts[] = {
	{ "target", required_argument, NULL, 't' },
	{ "all", no_argument, NULL, 'a' },
	{ "user", optional_argument, NULL, 'U' },
	{ "mount", optional_argument, NULL, 'm' },
	{ "pid", optional_argument, NULL, 'p' },
	{ "net", optional_argument, NULL, 'n' },
	{ "uts", optional_argument, NULL, 'u' },
	{ "ipc", optional_argument, NULL, 'i' },
	{ "cgroup", optional_argument, NULL, 'C' },
	{ "time", optional_argument, NULL, 'T' },
	{ "setuid", required_argument, NULL, 'S' },
	{ "setgid", required_argument, NULL, 'G' },
	{ "preserve-credentials", no_argument, NULL, OPT_PRESERVE_CRED },
	{ "keep-caps", no_argument, NULL, OPT_KEEP_CAPS },
	{ "user-parent", no_argument, NULL, OPT_USER_PARENT },
	{ "root", optional_argument, NULL, 'r' },
	{ "wd", optional_argument, NULL, 'w' },
	{ "no-fork", no_argument, NULL, 'F' },
	{ "env", no_argument, NULL, 'e' },
	{ "join-cgroup", no_argument, NULL, 'c' },
	{ "cap-drop", required_argument, NULL, OPT_CAP_DROP },
	{ "cap-add", required_argument, NULL, OPT_CAP_ADD },
	{ "no-new-privs", no_argument, NULL, OPT_NO_NEW_PRIVS },
	{ "mount-proc", no_argument, NULL, OPT_MOUNT_PROC },
	{ "mount-sys", no_argument, NULL, OPT_MOUNT_SYS },
	{ "net-socket", required_argument, NULL, 'N' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " nsjoin [-t PID|PID:INODE|-] [options] [--] [command [argument...]]\n"
	      "\n"
	      "Enter the namespaces of a process and run a command there (default: $SHELL).\n"
	      "\n"
	      "Target and namespaces (=FILE joins a namespace file instead of the target's):\n"
	      " -t, --target PID           the process (PID, PID:INODE, or - for stdin)\n"
	      " -a, --all                  each namespace of the target that is not ours\n"
	      " -U, --user[=FILE]          user namespace\n"
	      " -m, --mount[=FILE]         mount namespace\n"
	      " -p, --pid[=FILE]           PID namespace (the command is forked into it)\n"
	      " -n, --net[=FILE]           network namespace\n"
	      " -u, --uts[=FILE]           UTS namespace\n"
	      " -i, --ipc[=FILE]           System V IPC namespace\n"
	      " -C, --cgroup[=FILE]        cgroup namespace\n"
	      " -T, --time[=FILE]          time namespace\n"
	      " -N, --net-socket FD        the network namespace of socket FD\n"
	      "     --user-parent          the parent of the user namespace instead\n"
	      "\n"
	      "Debugging view:\n"
	      "     --mount-proc           a private mount namespace with a fresh /proc of the\n"
	      "                            joined PID namespace; implies --pid\n"
	      "     --mount-sys            a private mount namespace with a fresh /sys of the\n"
	      "                            joined network namespace; implies --net\n"
	      "\n"
	      "Command:\n"
	      " -S, --setuid UID|follow    uid of the command (default 0 in a user ns)\n"
	      " -G, --setgid GID|follow    gid of the command (default 0 in a user ns)\n"
	      "     --preserve-credentials keep our uid and gid in a joined user namespace\n"
	      "     --keep-caps            keep the capabilities a user ns gives\n"
	      " -r, --root[=DIR]           root directory: DIR, or the target's\n"
	      " -w, --wd[=DIR]             working directory: DIR, or the target's\n"
	      " -F, --no-fork              do not fork into a joined PID namespace\n"
	      " -e, --env                  take the target's environment\n"
	      " -c, --join-cgroup          run in the target's cgroups, in every hierarchy\n"
	      "     --cap-drop CAPS        drop capabilities (comma list, or ALL)\n"
	      "     --cap-add CAPS         keep or add capabilities (comma list)\n"
	      "     --no-new-privs         set no_new_privs\n"
	      "\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Exit status: the command's, 128+N if it died of signal N; 125 if nsjoin\n"
	      "failed; 126 if the command cannot run; 127 if it was not found.\n"
	      "See nsjoin(1) and nskit(7).\n",
	      stdout);
}

/* ---- options ---- */

static int ns_index(int c)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (ns_types[i].short_option == c)
			return (int)i;
	return -1;
}

static int parse_ns_option(struct nsjoin_opts *o, int i, const char *arg)
{
	if (arg && !*arg)
		return nsk_usage_err("--%s=: empty file name", ns_types[i].option);
	o->flags |= ns_types[i].clone_flag;
	o->file[i] = arg;
	return 0;
}

static int parse_value(struct nsjoin_opts *o, int c, const char *arg)
{
	char bad[64];

	switch (c) {
	case 'S':
		o->follow_uid = !strcmp(arg, "follow");
		if (!o->follow_uid && parse_id(arg, &o->exec.uid) < 0)
			return nsk_usage_err("--setuid %s: not a user id or 'follow'", arg);
		o->exec.set_uid = true;
		return 0;
	case 'G':
		o->follow_gid = !strcmp(arg, "follow");
		if (!o->follow_gid && parse_id(arg, &o->exec.gid) < 0)
			return nsk_usage_err("--setgid %s: not a group id or 'follow'", arg);
		o->exec.set_gid = true;
		return 0;
	case 'N': {
		uint32_t fd;
		if (parse_u32(arg, &fd) < 0 || fd > INT32_MAX)
			return nsk_usage_err("--net-socket %s: not a file descriptor", arg);
		o->net_socket = (int)fd;
		o->flags |= CLONE_NEWNET;
		return 0;
	}
	case OPT_CAP_DROP:
	case OPT_CAP_ADD:
		if (caps_parse(arg, c == OPT_CAP_DROP ? &o->exec.cap_drop : &o->exec.cap_add, bad,
			       sizeof(bad)) < 0)
			return nsk_usage_err("%s %s: unknown capability '%s'",
					     c == OPT_CAP_DROP ? "--cap-drop" : "--cap-add", arg, bad);
		o->exec.change_caps = true;
		return 0;
	}
	return -EINVAL;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct nsjoin_opts *o = opts;

	int i = ns_index(c);

	if (i >= 0)
		return parse_ns_option(o, i, arg);
	switch (c) {
	case 't': o->target = arg; return 0;
	case 'a': o->all = true; return 0;
	case 'r': o->root = true; o->root_dir = arg; return 0;
	case 'w': o->wd = true; o->wd_dir = arg; return 0;
	case 'F': o->no_fork = true; return 0;
	case 'e': o->env = true; return 0;
	case 'c': o->join_cgroup = true; return 0;
	case OPT_PRESERVE_CRED: o->preserve_cred = true; return 0;
	case OPT_KEEP_CAPS: o->keep_caps = true; return 0;
	case OPT_USER_PARENT: o->user_parent = true; return 0;
	case OPT_NO_NEW_PRIVS: o->exec.no_new_privs = true; return 0;
	case OPT_MOUNT_PROC: o->mount_proc = true; return 0;
	case OPT_MOUNT_SYS: o->mount_sys = true; return 0;
	}
	return parse_value(o, c, arg);
}

/* Options that imply others, and combinations that make no sense. */
static int check_options(struct nsjoin_opts *o)
{
	if (o->mount_proc)
		o->flags |= CLONE_NEWPID;
	if (o->mount_sys)
		o->flags |= CLONE_NEWNET;
	if (o->net_socket >= 0 && o->file[ns_by_flag(CLONE_NEWNET) - ns_types])
		return nsk_usage_err("--net-socket does not go with --net=FILE");
	if (o->mount_proc && o->no_fork)
		return nsk_usage_err("--mount-proc needs the fork into the PID namespace (drop -F)");
	if ((o->mount_proc || o->mount_sys) && o->root)
		return nsk_usage_err("--%s does not go with --root",
				     o->mount_proc ? "mount-proc" : "mount-sys");
	if (!o->flags && !o->all && !o->user_parent && !o->root && !o->wd && !o->env &&
	    !o->join_cgroup)
		return nsk_usage_err("nothing to join: give namespaces (-a, -n, ...)");
	/* Keeping the permitted set across the change to uid 0 (or -S) and
	 * handing it on at exec is what caps_apply does with nothing dropped. */
	if (o->keep_caps)
		o->exec.change_caps = true;
	return 1;
}

static int parse_args(int argc, char **argv, struct nsjoin_opts *o)
{
	int r = opts_parse(argc, argv, "+:t:aU::m::p::n::u::i::C::T::S:G:r::w::N:FechV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	o->argv = argv + optind;
	return check_options(o);
}

/* ---- the plan: everything opened before anything is joined ---- */

/* Whether anything must come from a target process (rather than files). */
/* Whether namespace i comes from a file or -N rather than the target. */
static bool joined_from_fd(const struct nsjoin_opts *o, unsigned i)
{
	return o->file[i] || (ns_types[i].clone_flag == CLONE_NEWNET && o->net_socket >= 0);
}

static bool needs_target(const struct nsjoin_opts *o)
{
	if (o->all || o->env || o->join_cgroup || (o->root && !o->root_dir) ||
	    (o->wd && !o->wd_dir) || o->follow_uid || o->follow_gid || o->target)
		return true;
	for (unsigned i = 0; i < ns_type_count; i++)
		if ((o->flags & ns_types[i].clone_flag) && !joined_from_fd(o, i))
			return true;
	return false;
}

static int open_target(const struct nsjoin_opts *o, struct plan *p)
{
	int r = target_open(&p->t, o->target);

	if (r == -TARGET_ENOHANDLE || r == -TARGET_EEMPTY)
		nsk_err("%s", target_strerror(r));
	else if (r < 0 && p->t.pid > 0)
		nsk_err("process %d: %s", (int)p->t.pid, target_strerror(r));
	else if (r < 0)
		nsk_err("handle %s: %s", *p->t.handle ? p->t.handle : "-", target_strerror(r));
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

/* -N: the network namespace of a socket we were given (SIOCGSKNS). */
static int open_net_socket(const struct nsjoin_opts *o, struct plan *p)
{
	int i = (int)(ns_by_flag(CLONE_NEWNET) - ns_types);
	int fd = ioctl(o->net_socket, SIOCGSKNS);

	if (fd < 0) {
		nsk_err("--net-socket %d: %s", o->net_socket,
			errno == ENOTTY || errno == ENOTSOCK ? "not a socket" : strerror(errno));
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
	/* With a new root and no -w, stay in the same directory, as
	 * nsenter(1) does. */
	if ((o->wd || o->root) &&
	    (p->wd_fd = open_dir(p->t.procfd, o->wd ? o->wd_dir : ".", "cwd")) < 0)
		return -1;
	return 0;
}

static int make_plan(const struct nsjoin_opts *o, struct plan *p)
{
	if (needs_target(o) && open_target(o, p) < 0)
		return -1;
	if (p->have_target && plan_target_mask(o, p) < 0)
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
	char object[4200];
	int r = cgjoin_attach(p->t.procfd, object, sizeof(object));

	if (r < 0)
		nsk_err("process %d: joining its cgroup: %s: %s", (int)p->t.pid, object,
			strerror(-r));
	return r;
}

static int join_file(const struct nsjoin_opts *o, struct plan *p, unsigned i)
{
	int r = setns(p->fd[i], ns_types[i].clone_flag);

	if (r < 0) {
		r = -errno;
		nsk_err("%s: joining the %s namespace: %s",
			o->file[i] ? o->file[i] : ns_types[i].clone_flag == CLONE_NEWNET &&
			o->net_socket >= 0 ? "--net-socket" : "--user-parent", ns_types[i].proc_name,
			strerror(errno));
	}
	closep(&p->fd[i]);
	p->fd[i] = -1;
	return r;
}

static int join_namespaces(const struct nsjoin_opts *o, struct plan *p)
{
	int u = user_index();
	const struct ns_type *failed;
	int r;

	/* A user namespace from a file comes first, so that the rest is
	 * joined with the capabilities it gives. */
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

/* The debugging view: a private copy of whatever mount namespace we are
 * in, with a proc of the PID namespace we are in now and a sysfs of the
 * network namespace we joined. */
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
	if (o->mount_sys && mount("sysfs", "/sys", "sysfs", flags, NULL) < 0) {
		nsk_err("/sys: mounting sysfs: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int set_root_wd(const struct plan *p)
{
	if (p->root_fd >= 0 && (fchdir(p->root_fd) < 0 || chroot(".") < 0)) {
		nsk_err("root: %s", strerror(errno));
		return -1;
	}
	if (p->wd_fd >= 0 && fchdir(p->wd_fd) < 0) {
		nsk_err("working directory: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Set up the command's process state and exec it; returns the status to
 * exit with when that fails. */
static int exec_cmd(const struct nsjoin_opts *o, const struct plan *p)
{
	char *const *argv = o->argv;
	const char *step, *object;
	int r;

	if ((o->mount_proc || o->mount_sys) && mount_view(o) < 0)
		return EXIT_TOOL_FAILED;
	if (set_root_wd(p) < 0)
		return EXIT_TOOL_FAILED;
	if ((r = exec_prepare(&o->exec, &step, &object)) < 0) {
		nsk_err("%s%s%s: %s", step, *object ? " " : "", object, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	r = exec_command(argv);
	return nsk_exec_error(argv[0], r);
}

/* Into a joined PID namespace only a child can go: fork it, forward
 * signals to it and exit with its status.
 *
 * vfork: the child only sets up its own process state (mounts, root,
 * credentials, signals: none of which it shares with us) and execs or
 * _exits, never returning here, so it need not copy our page tables
 * first; we are suspended until then, with the forwarded signals blocked
 * so that none is lost. */
static int fork_cmd(const struct nsjoin_opts *o, struct plan *p)
{
	pid_t child;

	init_block_signals();
	child = vfork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (child == 0)
		_exit(exec_cmd(o, p));
	target_close(&p->t);
	closep(&p->root_fd);
	closep(&p->wd_fd);
	/* _exit: nothing is left to flush, and exit() would run the leak
	 * checker of a sanitizer build, whose helper thread would be born in
	 * the joined PID namespace, unable to reach us, and spin forever. */
	_exit(init_forward_and_wait(child, 0));
}

static int run(struct nsjoin_opts *o)
{
	struct plan p = { .t = TARGET_INIT, .root_fd = -1, .wd_fd = -1 };

	for (unsigned i = 0; i < NS_MAX; i++)
		p.fd[i] = -1;
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
	if ((p.joined & CLONE_NEWPID) && !o->no_fork)
		return fork_cmd(o, &p);
	target_close(&p.t);
	return exec_cmd(o, &p);
}

int main(int argc, char **argv)
{
	struct nsjoin_opts o = { .target = NULL, .net_socket = -1 };
	int r = parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	return run(&o);
}
