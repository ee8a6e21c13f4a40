/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>

#include "unit.h"
#include "procinfo.h"

static void test_stat(void **state)
{
	struct procinfo p;
	/* a comm with spaces and parentheses: fields follow its last ')' */
	const char *text = "4242 (a) b (c)) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 "
			   "1 0 987654 1000 10 18446744073709551615\n";

	assert_int_equal(procinfo_parse_stat(text, &p), 0);
	assert_int_equal(p.pid, 4242);
	assert_int_equal(p.ppid, 17);
	assert_int_equal(p.state, 'S');
	assert_true(p.starttime == 987654);
	assert_string_equal(p.comm, "a) b (c)");
}

static void test_stat_bad(void **state)
{
	struct procinfo p;

	assert_int_equal(procinfo_parse_stat("", &p), -EINVAL);
	assert_int_equal(procinfo_parse_stat("42 sleep S 1", &p), -EINVAL);
	assert_int_equal(procinfo_parse_stat("42 (sleep S 1 2 3", &p), -EINVAL);
	/* cut before the start time */
	assert_int_equal(procinfo_parse_stat("42 (sleep) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0",
					     &p),
			 -EINVAL);
	assert_int_equal(procinfo_parse_stat("x (sleep) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5",
					     &p),
			 -EINVAL);
	/* a comm cut to 15 bytes keeps its end off */
	assert_int_equal(procinfo_parse_stat("1 (0123456789abcdefgh) R 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 "
					     "20 0 1 0 5",
					     &p),
			 0);
	assert_string_equal(p.comm, "0123456789abcde");
}

static void test_nspid(void **state)
{
	pid_t in = 0;

	assert_int_equal(procinfo_parse_nspid("Name:\tx\nNSpid:\t4242\t1\nNSsid:\t1\n", &in), 0);
	assert_int_equal(in, 1);
	assert_int_equal(procinfo_parse_nspid("Name:\tx\nNSpid:\t4242\n", &in), 0);
	assert_int_equal(in, 4242);
	assert_int_equal(procinfo_parse_nspid("Name:\tx\nNSpid:\t4242\t7  \n", &in), 0);
	assert_int_equal(in, 7);
	assert_int_equal(procinfo_parse_nspid("Name:\tx\n", &in), -ENOENT);
	assert_int_equal(procinfo_parse_nspid("Name:\tx\nNSpid:\t\n", &in), -EINVAL);
	assert_int_equal(procinfo_parse_nspid("Name:\tx\nNSpid:\t12\tx1\n", &in), -EINVAL);
	assert_int_equal(procinfo_parse_nspid("Name:\tx\nNSpid:\t12\t0\n", &in), -ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stat),
		cmocka_unit_test(test_stat_bad),
		cmocka_unit_test(test_nspid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
