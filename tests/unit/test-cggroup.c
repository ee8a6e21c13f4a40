/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The group operations aimed at a fake hierarchy in a temporary directory
 * (plain files stand in for control files). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "cggroup.h"

/* The record of the last failure. */
static struct nsk_failure fail;

static void put(const char *rel, const char *text)
{
	unit_put(unit_tmp(), rel, text);
}

static const char *get(const char *rel)
{
	return unit_get(unit_tmp(), rel);
}

static bool exists(const char *rel)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", unit_tmp(), rel);
	return access(path, F_OK) == 0;
}

/* A legacy-style system whose memory hierarchy is tmp/memory. */
static void fake_sys(struct cg_sys *sys, bool v2)
{
	struct mountinfo mi;
	char text[512];
	size_t bad;

	snprintf(text, sizeof(text),
		 v2 ? "1 0 0:1 / %s/unified rw - cgroup2 cgroup2 rw\n"
		    : "1 0 0:1 / %s/memory rw - cgroup cgroup rw,memory\n",
		 unit_tmp());
	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), 0);
	cg_sys_init(sys);
	assert_int_equal(cg_sys_parse(sys, &mi, v2 ? "0::/me\n" : "4:memory:/me\n"), 0);
	mountinfo_free(&mi);
	if (v2)
		sys->h[0].ctrls = CG_BIT(CG_MEMORY);
	cg_sys_finish(sys);
}

/* cgctl -c: exactly the hierarchies of the controllers and names asked
 * for; v2 only for a controller that lives there. */
static void test_hiers_of(void **state)
{
	static const char text[] =
		"1 0 0:1 / /cg/cpu rw - cgroup cgroup rw,cpu\n"
		"2 0 0:2 / /cg/memory rw - cgroup cgroup rw,memory\n"
		"3 0 0:3 / /cg/nskit rw - cgroup none rw,name=nskit\n"
		"4 0 0:4 / /cg/unified rw - cgroup2 cgroup2 rw\n";
	static const char *const names[] = { "nskit", "other" };
	struct mountinfo mi;
	struct cg_sys sys;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), 0);
	cg_sys_init(&sys);
	sys.with_named = true;
	assert_int_equal(cg_sys_parse(&sys, &mi, "4:name=nskit:/\n2:memory:/\n1:cpu:/\n0::/\n"), 0);
	mountinfo_free(&mi);
	sys.h[sys.v2].ctrls = CG_BIT(CG_PIDS) | CG_BIT(CG_MEMORY);	/* memory is bound to v1 */
	cg_sys_finish(&sys);
	unsigned cpu = 1u << sys.ctrl_hier[CG_CPU], mem = 1u << sys.ctrl_hier[CG_MEMORY];
	unsigned v2 = 1u << sys.v2, named = 1u << cg_sys_find(&sys, "name=nskit");

	assert_int_equal(cg_hiers_of(&sys, CG_BIT(CG_MEMORY), NULL, 0), mem);
	assert_int_equal(cg_hiers_of(&sys, CG_BIT(CG_PIDS), NULL, 0), v2);
	assert_int_equal(cg_hiers_of(&sys, CG_BIT(CG_CPU) | CG_BIT(CG_MEMORY), NULL, 0), cpu | mem);
	assert_int_equal(cg_hiers_of(&sys, 0, names, 2), named);
	assert_int_equal(cg_hiers_of(&sys, CG_BIT(CG_PIDS), names, 1), v2 | named);
	assert_int_equal(cg_hiers_of(&sys, CG_BIT(CG_RDMA), NULL, 0), 0);
	assert_int_equal(cg_hiers_of(&sys, 0, names + 1, 1), 0);
	/* the default selection leaves the named one out */
	assert_int_equal(cg_hiers_for(&sys, ~0u) & named, 0);
	cg_sys_free(&sys);
}

static void test_write_read_at(void **state)
{
	int dfd = open(unit_tmp(), O_PATH | O_DIRECTORY | O_CLOEXEC);
	char buf[16];

	put("pids.max", "");
	assert_int_equal(cg_write_at(dfd, "pids.max", "64"), 0);
	assert_string_equal(get("pids.max"), "64");
	put("pids.max", "max\n\n");
	assert_int_equal(cg_read_at(dfd, "pids.max", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "max");
	assert_int_equal(cg_write_at(dfd, "nope", "1"), -ENOENT);
	assert_int_equal(cg_read_at(dfd, "nope", buf, sizeof(buf)), -ENOENT);
	put("long", "0123456789abcdefghij");
	assert_int_equal(cg_read_at(dfd, "long", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "0123456789abcde");	/* cut to fit */
	close(dfd);
}

static void test_create_apply_undo(void **state)
{
	struct cg_sys sys;
	struct cg_group g;
	struct cg_write w[2] = {
		{ .ctrl = CG_MEMORY, .file = "memory.limit_in_bytes", .value = "1048576" },
		{ .ctrl = CG_MEMORY, .file = "memory.soft_limit_in_bytes", .value = "4096" },
	};

	fake_sys(&sys, false);
	assert_int_equal(mkdir(sys.h[0].mount, 0755), 0);
	assert_int_equal(cg_group_init(&g, &sys, "self", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	assert_non_null(strstr(g.dir[0], "/memory/me/a/b"));
	assert_int_equal(cg_group_existing(&g, NULL), -ENOENT);
	cg_group_free(&g);

	/* the parent must exist: nothing is made at it or above it */
	assert_int_equal(cg_group_init(&g, &sys, "self", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), -CGGROUP_ENOPARENT);
	assert_int_equal(g.nmade, 0);
	assert_non_null(strstr(fail.object, "/memory/me"));
	assert_string_equal(strstr(fail.object, "/memory/me"), "/memory/me");
	assert_false(exists("memory/me"));
	cg_group_free(&g);
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, sys.h[0].mount), "/me"), 0755), 0);
	assert_int_equal(cg_group_init(&g, &sys, "self/sub", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), -CGGROUP_ENOPARENT);
	assert_string_equal(strstr(fail.object, "/memory/me"), "/memory/me/sub");
	assert_false(exists("memory/me/sub"));
	cg_group_free(&g);
	/* an absolute name is made from the root down, as mkdir -p */
	assert_int_equal(cg_group_init(&g, &sys, "self/sub", "/abs/x", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	assert_int_equal(g.nmade, 2);	/* abs, abs/x */
	assert_int_equal(cg_group_undo(&g), 0);
	assert_false(exists("memory/abs"));
	cg_group_free(&g);

	assert_int_equal(cg_group_init(&g, &sys, "self", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	assert_int_equal(g.nmade, 2);	/* me/a, me/a/b: me is the parent */
	assert_true(exists("memory/me/a/b"));
	assert_true(cg_group_complete(&g));
	/* in a group this run made, a missing file fails its own write;
	 * nothing was there before, so nothing is put back: what was written
	 * goes with the group (undo) */
	put("memory/me/a/b/memory.limit_in_bytes", "-1");
	assert_int_equal(cg_group_apply(&g, w, 2, &fail), -ENOENT);
	assert_non_null(strstr(fail.object, "memory.soft_limit_in_bytes"));
	assert_int_equal(g.nleft, 0);
	put("memory/me/a/b/memory.soft_limit_in_bytes", "");
	assert_int_equal(cg_group_apply(&g, w, 2, &fail), 0);
	assert_string_equal(get("memory/me/a/b/memory.limit_in_bytes"), "1048576");
	assert_string_equal(get("memory/me/a/b/memory.soft_limit_in_bytes"), "4096");
	/* v1 memory limit alone, in a group this run did not make: memsw
	 * moves with it, keeping 1M of swap */
	struct cg_write keep = { .ctrl = CG_MEMORY, .keep_swap = true,
				 .file = "memory.limit_in_bytes", .value = "4194304" };
	struct cg_group old;
	assert_int_equal(cg_group_init(&old, &sys, "self", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	put("memory/me/a/b/memory.memsw.limit_in_bytes", "2097152");
	assert_int_equal(cg_group_apply(&old, &keep, 1, &fail), 0);
	assert_string_equal(get("memory/me/a/b/memory.limit_in_bytes"), "4194304");
	assert_string_equal(get("memory/me/a/b/memory.memsw.limit_in_bytes"), "5242880");
	put("memory/me/a/b/memory.memsw.limit_in_bytes", "9223372036854771712");
	put("memory/me/a/b/memory.limit_in_bytes", "1048576\n");
	assert_int_equal(cg_group_apply(&old, &keep, 1, &fail), 0);
	assert_string_equal(get("memory/me/a/b/memory.memsw.limit_in_bytes"), "9223372036854771712");
	cg_group_free(&old);
	/* in a group this run made, the kernel's memsw is unlimited: only the
	 * limit is written, memsw neither read nor written (this stand-in's
	 * value would have moved) */
	put("memory/me/a/b/memory.memsw.limit_in_bytes", "2097152");
	put("memory/me/a/b/memory.limit_in_bytes", "1048576");
	assert_int_equal(cg_group_apply(&g, &keep, 1, &fail), 0);
	assert_string_equal(get("memory/me/a/b/memory.limit_in_bytes"), "4194304");
	assert_string_equal(get("memory/me/a/b/memory.memsw.limit_in_bytes"), "2097152");
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.memsw.limit_in_bytes"));
	/* a group that exists is refused when creating exclusively */
	struct cg_group again;
	assert_int_equal(cg_group_init(&again, &sys, "self", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&again, true, &fail), -EEXIST);
	assert_int_equal(again.nmade, 0);
	assert_int_equal(cg_group_create(&again, false, &fail), 0);
	assert_int_equal(again.nmade, 0);
	cg_group_free(&again);

	/* undo removes what this run made, deepest first; rmdir fails on
	 * the stand-in files, so remove those first */
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.limit_in_bytes"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.soft_limit_in_bytes"));
	cg_group_undo(&g);
	assert_false(exists("memory/me/a"));
	assert_true(exists("memory/me"));	/* the parent: not ours */
	cg_group_free(&g);
	rmdir(strcat(strcpy((char[512]){ 0 }, sys.h[0].mount), "/me"));
	rmdir(sys.h[0].mount);
	cg_sys_free(&sys);
}

/* A write that fails puts back the old values of those before it. */
static void test_apply_rollback(void **state)
{
	struct cg_sys sys;
	struct cg_group g;
	struct cg_write w[3] = {
		{ .ctrl = CG_MEMORY, .file = "memory.limit_in_bytes", .value = "200" },
		{ .ctrl = CG_MEMORY, .file = "blkio.throttle.read_bps_device", .value = "8:16 7" },
		{ .ctrl = CG_MEMORY, .file = "memory.soft_limit_in_bytes", .value = "300" },
	};

	fake_sys(&sys, false);
	mkdir(sys.h[0].mount, 0755);
	assert_int_equal(cg_group_init(&g, &sys, NULL, "/r", cg_hiers_for(&sys, ~0u)), 0);
	/* a group that was there before: what a failed run wrote is put
	 * back (one this run made is removed by undo instead) */
	assert_int_equal(mkdir(g.dir[0], 0755), 0);
	assert_int_equal(cg_group_create(&g, false, &fail), 0);
	assert_int_equal(g.nmade, 0);
	put("memory/r/memory.limit_in_bytes", "100");
	put("memory/r/blkio.throttle.read_bps_device", "8:0 5\n");
	/* a write-only file with no value to read back (EINVAL), which
	 * refuses "300": the write fails once the old values were read */
	assert_int_equal(symlink("/proc/self/clear_refs",
				 strcat(strcpy((char[512]){ 0 }, g.dir[0]),
					"/memory.soft_limit_in_bytes")), 0);
	assert_int_equal(cg_group_apply(&g, w, 3, &fail), -EINVAL);
	assert_non_null(strstr(fail.object, "memory.soft_limit_in_bytes"));
	assert_string_equal(get("memory/r/memory.limit_in_bytes"), "100");
	/* device files: each old line, then the added device unlimited
	 * (a plain file keeps the last write) */
	assert_string_equal(get("memory/r/blkio.throttle.read_bps_device"), "8:16 0");
	assert_int_equal(g.nleft, 0);
	/* an old value that cannot be read (a directory: EISDIR): nothing is
	 * written, as all or nothing could not be kept */
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.soft_limit_in_bytes"));
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, g.dir[0]),
				      "/memory.soft_limit_in_bytes"), 0755), 0);
	assert_int_equal(cg_group_apply(&g, w, 3, &fail), -EISDIR);
	assert_non_null(strstr(fail.object, "memory.soft_limit_in_bytes"));
	assert_string_equal(get("memory/r/memory.limit_in_bytes"), "100");
	assert_int_equal(g.nleft, 0);
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.limit_in_bytes"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/blkio.throttle.read_bps_device"));
	rmdir(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.soft_limit_in_bytes"));
	assert_int_equal(rmdir(g.dir[0]), 0);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* A group this run made has nothing to put back: a write that fails
 * there leaves those before it, and undo removes it, naming what it
 * could not. */
static void test_apply_made_group(void **state)
{
	struct cg_sys sys;
	struct cg_group g;
	struct cg_write w[2] = {
		{ .ctrl = CG_MEMORY, .file = "memory.limit_in_bytes", .value = "200" },
		{ .ctrl = CG_MEMORY, .file = "memory.soft_limit_in_bytes", .value = "300" },
	};

	fake_sys(&sys, false);
	mkdir(sys.h[0].mount, 0755);
	assert_int_equal(cg_group_init(&g, &sys, NULL, "/r", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	put("memory/r/memory.limit_in_bytes", "100");
	/* a missing file fails its own write, after the first one */
	assert_int_equal(cg_group_apply(&g, w, 2, &fail), -ENOENT);
	assert_non_null(strstr(fail.object, "/memory/r/memory.soft_limit_in_bytes"));
	assert_string_equal(get("memory/r/memory.limit_in_bytes"), "200");
	assert_int_equal(g.nleft, 0);
	put("memory/r/memory.limit_in_bytes", "100");
	/* a directory: the write fails (EISDIR) after the first one */
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, g.dir[0]),
				      "/memory.soft_limit_in_bytes"), 0755), 0);
	assert_int_equal(cg_group_apply(&g, w, 2, &fail), -EISDIR);
	assert_string_equal(get("memory/r/memory.limit_in_bytes"), "200");
	assert_int_equal(g.nleft, 0);
	assert_int_equal(cg_group_undo(&g), -ENOTEMPTY);	/* the stand-in files */
	assert_int_equal(g.nleft, 1);
	assert_non_null(strstr(g.left[0].path, "/memory/r"));
	assert_false(g.left[0].changed);
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.limit_in_bytes"));
	rmdir(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/memory.soft_limit_in_bytes"));
	assert_int_equal(rmdir(g.dir[0]), 0);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* Undo disables the controllers this run enabled. */
static void test_enable_undo(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, true);
	mkdir(sys.h[0].mount, 0755);	/* test_v2_enable may have made it */
	put("unified/cgroup.subtree_control", "");
	assert_int_equal(cg_group_init(&g, &sys, NULL, "/e", cg_hiers_for(&sys, 0)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	assert_int_equal(cg_group_enable(&g, CG_BIT(CG_MEMORY), &fail), 0);
	assert_int_equal(g.nenabled, 1);
	assert_int_equal(cg_group_undo(&g), 0);
	assert_false(exists("unified/e"));
	assert_string_equal(get("unified/cgroup.subtree_control"), "-memory");
	assert_int_equal(g.nenabled, 0);
	/* already enabled: nothing recorded, nothing disabled */
	put("unified/cgroup.subtree_control", "memory");
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	assert_int_equal(cg_group_enable(&g, CG_BIT(CG_MEMORY), &fail), 0);
	assert_int_equal(g.nenabled, 0);
	assert_int_equal(cg_group_undo(&g), 0);
	assert_string_equal(get("unified/cgroup.subtree_control"), "memory");
	cg_group_free(&g);
	cg_sys_free(&sys);
}

static void test_v2_enable(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, true);
	assert_int_equal(mkdir(sys.h[0].mount, 0755), 0);
	put("unified/cgroup.subtree_control", "cpu");
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, sys.h[0].mount), "/me"), 0755), 0);
	assert_int_equal(cg_group_init(&g, &sys, "self", "box", cg_hiers_for(&sys, 0)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	put("unified/me/cgroup.subtree_control", "");
	assert_int_equal(cg_group_enable(&g, CG_BIT(CG_MEMORY), &fail), 0);
	/* a plain file keeps the last write: "+memory" went to both ancestors */
	assert_string_equal(get("unified/cgroup.subtree_control"), "+memory");
	assert_string_equal(get("unified/me/cgroup.subtree_control"), "+memory");
	assert_string_equal(cg_group_dir_for(&g, CG_CORE, true), g.dir[0]);
	/* a missing subtree_control is reported with its path */
	struct cg_group h;
	assert_int_equal(cg_group_init(&h, &sys, NULL, "/other/deep", cg_hiers_for(&sys, 0)), 0);
	assert_int_equal(cg_group_create(&h, true, &fail), 0);
	assert_int_equal(cg_group_enable(&h, CG_BIT(CG_MEMORY), &fail), -ENOENT);
	assert_non_null(strstr(fail.object, "/other/cgroup.subtree_control"));
	cg_group_undo(&h);
	assert_false(exists("unified/other"));
	cg_group_free(&h);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* A parent missing in one hierarchy, present in the one before: the
 * group (and the directories above it) made there is removed again, so
 * nothing is left made, and the error names the missing parent. */
static void test_parent_missing_in_one(void **state)
{
	struct cg_sys sys;
	struct cg_group g;
	struct mountinfo mi;
	char text[512];
	size_t bad;

	snprintf(text, sizeof(text),
		 "1 0 0:1 / %s/mem rw - cgroup cgroup rw,memory\n"
		 "2 0 0:2 / %s/pids rw - cgroup cgroup rw,pids\n",
		 unit_tmp(), unit_tmp());
	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), 0);
	cg_sys_init(&sys);
	assert_int_equal(cg_sys_parse(&sys, &mi, "4:memory:/me\n8:pids:/me\n"), 0);
	mountinfo_free(&mi);
	cg_sys_finish(&sys);
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, unit_tmp()), "/mem"), 0755), 0);
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, unit_tmp()), "/mem/me"), 0755), 0);
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, unit_tmp()), "/pids"), 0755), 0);
	for (int deep = 0; deep < 2; deep++) {
		assert_int_equal(cg_group_init(&g, &sys, "self", deep ? "a/b" : "x",
					       cg_hiers_for(&sys, ~0u)), 0);
		assert_int_equal(cg_group_create(&g, false, &fail), -CGGROUP_ENOPARENT);
		assert_string_equal(strstr(fail.object, "/pids/"), "/pids/me");
		assert_int_equal(g.nmade, 0);
		assert_false(exists(deep ? "mem/me/a" : "mem/me/x"));
		assert_true(exists("mem/me"));	/* the parent: not ours */
		cg_group_free(&g);
	}
	/* present in both: made in both */
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, unit_tmp()), "/pids/me"), 0755), 0);
	assert_int_equal(cg_group_init(&g, &sys, "self", "a/b", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	assert_int_equal(g.nmade, 4);
	assert_int_equal(cg_group_undo(&g), 0);
	assert_false(exists("mem/me/a"));
	assert_false(exists("pids/me/a"));
	cg_group_free(&g);
	cg_sys_free(&sys);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hiers_of),
		cmocka_unit_test(test_write_read_at), cmocka_unit_test(test_create_apply_undo),
		cmocka_unit_test(test_v2_enable),
		cmocka_unit_test(test_apply_rollback),
		cmocka_unit_test(test_apply_made_group), cmocka_unit_test(test_enable_undo),
		cmocka_unit_test(test_parent_missing_in_one),
	};
	return cmocka_run_group_tests(tests, unit_tmp_setup, unit_tmp_teardown);
}
