/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsjoin --join-cgroup aimed at fake hierarchies in a temporary directory:
 * plain files stand in for /proc/PID/cgroup and for each cgroup.procs. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "cgjoin.h"
#include "err.h"

static void dir(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", unit_tmp(), rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

/* The fake mounts: v2, memory (a mount of its subtree /sub, then one of
 * the whole), a named hierarchy, and a pids hierarchy nobody is in. */
static struct mountinfo fake_mounts(void)
{
	struct mountinfo mi;
	char *text;
	size_t bad;

	assert_true(asprintf(&text,
			     "1 0 0:1 / %s/v2 rw - cgroup2 cgroup2 rw\n"
			     "2 0 0:2 /sub %s/memsub rw - cgroup cgroup rw,memory\n"
			     "3 0 0:2 / %s/mem rw - cgroup cgroup rw,memory\n"
			     "4 0 0:3 / %s/sysd rw - cgroup cgroup rw,xattr,name=systemd\n"
			     "5 0 0:4 / %s/pids rw - cgroup cgroup rw,pids\n"
			     "6 0 0:5 / %s/proc rw - proc proc rw\n",
			     unit_tmp(), unit_tmp(), unit_tmp(), unit_tmp(), unit_tmp(), unit_tmp()) > 0);
	assert_int_equal(mountinfo_parse(text, &mi, &bad), 0);
	return mi;
}

static int setup(void **state)
{
	const char *dirs[] = { "v2", "v2/box", "memsub", "memsub/x", "mem", "mem/other",
			       "sysd", "sysd/user", "pids", "proc", NULL };

	assert_int_equal(unit_tmp_setup(state), 0);
	for (int i = 0; dirs[i]; i++)
		dir(dirs[i]);
	unit_put(unit_tmp(), "v2/box/cgroup.procs", "");
	unit_put(unit_tmp(), "memsub/x/cgroup.procs", "");
	unit_put(unit_tmp(), "mem/other/cgroup.procs", "");
	unit_put(unit_tmp(), "sysd/user/cgroup.procs", "");
	unit_put(unit_tmp(), "pids/cgroup.procs", "");
	return 0;
}

static int open_proc(void)
{
	char path[512];
	int fd;

	snprintf(path, sizeof(path), "%s/proc", unit_tmp());
	assert_true((fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC)) >= 0);
	return fd;
}

/* Every hierarchy the target is in and this namespace shows, a named one
 * too, each at the mount that shows the target's cgroup. */
static void test_attach_every_hierarchy(void **state)
{
	struct mountinfo mi = fake_mounts();
	struct nsk_failure f = NSK_FAILURE_INIT;
	int procfd = open_proc();

	unit_put(unit_tmp(), "proc/cgroup", "9:name=systemd:/user\n8:pids:/\n7:blkio:/nowhere\n"
			   "4:memory:/sub/x\nnot a line\n0::/box\n");
	assert_int_equal(cgjoin_attach_mounts(procfd, &mi, &f), 0);
	assert_string_equal(unit_get(unit_tmp(), "v2/box/cgroup.procs"), "0");
	assert_string_equal(unit_get(unit_tmp(), "memsub/x/cgroup.procs"), "0");
	assert_string_equal(unit_get(unit_tmp(), "sysd/user/cgroup.procs"), "0");
	assert_string_equal(unit_get(unit_tmp(), "pids/cgroup.procs"), "0");
	assert_string_equal(unit_get(unit_tmp(), "mem/other/cgroup.procs"), "");

	/* outside /sub: the mount of the whole hierarchy */
	unit_put(unit_tmp(), "proc/cgroup", "4:memory:/other\n");
	assert_int_equal(cgjoin_attach_mounts(procfd, &mi, &f), 0);
	assert_string_equal(unit_get(unit_tmp(), "mem/other/cgroup.procs"), "0");
	close(procfd);
	mountinfo_free(&mi);
}

static void test_attach_failures(void **state)
{
	struct mountinfo mi = fake_mounts();
	struct nsk_failure f = NSK_FAILURE_INIT;
	char expected[512];
	int procfd = open_proc();

	/* a cgroup that is not there: the file it needed */
	unit_put(unit_tmp(), "proc/cgroup", "0::/gone\n");
	assert_int_equal(cgjoin_attach_mounts(procfd, &mi, &f), -ENOENT);
	snprintf(expected, sizeof(expected), "%s/v2/gone/cgroup.procs", unit_tmp());
	assert_string_equal(f.object, expected);

	/* a path too long for a directory name: the path */
	char *cgroup = malloc(8192);
	assert_non_null(cgroup);
	memset(cgroup, 'a', 8191);
	memcpy(cgroup, "0::/", 4);
	cgroup[8190] = '\n';
	cgroup[8191] = '\0';
	unit_put(unit_tmp(), "proc/cgroup", cgroup);
	assert_int_equal(cgjoin_attach_mounts(procfd, &mi, &f), -ENAMETOOLONG);
	assert_int_equal(strncmp(f.object, "/aaaa", 5), 0);
	free(cgroup);

	/* no /proc/PID/cgroup (the process is gone) */
	snprintf(expected, sizeof(expected), "%s/proc/cgroup", unit_tmp());
	assert_int_equal(unlink(expected), 0);
	assert_int_equal(cgjoin_attach_mounts(procfd, &mi, &f), -ENOENT);
	assert_string_equal(f.object, "cgroup");
	close(procfd);
	mountinfo_free(&mi);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attach_every_hierarchy),
		cmocka_unit_test(test_attach_failures),
	};
	return cmocka_run_group_tests(tests, setup, unit_tmp_teardown);
}
