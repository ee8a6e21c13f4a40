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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
