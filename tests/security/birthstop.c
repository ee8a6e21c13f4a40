/* SPDX-License-Identifier: GPL-2.0-or-later */
/* birthstop: stop the first process a command forks into another PID
 * namespace at its birth, and let an attacker inside look at it.
 *
 *   birthstop PIDFILE DONEFILE -- COMMAND [ARG]...
 *
 * Runs COMMAND (nsjoin) under ptrace with PTRACE_O_TRACEFORK, TRACEVFORK
 * and TRACECLONE, so that every child it makes is attached and stopped
 * before its first instruction. The first new process that is in a deeper
 * PID namespace than ours (the command nsjoin forks after setns) is left
 * stopped and untraced (SIGSTOP, PTRACE_DETACH), exactly as the kernel has
 * just made it visible in the container; its PID there (the last field of
 * NSpid) is written into PIDFILE, a file the attacker made in the
 * container (its /tmp, seen through /proc/HOLDER/root). When DONEFILE exists (the attacker inside
 * has tried everything on it; at most 60 s), the child gets SIGCONT and
 * the command runs to its end. No race: the window the attacker probes is
 * held open for it.
 *
 * Exit status: the command's (128+N if it died of signal N); 99 if no
 * such child was born, or the attacker never said it was done. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TRACEES 64

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

/* The fields of NSpid of a process: ret_levels of them, the last (its PID
 * in its own namespace) in ret_inner. 0 or -1. */
static int nspid(pid_t pid, int *ret_levels, long *ret_inner)
{
	char path[64], line[256];
	FILE *f;
	int found = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (!(f = fopen(path, "re")))
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "NSpid:", 6)) {
			char *s = line + 6, *end;

			*ret_levels = 0;
			for (long v = strtol(s, &end, 10); end != s; v = strtol(s, &end, 10)) {
				++*ret_levels;
				*ret_inner = v;
				s = end;
			}
			found = 0;
			break;
		}
	fclose(f);
	return found;
}

static char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return '?';
	n = (int)read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return '?';
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] && p[2] ? p[2] : '?';
}

/* FILE was made by the attacker: root of the host may write into it,
 * not create a file in the container's /tmp (no mapping for its uid). */
static int write_pidfile(const char *file, long pid)
{
	FILE *f = fopen(file, "r+e");

	if (!f)
		return -1;
	if (fprintf(f, "%ld\n", pid) < 0) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

/* The child is born and stopped in ptrace: leave it stopped, untraced,
 * tell the attacker its PID, wait until it is done, let the child go. */
static bool hold_for_attacker(pid_t child, const char *pidfile, const char *donefile)
{
	int levels = 0, i;
	long inner = 0;
	bool done = false;

	kill(child, SIGSTOP);	/* pending: it stops as soon as we let go */
	if (ptrace(PTRACE_DETACH, child, 0, SIGSTOP) < 0)
		fprintf(stderr, "birthstop: detaching %d: %s\n", (int)child, strerror(errno));
	for (i = 0; i < 500 && proc_state(child) != 'T'; i++)
		sleep_ms(2);
	if (nspid(child, &levels, &inner) < 0 || write_pidfile(pidfile, inner) < 0) {
		fprintf(stderr, "birthstop: %s: %s\n", pidfile, strerror(errno));
		kill(child, SIGCONT);
		return false;
	}
	fprintf(stderr, "birthstop: child %d (%ld in its PID namespace) stopped at birth, state %c\n",
		(int)child, inner, proc_state(child));
	for (i = 0; i < 6000 && !done; i++) {	/* 60 s */
		done = access(donefile, F_OK) == 0;
		if (!done)
			sleep_ms(10);
	}
	if (!done)
		fprintf(stderr, "birthstop: %s: not there after 60 s\n", donefile);
	kill(child, SIGCONT);
	return done;
}

static bool known(const pid_t *list, int n, pid_t pid)
{
	for (int i = 0; i < n; i++)
		if (list[i] == pid)
			return true;
	return false;
}

int main(int argc, char **argv)
{
	const long options = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
			     PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	pid_t tracees[MAX_TRACEES], cmd;
	int ntracees = 0, our_levels = 0, status, result = 99;
	bool held = false, ok = false;
	long ignored;

	if (argc < 5 || strcmp(argv[3], "--")) {
		fputs("usage: birthstop PIDFILE DONEFILE -- COMMAND [ARG]...\n", stderr);
		return 2;
	}
	if (nspid(getpid(), &our_levels, &ignored) < 0) {
		fprintf(stderr, "birthstop: /proc/self/status: no NSpid\n");
		return 2;
	}
	cmd = fork();
	if (cmd < 0) {
		perror("birthstop: fork");
		return 2;
	}
	if (cmd == 0) {
		ptrace(PTRACE_TRACEME, 0, 0, 0);
		raise(SIGSTOP);	/* until the options are set */
		execvp(argv[4], argv + 4);
		fprintf(stderr, "birthstop: %s: %s\n", argv[4], strerror(errno));
		_exit(127);
	}
	if (waitpid(cmd, &status, 0) != cmd || !WIFSTOPPED(status) ||
	    ptrace(PTRACE_SETOPTIONS, cmd, 0, options) < 0 || ptrace(PTRACE_CONT, cmd, 0, 0) < 0) {
		fprintf(stderr, "birthstop: tracing %s: %s\n", argv[4], strerror(errno));
		kill(cmd, SIGKILL);
		return 2;
	}
	tracees[ntracees++] = cmd;

	for (;;) {
		pid_t pid = waitpid(-1, &status, __WALL);
		int sig, levels = 0;
		long inner = 0;

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;	/* ECHILD: every tracee is gone */
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == cmd)
				result = WIFEXITED(status) ? WEXITSTATUS(status)
							   : 128 + WTERMSIG(status);
			continue;
		}
		if (!WIFSTOPPED(status))
			continue;
		sig = WSTOPSIG(status);
		if (status >> 16) {	/* an event stop: fork, vfork, clone, exec */
			ptrace(PTRACE_CONT, pid, 0, 0);
			continue;
		}
		if (!known(tracees, ntracees, pid) && sig == SIGSTOP) {
			/* a new child, auto-attached, before its first instruction */
			if (ntracees < MAX_TRACEES)
				tracees[ntracees++] = pid;
			if (!held && nspid(pid, &levels, &inner) == 0 && levels > our_levels) {
				held = true;
				ok = hold_for_attacker(pid, argv[1], argv[2]);
				continue;
			}
			ptrace(PTRACE_CONT, pid, 0, 0);
			continue;
		}
		ptrace(PTRACE_CONT, pid, 0, sig);	/* a signal for it: deliver it */
	}
	if (!held)
		fprintf(stderr, "birthstop: %s forked nothing into another PID namespace\n", argv[4]);
	return held && ok ? result : 99;
}
