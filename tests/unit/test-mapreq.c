#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "mapreq.h"

static struct mapreq m;

static void reset(void)
{
	memset(&m, 0, sizeof(m));
	m.req.setgroups = -1;
}

static void test_ranges(void **state)
{
	reset();
	assert_false(mapreq_wanted(&m));
	assert_int_equal(mapreq_add_range(&m, false, "0:100000:65536"), 0);
	assert_int_equal(mapreq_add_range(&m, true, "1:2:3"), 0);
	assert_true(mapreq_wanted(&m));
	assert_int_equal(m.req.uid.count, 1);
	assert_true(m.req.gid.ranges[0].inner == 1 && m.req.gid.ranges[0].outer == 2 &&
		    m.req.gid.ranges[0].count == 3);
	const char *bad[] = { "", "1:2", "1:2:3:4", "x:1:1", "1:1:-1", "4294967296:0:1", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_not_equal(mapreq_add_range(&m, false, bad[i]), 0);
	assert_int_equal(m.req.uid_asked, 1);
	reset();
	m.auto_map = true;
	assert_true(mapreq_wanted(&m));
}

static void test_add_own(void **state)
{
	reset();
	mapreq_add_own(&m, true, 0, false, 0, -1);
	assert_int_equal(m.req.uid.count, 1);
	assert_int_equal(m.req.gid.count, 0);
	assert_true(m.req.uid.ranges[0].inner == 0 && m.req.uid.ranges[0].outer == geteuid());
	assert_int_equal(m.req.setgroups, -1);
	mapreq_add_own(&m, false, 0, true, 5, 0);
	assert_true(m.req.gid.ranges[0].inner == 5 && m.req.gid.ranges[0].outer == getegid());
	assert_int_equal(m.req.setgroups, 0);
}

/* Resolving the request for this caller: the ranges as given; --map-auto
 * adds the caller's own ids to 0 (the grants of /etc/subuid, if any, come
 * after). */
static void test_resolve(void **state)
{
	static struct mapwrite_request req;
	static struct idpolicy_caller caller;
	struct nsk_failure f = NSK_FAILURE_INIT;

	reset();
	assert_int_equal(mapreq_add_range(&m, false, "0:100000:65536"), 0);
	assert_int_equal(mapreq_resolve(&m, &req, &caller, &f), 0);
	assert_int_equal(req.uid.count, 1);
	assert_int_equal(req.gid.count, 0);
	assert_true(req.uid.ranges[0].inner == 0 && req.uid.ranges[0].outer == 100000);
	assert_true(caller.uid == getuid());
	reset();
	m.auto_map = true;
	if (mapreq_resolve(&m, &req, &caller, &f) < 0) {
		/* no grant for this user: the file is named */
		assert_true(f.object[0] != '\0');
		return;
	}
	assert_true(req.uid.count >= 1);
	assert_true(req.uid.ranges[0].inner == 0 && req.uid.ranges[0].outer == getuid());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_add_own),
		cmocka_unit_test(test_resolve),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
