/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The child of cgfork joins its group where the fork did not place it:
 * a fake group in a temporary directory (plain files stand in for
 * cgroup.procs), and the refusals of cgfork_open on this machine. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "cgfork.h"
#include "err.h"

/* A group in a fake v1 hierarchy (memory) and a fake v2 one. */
static void fake_group(struct cg_fork *cf, struct cg_sys *sys, char *v1, char *v2)
{
	memset(sys, 0, sizeof(*sys));
	sys->n = 2;
	sys->v2 = 1;
	sys->h[1].v2 = true;
	*cf = (struct cg_fork)CG_FORK_INIT;
	cf->g.sys = sys;
	snprintf(v1, 256, "%s/mem-box", unit_tmp());
	snprintf(v2, 256, "%s/v2-box", unit_tmp());
	cf->g.dir[0] = v1;
	cf->g.dir[1] = v2;
	for (int i = 0; i < 2; i++) {
		assert_true(mkdir(cf->g.dir[i], 0755) == 0 || errno == EEXIST);
		unit_put(cf->g.dir[i], "cgroup.procs", "");
	}
}

/* Fork (v2fd -1: a plain fork) and have the child join; its status. */
static int fork_and_join(struct cg_fork *cf, bool born_in_v2)
{
	int status;
	pid_t pid = cgfork_fork(cf);

	assert_true(pid >= 0);
	if (pid == 0) {
		cf->born_in_v2 = born_in_v2;	/* as clone3 would have said */
		_exit(cgfork_join_child(cf, NULL) == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_child_joins(void **state)
{
	struct cg_fork cf;
	struct cg_sys sys;
	char v1[256], v2[256], procs[300];

	(void)state;
	/* placed in v2 by the fork: it writes itself into v1 only */
	fake_group(&cf, &sys, v1, v2);
	assert_int_equal(fork_and_join(&cf, true), 0);
	assert_string_equal(unit_get(v1, "cgroup.procs"), "0");
	assert_string_equal(unit_get(v2, "cgroup.procs"), "");
	/* a plain fork (no clone3, no v2 directory): everywhere */
	fake_group(&cf, &sys, v1, v2);
	assert_int_equal(fork_and_join(&cf, false), 0);
	assert_string_equal(unit_get(v1, "cgroup.procs"), "0");
	assert_string_equal(unit_get(v2, "cgroup.procs"), "0");
	/* a hierarchy it cannot join: the child fails */
	fake_group(&cf, &sys, v1, v2);
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", v1);
	assert_int_equal(unlink(procs), 0);
	assert_int_equal(fork_and_join(&cf, true), 1);
}

static void test_open_refusals(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct cg_fork cf = CG_FORK_INIT;
	char name[64];

	(void)state;
	assert_int_equal(cgfork_open(&cf, "a//b", &f), -EINVAL);
	cgfork_close(&cf);
	cf = (struct cg_fork)CG_FORK_INIT;
	assert_int_equal(cgfork_open(&cf, "..", &f), -EINVAL);
	cgfork_close(&cf);
	/* a group that exists nowhere, named in the failure */
	snprintf(name, sizeof(name), "test-cgfork-none-%d", (int)getpid());
	cf = (struct cg_fork)CG_FORK_INIT;
	nsk_fail_clear(&f);
	assert_int_equal(cgfork_open(&cf, name, &f), -ENOENT);
	assert_non_null(strstr(f.object, name));
	assert_int_equal(cf.v2fd, -1);
	cgfork_close(&cf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_child_joins),
		cmocka_unit_test(test_open_refusals),
	};
	return cmocka_run_group_tests(tests, unit_tmp_setup, unit_tmp_teardown);
}
