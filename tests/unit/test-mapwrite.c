/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "mapwrite.h"

static struct idpolicy_caller caller;
static struct mapwrite_request req;
static struct nsk_failure fail;
static char msg[8192];	/* the line of the last failure */

/* Keep the line of r's failure in msg; returns r. */
static int said(int r)
{
	nsk_failure_line(&fail, r, msg, sizeof(msg));
	return r;
}

static void reset(void)
{
	mapwrite_request_release(&req);
	memset(&req, 0, sizeof(req));
	req.setgroups = -1;
	msg[0] = '\0';
	nsk_fail_clear(&fail);
}

static void add(bool is_gid, const char *s)
{
	struct idmap_range r;

	assert_int_equal(idmap_parse_range(s, &r), 0);
	mapwrite_add(&req, is_gid, r);
}

/* The map's own rules are checked before the target is touched: a target
 * that was never opened is enough. */
static int check_shape_only(void)
{
	struct target t = TARGET_INIT;
	struct mapwrite_plan plan;

	t.pid = 4242;
	return said(mapwrite_check(&t, &req, &caller, &plan, &fail));
}

static void test_shape_messages(void **state)
{
	caller.privileged = true;
	reset();
	add(false, "0:100000:65536");
	add(false, "1000:100500:1");
	assert_int_equal(check_shape_only(), -EINVAL);
	assert_string_equal(msg, "/proc/4242/uid_map: ranges 0:100000:65536 and 1000:100500:1 overlap");
	reset();
	add(true, "0:100000:10");
	add(true, "10:100005:10");
	assert_int_equal(check_shape_only(), -EINVAL);
	assert_string_equal(msg, "/proc/4242/gid_map: ranges 0:100000:10 and 10:100005:10 overlap "
				 "on the outer side");
	reset();
	add(false, "0:1:0");
	assert_int_equal(check_shape_only(), -EINVAL);
	assert_string_equal(msg, "/proc/4242/uid_map: range 0:1:0 maps no id (count 0)");
	reset();
	add(false, "4294967200:0:100");
	assert_int_equal(check_shape_only(), -EINVAL);
	assert_string_equal(msg, "/proc/4242/uid_map: range 4294967200:0:100 runs past the "
				 "largest id 4294967294");
	reset();
	for (unsigned i = 0; i < IDMAP_MAX_RANGES + 1; i++)
		mapwrite_add(&req, false, (struct idmap_range){ i, 1000 + i, 1 });
	assert_int_equal(req.uid.count, IDMAP_MAX_RANGES);
	assert_int_equal(check_shape_only(), -E2BIG);
	assert_string_equal(msg, "/proc/4242/uid_map: 341 ranges, more than the kernel's limit of 340");
	/* 340 short ranges are measured, and fit in a page: the check goes
	 * on to the target, which this test has not opened */
	reset();
	for (unsigned i = 0; i < IDMAP_MAX_RANGES; i++)
		mapwrite_add(&req, false, (struct idmap_range){ i, 1000 + i, 1 });
	assert_int_equal(check_shape_only(), -EBADF);
	assert_string_equal(msg, "/proc/4242/ns/user: Bad file descriptor");
	/* 340 ranges of ten-digit ids are more than a page of text */
	reset();
	for (unsigned i = 0; i < IDMAP_MAX_RANGES; i++)
		mapwrite_add(&req, false, (struct idmap_range){ 1000000000 + i, 1000000000 + i, 1 });
	assert_int_equal(check_shape_only(), -E2BIG);
	assert_non_null(strstr(msg, "bytes of text, more than the kernel accepts"));
}

/* A copy has arrays of its own; a range the request holds fewer of than
 * were asked for (no memory for it) is refused, not dropped. */
static void test_copy_and_missing_range(void **state)
{
	struct mapwrite_request copy;

	reset();
	req.setgroups = 0;
	add(false, "0:100000:65536");
	add(true, "0:1000:1");
	add(true, "1:200000:10");
	mapwrite_request_copy(&copy, &req);
	assert_true(copy.uid_asked == 1 && copy.gid_asked == 2 && copy.setgroups == 0);
	assert_true(copy.uid.count == 1 && copy.gid.count == 2);
	assert_true(copy.uid.ranges != req.uid.ranges && copy.gid.ranges != req.gid.ranges);
	assert_true(copy.gid.ranges[1].outer == 200000);
	copy.gid.ranges[1].outer = 7;
	assert_int_equal(req.gid.ranges[1].outer, 200000);
	mapwrite_request_release(&copy);
	assert_true(copy.uid.count == 0 && !copy.uid.ranges && !copy.gid.ranges);

	req.gid.count = 1;	/* as if the second had found no memory */
	assert_int_equal(check_shape_only(), -ENOMEM);
	assert_string_equal(msg, "/proc/4242/gid_map: Cannot allocate memory");
}

static void test_own_namespace_refused(void **state)
{
	struct target t = TARGET_INIT;
	struct mapwrite_plan plan;

	caller.privileged = true;
	reset();
	add(false, "0:0:1");
	assert_int_equal(target_open_pid(&t, getpid()), 0);
	assert_int_equal(said(mapwrite_check(&t, &req, &caller, &plan, &fail)), -EPERM);
	assert_non_null(strstr(msg, "is in nsmap's own user namespace"));
	target_close(&t);
}

/* A target gone since it was opened: its directory opens nothing, which
 * the check says as the target having exited, before anything is read. */
static void test_target_gone(void **state)
{
	struct target t = TARGET_INIT;
	struct mapwrite_plan plan;
	char want[64];
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) {
		pause();
		_exit(0);
	}
	caller.privileged = true;
	reset();
	add(false, "0:0:1");
	assert_int_equal(target_open_pid(&t, child), 0);
	assert_int_equal(kill(child, SIGKILL), 0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(said(mapwrite_check(&t, &req, &caller, &plan, &fail)), -ESRCH);
	snprintf(want, sizeof(want), "process %d: has exited", (int)child);
	assert_string_equal(msg, want);
	target_close(&t);
}

static void test_root_and_auto(void **state)
{
	caller.privileged = false;
	caller.uid = 1000;
	caller.gid = 1001;
	snprintf(caller.name, sizeof(caller.name), "alice");
	subid_parse("alice:100000:65536\nalice:300000:10\n", "alice", 1000, &caller.subuid);
	subid_parse("alice:200000:5\n", "alice", 1000, &caller.subgid);
	reset();
	mapwrite_add_root(&req, &caller);
	assert_int_equal(req.uid.count, 1);
	assert_true(req.uid.ranges[0].inner == 0 && req.uid.ranges[0].outer == 1000);
	assert_true(req.gid.ranges[0].inner == 0 && req.gid.ranges[0].outer == 1001);
	reset();
	assert_int_equal(said(mapwrite_add_auto(&req, &caller, NULL, &fail)), 0);
	assert_int_equal(req.uid.count, 3);
	assert_true(req.uid.ranges[1].inner == 1 && req.uid.ranges[1].outer == 100000 &&
		    req.uid.ranges[1].count == 65536);
	assert_true(req.uid.ranges[2].inner == 65537 && req.uid.ranges[2].outer == 300000);
	assert_int_equal(req.gid.count, 2);
	assert_true(req.gid.ranges[1].inner == 1 && req.gid.ranges[1].outer == 200000);
	/* the caller by name is the caller */
	reset();
	assert_int_equal(said(mapwrite_add_auto(&req, &caller, "alice", &fail)), 0);
	assert_int_equal(req.uid.count, 3);
	/* another user: only root */
	reset();
	assert_int_equal(said(mapwrite_add_auto(&req, &caller, "root", &fail)), -EPERM);
	assert_string_equal(msg, "--auto=root: only root may map another user's ids");
	reset();
	assert_int_equal(said(mapwrite_add_auto(&req, &caller, "no-such-user-nskit", &fail)),
			 -ENOENT);
	assert_string_equal(msg, "--auto=no-such-user-nskit: no such user");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape_messages),
		cmocka_unit_test(test_copy_and_missing_range),
		cmocka_unit_test(test_own_namespace_refused),
		cmocka_unit_test(test_target_gone),
		cmocka_unit_test(test_root_and_auto),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
