/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floors for bench/nsmap.sh: the least a program can do to map a user
 * namespace, writing setgroups, uid_map and gid_map of /proc/PID with no
 * checks at all; and, with --checked, the same after the steps issue 4
 * requires of nsmap, made as cheaply as a program can and deciding nothing
 * from them: only CAP_SETUID and CAP_SETGID kept (capset), the target
 * opened through a pidfd and checked alive after the reads, the caller's
 * name through NSS, /etc/subuid and /etc/subgid read, the target's user
 * namespace a child of ours, both maps still unwritten. The difference
 * between the two is the price of the rules.
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
	int ns, parent;

	if (syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 || !getpwuid(getuid()) || slurp(AT_FDCWD, "/etc/subuid") < 0 ||
	    slurp(AT_FDCWD, "/etc/subgid") < 0)
		return -1;
	if ((ns = openat(dir, "ns/user", O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	parent = ioctl(ns, NS_GET_PARENT);
	close(ns);
	if (parent < 0 || stat("/proc/self/ns/user", &self) < 0 || fstat(parent, &parent_st) < 0)
		return -1;
	close(parent);
	if (self.st_ino != parent_st.st_ino)
		return -1;
	if (slurp(dir, "uid_map") != 0 || slurp(dir, "gid_map") != 0)
		return -1;
	return syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 ? -1 : 0;
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
	if (dir < 0 || (checked && checks(dir, pidfd) < 0) || put(dir, "setgroups", "deny") < 0 ||
	    put(dir, "uid_map", argv[2]) < 0 || put(dir, "gid_map", argv[3]) < 0) {
		perror("nsmap-floor");
		return 1;
	}
	return 0;
}
