/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Time commands run one after the other, as a shell would run them but
 * without a shell's own cost: nsmap-timer -- CMD [ARG]... [-- CMD...]
 * prints the nanoseconds from the first fork to the last exit; exits 1 if
 * any command failed. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	long long start = now();

	for (int i = 1; i < argc;) {
		int end = i + 1, status;
		pid_t pid;

		while (end < argc && strcmp(argv[end], "--") != 0)
			end++;
		argv[end < argc ? end : argc] = NULL;
		if (i + 1 >= end)
			return 2;
		pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			execv(argv[i + 1], argv + i + 1);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			return 1;
		i = end;
	}
	printf("%lld\n", now() - start);
	return 0;
}
