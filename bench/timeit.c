/* SPDX-License-Identifier: GPL-2.0-or-later */
/* timeit: run several commands interleaved N times each and print the
 * median wall-clock time of each and its ratio to the first ("x first";
 * in nsrun.sh the first is the floor, in container.sh crun).
 *
 *   timeit [-s MS] N NAME -- CMD ARGS... ';' NAME -- CMD ARGS... ';' ...
 *
 * Each run is fork + exec + wait of the command; the command's output goes
 * to /dev/null. Interleaving (A B C A B C ...) makes the machine's drift
 * affect every variant alike. -s pauses MS milliseconds after each run,
 * outside the measurement: work the kernel does after a command has
 * exited (tearing a network namespace down) then does not fall into the
 * time of the next command. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_VARIANTS 16

struct variant {
	const char *name;
	char **argv;
	double *samples;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double run_once(char **argv)
{
	double start = now();
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		fprintf(stderr, "timeit: fork: %s\n", strerror(errno));
		exit(1);
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "timeit: %s failed (status %d)\n", argv[0], status);
		exit(1);
	}
	return now() - start;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct variant v[MAX_VARIANTS];
	int n, count = 0;
	long settle_ms = 0;

	if (argc > 2 && !strcmp(argv[1], "-s")) {
		settle_ms = atol(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc < 5) {
		fprintf(stderr, "usage: timeit N NAME -- CMD... ';' ...\n");
		return 2;
	}
	char *end;
	errno = 0;
	long nl = strtol(argv[1], &end, 10);
	if (errno || end == argv[1] || *end || nl <= 0 || nl > INT_MAX) {
		fprintf(stderr, "timeit: N: '%s': not a positive number of runs\n", argv[1]);
		return 2;
	}
	n = (int)nl;
	for (int i = 2; i < argc && count < MAX_VARIANTS;) {
		v[count].name = argv[i];
		if (i + 2 >= argc || strcmp(argv[i + 1], "--"))
			return fprintf(stderr, "timeit: expected NAME -- CMD\n"), 2;
		v[count].argv = &argv[i + 2];
		int j = i + 2;
		while (j < argc && strcmp(argv[j], ";"))
			j++;
		if (j < argc)
			argv[j] = NULL;
		v[count].samples = calloc(n, sizeof(double));
		count++;
		i = j + 1;
	}
	for (int k = 0; k < count; k++)	/* warm up */
		run_once(v[k].argv);
	for (int r = 0; r < n; r++)
		for (int k = 0; k < count; k++) {
			v[k].samples[r] = run_once(v[k].argv);
			if (settle_ms > 0)
				nanosleep(&(struct timespec){ settle_ms / 1000,
							      settle_ms % 1000 * 1000000L }, NULL);
		}
	double first_median = 0;
	for (int k = 0; k < count; k++) {
		qsort(v[k].samples, n, sizeof(double), cmp);
		double median = v[k].samples[n / 2];
		if (k == 0)
			first_median = median;
		printf("  %-28s median %8.3f ms   %5.2fx first\n", v[k].name, median * 1e3,
		       median / first_median);
	}
	return 0;
}
