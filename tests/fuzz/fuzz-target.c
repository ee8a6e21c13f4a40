/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Handles (lib/target): "PID" or "PID:INODE" as given to -t, and the line
 * a tool reads from stdin (the whole input, through a pipe). A handle that
 * parses formats to one that parses to the same process. */
#include <errno.h>
#include <unistd.h>

#include "fuzz.h"
#include "target.h"

static void handle(const char *s)
{
	pid_t pid, back_pid;
	uint64_t inode, back_inode;
	char text[64];

	if (target_parse(s, &pid, &inode) < 0)
		return;
	FUZZ_CHECK(pid >= 1 && pid <= (1 << 22));
	FUZZ_CHECK((inode != 0) == (strchr(s, ':') != NULL));
	FUZZ_CHECK(target_format(pid, inode, text, sizeof(text)) > 0);
	FUZZ_CHECK(target_parse(text, &back_pid, &back_inode) == 0);
	FUZZ_CHECK(back_pid == pid && back_inode == inode);
}

/* What a tool reads from a pipe: one line, nothing after it consumed. */
static void stdin_line(const uint8_t *data, size_t size)
{
	int fds[2];
	char buf[64], rest;
	int n;

	if (pipe(fds) < 0)
		return;
	if (write(fds[1], data, size) != (ssize_t)size) {
		close(fds[0]);
		close(fds[1]);
		return;
	}
	close(fds[1]);
	n = target_read_line(fds[0], buf, sizeof(buf));
	if (n >= 0) {
		FUZZ_CHECK(n > 0 && (size_t)n == strnlen(buf, sizeof(buf)) && (size_t)n < sizeof(buf));
		FUZZ_CHECK(!memchr(buf, '\n', (size_t)n));
		FUZZ_CHECK(!memcmp(buf, data, (size_t)n));
		/* the byte after the line is still there */
		if ((size_t)n + 1 < size)
			FUZZ_CHECK(read(fds[0], &rest, 1) == 1 && rest == (char)data[n + 1]);
		handle(buf);
	} else {
		FUZZ_CHECK(n == -TARGET_EEMPTY || n == -TARGET_ESYNTAX);
	}
	close(fds[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (size > 4096 || !(s = fuzz_string(data, size)))	/* within a pipe's buffer */
		return 0;
	handle(s);
	stdin_line(data, size);
	free(s);
	return 0;
}
