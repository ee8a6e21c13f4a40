/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "confine.h"
#include "idmap.h"

static void test_parse(void **state)
{
	struct fdkeep k = FDKEEP_INIT;

	assert_int_equal(fdkeep_parse_preserve(&k, "2"), 0);
	assert_int_equal(k.preserve, 2);
	assert_int_equal(fdkeep_parse_preserve(&k, "0"), 0);
	assert_int_equal(k.preserve, 0);
	assert_int_equal(fdkeep_parse_preserve(&k, "-1"), -EINVAL);
	assert_int_equal(fdkeep_parse_preserve(&k, ""), -EINVAL);
	assert_int_equal(fdkeep_parse_preserve(&k, "3x"), -EINVAL);
	assert_int_equal(fdkeep_parse_preserve(&k, "2147483645"), -EINVAL);
	assert_int_equal(fdkeep_parse_preserve(&k, "99999999999"), -EINVAL);
	assert_int_equal(fdkeep_parse_fd(&k, "7"), 0);
	assert_int_equal(k.count, 1);
	assert_int_equal(k.fd[0], 7);
	/* 0, 1 and 2 are always kept: naming them is a mistake */
	assert_int_equal(fdkeep_parse_fd(&k, "2"), -EINVAL);
	assert_int_equal(fdkeep_parse_fd(&k, "-3"), -EINVAL);
	assert_int_equal(fdkeep_parse_fd(&k, "fd"), -EINVAL);
	assert_int_equal(fdkeep_parse_fd(&k, "2147483648"), -EINVAL);
	assert_int_equal(k.count, 1);
	for (unsigned i = 1; i < FDKEEP_MAX; i++)
		assert_int_equal(fdkeep_parse_fd(&k, "9"), 0);
	assert_int_equal(fdkeep_parse_fd(&k, "9"), -E2BIG);
}

static void test_has(void **state)
{
	struct fdkeep k = FDKEEP_INIT;

	assert_true(fdkeep_has(NULL, 0));
	assert_true(fdkeep_has(NULL, 2));
	assert_false(fdkeep_has(NULL, 3));
	k.preserve = 2;
	assert_true(fdkeep_has(&k, 3));
	assert_true(fdkeep_has(&k, 4));
	assert_false(fdkeep_has(&k, 5));
	fdkeep_parse_fd(&k, "9");
	assert_true(fdkeep_has(&k, 9));
	assert_false(fdkeep_has(&k, 8));
	assert_false(fdkeep_has(&k, -1));
}

static void test_ranges(void **state)
{
	struct fdkeep k = FDKEEP_INIT;
	unsigned r[8][2];

	/* nothing kept: everything from 3 */
	assert_int_equal(fdkeep_close_ranges(NULL, r, 8), 1);
	assert_int_equal(r[0][0], 3);
	assert_int_equal(r[0][1], ~0U);
	/* --preserve-fds 2: 5 and up */
	k.preserve = 2;
	assert_int_equal(fdkeep_close_ranges(&k, r, 8), 1);
	assert_int_equal(r[0][0], 5);
	assert_int_equal(r[0][1], ~0U);
	/* plus --keep-fd 9 and 7, given out of order, and 4 again */
	fdkeep_parse_fd(&k, "9");
	fdkeep_parse_fd(&k, "7");
	fdkeep_parse_fd(&k, "4");
	assert_int_equal(fdkeep_close_ranges(&k, r, 8), 3);
	assert_int_equal(r[0][0], 5);
	assert_int_equal(r[0][1], 6);
	assert_int_equal(r[1][0], 8);
	assert_int_equal(r[1][1], 8);
	assert_int_equal(r[2][0], 10);
	assert_int_equal(r[2][1], ~0U);
	/* adjacent kept fds leave no empty range */
	k = (struct fdkeep)FDKEEP_INIT;
	fdkeep_parse_fd(&k, "3");
	fdkeep_parse_fd(&k, "4");
	assert_int_equal(fdkeep_close_ranges(&k, r, 8), 1);
	assert_int_equal(r[0][0], 5);
	/* too little room */
	fdkeep_parse_fd(&k, "10");
	assert_int_equal(fdkeep_close_ranges(&k, r, 1), -E2BIG);
}

/* Found by tests/fuzz/fuzz-parse: the highest descriptor kept overflowed
 * an int computing the next one (UBSan), and --preserve-fds N stepped
 * through its N descriptors one by one (2^31 steps for the largest N). */
static void test_ranges_far(void **state)
{
	struct fdkeep k = FDKEEP_INIT;
	unsigned r[8][2];

	assert_int_equal(fdkeep_parse_fd(&k, "2147483647"), 0);
	assert_int_equal(fdkeep_close_ranges(&k, r, 8), 2);
	assert_int_equal(r[0][0], 3);
	assert_int_equal(r[0][1], 2147483646U);
	assert_int_equal(r[1][0], 2147483648U);
	assert_int_equal(r[1][1], ~0U);
	/* in one step, not 2^31: SIGALRM ends the test otherwise */
	alarm(2);
	k = (struct fdkeep)FDKEEP_INIT;
	assert_int_equal(fdkeep_parse_preserve(&k, "2147483644"), 0);
	assert_int_equal(fdkeep_parse_fd(&k, "2147483647"), 0);
	assert_int_equal(fdkeep_parse_fd(&k, "5"), 0);
	assert_int_equal(fdkeep_close_ranges(&k, r, 8), 1);
	assert_int_equal(r[0][0], 2147483648U);
	assert_int_equal(r[0][1], ~0U);
	alarm(0);
	/* a kept descriptor right after the preserved ones joins their run */
	k = (struct fdkeep)FDKEEP_INIT;
	assert_int_equal(fdkeep_parse_preserve(&k, "2"), 0);
	assert_int_equal(fdkeep_parse_fd(&k, "6"), 0);
	assert_int_equal(fdkeep_parse_fd(&k, "5"), 0);
	assert_int_equal(fdkeep_close_ranges(&k, r, 8), 1);
	assert_int_equal(r[0][0], 7);
}

static void test_close(void **state)
{
	struct fdkeep k = FDKEEP_INIT;
	int a = open("/dev/null", O_RDONLY), b = open("/dev/null", O_RDONLY);
	int c = open("/dev/null", O_RDONLY);
	char num[16];

	assert_true(a >= 3 && b > a && c > b);
	snprintf(num, sizeof(num), "%d", b);
	assert_int_equal(fdkeep_parse_fd(&k, num), 0);
	assert_int_equal(confine_close_fds(&k), 0);
	assert_int_equal(fcntl(a, F_GETFD), -1);
	assert_true(fcntl(b, F_GETFD) >= 0);
	assert_int_equal(fcntl(c, F_GETFD), -1);
	assert_true(fcntl(1, F_GETFD) >= 0);
	close(b);
}

static void test_close_but(void **state)
{
	struct fdkeep k = FDKEEP_INIT;
	int fd[5];
	char num[16];

	for (int i = 0; i < 5; i++) {
		fd[i] = open("/dev/null", O_RDONLY);
		assert_true(fd[i] >= 3 && (i == 0 || fd[i] == fd[i - 1] + 1));
	}
	/* kept: fd[1] by k, fd[3] spared; the range around fd[3] is split */
	snprintf(num, sizeof(num), "%d", fd[1]);
	assert_int_equal(fdkeep_parse_fd(&k, num), 0);
	assert_int_equal(confine_close_fds_but(&k, fd[3]), 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(fcntl(fd[i], F_GETFD) >= 0, i == 1 || i == 3);
	/* spared at the start of a range, and with nothing kept */
	assert_int_equal(confine_close_fds_but(NULL, fd[1]), 0);
	assert_true(fcntl(fd[1], F_GETFD) >= 0);
	assert_int_equal(fcntl(fd[3], F_GETFD), -1);
	/* a spared one that is kept anyway, and none */
	assert_int_equal(confine_close_fds_but(&k, fd[1]), 0);
	assert_true(fcntl(fd[1], F_GETFD) >= 0);
	assert_int_equal(confine_close_fds_but(NULL, -1), 0);
	assert_int_equal(fcntl(fd[1], F_GETFD), -1);
	assert_true(fcntl(2, F_GETFD) >= 0);
}

static void test_pick(void **state)
{
	_cleanup_idmap_ struct idmap m = IDMAP_EMPTY;
	uint32_t id = 42;

	assert_int_equal(idmap_parse_text("", &m), 0);
	assert_int_equal(confine_pick_id(&m, 5, &id), -ENOENT);
	assert_int_equal(idmap_parse_text("         0     100000      65536\n", &m), 0);
	assert_int_equal(confine_pick_id(&m, 1000, &id), 0);
	assert_int_equal(id, 0);
	/* no 0: the wanted id if mapped, else the first range's first id */
	assert_int_equal(idmap_parse_text("1000 100000 10\n2000 200000 1\n", &m), 0);
	assert_int_equal(confine_pick_id(&m, 2000, &id), 0);
	assert_int_equal(id, 2000);
	assert_int_equal(confine_pick_id(&m, 5, &id), 0);
	assert_int_equal(id, 1000);
}

static void test_maps_outer(void **state)
{
	_cleanup_idmap_ struct idmap m = IDMAP_EMPTY;

	/* whether our host id is mapped: the outer column, not the inner
	 * one, which may hold the overflow id 65534 an unmapped id shows */
	assert_int_equal(idmap_parse_text("0 100000 65536\n", &m), 0);
	assert_false(idmap_maps_outer(&m, 0));
	assert_false(idmap_maps_outer(&m, 65534));
	assert_true(idmap_maps_outer(&m, 100000));
	assert_true(idmap_maps_outer(&m, 165535));
	assert_false(idmap_maps_outer(&m, 165536));
	assert_int_equal(idmap_parse_text("0 4294967294 1\n", &m), 0);
	assert_true(idmap_maps_outer(&m, 4294967294U));
	assert_false(idmap_maps_outer(&m, 4294967295U));
	assert_int_equal(idmap_parse_text("", &m), 0);
	assert_false(idmap_maps_outer(&m, 0));
}

static void test_nondumpable(void **state)
{
	/* in a child: this test process stays as it was */
	pid_t pid = fork();
	int status;

	if (pid == 0)
		_exit(confine_nondumpable() == 0 && prctl(PR_GET_DUMPABLE) == 0 ? 0 : 1);
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
}

/* What a vfork child's change of credentials may leave in the memory it
 * shared with us (fs.suid_dumpable), set back: in a child of our own, so
 * that the test's process keeps its flag. */
static void test_restore_dumpable(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int was;

		if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0 || (was = confine_dumpable()) != 0)
			_exit(1);
		if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0)	/* as suid_dumpable=1 would */
			_exit(2);
		confine_restore_dumpable(was);
		if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
			_exit(3);
		confine_restore_dumpable(-EPERM);	/* unknown before: left alone */
		_exit(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 ? 0 : 4);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse), cmocka_unit_test(test_has),
		cmocka_unit_test(test_restore_dumpable),
		cmocka_unit_test(test_ranges), cmocka_unit_test(test_ranges_far),
		cmocka_unit_test(test_close), cmocka_unit_test(test_close_but),
		cmocka_unit_test(test_pick), cmocka_unit_test(test_maps_outer),
		cmocka_unit_test(test_nondumpable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
