#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
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
}

static void test_open_self_and_errors(void **state)
{
	struct target t = TARGET_INIT;
	char self[32];

	snprintf(self, sizeof(self), "%d", (int)getpid());
	assert_int_equal(target_open(&t, self), 0);
	assert_true(t.pidfd >= 0 && t.procfd >= 0);
	assert_int_equal(target_alive(&t), 0);
	assert_false(t.from_stdin);
	target_close(&t);

	struct target bad = TARGET_INIT;
	assert_int_equal(target_open(&bad, "4194304"), -ESRCH);
	target_close(&bad);
	struct target syntax = TARGET_INIT;
	assert_int_equal(target_open(&syntax, "abc"), -TARGET_ESYNTAX);
	assert_string_equal(target_strerror(-ESRCH), "no such process");
	assert_non_null(strstr(target_strerror(-TARGET_ESTALE), "reused"));
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
	assert_int_equal(target_open(&t, "-"), 0);
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

	assert_int_equal(target_open(&t, "1"), 0);
	assert_int_equal(fstat(t.pidfd, &st), 0);
	target_close(&t);
	/* a wrong inode is refused, or pidfs is missing (pre-6.9) */
	snprintf(arg, sizeof(arg), "1:%llu", (unsigned long long)st.st_ino + 1);
	int r = target_open(&t, arg);
	assert_true(r == -TARGET_ESTALE || r == -TARGET_ENOPIDFS);
	target_close(&t);
	snprintf(arg, sizeof(arg), "1:%llu", (unsigned long long)st.st_ino);
	r = target_open(&t, arg);
	assert_true(r == 0 || r == -TARGET_ENOPIDFS);
	target_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse), cmocka_unit_test(test_read_line),
		cmocka_unit_test(test_open_self_and_errors), cmocka_unit_test(test_stdin_handle),
		cmocka_unit_test(test_inode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
