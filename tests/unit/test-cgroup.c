/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
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

/* The entries of a mountinfo text (lib/mountinfo), freed with mountinfo_free. */
static struct mountinfo mounts(const char *text)
{
	struct mountinfo mi;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), 0);
	return mi;
}

static void load(struct cg_sys *sys, const char *mountinfo, const char *cgroup,
		 const char *v2_controllers)
{
	struct mountinfo mi = mounts(mountinfo);

	cg_sys_init(sys);
	assert_int_equal(cg_sys_parse(sys, &mi, cgroup), 0);
	mountinfo_free(&mi);
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
	/* v2's list is needed only for a controller on no v1 hierarchy */
	assert_false(cg_sys_needs_v2_list(&sys, CG_DEFAULT_CTRLS | CG_BIT(CG_DEVICES)));
	assert_true(cg_sys_needs_v2_list(&sys, CG_DEFAULT_CTRLS | CG_BIT(CG_HUGETLB)));
	assert_true(cg_sys_needs_v2_list(&sys, CG_BIT(CG_RDMA)));
	assert_true(cg_sys_needs_v2_list(&sys, ~0u));
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
	/* no v1 hierarchy: v2's list says what there is */
	assert_true(cg_sys_needs_v2_list(&sys, CG_BIT(CG_MEMORY)));
	assert_false(cg_sys_needs_v2_list(&sys, 0));
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
	assert_false(cg_sys_needs_v2_list(&sys, ~0u));	/* no v2 */
	cg_sys_free(&sys);
}

static void test_none_and_bad(void **state)
{
	struct mountinfo mi = mounts(hybrid_mountinfo);
	struct cg_sys sys;
	const char *bad[] = { "garbage\n", "1:cpu\n", "0::relative\n", "0::\n", "x::/\n",
			      "3::/\n", "0:memory:/\n", NULL };

	load(&sys, "23 1 0:21 / / rw - ext4 /dev/sda1 rw\n", "", "");
	assert_int_equal(sys.layout, CG_LAYOUT_NONE);
	cg_sys_free(&sys);

	/* a malformed line of /proc/self/cgroup, even after good ones */
	for (int i = 0; bad[i]; i++) {
		char text[64];
		snprintf(text, sizeof(text), "4:memory:/a\n%s", bad[i]);
		cg_sys_init(&sys);
		assert_int_equal(cg_sys_parse(&sys, &mi, text), -EINVAL);
		cg_sys_free(&sys);
	}
	mountinfo_free(&mi);
}

/* A name= hierarchy holds no controller: cgctl leaves it out, and no line
 * of /proc/self/cgroup is taken for another hierarchy's. */
static void test_named_hierarchy(void **state)
{
	struct cg_sys sys;
	char *paths[CG_MAX_HIER];
	char text[] = "3:name=systemd:/user\n2:cpu,cpuacct:/b2\n0::/c2\n";

	load(&sys,
	     "40 31 0:37 / /sys/fs/cgroup/systemd rw - cgroup cgroup rw,xattr,name=systemd\n"
	     "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
	     "41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n",
	     "3:name=systemd:/user\n2:cpu,cpuacct:/b\n0::/c\n", "");
	assert_int_equal(sys.n, 2);
	assert_int_equal(sys.layout, CG_LAYOUT_HYBRID);
	assert_int_equal(cg_sys_find(&sys, "name=systemd"), -1);
	assert_int_equal(cg_sys_find(&sys, "cpu,cpuacct"), 0);
	assert_int_equal(cg_sys_find(&sys, "cpu"), 0);
	assert_int_equal(cg_sys_find(&sys, "cpuacct,name=x"), -1);
	assert_int_equal(cg_sys_find(&sys, ""), sys.v2);
	assert_string_equal(sys.h[0].self, "/b");
	assert_string_equal(sys.h[sys.v2].self, "/c");

	/* another process's cgroups, by the same rule */
	assert_int_equal(cg_sys_paths(&sys, text, paths), 0);
	assert_string_equal(paths[0], "/b2");
	assert_string_equal(paths[sys.v2], "/c2");
	for (int i = 0; i < CG_MAX_HIER; i++)
		free(paths[i]);
	char bad[] = "0::/c\nnonsense\n";
	assert_int_equal(cg_sys_paths(&sys, bad, paths), -EINVAL);
	for (int i = 0; i < CG_MAX_HIER; i++)
		assert_null(paths[i]);
	cg_sys_free(&sys);
}

/* With with_named (cgctl -c name=NAME), a name= hierarchy is one too,
 * with its NAME; two named ones stay two. */
static void test_named_with(void **state)
{
	static const char mi[] =
		"40 31 0:37 / /sys/fs/cgroup/systemd rw - cgroup cgroup rw,xattr,name=systemd\n"
		"42 31 0:39 / /tmp/n rw - cgroup none rw,name=nskit\n"
		"32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
		"41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n";
	struct mountinfo m = mounts(mi);
	struct cg_sys sys;

	cg_sys_init(&sys);
	sys.with_named = true;
	assert_int_equal(cg_sys_parse(&sys, &m, "4:name=nskit:/\n3:name=systemd:/user\n"
						"2:cpu,cpuacct:/b\n0::/c\n"), 0);
	mountinfo_free(&m);
	cg_sys_finish(&sys);
	assert_int_equal(sys.n, 4);
	int sd = cg_sys_find(&sys, "name=systemd"), nk = cg_sys_find(&sys, "name=nskit");
	assert_true(sd >= 0 && nk >= 0 && sd != nk);
	assert_string_equal(sys.h[sd].name, "systemd");
	assert_string_equal(sys.h[sd].self, "/user");
	assert_int_equal(sys.h[sd].ctrls, 0);
	assert_string_equal(sys.h[nk].name, "nskit");
	assert_string_equal(sys.h[nk].mount, "/tmp/n");
	assert_null(sys.h[cg_sys_find(&sys, "cpu")].name);
	cg_sys_free(&sys);
}

/* The caller's cgroup decides which of two mounts of a hierarchy is used:
 * the first one that shows it. */
static void test_mount_that_shows_self(void **state)
{
	struct cg_sys sys;
	char dir[256];

	load(&sys,
	     "35 31 0:32 /other /mnt/first rw - cgroup cgroup rw,memory\n"
	     "36 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n",
	     "4:memory:/me\n", "");
	assert_int_equal(sys.n, 1);
	assert_string_equal(sys.h[0].mount, "/sys/fs/cgroup/memory");
	assert_string_equal(sys.h[0].root, "/");
	assert_int_equal(cg_dir(&sys.h[0], "/me/box", dir, sizeof(dir)), 0);
	assert_string_equal(dir, "/sys/fs/cgroup/memory/me/box");
	cg_sys_free(&sys);

	/* none shows it: the first mount, as it is */
	load(&sys, "35 31 0:32 /other /mnt/first rw - cgroup cgroup rw,memory\n", "4:memory:/me\n",
	     "");
	assert_string_equal(sys.h[0].mount, "/mnt/first");
	assert_string_equal(sys.h[0].self, "/me");
	assert_int_equal(cg_dir(&sys.h[0], "/me", dir, sizeof(dir)), -ENOENT);
	cg_sys_free(&sys);
}

static void test_proc_next(void **state)
{
	char text[] = "0::/box\n\n4:memory:/a/b\n9:name=systemd:/\n2:cpu,cpuacct:/x:y\nbad\n"
		      "0::/last";
	char *cursor = text;
	struct cg_proc_line l;

	(void)state;
	assert_int_equal(cg_proc_next(&cursor, &l), 1);
	assert_int_equal(l.id, 0);
	assert_string_equal(l.controllers, "");
	assert_string_equal(l.path, "/box");
	assert_int_equal(cg_proc_next(&cursor, &l), 1);	/* past the empty line */
	assert_int_equal(l.id, 4);
	assert_string_equal(l.controllers, "memory");
	assert_string_equal(l.path, "/a/b");
	assert_int_equal(cg_proc_next(&cursor, &l), 1);
	assert_string_equal(l.controllers, "name=systemd");
	assert_int_equal(cg_proc_next(&cursor, &l), 1);
	assert_string_equal(l.controllers, "cpu,cpuacct");
	assert_string_equal(l.path, "/x:y");	/* a colon in the path is the path's */
	assert_int_equal(cg_proc_next(&cursor, &l), -EINVAL);
	assert_int_equal(cg_proc_next(&cursor, &l), 1);	/* the bad line was passed over */
	assert_string_equal(l.path, "/last");
	assert_int_equal(cg_proc_next(&cursor, &l), 0);
	assert_int_equal(cg_proc_next(&cursor, &l), 0);

	const char *bad[] = { "0", "0:", "0::", "0::box", "x::/", "-1::/", "0:memory:/",
			      "3::/", ":memory:/", "4:memory", "99999999999:cpu:/", NULL };
	for (int i = 0; bad[i]; i++) {
		char buf[64];
		snprintf(buf, sizeof(buf), "%s", bad[i]);
		cursor = buf;
		if (cg_proc_next(&cursor, &l) != -EINVAL)
			fail_msg("accepted '%s'", bad[i]);
	}
	char empty[] = "";
	cursor = empty;
	assert_int_equal(cg_proc_next(&cursor, &l), 0);
}

static const char join_mountinfo[] =
	"23 1 0:21 / /sys rw - sysfs sysfs rw\n"
	"31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
	"32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpu,cpuacct\n"
	"35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
	"40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd\n"
	"41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n"
	"50 1 0:32 /sub /mnt/mem\\040space rw - cgroup cgroup rw,memory\n"
	"60 1 0:99 / /mnt/cpuonly rw - cgroup cgroup rw,cpu\n";

/* Where a hierarchy shows a path, as nsjoin --join-cgroup asks. */
static const char *find_dir(const struct mountinfo *mi, const char *controllers, const char *path)
{
	static char dir[256];
	const struct mnt_entry *e = cg_mount_find(mi, controllers, path);

	if (!e)
		return NULL;
	assert_int_equal(cg_mount_dir(e->target, e->root, path, dir, sizeof(dir)), 0);
	return dir;
}

static void test_mount_find(void **state)
{
	struct mountinfo mi = mounts(join_mountinfo), none = mounts("");
	const struct mnt_entry *e;
	char dir[8];

	assert_string_equal(find_dir(&mi, "", "/box"), "/sys/fs/cgroup/unified/box");
	assert_string_equal(find_dir(&mi, "memory", "/a"), "/sys/fs/cgroup/memory/a");
	/* every controller of the line must be mounted together */
	assert_string_equal(find_dir(&mi, "cpu,cpuacct", "/"), "/sys/fs/cgroup/cpu,cpuacct");
	assert_string_equal(find_dir(&mi, "name=systemd", "/user"), "/sys/fs/cgroup/systemd/user");
	/* a controller mounted nowhere; "cpu" is not a prefix match of "cpuset" */
	assert_null(find_dir(&mi, "blkio", "/"));
	assert_null(find_dir(&mi, "cpuset", "/"));
	assert_null(find_dir(&mi, "pids", "/"));
	assert_null(find_dir(&mi, "cpu,pids", "/"));
	assert_null(find_dir(&none, "", "/"));
	assert_false(cg_mount_holds(&mi.entries[0], ""));	/* sysfs */
	assert_false(cg_mount_holds(&mi.entries[5], "memory"));	/* cgroup2 */
	assert_false(cg_mount_holds(&mi.entries[3], ""));	/* v1 */
	/* too small a buffer */
	assert_non_null(e = cg_mount_find(&mi, "", "/box"));
	assert_int_equal(cg_mount_dir(e->target, e->root, "/box", dir, sizeof(dir)), -ENAMETOOLONG);
	mountinfo_free(&mi);
	mountinfo_free(&none);
}

static void test_mount_find_below_root(void **state)
{
	struct mountinfo mi = mounts("50 1 0:32 /sub /mnt/mem\\040space rw - cgroup cgroup rw,memory\n");

	/* a mount of a subtree shows only paths below its root, unescaped */
	assert_string_equal(find_dir(&mi, "memory", "/sub/x"), "/mnt/mem space/x");
	assert_string_equal(find_dir(&mi, "memory", "/sub"), "/mnt/mem space");
	assert_null(find_dir(&mi, "memory", "/subway"));
	assert_null(find_dir(&mi, "memory", "/other"));
	assert_null(find_dir(&mi, "memory", "/"));
	mountinfo_free(&mi);
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
	/* Found by tests/fuzz/fuzz-cgroup: a cgroup outside the caller's
	 * cgroup namespace shows as "/../.." in /proc/self/cgroup, and
	 * "self" joined it as given, a path that climbs out of the mount. */
	struct cg_hier outside = { .mount = "/m", .root = "/", .self = "/../../user.slice" };
	assert_int_equal(cg_resolve(&outside, "self", "x", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(cg_resolve(&outside, NULL, "x", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/x");
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
		cmocka_unit_test(test_names), cmocka_unit_test(test_named_hierarchy),
		cmocka_unit_test(test_named_with),
		cmocka_unit_test(test_mount_that_shows_self), cmocka_unit_test(test_proc_next),
		cmocka_unit_test(test_mount_find), cmocka_unit_test(test_mount_find_below_root),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
