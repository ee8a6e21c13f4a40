#include <signal.h>
#include <sys/wait.h>

#include "unit.h"
#include "exec.h"
#include "init.h"

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

static void test_map_has_zero(void **state)
{
	assert_true(exec_map_has_zero("         0     100000      65536\n"));
	assert_true(exec_map_has_zero("1000 1000 1\n0 100000 1\n"));
	assert_false(exec_map_has_zero("1000 1000 1\n"));
	assert_false(exec_map_has_zero(""));
	assert_false(exec_map_has_zero("garbage"));
}

static void test_status_sigmask(void **state)
{
	const char *status = "Name:\tsleep\nSigQ:\t0/1\nSigPnd:\t0000000000000000\n"
			     "SigBlk:\t0000001000004a07\nSigIgn:\t0000000000000001\n"
			     "SigCgt:\t0000000000004002\n";
	uint64_t m = 0;

	assert_int_equal(init_status_sigmask(status, "SigBlk", &m), 0);
	assert_true(m == 0x0000001000004a07ULL);
	assert_int_equal(init_status_sigmask(status, "SigCgt", &m), 0);
	assert_true(m == 0x4002);
	assert_int_equal(init_status_sigmask(status, "SigIgn", &m), 0);
	assert_true(m == 1);
	assert_int_equal(init_status_sigmask(status, "ShdPnd", &m), -ENOENT);
	assert_int_equal(init_status_sigmask("SigBlk:\tzz\n", "SigBlk", &m), -EINVAL);
	/* "Sig" alone is not a field name match for "SigBlk" */
	assert_int_equal(init_status_sigmask("SigBlkX:\t1\n", "SigBlk", &m), -ENOENT);
	assert_int_equal(init_release_signal(), SIGRTMIN + 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status), cmocka_unit_test(test_map_has_zero),
		cmocka_unit_test(test_status_sigmask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
