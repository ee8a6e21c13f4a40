/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What happens to a group's processes (lib/cgstate), aimed at fake
 * hierarchies in a temporary directory: plain files stand in for
 * cgroup.procs, cgroup.events, cgroup.freeze and freezer.state (written
 * without a newline: unlike a control file, a plain file keeps what a
 * write does not cover), and the only processes signalled are children
 * this test forked. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "cggroup.h"
#include "cgstate.h"

/* The record of the last failure. */
static struct nsk_failure fail;

static void put(const char *rel, const char *text)
{
	unit_put(unit_tmp(), rel, text);
}

static bool exists(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", unit_tmp(), rel);
	return access(path, F_OK) == 0;
}

/* The hierarchies of MOUNTS, a mountinfo text in which each "@" stands for
 * the temporary directory; our own cgroup is the root of each. Their mount
 * points are made. */
static void fake_sys(struct cg_sys *sys, const char *mounts, unsigned v2_ctrls)
{
	char text[1024], *o = text;
	struct mountinfo mi;
	size_t bad;

	for (const char *m = mounts; *m; m++)
		o += *m == '@' ? sprintf(o, "%s", unit_tmp()) : sprintf(o, "%c", *m);
	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), 0);
	cg_sys_init(sys);
	assert_int_equal(cg_sys_parse(sys, &mi, ""), 0);
	mountinfo_free(&mi);
	if (sys->v2 >= 0)
		sys->h[sys->v2].ctrls = v2_ctrls;
	cg_sys_finish(sys);
	for (unsigned i = 0; i < sys->n; i++)
		assert_int_equal(mkdir(sys->h[i].mount, 0755), 0);
}

static const char v1_memory[] = "1 0 0:1 / @/memory rw - cgroup cgroup rw,memory\n";
static const char v1_freezer[] = "1 0 0:1 / @/freezer rw - cgroup cgroup rw,freezer\n"
				 "2 0 0:2 / @/pids rw - cgroup cgroup rw,pids\n";
static const char v2_only[] = "1 0 0:1 / @/unified rw - cgroup2 cgroup2 rw\n";
static const char hybrid[] = "1 0 0:1 / @/memory rw - cgroup cgroup rw,memory\n"
			     "2 0 0:2 / @/unified rw - cgroup2 cgroup2 rw\n";

/* The group /x in every hierarchy of sys, created. */
static void make_group(struct cg_group *g, const struct cg_sys *sys)
{
	assert_int_equal(cg_group_init(g, sys, NULL, "/x", cg_hiers_for(sys, ~0u)), 0);
	assert_int_equal(cg_group_create(g, true, &fail), 0);
}

/* Each test starts from an empty temporary directory. */
static int clean(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s/*", unit_tmp());
	return system(cmd);
}

static void test_populated_v1(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, v1_memory, 0);
	assert_int_equal(cg_group_init(&g, &sys, NULL, "/top/x", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	put("memory/top/x/cgroup.procs", "");
	assert_int_equal(cg_group_populated(&g, &fail), 0);
	/* a process in a descendant counts; v1 has no populated flag */
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/child"), 0755), 0);
	put("memory/top/x/child/cgroup.procs", "4242\n");
	assert_int_equal(cg_group_populated(&g, &fail), 1);
	assert_non_null(strstr(fail.object, "/memory/top/x"));
	/* a directory that cannot go names itself */
	assert_int_equal(cg_group_remove(&g, &fail), -ENOTEMPTY);
	assert_non_null(strstr(fail.object, "/top/x/child"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/child/cgroup.procs"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/cgroup.procs"));
	cg_group_clear_left(&g);
	assert_int_equal(cg_group_remove(&g, &fail), 0);
	assert_false(exists("memory/top/x"));
	assert_true(exists("memory/top"));	/* remove takes the group, not its parents */
	cg_group_undo(&g);
	assert_false(exists("memory/top"));
	/* a group that is gone holds nothing */
	assert_int_equal(cg_group_populated(&g, &fail), 0);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

static void test_populated_v2(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, hybrid, 0);
	make_group(&g, &sys);
	put("memory/x/cgroup.procs", "");
	put("unified/x/cgroup.events", "populated 0\nfrozen 0\n");
	assert_int_equal(cg_group_populated(&g, &fail), 0);
	assert_int_equal(cg_group_populated_joined(&g, &fail), 0);
	/* v2 says so for a joined group, in one read: v1 is not asked */
	put("unified/x/cgroup.events", "populated 1\nfrozen 0\n");
	put("memory/x/cgroup.procs", "");
	assert_int_equal(cg_group_populated_joined(&g, &fail), 1);
	assert_non_null(strstr(fail.object, "/unified/x"));
	assert_int_equal(cg_group_populated(&g, &fail), 1);
	/* v1 alone */
	put("unified/x/cgroup.events", "populated 0\nfrozen 0\n");
	put("memory/x/cgroup.procs", "17\n");
	assert_int_equal(cg_group_populated(&g, &fail), 1);
	assert_int_equal(cg_group_populated_joined(&g, &fail), 0);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* v1: freezer.state; a plain file reads back what was written, which is
 * what the kernel says once the tasks have stopped. */
static void test_freeze_v1(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, v1_freezer, 0);
	make_group(&g, &sys);
	put("freezer/x/freezer.state", "THAWED");
	assert_int_equal(cg_group_frozen(&g), 0);
	assert_int_equal(cg_group_freeze(&g, true, &fail), 0);
	assert_string_equal(unit_get(unit_tmp(), "freezer/x/freezer.state"), "FROZEN");
	assert_int_equal(cg_group_frozen(&g), 1);
	assert_int_equal(cg_group_freeze(&g, false, &fail), 0);
	assert_string_equal(unit_get(unit_tmp(), "freezer/x/freezer.state"), "THAWED");
	/* no freezer.state: the path it needed */
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/freezer.state"));
	assert_int_equal(cg_group_frozen(&g), -ENOENT);
	assert_int_equal(cg_group_freeze(&g, true, &fail), -ENOENT);
	assert_non_null(strstr(fail.object, "/freezer/x/freezer.state"));
	cg_group_free(&g);
	cg_sys_free(&sys);
}

static void test_freeze_v2(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, v2_only, 0);
	make_group(&g, &sys);
	put("unified/x/cgroup.freeze", "0");
	put("unified/x/cgroup.events", "populated 1\nfrozen 0\n");
	assert_int_equal(cg_group_frozen(&g), 0);
	/* the kernel says "frozen 1" once every task stopped */
	put("unified/x/cgroup.events", "populated 1\nfrozen 1\n");
	assert_int_equal(cg_group_frozen(&g), 1);
	assert_int_equal(cg_group_freeze(&g, true, &fail), 0);
	assert_string_equal(unit_get(unit_tmp(), "unified/x/cgroup.freeze"), "1");
	assert_int_equal(cg_group_freeze(&g, false, &fail), 0);
	assert_string_equal(unit_get(unit_tmp(), "unified/x/cgroup.freeze"), "0");
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* A child of ours that waits for a signal. */
static pid_t child(void)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	return pid;
}

/* A signal other than KILL reaches every process, descendants' too,
 * frozen around it; a group its owner froze stays frozen. */
static void test_kill_signals_every_process(void **state)
{
	struct cg_sys sys;
	struct cg_group g;
	pid_t a = child(), b = child();
	char text[32];
	int status;

	fake_sys(&sys, v1_freezer, 0);
	make_group(&g, &sys);
	assert_int_equal(mkdir(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/sub"), 0755), 0);
	put("freezer/x/freezer.state", "THAWED");
	snprintf(text, sizeof(text), "%d\n", (int)a);
	put("freezer/x/cgroup.procs", text);
	snprintf(text, sizeof(text), "%d\n", (int)b);
	put("freezer/x/sub/cgroup.procs", text);
	put("pids/x/cgroup.procs", "");
	assert_int_equal(cg_group_kill(&g, SIGTERM, &fail), 0);
	assert_int_equal(waitpid(a, &status, 0), a);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	assert_int_equal(waitpid(b, &status, 0), b);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	assert_string_equal(unit_get(unit_tmp(), "freezer/x/freezer.state"), "THAWED");

	a = child();
	snprintf(text, sizeof(text), "%d\n", (int)a);
	put("freezer/x/cgroup.procs", text);
	put("freezer/x/sub/cgroup.procs", "");
	put("freezer/x/freezer.state", "FROZEN");
	assert_int_equal(cg_group_kill(&g, SIGUSR1, &fail), 0);
	assert_int_equal(waitpid(a, &status, 0), a);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);
	assert_string_equal(unit_get(unit_tmp(), "freezer/x/freezer.state"), "FROZEN");
	cg_group_free(&g);
	cg_sys_free(&sys);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void test_wait_empty(void **state)
{
	struct cg_sys sys;
	struct cg_group g;
	long start;
	pid_t pid;
	int status;

	fake_sys(&sys, v1_memory, 0);
	make_group(&g, &sys);
	put("memory/x/cgroup.procs", "");
	assert_int_equal(cg_group_wait_empty(&g, 0, &fail), 0);
	put("memory/x/cgroup.procs", "4242\n");
	start = now_ms();
	assert_int_equal(cg_group_wait_empty(&g, 50, &fail), -ETIME);
	assert_true(now_ms() - start >= 50);
	/* emptied while it waits: noticed within its pauses, long before
	 * the time is up */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct timespec ts = { 0, 30 * 1000000L };
		nanosleep(&ts, NULL);
		unit_put(unit_tmp(), "memory/x/cgroup.procs", "");
		_exit(0);
	}
	start = now_ms();
	assert_int_equal(cg_group_wait_empty(&g, 5000, &fail), 0);
	assert_true(now_ms() - start < 2000);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	cg_group_free(&g);
	cg_sys_free(&sys);

	/* v2 only: the time is up while it waits on cgroup.events */
	fake_sys(&sys, v2_only, 0);
	make_group(&g, &sys);
	put("unified/x/cgroup.events", "populated 1\nfrozen 0\n");
	assert_int_equal(cg_group_wait_empty(&g, 30, &fail), -ETIME);
	put("unified/x/cgroup.events", "populated 0\nfrozen 0\n");
	assert_int_equal(cg_group_wait_empty(&g, -1, &fail), 0);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* remove carries on past a hierarchy it cannot empty, naming each */
static void test_remove_every_hierarchy(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, v1_freezer, 0);
	assert_int_equal(cg_group_init(&g, &sys, NULL, "/q", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_create(&g, true, &fail), 0);
	put("freezer/q/cgroup.procs", "");	/* stand-ins: rmdir fails */
	put("pids/q/cgroup.procs", "");
	assert_int_equal(cg_group_remove(&g, &fail), -ENOTEMPTY);
	assert_int_equal(g.nleft, 2);
	assert_non_null(strstr(g.left[0].path, "/freezer/q"));
	assert_non_null(strstr(g.left[1].path, "/pids/q"));
	assert_non_null(strstr(fail.object, "/freezer/q"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/cgroup.procs"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[1]), "/cgroup.procs"));
	cg_group_clear_left(&g);
	assert_int_equal(cg_group_remove(&g, &fail), 0);
	assert_false(exists("freezer/q"));
	assert_false(exists("pids/q"));
	/* gone already: nothing to do */
	assert_int_equal(cg_group_remove(&g, &fail), 0);
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* The end of an empty group: one rmdir a hierarchy, stopping at the
 * first that fails (left for cg_group_remove's long way). */
static void test_remove_empty(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, v1_freezer, 0);
	make_group(&g, &sys);
	put("freezer/x/cgroup.procs", "");	/* a stand-in: rmdir fails */
	put("pids/x/cgroup.procs", "");
	assert_int_equal(cg_group_remove_empty(&g), -ENOTEMPTY);
	assert_true(exists("freezer/x"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[0]), "/cgroup.procs"));
	assert_int_equal(cg_group_remove_empty(&g), -ENOTEMPTY);
	assert_false(exists("freezer/x"));
	assert_true(exists("pids/x"));
	unlink(strcat(strcpy((char[512]){ 0 }, g.dir[1]), "/cgroup.procs"));
	assert_int_equal(cg_group_remove_empty(&g), 0);
	assert_false(exists("pids/x"));
	assert_int_equal(g.nmade, 0);	/* nothing for undo to remove again */
	cg_group_free(&g);
	cg_sys_free(&sys);
}

/* The root of a hierarchy is never removed. */
static void test_remove_root(void **state)
{
	struct cg_sys sys;
	struct cg_group g;

	fake_sys(&sys, v1_memory, 0);
	assert_int_equal(cg_group_init(&g, &sys, NULL, "/", cg_hiers_for(&sys, ~0u)), 0);
	assert_int_equal(cg_group_remove(&g, &fail), 0);
	assert_true(exists("memory"));
	cg_group_free(&g);
	cg_sys_free(&sys);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_populated_v1, clean),
		cmocka_unit_test_setup(test_populated_v2, clean),
		cmocka_unit_test_setup(test_freeze_v1, clean),
		cmocka_unit_test_setup(test_freeze_v2, clean),
		cmocka_unit_test_setup(test_kill_signals_every_process, clean),
		cmocka_unit_test_setup(test_wait_empty, clean),
		cmocka_unit_test_setup(test_remove_every_hierarchy, clean),
		cmocka_unit_test_setup(test_remove_empty, clean),
		cmocka_unit_test_setup(test_remove_root, clean),
	};
	return cmocka_run_group_tests(tests, unit_tmp_setup, unit_tmp_teardown);
}
