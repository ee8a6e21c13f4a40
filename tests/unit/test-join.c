/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "unit.h"
#include "cleanup.h"
#include "join.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>

static const char status[] = "Name:\tsleep\n"
			     "Umask:\t0022\n"
			     "State:\tS (sleeping)\n"
			     "Uid:\t1000\t1001\t1002\t1003\n"
			     "Gid:\t2000\t2001\t2002\t2003\n"
			     "NoNewPrivs:\t0\n";

static void test_status_id(void **state)
{
	uint32_t id = 0;

	(void)state;
	assert_int_equal(join_status_id(status, "Uid", &id), 0);
	assert_int_equal(id, 1001);	/* the effective one */
	assert_int_equal(join_status_id(status, "Gid", &id), 0);
	assert_int_equal(id, 2001);
	assert_int_equal(join_status_id("Uid:\t0\t4294967294\t0\t0", "Uid", &id), 0);
	assert_true(id == 4294967294u);
	assert_int_equal(join_status_id(status, "Groups", &id), -ENOENT);
	assert_int_equal(join_status_id("", "Uid", &id), -ENOENT);
	/* a field that only starts like the one asked for */
	assert_int_equal(join_status_id("Uidx:\t1\t2\t3\t4\n", "Uid", &id), -ENOENT);

	const char *bad[] = { "Uid:\n", "Uid:\t1\n", "Uid:\t1\t\n", "Uid:\t1\tx\t3\t4\n",
			      "Uid:\t1\t2x\t3\t4\n", "Uid:\tx\t2\t3\t4\n", "Uid:\t1\t99999999999\t3\n",
			      "Uid:\t1\t-2\t3\t4\n", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(join_status_id(bad[i], "Uid", &id), -EINVAL);
}

/* The descriptor is looked up in the process of the pidfd: here our own
 * (pidfd_getfd on oneself needs no privilege). */
static void test_net_of_socket(void **state)
{
	_cleanup_close_ int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	_cleanup_close_ int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	_cleanup_close_ int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
	_cleanup_close_ int ns = -1;
	struct stat got, ours;

	(void)state;
	if (pidfd < 0)
		skip();		/* no pidfd_open: Linux before 5.3 */
	assert_true(sock >= 0 && null >= 0);
	ns = join_net_of_socket(pidfd, sock);
	if (ns == -ENOSYS)
		skip();		/* no pidfd_getfd: Linux before 5.6 */
	if (ns == -EPERM && geteuid() != 0)
		skip();		/* SIOCGSKNS needs CAP_NET_ADMIN: make check as a user */
	assert_true(ns >= 0);
	assert_int_equal(fstat(ns, &got), 0);
	assert_int_equal(stat("/proc/self/ns/net", &ours), 0);
	assert_true(got.st_ino == ours.st_ino && got.st_dev == ours.st_dev);
	assert_true(fcntl(ns, F_GETFD) & FD_CLOEXEC);
	assert_int_equal(join_net_of_socket(pidfd, null), -ENOTSOCK);
	assert_int_equal(join_net_of_socket(pidfd, 1000000), -EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_id),
		cmocka_unit_test(test_net_of_socket),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
