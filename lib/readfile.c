/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "cleanup.h"
#include "readfile.h"

/* One read(2), retried on EINTR: its length (0 at the end), or -errno. */
static ssize_t read_once(int fd, char *buf, size_t room)
{
	ssize_t n;

	while ((n = read(fd, buf, room)) < 0 && errno == EINTR)
		;
	return n < 0 ? -errno : n;
}

ssize_t readfile_fd(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n = 1;

	if (size == 0)
		return -EINVAL;
	while (len + 1 < size && (n = read_once(fd, buf + len, size - 1 - len)) > 0)
		len += (size_t)n;
	if (n < 0)
		return n;
	buf[len] = '\0';
	return (ssize_t)len;
}

int readfile_fd_alloc(int fd, char **ret, size_t *ret_len)
{
	_cleanup_free_ char *buf = NULL;
	size_t len = 0, cap = 0;

	for (;;) {
		/* a page at least free for each read: proc files come a
		 * page at a time */
		if (cap - len < 4096 + 1) {
			char *bigger = realloc(buf, cap = cap ? cap * 2 : 16384);
			if (!bigger)
				return -ENOMEM;
			buf = bigger;
		}
		ssize_t n = read_once(fd, buf + len, cap - len - 1);
		if (n < 0)
			return (int)n;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	if (ret_len)
		*ret_len = len;
	*ret = TAKE_PTR(buf);
	return 0;
}

ssize_t readfile_at(int dirfd, const char *path, char *buf, size_t size)
{
	_cleanup_close_ int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	return readfile_fd(fd, buf, size);
}

int readfile_at_alloc(int dirfd, const char *path, char **ret, size_t *ret_len)
{
	_cleanup_close_ int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	return readfile_fd_alloc(fd, ret, ret_len);
}
