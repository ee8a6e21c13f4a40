#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "maphelper.h"

static struct maphelper_request m;

static void reset(void)
{
	memset(&m, 0, sizeof(m));
	m.req.setgroups = -1;
}

static void test_ranges(void **state)
{
	reset();
	assert_false(maphelper_wanted(&m));
	assert_int_equal(maphelper_add_range(&m, false, "0:100000:65536"), 0);
	assert_int_equal(maphelper_add_range(&m, true, "1:2:3"), 0);
	assert_true(maphelper_wanted(&m));
	assert_int_equal(m.req.uid.count, 1);
	assert_true(m.req.gid.ranges[0].inner == 1 && m.req.gid.ranges[0].outer == 2 &&
		    m.req.gid.ranges[0].count == 3);
	const char *bad[] = { "", "1:2", "1:2:3:4", "x:1:1", "1:1:-1", "4294967296:0:1", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_not_equal(maphelper_add_range(&m, false, bad[i]), 0);
	assert_int_equal(m.req.uid_asked, 1);
	reset();
	m.auto_map = true;
	assert_true(maphelper_wanted(&m));
}

static void test_add_own(void **state)
{
	reset();
	maphelper_add_own(&m, true, 0, false, 0, -1);
	assert_int_equal(m.req.uid.count, 1);
	assert_int_equal(m.req.gid.count, 0);
	assert_true(m.req.uid.ranges[0].inner == 0 && m.req.uid.ranges[0].outer == geteuid());
	assert_int_equal(m.req.setgroups, -1);
	maphelper_add_own(&m, false, 0, true, 5, 0);
	assert_true(m.req.gid.ranges[0].inner == 5 && m.req.gid.ranges[0].outer == getegid());
	assert_int_equal(m.req.setgroups, 0);
}

/* The helper really writes the map of a process that unshares: this
 * child's own id, which needs no privilege. */
static void test_unshare_writes(void **state)
{
	int status;
	pid_t child;

	if (access("/proc/self/ns/user", F_OK) != 0)
		skip();
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		char text[64] = "";
		uid_t outside = geteuid();
		int fd, n;

		reset();
		maphelper_add_own(&m, true, 0, false, 0, -1);
		if (maphelper_unshare(CLONE_NEWUSER, &m) < 0)
			_exit(77);	/* no user namespaces here */
		fd = open("/proc/self/uid_map", O_RDONLY | O_CLOEXEC);
		n = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);
		text[n > 0 ? n : 0] = '\0';
		unsigned inner = 9, outer = 9, count = 9;
		if (sscanf(text, "%u %u %u", &inner, &outer, &count) != 3)
			_exit(2);
		_exit(inner == 0 && outer == outside && count == 1 ? 0 : 3);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		skip();
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_add_own),
		cmocka_unit_test(test_unshare_writes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
