/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsroot: switch a mount namespace to a new root and run a command in it
 * (cf. pivot_root(8), bwrap --bind, s6-pivotchroot).
 *
 *   nsroot [--proc | --proc-unmasked] [--dev] [--sys] [--tmp] [--ro]
 *          [--bind SRC:DST]... [--ro-bind SRC:DST]... [--overlay LOWER[:LOWER...]]
 *          [--wd DIR] NEWROOT -- CMD [ARG]...
 *
 * Every mount is made beneath NEWROOT, which becomes a mount point first
 * (a bind of itself, the overlay, or the source of a bind onto /), so
 * that one detach of NEWROOT undoes them all if a step fails;
 * destinations are resolved inside NEWROOT
 * (openat2 RESOLVE_IN_ROOT), so a symlink in the image cannot aim a mount
 * outside it. The new proc and sysfs are masked as runc masks them
 * (lib/procmask). Then pivot_root(".", ".") and a lazy unmount of the old
 * root, which leaves nothing of it visible or mounted. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cleanup.h"
#include "cmdline.h"
#include "err.h"
#include "opts.h"
#include "exec.h"
#include "inroot.h"
#include "mnt.h"
#include "mountinfo.h"
#include "procmask.h"

/* The initial PID namespace's inode (include/linux/proc_ns.h). */
#define PROC_PID_INIT_INO 0xEFFFFFFCU

struct bind {
	const char *src, *dst;
	bool ro;
};

struct nsroot_opts {
	bool proc, proc_unmasked, dev, sys, tmp, ro;
	struct bind *binds;
	unsigned nbinds;
	const struct bind *root_bind;	/* the bind onto / (the new root), or NULL */
	const char *overlay;	/* LOWER[:LOWER...], NULL: none */
	const char *newroot;
	struct exec_opts exec;
	char **argv;
};

enum {
	OPT_PROC = CHAR_MAX + 1, OPT_PROC_UNMASKED, OPT_DEV, OPT_SYS, OPT_TMP, OPT_RO, OPT_BIND,
	OPT_RO_BIND, OPT_OVERLAY, OPT_PRESERVE_FDS, OPT_KEEP_FD, OPT_DEFAULT_SIGNAL,
};

static const struct option longopts[] = {
	{ "proc", no_argument, NULL, OPT_PROC },
	{ "proc-unmasked", no_argument, NULL, OPT_PROC_UNMASKED },
	{ "dev", no_argument, NULL, OPT_DEV },
	{ "sys", no_argument, NULL, OPT_SYS },
	{ "tmp", no_argument, NULL, OPT_TMP },
	{ "ro", no_argument, NULL, OPT_RO },
	{ "bind", required_argument, NULL, OPT_BIND },
	{ "ro-bind", required_argument, NULL, OPT_RO_BIND },
	{ "overlay", required_argument, NULL, OPT_OVERLAY },
	{ "wd", required_argument, NULL, 'w' },
	{ "preserve-fds", required_argument, NULL, OPT_PRESERVE_FDS },
	{ "keep-fd", required_argument, NULL, OPT_KEEP_FD },
	{ "default-signal", optional_argument, NULL, OPT_DEFAULT_SIGNAL },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " nsroot [options] NEWROOT -- command [argument...]\n"
	      "\n"
	      "Switch this mount namespace to NEWROOT (pivot_root) and run a command there.\n"
	      "nsroot needs a mount namespace of its own (see nsroot(1)).\n"
	      "\n"
	      "Options:\n"
	      "     --proc               mount a fresh proc on /proc, masked: /proc/sys and\n"
	      "                          other kernel knobs read-only, /proc/kcore, /proc/keys\n"
	      "                          and other leaks of host state empty\n"
	      "     --proc-unmasked      mount a fresh proc on /proc with nothing masked\n"
	      "     --dev                a tmpfs /dev with null zero full random urandom tty,\n"
	      "                          a private devpts (pts, ptmx) and shm\n"
	      "     --sys                mount sysfs read-only on /sys, /sys/firmware empty\n"
	      "     --tmp                mount a tmpfs on /tmp\n"
	      "     --ro                 make the new root read-only\n"
	      "     --bind SRC:DST       bind SRC onto DST inside the new root (DST /:\n"
	      "                          SRC becomes the new root)\n"
	      "     --ro-bind SRC:DST    bind SRC onto DST, read-only\n"
	      "     --overlay LOWER[:LOWER...]\n"
	      "                          the root is an overlay of these read-only layers\n"
	      "                          (leftmost on top) and a tmpfs: writes vanish on exit\n"
	      " -w, --wd DIR             working directory (default /)\n"
	      "     --preserve-fds N     pass descriptors 3 to 2+N (others are closed)\n"
	      "     --keep-fd FD         pass descriptor FD (repeatable; others are closed)\n"
	      "     --default-signal[=SIGS]\n"
	      "                          start the command with SIGS (comma list; default\n"
	      "                            all) at their default action, not ignored\n"
	      " -h, --help               show this help\n"
	      " -V, --version            show the version\n"
	      "\n"
	      "Exit status: the command's, 128+N if it died of signal N; 125 if nsroot\n"
	      "failed; 126 if the command cannot run; 127 if it was not found.\n"
	      "See nsroot(1) and nskit(7).\n",
	      stdout);
}

/* DST with "." and repeated slashes dropped ("/a//./b/" is "/a/b", "/."
 * is "/"), malloc'd; NULL with errno EINVAL for a ".." component. */
static char *normalize_dst(const char *dst)
{
	char *out = malloc(strlen(dst) + 2), *end = out;

	if (!out)
		return NULL;
	for (const char *p = dst; *p;) {
		size_t len = strcspn(p, "/");
		if (len == 2 && !strncmp(p, "..", 2)) {
			free(out);
			errno = EINVAL;
			return NULL;
		}
		if (len && !(len == 1 && *p == '.')) {
			*end++ = '/';
			memcpy(end, p, len);
			end += len;
		}
		p += len + (p[len] == '/');
	}
	if (end == out)
		*end++ = '/';
	*end = '\0';
	return out;
}

static int add_bind(struct nsroot_opts *o, const char *arg, bool ro)
{
	const char *opt = ro ? "--ro-bind" : "--bind";
	char *colon = strchr(arg, ':');
	struct bind *b;

	if (!colon || colon == arg || !colon[1])
		return nsk_usage_err("%s %s: not SRC:DST", opt, arg);
	if (colon[1] != '/')
		return nsk_usage_err("%s %s: DST must be an absolute path inside the new root", opt,
				     arg);
	b = reallocarray(o->binds, o->nbinds + 1, sizeof(*b));
	if (!b)
		return nsk_usage_err("%s: %s", opt, strerror(ENOMEM));
	o->binds = b;
	b = &o->binds[o->nbinds++];
	b->ro = ro;
	b->src = strndup(arg, (size_t)(colon - arg));
	if (!(b->dst = normalize_dst(colon + 1)) && errno == EINVAL)
		return nsk_usage_err("%s %s: DST may not contain '..'", opt, arg);
	return b->src && b->dst ? 0 : nsk_usage_err("%s: %s", opt, strerror(ENOMEM));
}

/* At most one bind onto /: its source becomes the new root, which
 * --overlay would be too. */
static int find_root_bind(struct nsroot_opts *o)
{
	for (unsigned i = 0; i < o->nbinds; i++) {
		if (strcmp(o->binds[i].dst, "/") != 0)
			continue;
		if (o->root_bind)
			return nsk_usage_err("two binds onto / ('%s' and '%s'): one new root only",
					     o->root_bind->src, o->binds[i].src);
		o->root_bind = &o->binds[i];
	}
	if (o->root_bind && o->overlay)
		return nsk_usage_err("--overlay and a bind onto / ('%s') would both be the new root",
				     o->root_bind->src);
	return 0;
}

static int check_overlay(const char *arg)
{
	/* The layers go into a mount option string, where a comma would
	 * start the next option. */
	if (!*arg || strchr(arg, ','))
		return nsk_usage_err("--overlay %s: not LOWER[:LOWER...] (no commas)", arg);
	for (const char *p = arg; *p; p++)
		if (*p == ':' && (p == arg || p[1] == ':' || p[1] == '\0'))
			return nsk_usage_err("--overlay %s: an empty layer", arg);
	return 0;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct nsroot_opts *o = opts;

	switch (c) {
	case OPT_PROC: o->proc = true; return 0;
	case OPT_PROC_UNMASKED: o->proc = o->proc_unmasked = true; return 0;
	case OPT_DEV: o->dev = true; return 0;
	case OPT_SYS: o->sys = true; return 0;
	case OPT_TMP: o->tmp = true; return 0;
	case OPT_RO: o->ro = true; return 0;
	case OPT_BIND: return add_bind(o, arg, false);
	case OPT_RO_BIND: return add_bind(o, arg, true);
	case OPT_OVERLAY: o->overlay = arg; return check_overlay(arg);
	case 'w': o->exec.wd = arg; return 0;
	case OPT_PRESERVE_FDS:
	case OPT_KEEP_FD:
		return opts_fd_option(c == OPT_PRESERVE_FDS, arg, &o->exec.keep_fds);
	case OPT_DEFAULT_SIGNAL: return opts_default_signal_option(arg, &o->exec);
	}
	return -EINVAL;
}

static int parse_args(int argc, char **argv, struct nsroot_opts *o)
{
	int end = cmdline_split(argc, argv);
	int r = opts_parse(end, argv, ":w:hV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	if (find_root_bind(o) < 0)
		return -EINVAL;
	if (optind == end)
		return nsk_usage_err("no new root given");
	if (end - optind > 1)
		return nsk_usage_err("one new root only ('%s' and '%s')", argv[optind],
				     argv[optind + 1]);
	if (end + 1 >= argc)
		return nsk_usage_err("no command given (NEWROOT -- command)");
	o->newroot = argv[optind];
	o->argv = argv + end + 1;
	if (!o->exec.wd)
		o->exec.wd = "/";
	/* The command starts inside the new root with none of the
	 * descriptors that lead outside it, only 0, 1, 2 and those named. */
	o->exec.close_fds = true;
	return 1;
}

/* ---- may we pivot this namespace? ---- */

/* 1 if we share our mount namespace with PID 1 of our PID namespace (the
 * host's init, or a container's), 0 if not, -errno. */
static int shares_init_mount_ns(void)
{
	struct stat self, one;

	if (stat("/proc/self/ns/mnt", &self) < 0)
		return -errno;
	if (stat("/proc/1/ns/mnt", &one) == 0)
		return self.st_dev == one.st_dev && self.st_ino == one.st_ino;
	if (errno != EACCES && errno != EPERM)
		return -errno;
	/* PID 1's namespace files are closed to us (ptrace access), but its
	 * mount table is not: mount ids are unique system-wide, so one
	 * mount in both tables means one namespace. */
	return mountinfo_files_share_a_mount("/proc/self/mountinfo", "/proc/1/mountinfo");
}

static bool in_initial_pid_ns(void)
{
	struct stat st;

	return stat("/proc/self/ns/pid", &st) == 0 && st.st_ino == PROC_PID_INIT_INO;
}

/* ---- building the new root ---- */

/* The failure of a step on PATH inside ROOT (NULL: ROOT itself), for the
 * one error line "ROOT/PATH: STEP: cause". */
static int fail(struct nsk_failure *f, const char *step, const char *root, const char *path, int r)
{
	return nsk_fail(f, r, step, "%s%s%s", root, (path && *path && path[0] != '/') ? "/" : "",
			path ? path : "");
}

/* Open each lower layer before anything is mounted: the overlay's mount
 * fails with a bare ENOENT that says nothing of which path is missing, and
 * the line would name NEWROOT. */
static int check_layers(const char *layers, struct nsk_failure *f)
{
	_cleanup_free_ char *copy = strdup(layers);
	char *save = NULL;

	if (!copy)
		return fail(f, "opening the overlay's lower layer", layers, NULL, -ENOMEM);
	for (char *l = strtok_r(copy, ":", &save); l; l = strtok_r(NULL, ":", &save)) {
		int fd = open(l, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0)
			return fail(f, "opening the overlay's lower layer", l, NULL, -errno);
		close(fd);
	}
	return 0;
}

/* The tmpfs and overlay stacked on NEWROOT for --overlay: upper and work
 * directories live in the tmpfs, which the overlay then covers. */
static int mount_overlay(const struct nsroot_opts *o, struct nsk_failure *f, int *ret_mounts)
{
	_cleanup_close_ int tmpfd = -1;
	_cleanup_free_ char *data = NULL;
	int r;

	if ((r = check_layers(o->overlay, f)) < 0)
		return r;
	if (mount("tmpfs", o->newroot, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") < 0)
		return fail(f, "mounting the overlay's tmpfs", o->newroot, NULL, -errno);
	(*ret_mounts)++;
	tmpfd = open(o->newroot, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (tmpfd < 0)
		return fail(f, "opening the overlay's tmpfs", o->newroot, NULL, -errno);
	if (mkdirat(tmpfd, "upper", 0755) < 0 || mkdirat(tmpfd, "work", 0700) < 0)
		return fail(f, "making the overlay's upper layer", o->newroot, NULL, -errno);
	if (asprintf(&data, "lowerdir=%s,upperdir=/proc/self/fd/%d/upper,workdir=/proc/self/fd/%d/work",
		     o->overlay, tmpfd, tmpfd) < 0)
		return fail(f, "mounting the overlay", o->newroot, NULL, -ENOMEM);
	if (mount("overlay", o->newroot, "overlay", 0, data) < 0)
		return fail(f, "mounting the overlay", o->newroot, NULL, -errno);
	(*ret_mounts)++;
	return 0;
}

/* The source of a bind, opened in our root before anything is mounted on
 * the destination ("--bind /x:/x" binds the old /x): an fd, or -errno
 * with the failure noted. */
static int open_bind_source(const struct bind *b, struct nsk_failure *f)
{
	int fd = open(b->src, O_PATH | O_CLOEXEC);

	return fd < 0 ? fail(f, "opening the bind source", b->src, NULL, -errno) : fd;
}

/* NEWROOT becomes a mount point: pivot_root needs one, and one detach of
 * it then undoes every mount made beneath. It is the overlay, the source
 * of the bind onto / (which the new root then is), or NEWROOT bound onto
 * itself. */
static int mount_root(const struct nsroot_opts *o, struct nsk_failure *f, int *ret_mounts)
{
	const struct bind *b = o->root_bind;
	_cleanup_close_ int srcfd = -1;
	char source[64];

	if (o->overlay)
		return mount_overlay(o, f, ret_mounts);
	if (!b) {
		if (mount(o->newroot, o->newroot, NULL, MS_BIND | MS_REC, NULL) < 0)
			return fail(f, "binding it onto itself", o->newroot, NULL, -errno);
	} else {
		if ((srcfd = open_bind_source(b, f)) < 0)
			return srcfd;
		snprintf(source, sizeof(source), "/proc/self/fd/%d", srcfd);
		if (mount(source, o->newroot, NULL, MS_BIND | MS_REC, NULL) < 0)
			return fail(f, b->ro ? "read-only bind mount" : "bind mount", o->newroot,
				    "/", -errno);
	}
	(*ret_mounts)++;
	return 0;
}

static int do_bind(int rootfd, const struct nsroot_opts *o, const struct bind *b,
		   struct nsk_failure *f)
{
	_cleanup_close_ int fd = -1, srcfd = open_bind_source(b, f);
	char source[64];
	int r;

	if (srcfd < 0)
		return srcfd;
	snprintf(source, sizeof(source), "/proc/self/fd/%d", srcfd);
	if ((r = inroot_mount(rootfd, b->dst, source, NULL, MS_BIND | MS_REC, NULL)) < 0)
		return fail(f, b->ro ? "read-only bind mount" : "bind mount", o->newroot, b->dst, r);
	if (!b->ro)
		return 0;
	if ((fd = inroot_open(rootfd, b->dst, O_PATH)) < 0 || (r = mnt_set_readonly_fd(fd, true)) < 0)
		return fail(f, "making the bind read-only", o->newroot, b->dst, fd < 0 ? fd : r);
	return 0;
}

/* --dev: a tmpfs holding binds of the host's harmless nodes, a devpts of
 * its own (so the host's ptys are not reachable) and shm. */
static int make_dev(int rootfd, const struct nsroot_opts *o, struct nsk_failure *f)
{
	static const char *const nodes[] = { "null", "zero", "full", "random", "urandom", "tty" };
	_cleanup_close_ int devfd = -1;
	char target[128], source[64];
	int r;

	if ((r = inroot_mount(rootfd, "/dev", "tmpfs", "tmpfs", MS_NOSUID | MS_NOEXEC,
			       "mode=0755,size=64k")) < 0)
		return fail(f, "mounting a tmpfs", o->newroot, "/dev", r);
	if ((devfd = inroot_open(rootfd, "/dev", O_PATH)) < 0)
		return fail(f, "opening the new /dev", o->newroot, "/dev", devfd);
	for (size_t i = 0; i < ELEMENTSOF(nodes); i++) {
		snprintf(source, sizeof(source), "/dev/%s", nodes[i]);
		snprintf(target, sizeof(target), "/proc/self/fd/%d/%s", devfd, nodes[i]);
		int fd = openat(devfd, nodes[i], O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
		if (fd < 0 || close(fd) < 0)
			return fail(f, "creating a device node", o->newroot, source, -errno);
		if (mount(source, target, NULL, MS_BIND, NULL) < 0)
			return fail(f, "binding the device node", o->newroot, source, -errno);
	}
	snprintf(target, sizeof(target), "/proc/self/fd/%d/pts", devfd);
	if (mkdirat(devfd, "pts", 0755) < 0 ||
	    mount("devpts", target, "devpts", MS_NOSUID | MS_NOEXEC,
		  "newinstance,ptmxmode=0666,mode=0620") < 0)
		return fail(f, "mounting devpts", o->newroot, "/dev/pts", -errno);
	if (symlinkat("pts/ptmx", devfd, "ptmx") < 0)
		return fail(f, "linking ptmx", o->newroot, "/dev/ptmx", -errno);
	snprintf(target, sizeof(target), "/proc/self/fd/%d/shm", devfd);
	if (mkdirat(devfd, "shm", 01777) < 0 ||
	    mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777") < 0)
		return fail(f, "mounting a tmpfs", o->newroot, "/dev/shm", -errno);
	return 0;
}

/* Mask the proc or sysfs just mounted on DST (lib/procmask); what is
 * masked goes with the detach of NEWROOT if a later step fails. */
static int mask_mount(int rootfd, const struct nsroot_opts *o, const char *dst,
		      int (*mask)(int, const char *, struct nsk_failure *), struct nsk_failure *f)
{
	_cleanup_close_ int fd = inroot_open(rootfd, dst, O_PATH);
	char path[PATH_MAX];

	if (fd < 0)
		return fail(f, "opening it to mask it", o->newroot, dst, fd);
	/* how the messages name it: DST inside NEWROOT */
	snprintf(path, sizeof(path), "%s%s", o->newroot, dst);
	return mask(fd, path, f);
}

static int make_proc(int rootfd, const struct nsroot_opts *o, struct nsk_failure *f)
{
	int r;

	if (in_initial_pid_ns())
		nsk_warn("--proc: not in a new PID namespace: the new /proc shows every process of the host");
	if ((r = inroot_mount(rootfd, "/proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
			       NULL)) < 0)
		return fail(f, "mounting proc", o->newroot, "/proc", r);
	return o->proc_unmasked ? 0 : mask_mount(rootfd, o, "/proc", procmask_proc, f);
}

static int make_sys(int rootfd, const struct nsroot_opts *o, struct nsk_failure *f)
{
	int r;

	if ((r = inroot_mount(rootfd, "/sys", "sysfs", "sysfs",
			       MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL)) < 0)
		return fail(f, "mounting sysfs", o->newroot, "/sys", r);
	return mask_mount(rootfd, o, "/sys", procmask_sys, f);
}

/* The mounts beneath the new root, in the order of the man page. */
static int populate(int rootfd, const struct nsroot_opts *o, struct nsk_failure *f)
{
	int r;

	/* the bind onto / is the root mount itself (mount_root) */
	if (o->root_bind && o->root_bind->ro && (r = mnt_set_readonly_fd(rootfd, true)) < 0)
		return fail(f, "making the bind read-only", o->newroot, NULL, r);
	for (unsigned i = 0; i < o->nbinds; i++)
		if (&o->binds[i] != o->root_bind && (r = do_bind(rootfd, o, &o->binds[i], f)) < 0)
			return r;
	if (o->proc && (r = make_proc(rootfd, o, f)) < 0)
		return r;
	if (o->dev && (r = make_dev(rootfd, o, f)) < 0)
		return r;
	if (o->sys && (r = make_sys(rootfd, o, f)) < 0)
		return r;
	if (o->tmp && (r = inroot_mount(rootfd, "/tmp", "tmpfs", "tmpfs", MS_NOSUID | MS_NODEV,
					 "mode=1777")) < 0)
		return fail(f, "mounting a tmpfs", o->newroot, "/tmp", r);
	/* Before the pivot, so that failing here can still be undone. */
	if (o->ro && (r = mnt_set_readonly_fd(rootfd, false)) < 0)
		return fail(f, "making it read-only", o->newroot, NULL, r);
	return 0;
}

/* pivot_root(".", ".") stacks the old root on the new one; the lazy
 * unmount then takes the old root and every mount beneath it away. */
static int switch_root(int rootfd, const struct nsroot_opts *o, struct nsk_failure *f,
		       bool *ret_pivoted)
{
	if (fchdir(rootfd) < 0)
		return fail(f, "entering it", o->newroot, NULL, -errno);
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		return fail(f, "pivot_root", o->newroot, NULL, -errno);
	*ret_pivoted = true;
	if (umount2(".", MNT_DETACH) < 0)
		return fail(f, "detaching the old root", "/", NULL, -errno);
	return 0;
}

/* Build the new root and switch to it; on failure before the pivot, the
 * mounts on NEWROOT are detached again. */
static int build_and_switch(const struct nsroot_opts *o, struct nsk_failure *f)
{
	_cleanup_close_ int rootfd = -1;
	/* To come back for the undo if pivot_root fails after the chdir
	 * into NEWROOT (which may be a relative path). */
	_cleanup_close_ int cwdfd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	bool pivoted = false;
	int mounts = 0, r = 0;

	/* Nothing mounted below may propagate out of this namespace, and
	 * pivot_root refuses shared mounts: receive, but send nothing. */
	if ((r = mnt_set_propagation("/", MS_SLAVE, true)) < 0)
		return fail(f, "making every mount a slave", "/", NULL, r);
	if ((r = mount_root(o, f, &mounts)) < 0)
		goto undo;
	rootfd = open(o->newroot, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		r = fail(f, "opening it", o->newroot, NULL, -errno);
		goto undo;
	}
	if ((r = populate(rootfd, o, f)) < 0 || (r = switch_root(rootfd, o, f, &pivoted)) < 0)
		goto undo;
	return 0;
undo:
	closep(&rootfd);
	if (!pivoted && cwdfd >= 0 && fchdir(cwdfd) < 0)
		nsk_warn("returning to the working directory: %s", strerror(errno));
	while (!pivoted && mounts-- > 0)
		if (umount2(o->newroot, MNT_DETACH) < 0) {
			nsk_warn("%s: detaching what nsroot mounted: %s", o->newroot,
				 strerror(errno));
			break;
		}
	return r;
}

static int refuse_shared_namespace(void)
{
	int r = shares_init_mount_ns();

	if (r < 0) {
		nsk_err("/proc/1/ns/mnt: comparing with our mount namespace: %s", strerror(-r));
		return -1;
	}
	if (r > 0) {
		nsk_err("mount namespace of PID 1: refusing to pivot it (run nsroot in a mount namespace of its own: nsrun --mount)");
		return -1;
	}
	return 0;
}

static void free_opts(struct nsroot_opts *o)
{
	for (unsigned i = 0; i < o->nbinds; i++) {
		free((char *)o->binds[i].src);
		free((char *)o->binds[i].dst);
	}
	free(o->binds);
}

static int run(const struct nsroot_opts *o)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if (refuse_shared_namespace() < 0)
		return EXIT_TOOL_FAILED;
	if ((r = build_and_switch(o, &f)) < 0 || (r = exec_prepare(&o->exec, &f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	return nsk_exec_error(o->argv[0], exec_command(o->argv));
}

int main(int argc, char **argv)
{
	struct nsroot_opts o = { .nbinds = 0, .exec = { .keep_fds = FDKEEP_INIT } };
	int r = parse_args(argc, argv, &o);

	if (r > 0)
		r = run(&o);
	else
		r = r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	free_opts(&o);
	return r;
}
