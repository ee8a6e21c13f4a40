/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floor for nsrun's benchmark: the system calls of the same work made
 * directly, with nothing else. Usage:
 *   nsrun-floor [-r] [-P] [-1] FLAGS CMD...
 * FLAGS: letters U m p i n u (unshare's; n also brings lo up); -r: map root (setgroups deny,
 * uid_map, gid_map); -P: mount a fresh /proc in the child (with p). With a
 * PID namespace the child is an init that forks the command and waits for
 * it, as nsrun's is; -1 makes the child exec the command as PID 1 instead
 * (what `unshare --fork` and `nsrun --as-pid-1` do). Without one, the
 * command is exec'd directly. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0 || write(fd, text, strlen(text)) < 0)
		exit(125);
	close(fd);
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
	}
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
	pid_t pid = fork();
	if (pid == 0) {
		if (mount_proc && mount("proc", "/proc", "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0)
			_exit(125);
		if (!as_pid_1) {
			/* the init: fork the command, wait for it */
			pid_t cmd = fork();
			if (cmd == 0) {
				execvp(argv[i], argv + i);
				_exit(127);
			}
			int st;
			waitpid(cmd, &st, 0);
			_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
		}
		execvp(argv[i], argv + i);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
