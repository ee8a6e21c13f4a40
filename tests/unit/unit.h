/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Common includes for the cmocka unit tests, and the helpers that tests
 * aiming at a temporary directory share. */
#pragma once
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

/* The temporary directory of a test program: made by unit_tmp_setup and
 * removed, with all in it, by unit_tmp_teardown (pass them as cmocka's
 * group fixtures); /tmp/PROGRAM.XXXXXX. */
static inline char *unit_tmp(void)
{
	static char dir[64];

	return dir;
}

static inline int unit_tmp_setup(void **state)
{
	snprintf(unit_tmp(), 64, "/tmp/%.40s.XXXXXX", program_invocation_short_name);
	return mkdtemp(unit_tmp()) ? 0 : -1;
}

static inline int unit_tmp_teardown(void **state)
{
	char cmd[96];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", unit_tmp());
	return system(cmd);
}

/* Write TEXT to DIR/REL, which must be writable. */
static inline void unit_put(const char *dir, const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The text of DIR/REL (up to 255 bytes, in a buffer the next call
 * reuses), or NULL if it cannot be read. */
static inline const char *unit_get(const char *dir, const char *rel)
{
	static char buf[256];
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (!(f = fopen(path, "r")))
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Write TEXT to PATH (a /proc file), in one write. 0 or -errno. */
static inline int unit_write_proc(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), r = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		r = -errno;
	close(fd);
	return r;
}

/* Move this test process into a mount namespace of its own (in a user
 * namespace of its own first, mapping its ids, when it is not root) where
 * no mount propagates back to the machine's: tests that mount do it
 * there, and it ends with the process. 0, or -errno when the kernel or
 * the machine does not allow it (the test then skips). */
static inline int unit_private_mounts(void)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();
	int r;

	if (uid != 0) {
		if (unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0)
			return -errno;
		snprintf(map, sizeof(map), "0 %u 1", (unsigned)uid);
		if ((r = unit_write_proc("/proc/self/setgroups", "deny")) < 0 ||
		    (r = unit_write_proc("/proc/self/uid_map", map)) < 0)
			return r;
		snprintf(map, sizeof(map), "0 %u 1", (unsigned)gid);
		if ((r = unit_write_proc("/proc/self/gid_map", map)) < 0)
			return r;
	} else if (unshare(CLONE_NEWNS) < 0) {
		return -errno;
	}
	/* the type is ignored for a propagation change; named for checkers */
	return mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) < 0 ? -errno : 0;
}
