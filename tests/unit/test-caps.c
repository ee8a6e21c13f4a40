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
	assert_string_equal(caps_name(CAP_NET_ADMIN), "net_admin");
	assert_true(caps_last_cap() >= CAP_AUDIT_READ);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse), cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
