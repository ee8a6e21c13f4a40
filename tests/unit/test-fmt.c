/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "fmt.h"

/* fmt_u32 writes what printf's %u would, for the edges and between */
static void test_u32(void **state)
{
	static const uint32_t values[] = { 0, 1, 9, 10, 99, 100, 65535, 65536, 100000,
					   999999999, 1000000000, 4294967294U, 4294967295U };
	char buf[FMT_U32_MAX + 1], want[16];

	for (unsigned i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		size_t n;

		memset(buf, 'x', sizeof(buf));
		n = fmt_u32(buf, values[i]);
		snprintf(want, sizeof(want), "%u", values[i]);
		assert_int_equal(n, strlen(want));
		assert_memory_equal(buf, want, n);
		assert_int_equal(buf[n], 'x');	/* nothing past the digits */
	}
}

static void test_copy(void **state)
{
	char buf[6];

	assert_true(fmt_copy(buf, sizeof(buf), "abc"));
	assert_string_equal(buf, "abc");
	assert_true(fmt_copy(buf, sizeof(buf), "abcde"));	/* exactly: five and the NUL */
	assert_string_equal(buf, "abcde");
	assert_false(fmt_copy(buf, sizeof(buf), "abcdef"));
	assert_string_equal(buf, "abcde");			/* as snprintf "%s" would cut */
	assert_true(fmt_copy(buf, sizeof(buf), ""));
	assert_string_equal(buf, "");
	assert_false(fmt_copy(buf, 1, "a"));
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u32),
		cmocka_unit_test(test_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
