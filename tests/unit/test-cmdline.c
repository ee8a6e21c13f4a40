/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "unit.h"
#include "cmdline.h"

static void test_split(void **state)
{
	char *none[] = { "mkprop", "--show", "/", "--json", NULL };
	char *cmd[] = { "mkprop", "--private", "/", "--", "sh", "-c", "--", NULL };
	char *first[] = { "nsroot", "--", "--", NULL };
	char *alone[] = { "mkprop", NULL };

	assert_int_equal(cmdline_split(4, none), 4);
	assert_int_equal(cmdline_split(7, cmd), 3);		/* the first "--" only */
	assert_int_equal(cmdline_split(3, first), 1);
	assert_int_equal(cmdline_split(1, alone), 1);
	/* argv[0] is never taken for the separator */
	char *zero[] = { "--", "x", NULL };
	assert_int_equal(cmdline_split(2, zero), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
