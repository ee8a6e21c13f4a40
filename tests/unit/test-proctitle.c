/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "proctitle.h"

static void test_format(void **state)
{
	char buf[32];
	char *args[] = { "sleep", "1000", NULL };

	memset(buf, 'x', sizeof(buf));
	proctitle_format(buf, sizeof(buf), "nsrun-held", args);
	assert_memory_equal(buf, "nsrun-held\0sleep\0" "1000\0", 23);
	for (size_t i = 23; i < sizeof(buf); i++)
		assert_int_equal(buf[i], 0);
	/* cut to fit, the last byte NUL */
	memset(buf, 'x', sizeof(buf));
	proctitle_format(buf, 14, "nsrun-held", args);
	assert_memory_equal(buf, "nsrun-held\0sl\0", 14);
	proctitle_format(buf, 5, "nsrun-held", NULL);
	assert_memory_equal(buf, "nsru\0", 5);
	proctitle_format(buf, 1, "nsrun-held", args);
	assert_int_equal(buf[0], 0);
}

static void test_init(void **state)
{
	char area[] = "nsrun\0--detach\0sleep\0" "9";
	char *argv[] = { area, area + 6, area + 15, area + 21, NULL };
	struct proctitle pt;
	char **keep = NULL;

	assert_int_equal(proctitle_init(&pt, 4, argv, argv + 2, &keep), 0);
	assert_ptr_equal(pt.start, area);
	assert_int_equal(pt.size, sizeof(area));
	assert_string_equal(keep[0], "sleep");
	assert_string_equal(keep[1], "9");
	assert_null(keep[2]);
	/* the copies outlive a rewrite */
	proctitle_format(pt.start, pt.size, "nsrun-init", keep);
	assert_memory_equal(area, "nsrun-init\0sleep\0" "9\0", 20);
	assert_string_equal(keep[0], "sleep");
}

/* a second call, and a command line larger than the first call's room,
 * each get a block of their own */
static void test_init_again(void **state)
{
	static char big[6000];
	char area[] = "a\0b";
	char *argv[] = { area, area + 2, NULL }, *bigv[] = { big, NULL };
	struct proctitle pt;
	char **keep = NULL, **keep2 = NULL;

	assert_int_equal(proctitle_init(&pt, 2, argv, argv, &keep), 0);
	memset(big, 'x', sizeof(big) - 1);
	assert_int_equal(proctitle_init(&pt, 1, bigv, bigv, &keep2), 0);
	assert_ptr_not_equal(keep, keep2);
	assert_string_equal(keep[0], "a");
	assert_string_equal(keep[1], "b");
	assert_null(keep[2]);
	assert_int_equal(strlen(keep2[0]), sizeof(big) - 1);
	assert_null(keep2[1]);
	/* test_init took the static block: both of these are malloc'd */
	free(keep);
	free(keep2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_init_again),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
