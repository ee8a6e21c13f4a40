/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for bench/nsroot.sh: the system calls of `nsroot ROOT -- CMD`
 * made directly, in the mount namespace it is started in (the benchmark
 * gives each run a new one):
 *
 *   nsroot-floor [-S] ROOT CMD [ARG]...
 *
 * slave propagation for the namespace (so that nothing of ours reaches
 * the parent), ROOT bound onto itself, pivot_root(".", ".") there, the old
 * root detached, exec. -S adds the system calls of the rules every nsroot
 * run follows, the fair floor (issue 19): its mount table and PID 1's read
 * (nsroot refuses to switch the root of the machine's own mount
 * namespace), and the command with no descriptor but 0-2 and no signal
 * blocked. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

/* -S: what nsroot reads to tell its mount namespace from the machine's. */
static int read_all(const char *path)
{
	char buf[16384];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		;
	close(fd);
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	int rules = argc > 1 && !strcmp(argv[1], "-S");
	int arg = 1 + rules;

	if (argc < arg + 2) {
		fputs("usage: nsroot-floor [-S] ROOT CMD [ARG]...\n", stderr);
		return 125;
	}
	if (rules && (read_all("/proc/self/mountinfo") < 0 || read_all("/proc/1/mountinfo") < 0))
		return 125;
	if (mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) < 0 ||
	    mount(argv[arg], argv[arg], NULL, MS_BIND | MS_REC, NULL) < 0 || chdir(argv[arg]) < 0 ||
	    syscall(SYS_pivot_root, ".", ".") < 0 || umount2(".", MNT_DETACH) < 0 || chdir("/") < 0) {
		perror("nsroot-floor");
		return 125;
	}
	if (rules) {
		syscall(SYS_close_range, 3U, ~0U, 0);
		sigprocmask(SIG_SETMASK, &(sigset_t){ 0 }, NULL);
	}
	execvp(argv[arg + 1], argv + arg + 1);
	return 127;
}
