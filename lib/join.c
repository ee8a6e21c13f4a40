/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <linux/nsfs.h>

#include "cleanup.h"
#include "join.h"
#include "parse.h"
#include "readfile.h"

#ifndef NSFS_MAGIC
#define NSFS_MAGIC 0x6e736673
#endif

/* The name of a namespace, "net:[4026531840]", from a /proc ns link.
 * readlink(2) formats it from the namespace itself, where stat(2) would
 * make the kernel allocate (and free again) an nsfs inode: with eight
 * kinds, twice each, an eighth of the run time of nsjoin -a. */
static int ns_name(int dirfd, const char *path, char *buf, size_t size)
{
	ssize_t n = readlinkat(dirfd, path, buf, size - 1);

	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return 0;
}

int join_is_ours(int procfd, const struct ns_type *t, bool *ret_same)
{
	char path[64], mine[64], theirs[64];
	int r;

	snprintf(path, sizeof(path), "/proc/self/ns/%s", t->proc_name);
	if ((r = ns_name(AT_FDCWD, path, mine, sizeof(mine))) < 0)
		return r == -ENOENT ? -EOPNOTSUPP : r;
	if ((r = ns_name(procfd, path + strlen("/proc/self/"), theirs, sizeof(theirs))) < 0)
		return r;
	*ret_same = !strcmp(mine, theirs);
	return 0;
}

bool join_is_our_user_ns(int fd)
{
	struct stat mine, theirs;

	return stat("/proc/self/ns/user", &mine) == 0 && fstat(fd, &theirs) == 0 &&
	       mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino;
}

int join_open_file(const char *path, const struct ns_type *t, const struct ns_type **ret_kind)
{
	_cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct statfs sfs;
	int type;

	*ret_kind = NULL;
	if (fd < 0)
		return -errno;
	if (fstatfs(fd, &sfs) < 0 || sfs.f_type != NSFS_MAGIC ||
	    (type = ioctl(fd, NS_GET_NSTYPE)) < 0)
		return -ENOTTY;
	if (type != t->clone_flag) {
		*ret_kind = ns_by_flag(type);
		return -EMEDIUMTYPE;
	}
	return TAKE_FD(fd);
}

int join_user_ns_of(int fd, bool parent)
{
	int r = ioctl(fd, parent ? NS_GET_PARENT : NS_GET_USERNS);

	return r < 0 ? -errno : r;
}

int join_net_of_socket(int pidfd, int fd)
{
	_cleanup_close_ int sock = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	int ns;

	if (sock < 0)
		return -errno;
	/* both fds are close-on-exec: pidfd_getfd and open_related_ns set it */
	ns = ioctl(sock, SIOCGSKNS);
	if (ns < 0)
		return errno == ENOTTY ? -ENOTSOCK : -errno;
	return ns;
}

static int join_one_by_one(int procfd, int mask, const struct ns_type **ret_failed)
{
	int fd[16];
	char path[64];
	int r = 0;

	for (unsigned i = 0; i < ns_type_count; i++) {
		fd[i] = -1;
		if (!(mask & ns_types[i].clone_flag) || r < 0)
			continue;
		snprintf(path, sizeof(path), "ns/%s", ns_types[i].proc_name);
		if ((fd[i] = openat(procfd, path, O_RDONLY | O_CLOEXEC)) < 0) {
			r = -errno;
			*ret_failed = &ns_types[i];
		}
	}
	for (unsigned i = 0; i < ns_type_count && r == 0; i++)
		if (fd[i] >= 0 && setns(fd[i], ns_types[i].clone_flag) < 0) {
			r = -errno;
			*ret_failed = &ns_types[i];
		}
	for (unsigned i = 0; i < ns_type_count; i++)
		closep(&fd[i]);
	return r;
}

int join_target(int pidfd, int procfd, int mask, const struct ns_type **ret_failed)
{
	*ret_failed = NULL;
	if (!mask || setns(pidfd, mask) == 0)
		return 0;
	/* An older kernel (EINVAL), or a namespace we may not enter: the
	 * one-by-one path also finds which. */
	return join_one_by_one(procfd, mask, ret_failed);
}

int join_read_environ(int procfd, char *buf, size_t size, size_t *ret_len)
{
	ssize_t len = readfile_at(procfd, "environ", buf, size);

	if (len < 0)
		return (int)len;
	if ((size_t)len == size - 1)
		return -E2BIG;	/* full: more may follow */
	*ret_len = (size_t)len;
	return 0;
}

int join_status_id(const char *text, const char *field, uint32_t *ret_id)
{
	size_t flen = strlen(field);

	for (const char *line = text; line && *line; line = strchr(line, '\n')) {
		char num[16];
		const char *p;
		size_t n;

		if (*line == '\n')
			line++;
		if (strncmp(line, field, flen) || line[flen] != ':')
			continue;
		/* "Uid:\tREAL\tEFFECTIVE\tSAVED\tFS": skip to the second number */
		p = line + flen + 1;
		p += strspn(p, " \t");
		p += strspn(p, "0123456789");
		if (*p != '\t' && *p != ' ')
			return -EINVAL;
		p += strspn(p, " \t");
		n = strspn(p, "0123456789");
		if (n == 0 || n >= sizeof(num) || (p[n] != '\t' && p[n] != ' ' && p[n] != '\n' && p[n]))
			return -EINVAL;
		memcpy(num, p, n);
		num[n] = '\0';
		return parse_u32(num, ret_id) < 0 ? -EINVAL : 0;
	}
	return -ENOENT;
}

int join_target_ids(int procfd, uint32_t *ret_uid, uint32_t *ret_gid)
{
	char text[4096];
	/* Uid and Gid come within the first lines of the file. */
	ssize_t n = readfile_at(procfd, "status", text, sizeof(text));
	int r;

	if (n < 0)
		return (int)n;
	if ((r = join_status_id(text, "Uid", ret_uid)) < 0)
		return r;
	return join_status_id(text, "Gid", ret_gid);
}
