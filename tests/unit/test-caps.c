/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <linux/capability.h>

#include "unit.h"
#include "caps.h"

#define BIT(c) ((capmask_t)1 << (c))

static void test_parse(void **state)
{
	capmask_t m = 0;
	char bad[32];

	assert_int_equal(caps_parse("net_admin", &m, bad, sizeof(bad)), 0);
	assert_true(m == BIT(CAP_NET_ADMIN));
	m = 0;
	assert_int_equal(caps_parse("CAP_SYS_ADMIN,cap_net_raw,Chown", &m, bad, sizeof(bad)), 0);
	assert_true(m == (BIT(CAP_SYS_ADMIN) | BIT(CAP_NET_RAW) | BIT(CAP_CHOWN)));
	m = 0;
	assert_int_equal(caps_parse("ALL", &m, bad, sizeof(bad)), 0);
	assert_true(m == CAPS_ALL);
	m = 0;
	assert_int_equal(caps_parse("all", &m, bad, sizeof(bad)), 0);
	assert_true(m == CAPS_ALL);
}

static void test_parse_bad(void **state)
{
	capmask_t m = 0;
	char bad[32];

	assert_int_equal(caps_parse("net_admin,bogus", &m, bad, sizeof(bad)), -EINVAL);
	assert_string_equal(bad, "bogus");
	assert_int_equal(caps_parse("", &m, bad, sizeof(bad)), -EINVAL);
	assert_int_equal(caps_parse("cap_", &m, bad, sizeof(bad)), -EINVAL);
	assert_int_equal(caps_parse("net_admin,", &m, bad, sizeof(bad)), -EINVAL);
	assert_int_equal(caps_parse(",net_admin", &m, bad, sizeof(bad)), -EINVAL);
	assert_int_equal(caps_parse("net_admin,,chown", &m, bad, sizeof(bad)), -EINVAL);
	assert_int_equal(caps_parse("9", &m, bad, sizeof(bad)), -EINVAL);
}

static void test_names(void **state)
{
	char bad[64];

	assert_string_equal(caps_name(CAP_NET_ADMIN), "net_admin");
	assert_string_equal(caps_name(CAP_CHOWN), "chown");
	assert_string_equal(caps_name(CAP_CHECKPOINT_RESTORE), "checkpoint_restore");
	assert_true(caps_last_cap() >= CAP_AUDIT_READ);
	/* every capability the headers know has a name that parses back */
	for (int cap = 0; cap <= CAP_LAST_CAP; cap++) {
		capmask_t m = 0;
		const char *name = caps_name(cap);

		if (caps_parse(name, &m, bad, sizeof(bad)) != 0 || m != (capmask_t)1 << cap)
			fail_msg("capability %d: name '%s' does not parse back", cap, name);
	}
	/* one newer than the table: its number */
	assert_string_equal(caps_name(62), "62");
	assert_string_equal(caps_name(-1), "-1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse), cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
