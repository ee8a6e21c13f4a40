/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <signal.h>

#include "unit.h"
#include "parse.h"

static void test_uint(void **state)
{
	uint64_t v;

	assert_int_equal(parse_uint("0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_uint("18446744073709551615", UINT64_MAX, &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(parse_uint("18446744073709551616", UINT64_MAX, &v), -ERANGE);
	assert_int_equal(parse_uint("11", 10, &v), -ERANGE);
	const char *bad[] = { "", "-1", "+1", " 1", "1 ", "1x", "0x10", "1.0", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(parse_uint(bad[i], 100, &v), -EINVAL);
	assert_int_equal(parse_uint(NULL, 100, &v), -EINVAL);
}

static void test_u32_pid_id(void **state)
{
	uint32_t u;
	pid_t p;

	assert_int_equal(parse_u32("4294967295", &u), 0);
	assert_int_equal(parse_u32("4294967296", &u), -ERANGE);
	assert_int_equal(parse_pid("1", &p), 0);
	assert_int_equal(p, 1);
	assert_int_equal(parse_pid("0", &p), -ERANGE);
	assert_int_equal(parse_pid("4194304", &p), 0);
	assert_int_equal(parse_pid("4194305", &p), -ERANGE);
	assert_int_equal(parse_pid("-5", &p), -EINVAL);
	assert_int_equal(parse_id("4294967294", &u), 0);
	assert_int_equal(parse_id("4294967295", &u), -ERANGE);
	assert_int_equal(parse_id("abc", &u), -EINVAL);
}

static void test_size(void **state)
{
	uint64_t v;

	assert_int_equal(parse_size("0", &v), 0);
	assert_true(v == 0);
	assert_int_equal(parse_size("512", &v), 0);
	assert_true(v == 512);
	assert_int_equal(parse_size("512B", &v), 0);
	assert_true(v == 512);
	assert_int_equal(parse_size("4k", &v), 0);
	assert_true(v == 4096);
	assert_int_equal(parse_size("256M", &v), 0);
	assert_true(v == 256ULL << 20);
	assert_int_equal(parse_size("2GiB", &v), 0);
	assert_true(v == 2ULL << 30);
	assert_int_equal(parse_size("1T", &v), 0);
	assert_true(v == 1ULL << 40);
	assert_int_equal(parse_size("16777216T", &v), -ERANGE);
	const char *bad[] = { "", "M", "1X", "1MM", "-1", "1.5G", " 1", "1 M", "1Bi", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(parse_size(bad[i], &v), -EINVAL);
}

static void test_signal(void **state)
{
	int s;

	assert_int_equal(parse_signal("TERM", &s), 0);
	assert_int_equal(s, SIGTERM);
	assert_int_equal(parse_signal("sigkill", &s), 0);
	assert_int_equal(s, SIGKILL);
	assert_int_equal(parse_signal("9", &s), 0);
	assert_int_equal(s, 9);
	assert_int_equal(parse_signal("RTMIN", &s), 0);
	assert_int_equal(s, SIGRTMIN);
	assert_int_equal(parse_signal("RTMIN+2", &s), 0);
	assert_int_equal(s, SIGRTMIN + 2);
	assert_int_equal(parse_signal("RTMAX-1", &s), 0);
	assert_int_equal(s, SIGRTMAX - 1);
	const char *bad[] = { "", "0", "65", "SIG", "TERMX", "RTMIN-1", "RTMAX+1", "RTMIN+99", "-9", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(parse_signal(bad[i], &s), -EINVAL);
	assert_string_equal(signal_name(SIGTERM), "SIGTERM");
	assert_null(signal_name(0));
	assert_null(signal_name(200));
}

static void test_signal_list(void **state)
{
	sigset_t set;

	sigemptyset(&set);
	assert_int_equal(parse_signal_list("INT,SIGQUIT,15", &set), 0);
	assert_int_equal(sigismember(&set, SIGINT), 1);
	assert_int_equal(sigismember(&set, SIGQUIT), 1);
	assert_int_equal(sigismember(&set, SIGTERM), 1);
	assert_int_equal(sigismember(&set, SIGHUP), 0);
	sigemptyset(&set);
	assert_int_equal(parse_signal_list(NULL, &set), 0);	/* all but KILL, STOP */
	assert_int_equal(sigismember(&set, SIGHUP), 1);
	assert_int_equal(sigismember(&set, SIGRTMAX), 1);
	assert_int_equal(sigismember(&set, SIGKILL), 0);
	assert_int_equal(sigismember(&set, SIGSTOP), 0);
	const char *bad[] = { ",", "INT,", ",INT", "INT,,QUIT", "INT,NOPE", "KILL", "INT,STOP",
			      "INT QUIT", "0", "SIGRTMAX+1", "INTERRUPTINTERRUPTINTERRUPTINTERRUPT", NULL };
	for (int i = 0; bad[i]; i++) {
		sigemptyset(&set);
		assert_int_equal(parse_signal_list(bad[i], &set), -EINVAL);
	}
}

static void test_seconds(void **state)
{
	int64_t sec;
	long nsec;

	assert_int_equal(parse_seconds("3600", &sec, &nsec), 0);
	assert_true(sec == 3600 && nsec == 0);
	assert_int_equal(parse_seconds("1.5", &sec, &nsec), 0);
	assert_true(sec == 1 && nsec == 500000000);
	assert_int_equal(parse_seconds("-1.25", &sec, &nsec), 0);
	assert_true(sec == -2 && nsec == 750000000);
	assert_int_equal(parse_seconds("-10", &sec, &nsec), 0);
	assert_true(sec == -10 && nsec == 0);
	assert_int_equal(parse_seconds("0.000000001", &sec, &nsec), 0);
	assert_true(sec == 0 && nsec == 1);
	const char *bad[] = { "", "-", "1.", ".5", "1.0000000001", "1s", "1e3", "--1", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(parse_seconds(bad[i], &sec, &nsec), -EINVAL);
	assert_int_equal(parse_seconds("99999999999999999999", &sec, &nsec), -ERANGE);
}

static void test_choice(void **state)
{
	static const char *const c[] = { "private", "shared", NULL };

	assert_int_equal(parse_choice("shared", c), 1);
	assert_int_equal(parse_choice("Shared", c), -EINVAL);
	assert_int_equal(parse_choice("", c), -EINVAL);
	assert_int_equal(parse_choice(NULL, c), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uint), cmocka_unit_test(test_u32_pid_id),
		cmocka_unit_test(test_size), cmocka_unit_test(test_signal),
		cmocka_unit_test(test_signal_list),
		cmocka_unit_test(test_seconds), cmocka_unit_test(test_choice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
