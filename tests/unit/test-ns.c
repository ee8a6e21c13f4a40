/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "ns.h"

static void test_table(void **state)
{
	assert_int_equal(ns_type_count, 8);
	assert_int_equal(ns_type_count, NS_TYPE_MAX);
	/* user first: setns() order */
	assert_string_equal(ns_types[0].proc_name, "user");
	assert_ptr_equal(ns_by_option("mount"), ns_by_proc_name("mnt"));
	assert_ptr_equal(ns_by_flag(CLONE_NEWNET), ns_by_option("net"));
	assert_string_equal(ns_by_flag(CLONE_NEWPID)->children_name, "pid_for_children");
	assert_null(ns_by_option("mnt"));
	assert_null(ns_by_option(""));
	assert_null(ns_by_proc_name("mount"));
	assert_null(ns_by_flag(0));
	assert_ptr_equal(ns_by_short_option('m'), ns_by_option("mount"));
	assert_ptr_equal(ns_by_short_option('U'), ns_by_proc_name("user"));
	assert_ptr_equal(ns_by_short_option('T'), ns_by_proc_name("time"));
	assert_null(ns_by_short_option('x'));
	assert_null(ns_by_short_option(0));
	assert_null(ns_by_short_option(256 + 'm'));	/* a long-only option's val */
	for (unsigned i = 0; i < ns_type_count; i++) {
		assert_ptr_equal(ns_by_flag(ns_types[i].clone_flag), &ns_types[i]);
		for (unsigned j = 0; j < i; j++)
			assert_int_not_equal(ns_types[i].short_option, ns_types[j].short_option);
	}
}

static void test_persist_refusals(void **state)
{
	char dir[] = "/tmp/nskit-unit-ns.XXXXXX";
	char path[64];
	struct nsk_failure f = NSK_FAILURE_INIT;
	char line[256], want[256];
	unsigned made = NS_MADE_FILE;
	int fd;

	assert_non_null(mkdtemp(dir));
	/* a non-empty existing file is not ours to mount over */
	snprintf(path, sizeof(path), "%s/full", dir);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	assert_int_equal(write(fd, "x", 1), 1);
	close(fd);
	assert_int_equal(ns_persist(getpid(), ns_by_option("net"), true, path, &made, &f), -EEXIST);
	assert_string_equal(f.object, path);
	assert_string_equal(f.detail, "exists and is not an empty file");
	unlink(path);
	/* a missing directory */
	snprintf(path, sizeof(path), "%s/no/such", dir);
	assert_int_equal(ns_persist(getpid(), ns_by_option("uts"), true, path, &made, &f), -ENOENT);
	assert_string_equal(f.step, "create of the uts namespace");
	snprintf(want, sizeof(want), "%s: create of the uts namespace: %s", path, strerror(ENOENT));
	assert_string_equal(nsk_failure_line(&f, -ENOENT, line, sizeof(line)), want);
	/* a missing netns directory elsewhere than /run is not made */
	snprintf(path, sizeof(path), "%s/netns/x", dir);
	assert_int_equal(ns_persist(getpid(), ns_by_option("net"), true, path, &made, &f), -ENOENT);
	snprintf(path, sizeof(path), "%s/netns", dir);
	assert_int_equal(access(path, F_OK), -1);
	assert_false(ns_is_nsfs(dir));
	assert_true(ns_is_nsfs("/proc/self/ns/net"));
	rmdir(dir);
}

static void test_parse_name(void **state)
{
	unsigned type = 99;
	uint64_t ino = 0;

	assert_int_equal(ns_parse_name("net:[4026532281]", &type, &ino), 0);
	assert_string_equal(ns_types[type].proc_name, "net");
	assert_true(ino == 4026532281ULL);
	/* mountinfo writes the root of an nsfs bind mount with a '/' */
	assert_int_equal(ns_parse_name("/mnt:[4026531841]", &type, &ino), 0);
	assert_string_equal(ns_types[type].proc_name, "mnt");
	assert_true(ino == 4026531841ULL);
	assert_int_equal(ns_parse_name("time:[1]", &type, &ino), 0);
	/* every malformed form */
	const char *bad[] = {
		"", "net", "net:", "net:[", "net:[]", "net:[12", "net:[12]x", "net:[x1]",
		"net:[-1]", "nope:[1]", "mount:[1]", "net[1]", "net:(1)", ":[1]",
		"net:[99999999999999999999]", "verylongtypename:[1]",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_int_equal(ns_parse_name(bad[i], &type, &ino), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table), cmocka_unit_test(test_persist_refusals),
		cmocka_unit_test(test_parse_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
