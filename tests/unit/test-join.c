#include "unit.h"
#include "join.h"

static const char status[] = "Name:\tsleep\n"
			     "Umask:\t0022\n"
			     "State:\tS (sleeping)\n"
			     "Uid:\t1000\t1001\t1002\t1003\n"
			     "Gid:\t2000\t2001\t2002\t2003\n"
			     "NoNewPrivs:\t0\n";

static void test_status_id(void **state)
{
	uint32_t id = 0;

	(void)state;
	assert_int_equal(join_status_id(status, "Uid", &id), 0);
	assert_int_equal(id, 1001);	/* the effective one */
	assert_int_equal(join_status_id(status, "Gid", &id), 0);
	assert_int_equal(id, 2001);
	assert_int_equal(join_status_id("Uid:\t0\t4294967294\t0\t0", "Uid", &id), 0);
	assert_true(id == 4294967294u);
	assert_int_equal(join_status_id(status, "Groups", &id), -ENOENT);
	assert_int_equal(join_status_id("", "Uid", &id), -ENOENT);
	/* a field that only starts like the one asked for */
	assert_int_equal(join_status_id("Uidx:\t1\t2\t3\t4\n", "Uid", &id), -ENOENT);

	const char *bad[] = { "Uid:\n", "Uid:\t1\n", "Uid:\t1\t\n", "Uid:\t1\tx\t3\t4\n",
			      "Uid:\t1\t2x\t3\t4\n", "Uid:\tx\t2\t3\t4\n", "Uid:\t1\t99999999999\t3\n",
			      "Uid:\t1\t-2\t3\t4\n", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(join_status_id(bad[i], "Uid", &id), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
