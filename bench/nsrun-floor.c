/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for nsrun's benchmark: the system calls of the same work made
 * directly, with nothing else. Usage:
 *   nsrun-floor [-r] [-P] [-1] [-S] FLAGS CMD...
 * FLAGS: letters U m p i n u (unshare's; n also brings lo up); -r: map root (setgroups deny,
 * uid_map, gid_map); -P: mount a fresh /proc in the child (with p). With a
 * PID namespace the child is an init that forks the command and waits for
 * it, as nsrun's is; -1 makes the child exec the command as PID 1 instead
 * (what `unshare --fork` and `nsrun --as-pid-1` do). Without one, the
 * command is exec'd directly. -S adds the system calls of the rules every
 * nsrun follows, the fair floor (issue 19): non-dumpable as root, the
 * waiting processes in / with no descriptor but 0-2 (the security rule),
 * and ending signals blocked and waited for with sigtimedwait, so that
 * they can be forwarded to the command. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		exit(125);
	close(fd);
}

static int rules;
static sigset_t forwarded;

/* A process that only waits: in /, holding nothing of the host. */
static void let_go(void)
{
	if (rules) {
		chdir("/");
		syscall(SYS_close_range, 3U, ~0U, 0);
	}
}

/* Exec the command, with the signals it gets forwarded unblocked. */
static void run(char **cmd)
{
	if (rules)
		sigprocmask(SIG_SETMASK, &(sigset_t){ 0 }, NULL);
	execvp(cmd[0], cmd);
	_exit(127);
}

/* Wait for pid: with the rules, as nsrun does, for SIGCHLD among the
 * signals it forwards. */
static int wait_for(pid_t pid)
{
	int st;

	if (rules) {
		siginfo_t si;
		while (sigtimedwait(&forwarded, &si, NULL) != SIGCHLD)
			;
		waitpid(pid, &st, WNOHANG);
	} else {
		waitpid(pid, &st, 0);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int main(int argc, char **argv)
{
	int flags = 0, map_root = 0, mount_proc = 0, as_pid_1 = 0, i = 1;
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-r"))
			map_root = 1;
		else if (!strcmp(argv[i], "-P"))
			mount_proc = 1;
		else if (!strcmp(argv[i], "-1"))
			as_pid_1 = 1;
		else if (!strcmp(argv[i], "-S"))
			rules = 1;
	}
	if (rules && uid == 0)
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	for (const char *c = argv[i++]; *c; c++)
		switch (*c) {
		case 'U': flags |= CLONE_NEWUSER; break;
		case 'm': flags |= CLONE_NEWNS; break;
		case 'p': flags |= CLONE_NEWPID; break;
		case 'i': flags |= CLONE_NEWIPC; break;
		case 'n': flags |= CLONE_NEWNET; break;
		case 'u': flags |= CLONE_NEWUTS; break;
		}
	if (unshare(flags) < 0)
		return 125;
	if (map_root) {
		write_file("/proc/self/setgroups", "deny");
		snprintf(map, sizeof(map), "0 %u 1", uid);
		write_file("/proc/self/uid_map", map);
		snprintf(map, sizeof(map), "0 %u 1", gid);
		write_file("/proc/self/gid_map", map);
	}
	if (flags & CLONE_NEWNS)
		mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL);
	if (flags & CLONE_NEWNET) {
		/* lo up, as nsrun does by default */
		int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		struct ifreq ifr = { .ifr_name = "lo" };
		ioctl(sock, SIOCGIFFLAGS, &ifr);
		ifr.ifr_flags |= IFF_UP;
		ioctl(sock, SIOCSIFFLAGS, &ifr);
		close(sock);
	}
	if (!(flags & CLONE_NEWPID)) {
		execvp(argv[i], argv + i);
		return 127;
	}
	if (rules) {
		static const int signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
					       SIGTERM, SIGCHLD, SIGCONT, SIGWINCH };
		sigemptyset(&forwarded);
		for (size_t k = 0; k < sizeof(signals) / sizeof(*signals); k++)
			sigaddset(&forwarded, signals[k]);
		sigprocmask(SIG_BLOCK, &forwarded, NULL);
	}
	pid_t pid = fork();
	if (pid == 0) {
		if (mount_proc && mount("proc", "/proc", "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0)
			_exit(125);
		if (!as_pid_1) {
			/* the init: fork the command, wait for it */
			if (rules)
				prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
			pid_t cmd = fork();
			if (cmd == 0)
				run(argv + i);
			let_go();
			_exit(wait_for(cmd));
		}
		run(argv + i);
	}
	let_go();
	return wait_for(pid);
}
