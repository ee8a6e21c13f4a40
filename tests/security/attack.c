/* SPDX-License-Identifier: GPL-2.0-or-later */
/* attack: look for a way out of a container, from inside it, as its root.
 *
 *   attack [-s DIR] [-p] [-o PID]... MODE [ARG]
 *
 * Modes:
 *   all        every way out below
 *   fds        only the descriptors we inherited (fds >= 3 we did not open)
 *   proc       whether /proc is masked as nsroot --proc must mask it
 *   pid N      probe process N (as numbered here): every access that works
 *              is a way out (the process nsjoin forks, stopped at birth)
 *   wait FILE  create FILE, wait until it names a PID, probe that as `pid`
 *              does, then create FILE.done (tests/security/birthstop.c
 *              writes the PID)
 * Options:
 *   -s DIR     when done, write the exit status to DIR/attacked and wait
 *              (up to 120 s) until the host has removed it, so that the
 *              host can look at the container while it still runs
 *   -p         when done, pause until killed (a container's long-lived
 *              command)
 *   -o PID     a PID outside the container: kill(PID, 0) must not reach it
 *
 * The ways out (`all`):
 *   - inherited descriptors, and our own working directory;
 *   - for every process we can see that is not our own descendant:
 *     PTRACE_SEIZE and PTRACE_ATTACH, /proc/PID/{root,cwd,exe,mem,environ},
 *     the listing of /proc/PID/fd and each /proc/PID/fd/N, pidfd_getfd of
 *     its descriptors 0-63. What opens is
 *     judged: a directory leads out when its top (".." until it stops) is
 *     not the top of our own "/"; an exe leads out when it is not the file
 *     its path names here; and any access at all to PID 1 or to a process
 *     with host credentials (its Uid shows the overflow uid here) is a way
 *     out. Where ptrace works on such a process, we make it open
 *     /proc/sys/kernel/core_pattern for writing (x86-64; closed at once);
 *   - opening /proc/sys/kernel/{core_pattern,modprobe} and
 *     /proc/sysrq-trigger for writing (closed at once: nothing is ever
 *     written), reading /proc/kcore; kill(PID, 0) of processes outside.
 *
 * One line per check: "ok: ..." when it failed as it must, "ESCAPE: ..."
 * when it led out, "note: ..." for what is allowed but worth seeing. Exit
 * status: 0 nothing led out, 1 something did, 2 the attack could not run.
 *
 * Built static by the tests (cc -static -O1), so that it runs in a root
 * that has no C library. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if defined(__x86_64__)
#include <sys/user.h>
#endif

#define PROC_SUPER_MAGIC 0x9fa0
#define MAX_FDS		 1024
#define MAX_PIDS	 4096

static int escapes, checks;
static struct stat root_top;	/* the top of our own "/" */
static unsigned overflow_uid = 65534;
/* -c: PID 1 may have the container's credentials (a rootless container,
 * whose owner must still be able to reach it): judge it, like any other
 * process with them, by what it leads to. */
static bool pid1_may_be_ours;
static int inherited[MAX_FDS];
static int ninherited;

static void vsay(const char *kind, const char *fmt, va_list ap)
{
	printf("%s: ", kind);
	vprintf(fmt, ap);
	putchar('\n');
}

/* escape, ok, note: one line each; escape counts a way out. */
__attribute__((format(printf, 1, 2))) static void escape(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("ESCAPE", fmt, ap);
	va_end(ap);
	escapes++;
	checks++;
}

__attribute__((format(printf, 1, 2))) static void ok(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("ok", fmt, ap);
	va_end(ap);
	checks++;
}

__attribute__((format(printf, 1, 2))) static void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("note", fmt, ap);
	va_end(ap);
	checks++;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The top of the tree a directory is in: ".." until it stops moving (at
 * our root, or at the root of the mount tree the directory belongs to,
 * which for a directory of the host is the host's "/"). 0 or -errno. */
static int top_of(int dirfd, struct stat *ret)
{
	struct stat here, up;
	int cur = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);

	if (cur < 0)
		return -errno;
	if (fstat(cur, &here) < 0) {
		close(cur);
		return -errno;
	}
	for (int i = 0; i < 4096; i++) {
		int parent = openat(cur, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);

		if (parent < 0)
			break;	/* no search permission: as far as we get */
		close(cur);
		cur = parent;
		if (fstat(cur, &up) < 0 || same_file(&up, &here))
			break;
		here = up;
	}
	close(cur);
	*ret = here;
	return 0;
}

/* What an fd of ours is, for the messages: its /proc/self/fd link, or its
 * type when /proc is not there. */
static void describe_fd(int fd, char *buf, size_t size)
{
	char link[64];
	struct stat st;
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, buf, size - 1);
	if (n >= 0) {
		buf[n] = '\0';
		return;
	}
	if (fstat(fd, &st) < 0)
		snprintf(buf, size, "?");
	else
		snprintf(buf, size, "%s", S_ISDIR(st.st_mode) ? "a directory" :
			 S_ISREG(st.st_mode) ? "a file" : S_ISCHR(st.st_mode) ? "a device" :
			 S_ISFIFO(st.st_mode) ? "a pipe" : S_ISSOCK(st.st_mode) ? "a socket" :
			 "something");
}

/* Where an open file leads: 1 out of our root, 0 inside it, -1 not a file
 * with a place in a tree (pipe, socket, anonymous inode) or unknown. A
 * directory leads out when its top is not ours; anything else when the
 * path the kernel gives for it does not name the same file here. */
static int leads_out(int fd, char *why, size_t size)
{
	char link[64], path[PATH_MAX];
	struct stat st, top, there;
	ssize_t n;

	if (fstat(fd, &st) < 0) {
		snprintf(why, size, "fstat: %s", strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (top_of(fd, &top) < 0) {
			snprintf(why, size, "cannot walk up");
			return -1;
		}
		if (same_file(&top, &root_top)) {
			snprintf(why, size, "a directory inside our root");
			return 0;
		}
		snprintf(why, size, "a directory whose top %lu:%lu is not our root %lu:%lu",
			 (unsigned long)top.st_dev, (unsigned long)top.st_ino,
			 (unsigned long)root_top.st_dev, (unsigned long)root_top.st_ino);
		return 1;
	}
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0 || path[0] != '/') {
		snprintf(why, size, "not a file of a tree");
		return -1;
	}
	path[n] = '\0';
	if (stat(path, &there) == 0 && same_file(&there, &st)) {
		snprintf(why, size, "a file inside our root");
		return 0;
	}
	snprintf(why, size, "a file that is not %s here", path);
	return 1;
}

/* ---- inherited descriptors and our own working directory ---- */

/* Called first thing: every fd >= 3 is one we did not open. */
static void collect_inherited(void)
{
	struct rlimit rl;
	int max = 65536;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)max)
		max = (int)rl.rlim_cur;
	for (int fd = 3; fd < max && ninherited < MAX_FDS; fd++)
		if (fcntl(fd, F_GETFD) >= 0)
			inherited[ninherited++] = fd;
}

static void check_inherited(void)
{
	char what[PATH_MAX], why[PATH_MAX + 128];

	for (int i = 0; i < ninherited; i++) {
		int fd = inherited[i];

		describe_fd(fd, what, sizeof(what));
		if (leads_out(fd, why, sizeof(why)) == 1)
			escape("inherited fd %d (%s): %s: leads out of our root", fd, what, why);
		else
			escape("inherited fd %d (%s): %s, from outside the container", fd, what,
			       why);
	}
	if (!ninherited)
		ok("inherited descriptors: none beyond 0, 1, 2");
}

static void check_own_cwd(void)
{
	int fd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
	char why[PATH_MAX + 128];

	if (fd < 0) {
		note("our working directory: cannot open it: %s", strerror(errno));
		return;
	}
	if (leads_out(fd, why, sizeof(why)) == 1)
		escape("our working directory: %s: leads out of our root", why);
	else
		ok("our working directory: %s", why);
	close(fd);
}

/* ---- other processes ---- */

struct proc {
	pid_t pid;
	char name[64];
	unsigned uid[4];
	int levels;		/* fields of NSpid: PID namespaces it is in */
	char state;
	bool host_creds;	/* a uid shows as the overflow uid here */
	bool sensitive;		/* any access at all is a way out */
	char label[128];
};

static int read_text(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return (int)n;
}

static const char *field(const char *text, const char *name)
{
	size_t len = strlen(name);

	for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (!strncmp(l, name, len) && l[len] == ':')
			return l + len + 1;
	return NULL;
}

static int read_proc(pid_t pid, struct proc *p)
{
	char path[64], text[8192];
	const char *v;
	int n;

	memset(p, 0, sizeof(*p));
	p->pid = pid;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if ((n = read_text(path, text, sizeof(text))) < 0)
		return n;
	if ((v = field(text, "Name")))
		sscanf(v, " %63s", p->name);
	if ((v = field(text, "State")))
		sscanf(v, " %c", &p->state);
	if ((v = field(text, "Uid")))
		sscanf(v, "%u %u %u %u", &p->uid[0], &p->uid[1], &p->uid[2], &p->uid[3]);
	for (int i = 0; i < 4; i++)
		p->host_creds |= p->uid[i] == overflow_uid;
	if ((v = field(text, "NSpid")))
		for (const char *s = v; *s && *s != '\n';) {
			s += strspn(s, " \t");
			if (*s && *s != '\n')
				p->levels++;
			s += strcspn(s, " \t\n");
		}
	snprintf(p->label, sizeof(p->label), "pid %d (%s, uid %u)", (int)pid, p->name, p->uid[1]);
	return 0;
}

static pid_t parent_of(pid_t pid)
{
	char path[64], text[8192];
	const char *v;
	int ppid = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_text(path, text, sizeof(text)) < 0 || !(v = field(text, "PPid")))
		return 0;
	sscanf(v, "%d", &ppid);
	return ppid;
}

static bool is_descendant(pid_t pid)
{
	for (int i = 0; i < 256 && pid > 1; i++) {
		pid = parent_of(pid);
		if (pid == getpid())
			return true;
	}
	return false;
}

/* Wait up to ms for a tracee to stop; true if it did. */
static bool wait_stop(pid_t pid, int ms, int *ret_status)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int waited = 0; waited <= ms; waited += 10) {
		pid_t r = waitpid(pid, ret_status, __WALL | WNOHANG);

		if (r == pid)
			return WIFSTOPPED(*ret_status);
		if (r < 0)
			return false;
		nanosleep(&tick, NULL);
	}
	return false;
}

#if defined(__x86_64__)
/* Run one system call in a stopped tracee whose registers are `saved`,
 * from a `syscall; int3` at code: its return value, or -errno of ours. */
static long remote_syscall(pid_t pid, const struct user_regs_struct *saved, unsigned long code,
			   long nr, long a, long b, long c)
{
	struct user_regs_struct r = *saved;
	int st;

	r.rip = code;
	r.rax = nr;
	r.orig_rax = -1;	/* no restart of the system call it was in */
	r.rdi = a;
	r.rsi = b;
	r.rdx = c;
	r.r10 = 0;
	if (ptrace(PTRACE_SETREGS, pid, 0, &r) < 0 || ptrace(PTRACE_CONT, pid, 0, 0) < 0)
		return -errno;
	for (int i = 0; i < 16; i++) {
		if (!wait_stop(pid, 2000, &st))
			return -ETIMEDOUT;
		if (WSTOPSIG(st) == SIGTRAP)
			break;
		if (ptrace(PTRACE_CONT, pid, 0, WSTOPSIG(st)) < 0)
			return -errno;
	}
	if (ptrace(PTRACE_GETREGS, pid, 0, &r) < 0)
		return -errno;
	return (long)r.rax;
}

/* Make a seized process open a sysctl for writing, as itself, and close it
 * again: what the container's root gains by tracing it. Its memory and
 * registers are put back and it is let go. */
static void inject_open(const struct proc *p)
{
	static const char target[64] = "/proc/sys/kernel/core_pattern";
	struct user_regs_struct saved;
	long code_word, data_words[8], w;
	unsigned long code, data;
	pid_t pid = p->pid;
	int st;
	long fd;

	if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0 || !wait_stop(pid, 2000, &st)) {
		note("%s: traced, but it did not stop for us", p->label);
		return;
	}
	if (ptrace(PTRACE_GETREGS, pid, 0, &saved) < 0)
		goto detach;
	code = saved.rip;
	data = (saved.rsp - 1024) & ~15UL;	/* below the red zone */
	errno = 0;
	code_word = ptrace(PTRACE_PEEKTEXT, pid, code, 0);
	for (int i = 0; i < 8; i++)
		data_words[i] = ptrace(PTRACE_PEEKDATA, pid, data + 8 * i, 0);
	if (errno)
		goto detach;
	for (int i = 0; i < 8; i++) {
		memcpy(&w, target + 8 * i, 8);
		ptrace(PTRACE_POKEDATA, pid, data + 8 * i, w);
	}
	/* syscall (0f 05); int3 (cc) */
	ptrace(PTRACE_POKETEXT, pid, code, (code_word & ~0xffffffL) | 0xcc050fL);
	fd = remote_syscall(pid, &saved, code, SYS_openat, AT_FDCWD, (long)data,
			    O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		remote_syscall(pid, &saved, code, SYS_close, fd, 0, 0);
		escape("%s: made it open %s for writing, with its credentials (closed at once, "
		       "nothing written)", p->label, target);
	} else {
		note("%s: made it try to open %s for writing: %s", p->label, target,
		     strerror((int)-fd));
	}
	ptrace(PTRACE_POKETEXT, pid, code, code_word);
	for (int i = 0; i < 8; i++)
		ptrace(PTRACE_POKEDATA, pid, data + 8 * i, data_words[i]);
	ptrace(PTRACE_SETREGS, pid, 0, &saved);
detach:
	ptrace(PTRACE_DETACH, pid, 0, 0);
}
#else
static void inject_open(const struct proc *p)
{
	note("%s: no system call injected on this architecture", p->label);
}
#endif

/* PTRACE_SEIZE or PTRACE_ATTACH, in a child of ours that exits right after
 * (so the kernel detaches whatever is left); its exit status is the number
 * of ways out it found. */
static void try_ptrace(const struct proc *p, int req, bool inject, bool strict)
{
	const char *name = req == PTRACE_SEIZE ? "seize" : "attach";
	pid_t child;
	int st;

	fflush(stdout);
	child = fork();
	if (child < 0) {
		note("%s: fork: %s", p->label, strerror(errno));
		return;
	}
	if (child == 0) {
		escapes = 0;
		if (ptrace(req, p->pid, 0, 0) < 0) {
			ok("%s: ptrace %s: %s", p->label, name, strerror(errno));
		} else {
			if (p->sensitive)
				escape("%s: ptrace %s succeeded%s", p->label, name,
				       p->host_creds ? " (host credentials)" : "");
			else
				note("%s: ptrace %s succeeded (container credentials)", p->label,
				     name);
			if (req == PTRACE_ATTACH && wait_stop(p->pid, 1000, &st))
				ptrace(PTRACE_DETACH, p->pid, 0, 0);	/* and no SIGSTOP */
			else if (req == PTRACE_ATTACH && !strict)
				kill(p->pid, SIGCONT);	/* takes back the pending SIGSTOP */
			else if (req == PTRACE_SEIZE && inject)
				inject_open(p);
		}
		fflush(stdout);
		_exit(escapes);
	}
	if (waitpid(child, &st, 0) != child || !WIFEXITED(st)) {
		escape("%s: ptrace %s: the helper died (%#x)", p->label, name, st);
		return;
	}
	escapes += WEXITSTATUS(st);
	checks++;
}

/* /proc/PID/root, cwd, exe (O_PATH), mem, environ (read). */
static void try_link(const struct proc *p, const char *what)
{
	bool path_only = strcmp(what, "mem") && strcmp(what, "environ");
	char path[64], why[PATH_MAX + 128];
	int fd, out;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)p->pid, what);
	fd = open(path, (path_only ? O_PATH : O_RDONLY) | O_CLOEXEC);
	if (fd < 0) {
		ok("%s: open %s: %s", p->label, what, strerror(errno));
		return;
	}
	out = path_only ? leads_out(fd, why, sizeof(why)) : -1;
	if (!path_only)
		snprintf(why, sizeof(why), "readable");
	if (out == 1 && !strcmp(what, "exe") && !p->sensitive) {
		/* A process with our credentials runs a binary of the host:
		 * reading it gives nothing, rewriting it would. */
		int w = open(path, O_WRONLY | O_CLOEXEC);
		if (w >= 0)
			escape("%s: open exe for writing succeeded: %s", p->label, why);
		else
			note("%s: exe: %s, not writable (%s)", p->label, why, strerror(errno));
		if (w >= 0)
			close(w);
	} else if (out == 1)
		escape("%s: open %s: %s: leads out of our root", p->label, what, why);
	else if (p->sensitive)
		escape("%s: open %s succeeded (%s)", p->label, what, why);
	else
		note("%s: open %s: %s (container credentials)", p->label, what, why);
	close(fd);
}

static bool is_dir(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
}

static void try_fds(const struct proc *p)
{
	char path[64], fdpath[384], why[PATH_MAX + 128], what[PATH_MAX];
	struct dirent *e;
	DIR *d;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)p->pid);
	if (!(d = opendir(path))) {
		ok("%s: list fd: %s", p->label, strerror(errno));
		return;
	}
	if (p->sensitive)
		escape("%s: listing its descriptors succeeded", p->label);
	while ((e = readdir(d))) {
		int fd, out;

		if (e->d_name[0] == '.')
			continue;
		snprintf(fdpath, sizeof(fdpath), "%s/%s", path, e->d_name);
		fd = open(fdpath, O_PATH | O_CLOEXEC);
		if (fd < 0) {
			ok("%s: open fd %s: %s", p->label, e->d_name, strerror(errno));
			continue;
		}
		describe_fd(fd, what, sizeof(what));
		out = leads_out(fd, why, sizeof(why));
		/* A directory outside is a way out; a file outside is one
		 * handed in on purpose (stdio, the log), or one for PID 1's
		 * rule below. */
		if (out == 1 && is_dir(fd))
			escape("%s: fd %s (%s): %s: leads out of our root", p->label, e->d_name,
			       what, why);
		else if (p->sensitive)
			escape("%s: fd %s (%s) opened", p->label, e->d_name, what);
		else
			note("%s: fd %s (%s): %s", p->label, e->d_name, what, why);
		close(fd);
	}
	closedir(d);
}

/* pidfd_getfd(2): take a copy of its descriptors 0-63 (it needs what
 * ptrace attach needs), as a way to its fds that /proc/PID/fd does not
 * show. */
static void try_getfd(const struct proc *p)
{
	char why[PATH_MAX + 128], what[PATH_MAX];
	int pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0), taken = 0;

	if (pidfd < 0) {
		note("%s: pidfd_open: %s", p->label, strerror(errno));
		return;
	}
	for (int fd = 0; fd < 64; fd++) {
		int copy = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);

		if (copy < 0 && errno == EBADF)
			continue;
		if (copy < 0) {
			ok("%s: pidfd_getfd: %s", p->label, strerror(errno));
			close(pidfd);
			return;
		}
		taken++;
		describe_fd(copy, what, sizeof(what));
		if (leads_out(copy, why, sizeof(why)) == 1 && is_dir(copy))
			escape("%s: took its fd %d (%s): %s: leads out of our root", p->label, fd,
			       what, why);
		else if (p->sensitive)
			escape("%s: took its fd %d (%s) with pidfd_getfd", p->label, fd, what);
		else
			note("%s: took its fd %d (%s): %s", p->label, fd, what, why);
		close(copy);
	}
	if (!taken)
		ok("%s: pidfd_getfd: no descriptor to take", p->label);
	close(pidfd);
}

static void probe(struct proc *p, bool strict, int our_levels)
{
	p->sensitive = strict || (p->pid == 1 && !pid1_may_be_ours) || p->host_creds;
	try_ptrace(p, PTRACE_SEIZE, !strict && p->sensitive, strict);
	try_ptrace(p, PTRACE_ATTACH, false, strict);
	try_link(p, "root");
	try_link(p, "cwd");
	try_link(p, "exe");
	try_link(p, "mem");
	try_link(p, "environ");
	try_fds(p);
	try_getfd(p);
	if (p->levels && p->levels < our_levels) {
		if (kill(p->pid, 0) == 0)
			escape("%s: outside our PID namespace, and kill(0) reaches it", p->label);
		else
			ok("%s: outside our PID namespace: kill(0): %s", p->label, strerror(errno));
	}
}

static int our_levels(void)
{
	struct proc self;

	return read_proc(getpid(), &self) == 0 ? self.levels : 0;
}

static void check_processes(void)
{
	static pid_t pids[MAX_PIDS];
	int n = 0, levels = our_levels();
	struct dirent *e;
	DIR *d = opendir("/proc");

	if (!d) {
		escape("/proc: cannot list it (%s): no process checked", strerror(errno));
		return;
	}
	while ((e = readdir(d)) && n < MAX_PIDS) {
		char *end;
		long v = strtol(e->d_name, &end, 10);

		if (*end == '\0' && v > 0 && v != getpid())
			pids[n++] = (pid_t)v;
	}
	closedir(d);
	for (int i = 0; i < n; i++) {
		struct proc p;

		if (is_descendant(pids[i]) || read_proc(pids[i], &p) < 0)
			continue;
		probe(&p, false, levels);
	}
}

/* kill(PID, 0) of PIDs of the host we were given: none may be reached
 * unless a process of ours has that number here. */
static void check_outside(const pid_t *outside, int n)
{
	char path[64];

	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/proc/%d", (int)outside[i]);
		if (access(path, F_OK) == 0)
			note("pid %d (outside): a process of ours has that number here",
			     (int)outside[i]);
		else if (kill(outside[i], 0) == 0)
			escape("pid %d (outside): kill(0) reaches it", (int)outside[i]);
		else
			ok("pid %d (outside): kill(0): %s", (int)outside[i], strerror(errno));
	}
}

/* ---- files of the kernel ---- */

static void try_open_for_write(const char *path)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd >= 0) {
		close(fd);	/* at once: nothing is ever written */
		escape("%s: opened for writing (closed at once, nothing written)", path);
	} else if (errno == ENOENT) {
		note("%s: not there", path);
	} else {
		ok("%s: open for writing: %s", path, strerror(errno));
	}
}

/* Bytes read from the start of path (up to 4 KiB), or -errno. */
static int read_some(const char *path)
{
	char buf[4096];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	return n < 0 ? -errno : (int)n;
}

static void check_kernel_files(void)
{
	int n;

	try_open_for_write("/proc/sys/kernel/core_pattern");
	try_open_for_write("/proc/sys/kernel/modprobe");
	try_open_for_write("/proc/sysrq-trigger");
	if ((n = read_some("/proc/kcore")) > 0)
		escape("/proc/kcore: read %d bytes of the kernel's memory", n);
	else
		ok("/proc/kcore: %s", n == 0 ? "empty" : strerror(-n));
	if ((n = read_some("/proc/keys")) > 0)
		note("/proc/keys: %d bytes (the keys we may view)", n);
	else
		ok("/proc/keys: %s", n == 0 ? "empty" : strerror(-n));
}

/* ---- proc: the masks of nsroot --proc ---- */

static void check_proc_readonly(const char *path)
{
	struct statvfs v;

	if (statvfs(path, &v) < 0)
		note("%s: %s", path, strerror(errno));
	else if (v.f_flag & ST_RDONLY)
		ok("%s: read-only", path);
	else
		escape("%s: mounted read-write", path);
}

/* A masked file: gone, or something other than procfs's own, and empty. */
static void check_proc_masked_file(const char *path)
{
	struct statfs fs;
	int n;

	if (statfs(path, &fs) < 0) {
		if (errno == ENOENT)
			ok("%s: not there", path);
		else
			note("%s: %s", path, strerror(errno));
		return;
	}
	if (fs.f_type == PROC_SUPER_MAGIC) {
		escape("%s: procfs's own file, not masked", path);
		return;
	}
	n = read_some(path);
	if (n > 0)
		escape("%s: masked, but %d bytes can be read", path, n);
	else
		ok("%s: masked (%s)", path, n == 0 ? "empty" : strerror(-n));
}

/* A masked directory: gone, or something other than procfs, and empty. */
static void check_proc_masked_dir(const char *path)
{
	struct statfs fs;
	struct dirent *e;
	int entries = 0;
	DIR *d;

	if (statfs(path, &fs) < 0) {
		if (errno == ENOENT)
			ok("%s: not there", path);
		else
			note("%s: %s", path, strerror(errno));
		return;
	}
	if (fs.f_type == PROC_SUPER_MAGIC) {
		escape("%s: procfs's own directory, not masked", path);
		return;
	}
	if ((d = opendir(path))) {
		while ((e = readdir(d)))
			entries += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
		closedir(d);
	}
	if (entries)
		escape("%s: masked, but %d entries are there", path, entries);
	else
		ok("%s: masked (empty)", path);
}

static void check_proc_masks(void)
{
	static const char *const readonly[] = {
		"/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus", "/proc/fs",
	};
	static const char *const files[] = {
		"/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/sched_debug",
		"/proc/latency_stats",
	};
	static const char *const dirs[] = { "/proc/acpi", "/proc/scsi" };
	struct statfs fs;

	if (statfs("/proc", &fs) < 0 || fs.f_type != PROC_SUPER_MAGIC) {
		escape("/proc: not a procfs here: nothing to check");
		return;
	}
	for (size_t i = 0; i < sizeof(readonly) / sizeof(*readonly); i++)
		check_proc_readonly(readonly[i]);
	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++)
		check_proc_masked_file(files[i]);
	for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++)
		check_proc_masked_dir(dirs[i]);
	try_open_for_write("/proc/sys/kernel/core_pattern");
	try_open_for_write("/proc/sysrq-trigger");
}

/* ---- pid, wait ---- */

static int probe_one(pid_t pid)
{
	struct proc p;

	if (read_proc(pid, &p) < 0) {
		fprintf(stderr, "attack: pid %d: not visible here\n", (int)pid);
		return -1;
	}
	printf("attack: probing %s, state %c, as seen here\n", p.label, p.state);
	probe(&p, true, our_levels());
	return 0;
}

/* Make FILE (empty: the host may write into a file of ours, not create
 * one), wait until it names a PID, probe it, then make FILE.done. */
static int wait_and_probe(const char *file)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char text[64], done[PATH_MAX];
	int fd, n = -1;
	long pid = 0;

	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0 || fchmod(fd, 0666) < 0) {
		fprintf(stderr, "attack: %s: %s\n", file, strerror(errno));
		return -1;
	}
	close(fd);
	for (int i = 0; i < 6000; i++) {	/* 60 s */
		n = read_text(file, text, sizeof(text));
		if (n > 0 && text[n - 1] == '\n')
			break;
		nanosleep(&tick, NULL);
	}
	if (n <= 0 || text[n - 1] != '\n' || (pid = strtol(text, NULL, 10)) <= 0) {
		fprintf(stderr, "attack: %s: no PID in it after 60 s\n", file);
		return -1;
	}
	n = probe_one((pid_t)pid);
	fflush(stdout);
	snprintf(done, sizeof(done), "%s.done", file);
	fd = open(done, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "attack: %s: %s\n", done, strerror(errno));
		return -1;
	}
	close(fd);
	return n;
}

/* ---- main ---- */

static void usage(void);

/* Tell the host we are done (DIR/attacked holds our status) and wait, up
 * to 120 s, until it has looked and removed the file: the host's root may
 * remove what we made, but cannot create a file here (its uid has no
 * mapping in our user namespace: EOVERFLOW). */
static void sync_with_host(const char *dir, int status)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };
	char path[PATH_MAX], tmp[PATH_MAX + 8];
	FILE *f;

	fflush(stdout);
	snprintf(path, sizeof(path), "%s/attacked", dir);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (!(f = fopen(tmp, "we")) || fprintf(f, "%d\n", status) < 0 || fclose(f) != 0 ||
	    rename(tmp, path) < 0) {
		fprintf(stderr, "attack: %s: %s\n", path, strerror(errno));
		return;
	}
	for (int i = 0; i < 2400 && access(path, F_OK) == 0; i++)	/* 120 s */
		nanosleep(&tick, NULL);
}

/* Whether we are in a PID namespace other than the initial one (whose
 * inode is PROC_PID_INIT_INO, include/linux/proc_ns.h). */
static bool in_container(void)
{
	struct stat st;

	return stat("/proc/self/ns/pid", &st) == 0 && st.st_ino != 0xEFFFFFFCU;
}

/* 0 nothing led out, 1 something did, 2 the attack could not run. */
static int run_mode(const char *mode, char **args, const pid_t *outside, int noutside)
{
	printf("attack: %s as uid %u, pid %d here\n", mode, (unsigned)geteuid(), (int)getpid());
	if (!strcmp(mode, "all")) {
		check_inherited();
		check_own_cwd();
		check_processes();
		check_outside(outside, noutside);
		check_kernel_files();
	} else if (!strcmp(mode, "fds")) {
		check_inherited();
	} else if (!strcmp(mode, "proc")) {
		check_proc_masks();
	} else if (!strcmp(mode, "pid") && args[0]) {
		if (probe_one((pid_t)strtol(args[0], NULL, 10)) < 0)
			return 2;
	} else if (!strcmp(mode, "wait") && args[0]) {
		if (wait_and_probe(args[0]) < 0)
			return 2;
	} else {
		usage();
	}
	return escapes ? 1 : 0;
}

static void usage(void)
{
	fputs("usage: attack [-s DIR] [-p] [-c] [-o PID]... all|fds|proc|pid N|wait FILE\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	pid_t outside[64];
	int noutside = 0, c, status, root;
	const char *sync_dir = NULL, *mode;
	bool pause_after = false;
	char text[32];

	collect_inherited();	/* before we open anything */
	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((c = getopt(argc, argv, "+s:po:c")) != -1) {
		switch (c) {
		case 's': sync_dir = optarg; break;
		case 'p': pause_after = true; break;
		case 'c': pid1_may_be_ours = true; break;
		case 'o':
			if (noutside < 64)
				outside[noutside++] = (pid_t)strtol(optarg, NULL, 10);
			break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	mode = argv[optind];
	if (read_text("/proc/sys/kernel/overflowuid", text, sizeof(text)) > 0)
		overflow_uid = (unsigned)strtoul(text, NULL, 10);
	root = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0 || top_of(root, &root_top) < 0) {
		fprintf(stderr, "attack: /: %s\n", strerror(errno));
		status = 2;
	} else if (strcmp(mode, "fds") && strcmp(mode, "proc") && !in_container()) {
		/* Never trace the machine's own processes. */
		fprintf(stderr, "attack: %s: refusing to run in the initial PID namespace\n", mode);
		status = 2;
	} else {
		status = run_mode(mode, argv + optind + 1, outside, noutside);
	}
	if (root >= 0)
		close(root);
	if (status != 2 && escapes)
		printf("attack: %d way(s) out, in %d checks\n", escapes, checks);
	else if (status != 2)
		printf("attack: no way out, in %d checks\n", checks);
	if (sync_dir)
		sync_with_host(sync_dir, status);
	fflush(stdout);
	while (pause_after)
		pause();
	return status;
}
