/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for bench/nsjoin.sh: the least a program can do to run a
 * command in a process's namespaces. One pidfd_open, one setns(pidfd,
 * mask), a fork only when the mask has a PID namespace, and exec.
 *
 *   nsjoin-floor PID NS[,NS...] COMMAND [ARG]...    (NS: user, mnt, pid, ...)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int main(int argc, char **argv)
{
	int mask = 0, pidfd, status;
	pid_t child;

	if (argc < 4) {
		fputs("usage: nsjoin-floor PID NS[,NS...] COMMAND [ARG]...\n", stderr);
		return 125;
	}
	for (char *save, *ns = strtok_r(argv[2], ",", &save); ns; ns = strtok_r(NULL, ",", &save))
		mask |= flag_of(ns);
	pidfd = (int)syscall(SYS_pidfd_open, atoi(argv[1]), 0);
	if (pidfd < 0 || setns(pidfd, mask) < 0) {
		perror("nsjoin-floor");
		return 125;
	}
	close(pidfd);
	if (mask & CLONE_NEWPID) {
		child = fork();
		if (child < 0)
			return 125;
		if (child > 0) {
			if (waitpid(child, &status, 0) < 0)
				return 125;
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		}
	}
	execvp(argv[3], argv + 3);
	return 127;
}
