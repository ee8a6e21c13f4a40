/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading a whole (usually /proc, /sys or /etc) file, once for every
 * module: retrying EINTR, stopping at the end of the file, always
 * NUL-terminating. */
#pragma once
#include <stddef.h>
#include <sys/types.h>

/* Read fd into buf until the end of the file or until size-1 bytes (the
 * rest is not read: callers that must see all of it compare the length
 * with size-1). NUL-terminated. The length, or -errno. */
ssize_t readfile_fd(int fd, char *buf, size_t size);
/* Read fd to its end into a malloc'd, NUL-terminated buffer (*ret, which
 * the caller frees; *ret_len without the NUL, may be NULL). 0 or -errno. */
int readfile_fd_alloc(int fd, char **ret, size_t *ret_len);

/* The same for path, opened (O_CLOEXEC) relative to dirfd (AT_FDCWD for
 * the working directory, or an absolute path). */
ssize_t readfile_at(int dirfd, const char *path, char *buf, size_t size);
int readfile_at_alloc(int dirfd, const char *path, char **ret, size_t *ret_len);
