/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <signal.h>
#include <sys/wait.h>

#include "unit.h"
#include "exec.h"

static void test_status(void **state)
{
	assert_int_equal(exec_status_for_errno(ENOENT), 127);
	assert_int_equal(exec_status_for_errno(ENOTDIR), 127);
	assert_int_equal(exec_status_for_errno(EACCES), 126);
	assert_int_equal(exec_status_for_errno(ENOEXEC), 126);
	/* wait statuses as the kernel encodes them */
	assert_int_equal(exec_status_from_wait(3 << 8), 3);
	assert_int_equal(exec_status_from_wait(0), 0);
	assert_int_equal(exec_status_from_wait(SIGTERM), 128 + SIGTERM);
	assert_int_equal(exec_status_from_wait(SIGKILL | 0x80), 128 + SIGKILL); /* core */
}

extern char **environ;

static unsigned env_count(void)
{
	unsigned n = 0;

	for (char **e = environ; e && *e; e++)
		n++;
	return n;
}

static void test_env_keep_only(void **state)
{
	const char *bad[] = { ",FOO", "FOO,,BAR", "A=B", "FOO,=x", NULL };

	setenv("FOO", "1", 1);
	setenv("BAR", "2", 1);
	setenv("BAZ", "three=3", 1);
	for (int i = 0; bad[i]; i++)
		assert_int_equal(exec_env_keep_only(bad[i]), -EINVAL);
	/* a refusal leaves the environment as it was */
	assert_string_equal(getenv("BAR"), "2");
	assert_int_equal(exec_env_keep_only("FOO,BAZ,NSKIT_NOT_SET"), 0);
	assert_int_equal(env_count(), 2);
	assert_string_equal(getenv("FOO"), "1");
	assert_string_equal(getenv("BAZ"), "three=3");
	assert_null(getenv("BAR"));
	assert_int_equal(exec_env_keep_only(NULL), 0);
	assert_int_equal(env_count(), 0);
	setenv("FOO", "1", 1);
	assert_int_equal(exec_env_keep_only(""), 0);
	assert_int_equal(env_count(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_env_keep_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
