/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "fmt.h"
#include "parse.h"
#include "target.h"

#ifndef PIDFS_MAGIC
#define PIDFS_MAGIC 0x50494446
#endif

const char *const target_handle_formats[] = { "pid", "pidfs", NULL };

int target_parse(const char *s, pid_t *ret_pid, uint64_t *ret_inode)
{
	char pidbuf[16];
	const char *colon;
	uint64_t inode = 0;
	size_t n;

	if (!s)
		return -TARGET_ESYNTAX;
	colon = strchr(s, ':');
	n = colon ? (size_t)(colon - s) : strlen(s);
	if (n == 0 || n >= sizeof(pidbuf))
		return -TARGET_ESYNTAX;
	memcpy(pidbuf, s, n);
	pidbuf[n] = '\0';
	if (parse_pid(pidbuf, ret_pid) < 0)
		return -TARGET_ESYNTAX;
	if (colon && (parse_uint(colon + 1, UINT64_MAX, &inode) < 0 || inode == 0))
		return -TARGET_ESYNTAX;
	*ret_inode = inode;
	return 0;
}

int target_read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;

	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (r == 0 || c == '\n')
			break;
		/* a NUL would end the handle early: "1234\0junk" is no handle */
		if (c == '\0' || n + 1 >= size)
			return -TARGET_ESYNTAX;
		buf[n++] = c;
	}
	buf[n] = '\0';
	if (n == 0)
		return -TARGET_EEMPTY;
	return (int)n;
}

bool target_wants_stdin(const char *arg)
{
	if (arg)
		return strcmp(arg, "-") == 0;
	return !isatty(STDIN_FILENO);
}

int target_alive(const struct target *t)
{
	/* EPERM: alive, but another user's (kill(2) semantics); what may be
	 * done to it is for the caller to decide. */
	if (syscall(SYS_pidfd_send_signal, t->pidfd, 0, NULL, 0) < 0 && errno != EPERM)
		return -errno;
	return 0;
}

int target_kill(const struct target *t)
{
	struct pollfd pfd = { .fd = t->pidfd, .events = POLLIN };

	if (syscall(SYS_pidfd_send_signal, t->pidfd, SIGKILL, NULL, 0) < 0 && errno != ESRCH)
		return -errno;
	while (poll(&pfd, 1, -1) < 0)
		if (errno != EINTR)
			return -errno;
	return 0;
}

int target_open_pid(struct target *t, pid_t pid)
{
	char path[32];

	t->pid = pid;
	t->pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (t->pidfd < 0)
		return -errno;
	memcpy(path, "/proc/", 6);
	path[6 + fmt_u32(path + 6, (uint32_t)pid)] = '\0';	/* no printf: lib/fmt.h */
	t->procfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (t->procfd < 0)
		return errno == ENOENT ? -ESRCH : -errno;
	/* The /proc directory was opened after the pidfd: if the process is
	 * still alive now, the directory is that process's and not a
	 * successor's that took over the PID. */
	return target_alive(t);
}

static int pidfd_inode(int pidfd, uint64_t *ret_inode)
{
	struct statfs sfs;
	struct stat st;

	if (fstatfs(pidfd, &sfs) < 0 || fstat(pidfd, &st) < 0)
		return -errno;
	if (sfs.f_type != PIDFS_MAGIC)
		return -TARGET_ENOPIDFS;
	*ret_inode = (uint64_t)st.st_ino;
	return 0;
}

int target_inode(const struct target *t, uint64_t *ret_inode)
{
	return pidfd_inode(t->pidfd, ret_inode);
}

int target_pidfs_check(void)
{
	_cleanup_close_ int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	uint64_t inode;

	if (pidfd < 0)
		return -errno;
	return pidfd_inode(pidfd, &inode);
}

static int check_inode(int pidfd, uint64_t inode)
{
	uint64_t actual;
	int r = pidfd_inode(pidfd, &actual);

	if (r < 0)
		return r;
	return actual == inode ? 0 : -TARGET_ESTALE;
}

static int open_handle(struct target *t, const char *arg)
{
	uint64_t inode = 0;
	pid_t pid;
	int r;

	if (target_wants_stdin(arg)) {
		t->from_stdin = true;
		r = target_read_line(STDIN_FILENO, t->handle, sizeof(t->handle));
		if (r < 0)
			return r;
	} else if (arg) {
		/* longer than any handle: refused, not cut into another */
		if (!fmt_copy(t->handle, sizeof(t->handle), arg))
			return -TARGET_ESYNTAX;
	} else {
		return -TARGET_ENOHANDLE;
	}
	r = target_parse(t->handle, &pid, &inode);
	if (r < 0)
		return r;
	r = target_open_pid(t, pid);
	if (r < 0)
		return r;
	t->inode = inode;
	if (inode)
		return check_inode(t->pidfd, inode);
	return 0;
}

int target_open(struct target *t, const char *arg, struct nsk_failure *f)
{
	int r = open_handle(t, arg);

	return r < 0 ? target_fail(t, r, f) : 0;
}

int target_format(pid_t pid, uint64_t inode, char *buf, size_t size)
{
	int n = inode ? snprintf(buf, size, "%d:%llu", (int)pid, (unsigned long long)inode)
		      : snprintf(buf, size, "%d", (int)pid);

	return n < 0 || (size_t)n >= size ? -ENOSPC : n;
}

int target_handle(const struct target *t, enum target_handle_format f, char *buf, size_t size)
{
	uint64_t inode = 0;
	int r;

	if (f == TARGET_HANDLE_PIDFS && (r = target_inode(t, &inode)) < 0)
		return r;
	return target_format(t->pid, inode, buf, size);
}

int target_print(const char *handle)
{
	char line[sizeof(((struct target *)0)->handle) + 1];
	int len = snprintf(line, sizeof(line), "%s\n", handle);

	if (len < 0 || (size_t)len >= sizeof(line))
		return -ENAMETOOLONG;
	/* write(2), not stdio: a line that failed must not be written after
	 * all by the flush at exit, after the tool said it failed. */
	if (fflush(stdout) != 0)
		return -errno;
	for (int off = 0; off < len;) {
		ssize_t n = write(STDOUT_FILENO, line + off, (size_t)(len - off));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		off += (int)n;
	}
	return 0;
}

int target_echo(const struct target *t)
{
	return t->from_stdin ? target_print(t->handle) : 0;
}

void target_close(struct target *t)
{
	closep(&t->pidfd);
	closep(&t->procfd);
	t->pidfd = t->procfd = -1;
}

const char *target_strerror(int err)
{
	return err == -ESRCH ? "no such process" : nsk_strerror(err);
}

int target_fail(const struct target *t, int err, struct nsk_failure *f)
{
	uint64_t actual;

	nsk_fail(f, err, NULL, "handle %s", *t->handle ? t->handle : "-");
	/* A living process whose inode is not the handle's, or a successor
	 * that took over the PID of the one named: the two cannot be told
	 * apart, so say what is true of both. */
	if (err == -TARGET_ESTALE && t->inode && t->pidfd >= 0 &&
	    pidfd_inode(t->pidfd, &actual) == 0)
		return nsk_fail_detail(f, err,
				       "process %d's pidfs inode is %llu, not %llu: not the process "
				       "the handle named",
				       (int)t->pid, (unsigned long long)actual,
				       (unsigned long long)t->inode);
	return nsk_fail_detail(f, err, "%s", target_strerror(err));
}
