/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floors for bench/nsmap.sh: the least a program can do to map a user
 * namespace, writing setgroups, uid_map and gid_map of /proc/PID with no
 * checks at all; and, with --checked, the same after the steps issue 4
 * requires of nsmap, made as cheaply as a program can and deciding nothing
 * from them: only CAP_SETUID and CAP_SETGID kept (capset), the target
 * opened through a pidfd and checked alive after the reads, the caller's
 * name through NSS, /etc/subuid and /etc/subgid read, the target's user
 * namespace a child of ours and owned by the caller (nsmap(1), RULES:
 * "unless the caller is root: the caller owns that user namespace"), both
 * maps still unwritten; and the writes made with the ending signals
 * blocked (nsmap(1), EXIT STATUS: a signal that comes while the maps are
 * written ends nsmap once they all are). The difference between the two
 * is the price of the rules.
 *   nsmap-floor [--checked] PID UID_MAP_TEXT GID_MAP_TEXT */
#define _GNU_SOURCE
#include <linux/capability.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int put(int dir, const char *file, const char *text)
{
	int fd = openat(dir, file, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Read a file whole; its length, -1 if it cannot be read. */
static ssize_t slurp(int dir, const char *file)
{
	char buf[4096];
	ssize_t n, total = 0;
	int fd = openat(dir, file, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	close(fd);
	return total;
}

static int keep_setid(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3] = { { 0, 0, 0 } };

	d[0].effective = d[0].permitted = 1u << CAP_SETUID | 1u << CAP_SETGID;
	return (int)syscall(SYS_capset, &h, d);
}

static int checks(int dir, int pidfd)
{
	struct stat self, parent_st;
	uid_t uid = getuid(), owner;
	int ns, parent;

	if (syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 || !getpwuid(uid) || slurp(AT_FDCWD, "/etc/subuid") < 0 ||
	    slurp(AT_FDCWD, "/etc/subgid") < 0)
		return -1;
	if ((ns = openat(dir, "ns/user", O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	parent = ioctl(ns, NS_GET_PARENT);
	if (parent < 0 || ioctl(ns, NS_GET_OWNER_UID, &owner) < 0)
		return -1;
	close(ns);
	if (stat("/proc/self/ns/user", &self) < 0 || fstat(parent, &parent_st) < 0)
		return -1;
	close(parent);
	if (self.st_ino != parent_st.st_ino || owner != uid)
		return -1;
	if (slurp(dir, "uid_map") != 0 || slurp(dir, "gid_map") != 0)
		return -1;
	return syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 ? -1 : 0;
}

static int put_maps(int dir, const char *uid_map, const char *gid_map)
{
	return put(dir, "setgroups", "deny") < 0 || put(dir, "uid_map", uid_map) < 0 ||
	       put(dir, "gid_map", gid_map) < 0 ? -1 : 0;
}

/* --checked: the same writes with INT, TERM, HUP and QUIT held back. */
static int put_maps_whole(int dir, const char *uid_map, const char *gid_map)
{
	sigset_t ending, old;
	int r;

	sigemptyset(&ending);
	sigaddset(&ending, SIGINT);
	sigaddset(&ending, SIGTERM);
	sigaddset(&ending, SIGHUP);
	sigaddset(&ending, SIGQUIT);
	sigprocmask(SIG_BLOCK, &ending, &old);
	r = put_maps(dir, uid_map, gid_map);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return r;
}

int main(int argc, char **argv)
{
	int checked = argc == 5 && !strcmp(argv[1], "--checked");
	char path[64];
	int dir, pidfd = -1;

	argv += checked;
	argc -= checked;
	if (argc != 4)
		return 2;
	if (checked && (keep_setid() < 0 ||
			(pidfd = (int)syscall(SYS_pidfd_open, atoi(argv[1]), 0)) < 0))
		return perror("nsmap-floor"), 1;
	snprintf(path, sizeof(path), "/proc/%s", argv[1]);
	dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0 || (checked && checks(dir, pidfd) < 0) ||
	    (checked ? put_maps_whole : put_maps)(dir, argv[2], argv[3]) < 0) {
		perror("nsmap-floor");
		return 1;
	}
	return 0;
}
