#include <stdlib.h>

#include "unit.h"
#include "cgroup.h"

/* This development machine: v1 controllers plus v2 at .../unified. */
static const char hybrid_mountinfo[] =
	"23 1 0:21 / / rw,relatime - overlay overlay rw\n"
	"31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
	"32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
	"33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct\n"
	"34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset\n"
	"35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
	"36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices\n"
	"37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer\n"
	"38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio\n"
	"39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
	"40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n"
	"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";
static const char hybrid_cgroup[] =
	"9:name=systemd:/\n8:pids:/\n7:blkio:/\n6:freezer:/\n5:devices:/\n"
	"4:memory:/process_api/b8f3\n3:cpuset:/\n2:cpuacct:/\n1:cpu:/\n0::/\n";

/* Debian 12's default: one cgroup2 mount. */
static const char unified_mountinfo[] =
	"24 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
	"30 24 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 "
	"cgroup2 rw,nsdelegate,memory_recursiveprot\n";
static const char unified_cgroup[] = "0::/user.slice/user-1000.slice/session-2.scope\n";

/* Legacy, with cpu and cpuacct co-mounted (as systemd did) and a mount
 * point with a space in it. */
static const char legacy_mountinfo[] =
	"31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw\n"
	"32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup "
	"rw,cpu,cpuacct\n"
	"35 31 0:32 / /sys/fs/cgroup/mem\\040ory rw - cgroup cgroup rw,memory\n"
	"36 31 0:32 / /mnt/again rw - cgroup cgroup rw,memory\n"
	"37 31 0:34 /lxc/c1 /sys/fs/cgroup/freezer rw - cgroup cgroup rw,freezer\n";
static const char legacy_cgroup[] =
	"5:freezer:/lxc/c1/inner\n4:memory:/a\n2:cpu,cpuacct:/b/c\n";

static void load(struct cg_sys *sys, const char *mountinfo, const char *cgroup,
		 const char *v2_controllers)
{
	cg_sys_init(sys);
	assert_int_equal(cg_parse_mountinfo(mountinfo, sys), 0);
	assert_int_equal(cg_parse_proc_cgroup(cgroup, sys), 0);
	if (sys->v2 >= 0)
		sys->h[sys->v2].ctrls = cg_parse_controllers(v2_controllers);
	cg_sys_finish(sys);
}

static void test_hybrid(void **state)
{
	struct cg_sys sys;
	char buf[256], dir[256];

	load(&sys, hybrid_mountinfo, hybrid_cgroup, "hugetlb\n");
	assert_int_equal(sys.layout, CG_LAYOUT_HYBRID);
	assert_int_equal(sys.n, 9);	/* 8 v1 with controllers + v2; not name=systemd */
	assert_true(sys.v2 >= 0);
	assert_string_equal(sys.h[sys.v2].mount, "/sys/fs/cgroup/unified");
	int mem = sys.ctrl_hier[CG_MEMORY];
	assert_true(mem >= 0 && !sys.h[mem].v2);
	assert_string_equal(sys.h[mem].mount, "/sys/fs/cgroup/memory");
	assert_string_equal(sys.h[mem].self, "/process_api/b8f3");
	assert_string_equal(sys.h[sys.ctrl_hier[CG_IO]].mount, "/sys/fs/cgroup/blkio");
	assert_int_equal(sys.ctrl_hier[CG_HUGETLB], sys.v2);
	assert_int_equal(sys.ctrl_hier[CG_RDMA], -1);
	assert_string_equal(cg_layout_name(sys.layout), "hybrid");

	/* self differs per hierarchy */
	assert_int_equal(cg_resolve(&sys.h[mem], "self", "box", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/process_api/b8f3/box");
	assert_int_equal(cg_dir(&sys.h[mem], buf, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/memory/process_api/b8f3/box");
	int pids = sys.ctrl_hier[CG_PIDS];
	assert_int_equal(cg_resolve(&sys.h[pids], "self", "box", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/box");
	cg_sys_free(&sys);
}

static void test_unified(void **state)
{
	struct cg_sys sys;
	char buf[256];

	load(&sys, unified_mountinfo, unified_cgroup, "cpuset cpu io memory hugetlb pids rdma misc\n");
	assert_int_equal(sys.layout, CG_LAYOUT_UNIFIED);
	assert_int_equal(sys.n, 1);
	for (int c = 0; c < CG_NCTRL; c++) {
		bool listed = c == CG_CPUSET || c == CG_CPU || c == CG_IO || c == CG_MEMORY ||
			      c == CG_HUGETLB || c == CG_PIDS || c == CG_RDMA || c == CG_MISC;
		assert_int_equal(sys.ctrl_hier[c], listed ? 0 : -1);
	}
	assert_string_equal(sys.h[0].self, "/user.slice/user-1000.slice/session-2.scope");
	assert_int_equal(cg_resolve(&sys.h[0], "self/sub", "a/b", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/user.slice/user-1000.slice/session-2.scope/sub/a/b");
	assert_int_equal(cg_resolve(&sys.h[0], "self", "/abs", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/abs");
	assert_int_equal(cg_resolve(&sys.h[0], NULL, "x", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/x");
	assert_int_equal(cg_resolve(&sys.h[0], "/p/q", "x", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/p/q/x");
	assert_int_equal(cg_resolve(&sys.h[0], "self", "", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/user.slice/user-1000.slice/session-2.scope");
	assert_int_equal(cg_dir(&sys.h[0], "/", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/sys/fs/cgroup");
	assert_int_equal(cg_resolve(&sys.h[0], NULL, "xyz", buf, 4), -ENAMETOOLONG);
	cg_sys_free(&sys);
}

static void test_legacy(void **state)
{
	struct cg_sys sys;
	char buf[256], dir[256];

	load(&sys, legacy_mountinfo, legacy_cgroup, "");
	assert_int_equal(sys.layout, CG_LAYOUT_LEGACY);
	assert_int_equal(sys.n, 3);	/* the second memory mount is the same hierarchy */
	assert_int_equal(sys.v2, -1);
	int cpu = sys.ctrl_hier[CG_CPU];
	assert_int_equal(cpu, sys.ctrl_hier[CG_CPUACCT]);
	assert_string_equal(sys.h[cpu].mount, "/sys/fs/cgroup/cpu,cpuacct");
	assert_string_equal(sys.h[cpu].self, "/b/c");
	int mem = sys.ctrl_hier[CG_MEMORY];
	assert_string_equal(sys.h[mem].mount, "/sys/fs/cgroup/mem ory");
	assert_string_equal(sys.h[mem].self, "/a");
	/* a mount of a subtree: paths outside it are not visible */
	int fr = sys.ctrl_hier[CG_FREEZER];
	assert_string_equal(sys.h[fr].root, "/lxc/c1");
	assert_int_equal(cg_resolve(&sys.h[fr], "self", "box", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/lxc/c1/inner/box");
	assert_int_equal(cg_dir(&sys.h[fr], buf, dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/freezer/inner/box");
	assert_int_equal(cg_dir(&sys.h[fr], "/other", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(cg_dir(&sys.h[fr], "/lxc/c10", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(sys.ctrl_hier[CG_PIDS], -1);
	cg_sys_free(&sys);
}

static void test_none_and_bad(void **state)
{
	struct cg_sys sys;

	load(&sys, "23 1 0:21 / / rw - ext4 /dev/sda1 rw\n", "", "");
	assert_int_equal(sys.layout, CG_LAYOUT_NONE);
	cg_sys_free(&sys);

	cg_sys_init(&sys);
	/* no " - " separator */
	assert_int_equal(cg_parse_mountinfo("32 31 0:29 / /x rw cgroup cgroup rw,cpu\n", &sys),
			 -EINVAL);
	/* too few fields after the separator */
	assert_int_equal(cg_parse_mountinfo("32 31 0:29 / /x rw - cgroup\n", &sys), -EINVAL);
	assert_int_equal(cg_parse_proc_cgroup("garbage\n", &sys), -EINVAL);
	assert_int_equal(cg_parse_proc_cgroup("1:cpu\n", &sys), -EINVAL);
	assert_int_equal(cg_parse_proc_cgroup("0::relative\n", &sys), -EINVAL);
	assert_int_equal(cg_parse_proc_cgroup("0::\n", &sys), -EINVAL);
	cg_sys_free(&sys);
}

static void test_names(void **state)
{
	const char *good[] = { "box", "/box", "a/b/c", "/", "a.b", "x-1_2", NULL };
	const char *bad[] = { "", "a//b", "a/", "../x", "a/./b", "a/..", ".", "a\nb", "//", NULL };
	struct cg_hier h = { .mount = "/m", .root = "/", .self = "/s" };
	char buf[64];

	for (int i = 0; good[i]; i++)
		assert_int_equal(cg_name_check(good[i]), 0);
	for (int i = 0; bad[i]; i++) {
		assert_int_equal(cg_name_check(bad[i]), -EINVAL);
		if (*bad[i])
			assert_int_equal(cg_resolve(&h, NULL, bad[i], buf, sizeof(buf)), -EINVAL);
	}
	assert_int_equal(cg_resolve(&h, "self/../..", "x", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(cg_ctrl_from_name("blkio"), CG_IO);
	assert_int_equal(cg_ctrl_from_name("io"), CG_IO);
	assert_int_equal(cg_ctrl_from_name("name=systemd"), -EINVAL);
	assert_string_equal(cg_ctrl_v1_name(CG_IO), "blkio");
	assert_int_equal(cg_parse_controllers("cpu  memory\tbogus pids"),
			 CG_BIT(CG_CPU) | CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hybrid), cmocka_unit_test(test_unified),
		cmocka_unit_test(test_legacy), cmocka_unit_test(test_none_and_bad),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
