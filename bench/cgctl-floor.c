/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for bench/cgctl.sh: the file operations of one cgroup cycle
 * done by one small process with no discovery, no checks and no undo, and
 * a timer that runs command lines and reports the wall time they took.
 *
 *   cgctl-floor cycle [-S] DIR... -w DIR/FILE=VALUE... -- CMD [ARG]...
 *       mkdir each DIR (a v1 cpuset DIR gets its parent's cpus and mems:
 *       pass it as +DIR), make the writes, fork: the child writes itself
 *       into DIR/cgroup.procs of every DIR and execs CMD; wait; rmdir.
 *       -S adds the system calls of the rules every cgctl run follows,
 *       the fair floor (issue 19): the hierarchies found from
 *       /proc/self/mountinfo and /proc/self/cgroup, the ending signals
 *       blocked while groups exist and looked for (sigpending) before the
 *       command starts (one that came has the groups undone and the
 *       command never started), and taken with sigtimedwait while the
 *       command runs, to forward them. Not in it: the checks cgctl no
 *       longer makes before it acts (a parent's or a key's existence,
 *       the swap limit of a group it made, whether the command left a
 *       process: each is learned from the failing mkdir, write or rmdir
 *       itself, which the floor makes too).
 *   cgctl-floor create DIR...
 *       only the mkdirs (and the cpuset copies) of cycle.
 *   cgctl-floor time FILE
 *       run each line of FILE (words split on spaces, no quoting) in turn
 *       and print the microseconds from the first fork to the last wait.
 *   cgctl-floor mkdirs|rmdirs PREFIX COUNT DIR...
 *       make or remove PREFIX0 .. PREFIX{COUNT-1} in every DIR.
 *
 * Build: cc -O2 -o cgctl-floor cgctl-floor.c */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int put(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, value, strlen(value));
	close(fd);
	return n < 0 ? -1 : 0;
}

static int copy_from_parent(const char *dir, const char *file)
{
	char parent[4096], path[4200], buf[4096];
	ssize_t n;
	int fd;

	snprintf(parent, sizeof(parent), "%s", dir);
	*strrchr(parent, '/') = '\0';
	snprintf(path, sizeof(path), "%s/%s", parent, file);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return put(path, buf);
}

/* mkdir each DIR up to -w or --; +DIR: a v1 cpuset group, initialised. */
static int make_dirs(int argc, char **argv, char **dirs, int *ndirs)
{
	int i = 0;

	for (; i < argc && strcmp(argv[i], "-w") && strcmp(argv[i], "--"); i++) {
		char *d = argv[i] + (argv[i][0] == '+');
		if (*ndirs == 64 || mkdir(d, 0755) < 0)
			return perror(d), -1;
		dirs[(*ndirs)++] = d;
		if (argv[i][0] == '+' &&
		    (copy_from_parent(d, "cpuset.cpus") < 0 || copy_from_parent(d, "cpuset.mems") < 0))
			return perror(d), -1;
	}
	return i;
}

/* -S: what cgctl reads to find the hierarchies and its own groups. */
static int discover(void)
{
	static const char *const files[] = { "/proc/self/mountinfo", "/proc/self/cgroup" };
	char buf[16384];

	for (size_t k = 0; k < sizeof(files) / sizeof(*files); k++) {
		int fd = open(files[k], O_RDONLY | O_CLOEXEC);
		ssize_t n;

		if (fd < 0)
			return -1;
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			;
		close(fd);
		if (n < 0)
			return -1;
	}
	return 0;
}

static int cycle(int argc, char **argv)
{
	static const int signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
				       SIGTERM, SIGCHLD, SIGCONT, SIGWINCH };
	char *dirs[64], path[4200];
	int ndirs = 0, i, status, rules = 0;
	sigset_t forwarded;

	if (argc > 0 && !strcmp(argv[0], "-S")) {
		rules = 1;
		argc--, argv++;
		sigemptyset(&forwarded);
		for (size_t k = 0; k < sizeof(signals) / sizeof(*signals); k++)
			sigaddset(&forwarded, signals[k]);
		if (discover() < 0 || sigprocmask(SIG_BLOCK, &forwarded, NULL) < 0)
			return 1;
	}
	if ((i = make_dirs(argc, argv, dirs, &ndirs)) < 0)
		return 1;
	if (i < argc && !strcmp(argv[i], "-w"))
		for (i++; i < argc && strcmp(argv[i], "--"); i++) {
			char *eq = strchr(argv[i], '=');
			if (!eq)
				return 1;
			*eq = '\0';
			if (put(argv[i], eq + 1) < 0)
				return perror(argv[i]), 1;
		}
	if (i >= argc - 1)
		return 1;
	if (rules) {
		sigset_t pending;
		if (sigpending(&pending) < 0 || sigismember(&pending, SIGTERM) ||
		    sigismember(&pending, SIGINT) || sigismember(&pending, SIGHUP) ||
		    sigismember(&pending, SIGQUIT)) {
			for (int d = ndirs; d-- > 0;)
				rmdir(dirs[d]);
			return 1;
		}
	}
	pid_t pid = fork();
	if (pid == 0) {
		for (int d = 0; d < ndirs; d++) {
			snprintf(path, sizeof(path), "%s/cgroup.procs", dirs[d]);
			if (put(path, "0") < 0)
				_exit(125);
		}
		if (rules)
			sigprocmask(SIG_SETMASK, &(sigset_t){ 0 }, NULL);
		execvp(argv[i + 1], argv + i + 1);
		_exit(127);
	}
	if (rules) {
		siginfo_t si;
		while (sigtimedwait(&forwarded, &si, NULL) != SIGCHLD)
			;
		waitpid(pid, &status, WNOHANG);
	} else {
		waitpid(pid, &status, 0);
	}
	for (int d = ndirs; d-- > 0;)
		rmdir(dirs[d]);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int time_file(const char *file)
{
	char line[8192], *words[512];
	FILE *f = fopen(file, "r");
	long long start = now_us();
	int status, bad = 0;

	if (!f)
		return perror(file), 1;
	while (fgets(line, sizeof(line), f)) {
		int n = 0;
		for (char *w = strtok(line, " \n"); w && n < 511; w = strtok(NULL, " \n"))
			words[n++] = w;
		words[n] = NULL;
		if (!n)
			continue;
		pid_t pid = fork();
		if (pid == 0) {
			execvp(words[0], words);
			_exit(127);
		}
		waitpid(pid, &status, 0);
		bad |= !WIFEXITED(status) || WEXITSTATUS(status);
	}
	fclose(f);
	printf("%lld\n", now_us() - start);
	return bad;
}

static int many(bool make, const char *prefix, long count, int ndirs, char **dirs)
{
	char path[4200];

	for (int d = 0; d < ndirs; d++)
		for (long i = 0; i < count; i++) {
			snprintf(path, sizeof(path), "%s/%s%ld", dirs[d], prefix, i);
			if ((make ? mkdir(path, 0755) : rmdir(path)) < 0 && make)
				return perror(path), 1;
		}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "create")) {
		char *dirs[64];
		int ndirs = 0;
		return make_dirs(argc - 2, argv + 2, dirs, &ndirs) < 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "cycle"))
		return cycle(argc - 2, argv + 2);
	if (argc == 3 && !strcmp(argv[1], "time"))
		return time_file(argv[2]);
	if (argc >= 5 && (!strcmp(argv[1], "mkdirs") || !strcmp(argv[1], "rmdirs")))
		return many(argv[1][0] == 'm', argv[2], atol(argv[3]), argc - 4, argv + 4);
	fprintf(stderr, "usage: see the comment at the top of cgctl-floor.c\n");
	return 2;
}
