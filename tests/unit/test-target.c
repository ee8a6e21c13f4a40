/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "target.h"

static void test_parse(void **state)
{
	pid_t pid;
	uint64_t ino;

	assert_int_equal(target_parse("4242", &pid, &ino), 0);
	assert_int_equal(pid, 4242);
	assert_true(ino == 0);
	assert_int_equal(target_parse("4242:123456", &pid, &ino), 0);
	assert_true(pid == 4242 && ino == 123456);
	const char *bad[] = { "", ":", "0", "4242:", ":5", "4242:0", "x", "12 ", "1:2:3",
			      "-1", "4242:abc", "99999999999999999999", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(target_parse(bad[i], &pid, &ino), -TARGET_ESYNTAX);
	assert_int_equal(target_parse(NULL, &pid, &ino), -TARGET_ESYNTAX);
}

static int pipe_with(const char *text)
{
	int p[2];

	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], text, strlen(text)), (int)strlen(text));
	close(p[1]);
	return p[0];
}

static void test_read_line(void **state)
{
	char buf[64];
	int fd = pipe_with("123\n456\n");

	assert_int_equal(target_read_line(fd, buf, sizeof(buf)), 3);
	assert_string_equal(buf, "123");
	/* byte by byte: the next tool of a pipeline finds the rest */
	assert_int_equal(target_read_line(fd, buf, sizeof(buf)), 3);
	assert_string_equal(buf, "456");
	assert_int_equal(target_read_line(fd, buf, sizeof(buf)), -TARGET_EEMPTY);
	close(fd);

	fd = pipe_with("789");	/* no newline at the end */
	assert_int_equal(target_read_line(fd, buf, sizeof(buf)), 3);
	close(fd);
	fd = pipe_with("\n");
	assert_int_equal(target_read_line(fd, buf, sizeof(buf)), -TARGET_EEMPTY);
	close(fd);
	fd = pipe_with("12345678901234567890\n");
	assert_int_equal(target_read_line(fd, buf, 8), -TARGET_ESYNTAX);
	close(fd);
	/* Found by tests/fuzz/fuzz-target: a NUL in the line ended the
	 * handle as a string, so "123\0junk" read as the handle 123. */
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "123\0junk\n", 9), 9);
	close(p[1]);
	assert_int_equal(target_read_line(p[0], buf, sizeof(buf)), -TARGET_ESYNTAX);
	close(p[0]);
}

static void test_open_self_and_errors(void **state)
{
	struct target t = TARGET_INIT;
	char self[32];

	snprintf(self, sizeof(self), "%d", (int)getpid());
	assert_int_equal(target_open(&t, self, NULL), 0);
	assert_true(t.pidfd >= 0 && t.procfd >= 0);
	assert_int_equal(target_alive(&t), 0);
	assert_false(t.from_stdin);
	target_close(&t);

	struct target bad = TARGET_INIT;
	assert_int_equal(target_open(&bad, "4194304", NULL), -ESRCH);
	target_close(&bad);
	struct target syntax = TARGET_INIT;
	assert_int_equal(target_open(&syntax, "abc", NULL), -TARGET_ESYNTAX);
	/* longer than a handle's buffer: refused, not cut into another handle
	 * (here "PID:" and an inode of leading zeros and digits that, cut at
	 * the buffer's end, would read as inode 123456789) */
	char longer[sizeof(t.handle) + 16];
	int n = snprintf(longer, sizeof(longer), "%d:", (int)getpid());
	memset(longer + n, '0', sizeof(t.handle) - 10 - (size_t)n);
	snprintf(longer + sizeof(t.handle) - 10, sizeof(longer) - sizeof(t.handle) + 10, "%s",
		 "1234567890123456789012");
	struct target cut = TARGET_INIT;
	assert_int_equal(target_open(&cut, longer, NULL), -TARGET_ESYNTAX);
	assert_int_equal(cut.pidfd, -1);
	assert_string_equal(target_strerror(-ESRCH), "no such process");
	assert_non_null(strstr(target_strerror(-TARGET_ESTALE), "not the process the handle named"));
}

/* A child of ours: killed, waited for (a zombie is exited), then a
 * second kill of the one still unreaped is no error. */
static void test_kill(void **state)
{
	struct target t = TARGET_INIT;
	int status;
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) {
		pause();
		_exit(0);
	}
	assert_int_equal(target_open_pid(&t, child), 0);
	assert_int_equal(target_kill(&t), 0);
	assert_int_equal(target_kill(&t), 0);
	assert_int_equal(waitpid(child, &status, WNOHANG), child);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	assert_int_equal(target_kill(&t), 0);
	target_close(&t);
}

static void test_stdin_handle(void **state)
{
	struct target t = TARGET_INIT;
	char line[32];
	int saved = dup(STDIN_FILENO);

	snprintf(line, sizeof(line), "%d\n", (int)getpid());
	int fd = pipe_with(line);
	dup2(fd, STDIN_FILENO);
	close(fd);
	assert_true(target_wants_stdin(NULL));
	assert_int_equal(target_open(&t, "-", NULL), 0);
	assert_true(t.from_stdin);
	assert_int_equal(t.pid, getpid());
	target_close(&t);
	dup2(saved, STDIN_FILENO);
	close(saved);
	assert_true(target_wants_stdin("-"));
	assert_false(target_wants_stdin("123"));
}

static void test_inode(void **state)
{
	struct target t = TARGET_INIT;
	char arg[64];
	struct stat st;

	assert_int_equal(target_open(&t, "1", NULL), 0);
	assert_int_equal(fstat(t.pidfd, &st), 0);
	target_close(&t);
	/* a wrong inode is refused, or pidfs is missing (pre-6.9) */
	snprintf(arg, sizeof(arg), "1:%llu", (unsigned long long)st.st_ino + 1);
	int r = target_open(&t, arg, NULL);
	assert_true(r == -TARGET_ESTALE || r == -TARGET_ENOPIDFS);
	target_close(&t);
	snprintf(arg, sizeof(arg), "1:%llu", (unsigned long long)st.st_ino);
	r = target_open(&t, arg, NULL);
	assert_true(r == 0 || r == -TARGET_ENOPIDFS);
	target_close(&t);
}

static void test_format(void **state)
{
	char buf[32];

	assert_int_equal(target_format(4242, 0, buf, sizeof(buf)), 4);
	assert_string_equal(buf, "4242");
	assert_int_equal(target_format(4242, 123456, buf, sizeof(buf)), 11);
	assert_string_equal(buf, "4242:123456");
	assert_int_equal(target_format(1, UINT64_MAX, buf, sizeof(buf)), 22);
	assert_string_equal(buf, "1:18446744073709551615");
	/* what it writes, target_parse reads back */
	pid_t pid;
	uint64_t ino;
	assert_int_equal(target_parse(buf, &pid, &ino), 0);
	assert_true(pid == 1 && ino == UINT64_MAX);
	assert_int_equal(target_format(4242, 123456, buf, 11), -ENOSPC);
	assert_int_equal(target_format(4242, 0, buf, 4), -ENOSPC);
	assert_int_equal(target_format(4242, 0, buf, 5), 4);
	assert_string_equal(target_handle_formats[TARGET_HANDLE_PID], "pid");
	assert_string_equal(target_handle_formats[TARGET_HANDLE_PIDFS], "pidfs");
	assert_null(target_handle_formats[TARGET_HANDLE_PIDFS + 1]);
}

static void test_handle_of_self(void **state)
{
	struct target t = TARGET_INIT;
	char buf[64], want[256];
	struct stat st;
	uint64_t ino;
	int r;

	assert_int_equal(target_open_pid(&t, getpid()), 0);
	r = target_handle(&t, TARGET_HANDLE_PID, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%d", (int)getpid());
	assert_string_equal(buf, want);
	assert_int_equal(r, (int)strlen(want));
	r = target_handle(&t, TARGET_HANDLE_PIDFS, buf, sizeof(buf));
	assert_int_equal(target_pidfs_check(), r < 0 ? r : 0);
	if (r == -TARGET_ENOPIDFS) {
		target_close(&t);
		skip();	/* before Linux 6.9 */
	}
	assert_true(r > 0);
	assert_int_equal(fstat(t.pidfd, &st), 0);
	assert_int_equal(target_inode(&t, &ino), 0);
	assert_true(ino == (uint64_t)st.st_ino);
	snprintf(want, sizeof(want), "%d:%llu", (int)getpid(), (unsigned long long)st.st_ino);
	assert_string_equal(buf, want);
	target_close(&t);
	/* the handle opens the process it names */
	assert_int_equal(target_open(&t, buf, NULL), 0);
	assert_int_equal(t.pid, getpid());
	target_close(&t);
	/* a living process with another inode: both inodes named, and no
	 * claim that it has exited */
	struct target other = TARGET_INIT;
	struct nsk_failure f = NSK_FAILURE_INIT;
	char wrong[64], line[512];
	snprintf(wrong, sizeof(wrong), "%d:%llu", (int)getpid(), (unsigned long long)st.st_ino + 1);
	assert_int_equal(target_open(&other, wrong, &f), -TARGET_ESTALE);
	snprintf(want, sizeof(want),
		 "handle %s: process %d's pidfs inode is %llu, not %llu: not the process the "
		 "handle named", wrong, (int)getpid(), (unsigned long long)st.st_ino,
		 (unsigned long long)st.st_ino + 1);
	assert_string_equal(nsk_failure_line(&f, -TARGET_ESTALE, line, sizeof(line)), want);
	target_close(&other);
}

static const char *line_of(const struct nsk_failure *f, int err)
{
	static char line[512];

	return nsk_failure_line(f, err, line, sizeof(line));
}

static void test_fail(void **state)
{
	struct target t = TARGET_INIT;
	struct nsk_failure f = NSK_FAILURE_INIT;

	assert_int_equal(target_fail(&t, -TARGET_EEMPTY, &f), -TARGET_EEMPTY);
	assert_string_equal(line_of(&f, -TARGET_EEMPTY), "handle -: no handle on stdin");
	snprintf(t.handle, sizeof(t.handle), "12x");
	target_fail(&t, -TARGET_ESYNTAX, &f);
	assert_string_equal(line_of(&f, -TARGET_ESYNTAX),
			    "handle 12x: not a handle (expected PID or PID:INODE)");
	snprintf(t.handle, sizeof(t.handle), "4242:7");
	target_fail(&t, -ESRCH, &f);
	assert_string_equal(line_of(&f, -ESRCH), "handle 4242:7: no such process");
	target_fail(&t, -EPERM, &f);
	assert_string_equal(line_of(&f, -EPERM), "handle 4242:7: Operation not permitted");
	/* the longest handle and cause fit */
	memset(t.handle, '9', sizeof(t.handle) - 1);
	t.handle[sizeof(t.handle) - 1] = '\0';
	target_fail(&t, -TARGET_ESTALE, &f);
	assert_non_null(strstr(line_of(&f, -TARGET_ESTALE), "(its pidfs inode differs)"));
	assert_int_equal(target_fail(&t, -ESRCH, NULL), -ESRCH);
	/* target_open fills it as it fails */
	struct target syntax = TARGET_INIT;
	assert_int_equal(target_open(&syntax, "abc", &f), -TARGET_ESYNTAX);
	assert_string_equal(line_of(&f, -TARGET_ESYNTAX),
			    "handle abc: not a handle (expected PID or PID:INODE)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse), cmocka_unit_test(test_read_line),
		cmocka_unit_test(test_open_self_and_errors), cmocka_unit_test(test_kill),
		cmocka_unit_test(test_stdin_handle),
		cmocka_unit_test(test_inode), cmocka_unit_test(test_format),
		cmocka_unit_test(test_handle_of_self), cmocka_unit_test(test_fail),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
