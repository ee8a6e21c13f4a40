#include <stdio.h>

#include "unit.h"
#include "cgjoin.h"

static void test_parse_line(void **state)
{
	struct cgjoin_line cg;
	char v2[] = "0::/box", v1[] = "4:memory:/a/b", named[] = "9:name=systemd:/",
	     multi[] = "2:cpu,cpuacct:/x:y";

	(void)state;
	assert_int_equal(cgjoin_parse_line(v2, &cg), 0);
	assert_int_equal(cg.id, 0);
	assert_string_equal(cg.controllers, "");
	assert_string_equal(cg.path, "/box");
	assert_int_equal(cgjoin_parse_line(v1, &cg), 0);
	assert_int_equal(cg.id, 4);
	assert_string_equal(cg.controllers, "memory");
	assert_string_equal(cg.path, "/a/b");
	assert_int_equal(cgjoin_parse_line(named, &cg), 0);
	assert_string_equal(cg.controllers, "name=systemd");
	assert_int_equal(cgjoin_parse_line(multi, &cg), 0);
	assert_string_equal(cg.controllers, "cpu,cpuacct");
	assert_string_equal(cg.path, "/x:y");	/* a colon in the path is the path's */

	const char *bad[] = { "", "0", "0:", "0::", "0::box", "x::/", "-1::/", "0:memory:/",
			      "3::/", ":memory:/", "4:memory", "99999999999:cpu:/", NULL };
	for (int i = 0; bad[i]; i++) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%s", bad[i]);
		assert_int_equal(cgjoin_parse_line(buf, &cg), -EINVAL);
	}
}

static const char mountinfo[] =
	"23 1 0:21 / /sys rw - sysfs sysfs rw\n"
	"31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
	"32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpu,cpuacct\n"
	"35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
	"40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n"
	"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n"
	"50 1 0:32 /sub /mnt/mem\\040space rw - cgroup cgroup rw,memory\n"
	"60 1 0:99 / /mnt/cpuonly rw - cgroup cgroup rw,cpu\n";

static void test_find_dir(void **state)
{
	struct cgjoin_line cg = { 0, "", "/box" };
	char dir[256];

	(void)state;
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/unified/box");
	cg = (struct cgjoin_line){ 4, "memory", "/a" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/memory/a");
	/* every controller of the line must be mounted together */
	cg = (struct cgjoin_line){ 2, "cpu,cpuacct", "/" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/cpu,cpuacct/");
	cg = (struct cgjoin_line){ 9, "name=systemd", "/user" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/systemd/user");
	/* a controller mounted nowhere; "cpu" is not a prefix match of "cpuset" */
	cg = (struct cgjoin_line){ 7, "blkio", "/" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), -ENOENT);
	cg = (struct cgjoin_line){ 7, "cpuset", "/" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), -ENOENT);
	cg = (struct cgjoin_line){ 8, "pids", "/" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, sizeof(dir)), -ENOENT);
	assert_int_equal(cgjoin_find_dir("", &cg, dir, sizeof(dir)), -ENOENT);
	assert_int_equal(cgjoin_find_dir("garbage\n1 2\n", &cg, dir, sizeof(dir)), -ENOENT);
	/* too small a buffer */
	cg = (struct cgjoin_line){ 0, "", "/box" };
	assert_int_equal(cgjoin_find_dir(mountinfo, &cg, dir, 8), -ENAMETOOLONG);
}

static void test_find_dir_below_root(void **state)
{
	static const char only_sub[] = "50 1 0:32 /sub /mnt/mem\\040space rw - cgroup cgroup rw,memory\n";
	struct cgjoin_line cg = { 4, "memory", "/sub/x" };
	char dir[256];

	(void)state;
	/* a mount of a subtree shows only paths below its root, unescaped */
	assert_int_equal(cgjoin_find_dir(only_sub, &cg, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/mnt/mem space/x");
	cg.path = "/sub";
	assert_int_equal(cgjoin_find_dir(only_sub, &cg, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/mnt/mem space");
	cg.path = "/subway";
	assert_int_equal(cgjoin_find_dir(only_sub, &cg, dir, sizeof(dir)), -ENOENT);
	cg.path = "/other";
	assert_int_equal(cgjoin_find_dir(only_sub, &cg, dir, sizeof(dir)), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_line),
		cmocka_unit_test(test_find_dir),
		cmocka_unit_test(test_find_dir_below_root),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
