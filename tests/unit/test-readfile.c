/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "readfile.h"

/* A pipe holding text, written in pieces of at most chunk bytes by a
 * child, so that reads come back short as they do from proc files. */
static int pipe_of(const char *text, size_t chunk)
{
	int p[2];

	assert_int_equal(pipe(p), 0);
	if (fork() == 0) {
		size_t len = strlen(text);
		close(p[0]);
		for (size_t off = 0; off < len; off += chunk)
			if (write(p[1], text + off, len - off < chunk ? len - off : chunk) < 0)
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	return p[0];
}

static void test_fixed(void **state)
{
	char buf[8];
	int fd;

	/* short reads are joined, the end of the file ends it */
	fd = pipe_of("abcdef", 2);
	assert_int_equal(readfile_fd(fd, buf, sizeof(buf)), 6);
	assert_string_equal(buf, "abcdef");
	close(fd);
	/* too long: the first size-1 bytes, NUL-terminated */
	fd = pipe_of("0123456789", 3);
	assert_int_equal(readfile_fd(fd, buf, sizeof(buf)), 7);
	assert_string_equal(buf, "0123456");
	close(fd);
	/* empty */
	fd = pipe_of("", 1);
	assert_int_equal(readfile_fd(fd, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	close(fd);
	/* bad input */
	assert_int_equal(readfile_fd(fd, buf, sizeof(buf)), -EBADF);
	assert_int_equal(readfile_fd(0, buf, 0), -EINVAL);
	assert_int_equal(readfile_at(AT_FDCWD, "/nonexistent/file", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(readfile_at(AT_FDCWD, "/", buf, sizeof(buf)), -EISDIR);
	/* a real proc file through a directory fd */
	int dir = open("/proc/self", O_PATH | O_DIRECTORY);
	assert_true(readfile_at(dir, "comm", buf, sizeof(buf)) > 0);
	close(dir);
}

static void test_alloc(void **state)
{
	size_t len = 100000, got;
	char *big = malloc(len + 1), *text;
	int fd;

	/* longer than the first buffer, in odd pieces */
	for (size_t i = 0; i < len; i++)
		big[i] = (char)('a' + i % 26);
	big[len] = '\0';
	fd = pipe_of(big, 4099);
	assert_int_equal(readfile_fd_alloc(fd, &text, &got), 0);
	assert_int_equal(got, len);
	assert_string_equal(text, big);
	free(text);
	close(fd);
	/* empty, and no length asked for */
	fd = pipe_of("", 1);
	assert_int_equal(readfile_fd_alloc(fd, &text, NULL), 0);
	assert_string_equal(text, "");
	free(text);
	close(fd);
	/* bad input */
	text = NULL;
	assert_int_equal(readfile_fd_alloc(fd, &text, &got), -EBADF);
	assert_null(text);
	assert_int_equal(readfile_at_alloc(AT_FDCWD, "/nonexistent", &text, &got), -ENOENT);
	assert_int_equal(readfile_at_alloc(AT_FDCWD, "/", &text, &got), -EISDIR);
	assert_null(text);
	/* a proc file longer than a page */
	assert_int_equal(readfile_at_alloc(AT_FDCWD, "/proc/self/maps", &text, &got), 0);
	assert_int_equal(strlen(text), got);
	free(text);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed),
		cmocka_unit_test(test_alloc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
