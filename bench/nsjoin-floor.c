/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for bench/nsjoin.sh: the least a program can do to run a
 * command in a process's namespaces. One pidfd_open, one setns(pidfd,
 * mask), a fork only when the mask has a PID namespace, and exec.
 *
 *   nsjoin-floor [-S] PID NS[,NS...] COMMAND [ARG]...  (NS: user, mnt, pid, ...)
 *
 * -S adds the system calls of the rules every nsjoin follows, the fair
 * floor (issue 19): non-dumpable before joining (the security rule); the
 * target checked alive and still the same process through its pidfd and a
 * /proc/PID directory (PID reuse); for -a, each namespace compared with
 * ours (readlink of both); after a user namespace, the ids set in it; the
 * command with no descriptor but 0-2 and ending signals blocked in the
 * waiting parent, taken with sigtimedwait to be forwarded.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

static int flag_of(const char *name)
{
	static const struct { const char *name; int flag; } kinds[] = {
		{ "user", CLONE_NEWUSER }, { "cgroup", CLONE_NEWCGROUP }, { "ipc", CLONE_NEWIPC },
		{ "uts", CLONE_NEWUTS },   { "net", CLONE_NEWNET },	  { "pid", CLONE_NEWPID },
		{ "mnt", CLONE_NEWNS },	   { "time", CLONE_NEWTIME },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].name, name))
			return kinds[i].flag;
	return 0;
}

/* -S, for -a: read each namespace of ours and of the target, as nsjoin
 * does to find those that differ. */
static void compare_all(int procfd)
{
	static const char *const names[] = { "user", "cgroup", "ipc", "uts", "net", "pid", "mnt", "time" };
	char path[64], link[64];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "/proc/self/ns/%s", names[i]);
		if (readlink(path, link, sizeof(link)) < 0)
			exit(125);
		snprintf(path, sizeof(path), "ns/%s", names[i]);
		if (readlinkat(procfd, path, link, sizeof(link)) < 0)
			exit(125);
	}
}

/* static: live across the vfork */
static int mask, rules, arg = 1;

int main(int argc, char **argv)
{
	int pidfd, procfd = -1, status;
	sigset_t forwarded;
	char path[32];
	pid_t child;

	if (argc > 1 && !strcmp(argv[1], "-S"))
		rules = 1, arg = 2;
	if (argc < arg + 3) {
		fputs("usage: nsjoin-floor [-S] PID NS[,NS...] COMMAND [ARG]...\n", stderr);
		return 125;
	}
	for (char *save, *ns = strtok_r(argv[arg + 1], ",", &save); ns; ns = strtok_r(NULL, ",", &save))
		mask |= flag_of(ns);
	if (rules && geteuid() == 0)
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	pidfd = (int)syscall(SYS_pidfd_open, atoi(argv[arg]), 0);
	if (pidfd >= 0 && rules) {
		snprintf(path, sizeof(path), "/proc/%s", argv[arg]);
		procfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (procfd < 0 || syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0)
			return 125;
		if (mask & CLONE_NEWUSER)	/* the benchmark's -a */
			compare_all(procfd);
	}
	if (pidfd < 0 || setns(pidfd, mask) < 0) {
		perror("nsjoin-floor");
		return 125;
	}
	close(pidfd);
	if (procfd >= 0)
		close(procfd);
	if (rules) {
		static const int signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
					       SIGTERM, SIGCHLD, SIGCONT, SIGWINCH };
		sigemptyset(&forwarded);
		for (size_t k = 0; k < sizeof(signals) / sizeof(*signals); k++)
			sigaddset(&forwarded, signals[k]);
		if (mask & CLONE_NEWPID)
			sigprocmask(SIG_BLOCK, &forwarded, NULL);
	}
	if (mask & CLONE_NEWPID) {
		child = rules ? vfork() : fork();
		if (child < 0)
			return 125;
		if (child > 0) {
			if (rules) {
				siginfo_t si;
				while (sigtimedwait(&forwarded, &si, NULL) != SIGCHLD)
					;
				if (waitpid(child, &status, WNOHANG) < 0)
					return 125;
			} else if (waitpid(child, &status, 0) < 0) {
				return 125;
			}
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		}
	}
	if (rules) {
		if (mask & CLONE_NEWUSER) {
			setgroups(0, NULL);
			if (setresgid(0, 0, 0) < 0 || setresuid(0, 0, 0) < 0)
				_exit(125);
		}
		syscall(SYS_close_range, 3U, ~0U, 0);
		sigprocmask(SIG_SETMASK, &(sigset_t){ 0 }, NULL);
	}
	execvp(argv[arg + 2], argv + arg + 2);
	_exit(127);
}
