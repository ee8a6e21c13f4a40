/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Borrowed privilege (lib/privs): what nsmap keeps, installed setuid root,
 * with file capabilities, or run by root or by anyone else. Each case runs
 * in a child of its own, which sets up the credentials of the install it
 * stands for (root can: keep capabilities across a change of uid, drop
 * some) and reports the first check that failed. */
#include <linux/capability.h>
#include <sys/syscall.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "privs.h"

#define NOBODY 65534
#define BOTH (PRIVS_SETUID | PRIVS_SETGID)

/* In a child: 0, or the line of the first check that failed. */
#define CHECK(cond)                      \
	do {                             \
		if (!(cond))             \
			return __LINE__; \
	} while (0)

/* Run fn in a child; fail with the line it reports. */
static void in_child(int (*fn)(void))
{
	int fds[2], line = -1, status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		line = fn();
		_exit(write(fds[1], &line, sizeof(line)) == sizeof(line) ? 0 : 1);
	}
	close(fds[1]);
	if (read(fds[0], &line, sizeof(line)) != sizeof(line))
		line = -1;
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (line != 0)
		fail_msg("check at line %d failed (child status %d)", line, status);
}

/* The process's sets, as the kernel reports them: [0] effective, [1]
 * permitted. */
static bool in_set(int which, int cap)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &h, d) < 0)
		return false;
	return (which ? d[cap / 32].permitted : d[cap / 32].effective) & (1u << (cap % 32));
}

static bool effective(int cap)
{
	return in_set(0, cap);
}

static bool permitted(int cap)
{
	return in_set(1, cap);
}

/* Root keeps the two, and what mapping another user's namespace or uid 0
 * takes; nothing else; and the environment is gone. */
static int root_keeps(void)
{
	static const int kept[] = { CAP_SETUID, CAP_SETGID, CAP_SYS_ADMIN, CAP_SYS_PTRACE,
				    CAP_DAC_OVERRIDE, CAP_SETFCAP };
	extern char **environ;

	CHECK(setenv("NSKIT_PRIVS_TEST", "1", 1) == 0);
	CHECK(privs_keep_setid() == BOTH);
	for (unsigned i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		CHECK(effective(kept[i]) && permitted(kept[i]));
	CHECK(!effective(CAP_NET_ADMIN) && !permitted(CAP_NET_ADMIN));
	CHECK(!effective(CAP_CHOWN) && !permitted(CAP_CHOWN));
	CHECK(!environ || !environ[0]);
	CHECK(privs_setid_held() == BOTH);
	CHECK(getuid() == 0 && geteuid() == 0);
	return 0;
}

/* setuid root: back to the real user, keeping the two, nothing more; the
 * real ids are the ones said. */
static int setuid_root(void)
{
	uid_t uid = 0;
	gid_t gid = 0;

	CHECK(setresgid(NOBODY, 0, 0) == 0 && setresuid(NOBODY, 0, 0) == 0);
	CHECK(privs_keep_setid_ids(&uid, &gid) == BOTH);
	CHECK(uid == NOBODY && gid == NOBODY);
	CHECK(getuid() == NOBODY && geteuid() == NOBODY && getgid() == NOBODY &&
	      getegid() == NOBODY);
	CHECK(effective(CAP_SETUID) && effective(CAP_SETGID));
	CHECK(!permitted(CAP_SYS_ADMIN) && !permitted(CAP_DAC_OVERRIDE));
	CHECK(privs_setid_held() == BOTH);
	return 0;
}

/* Become nobody; with keep, holding only CAP (-1: none) in the
 * permitted set, as file capabilities give a user. */
static int become_nobody(bool keep, int cap)
{
	if (keep && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
		return -1;
	if (setresgid(NOBODY, NOBODY, NOBODY) < 0 || setresuid(NOBODY, NOBODY, NOBODY) < 0)
		return -1;
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3] = { { 0, 0, 0 } };

	if (cap >= 0)
		d[cap / 32].permitted = 1u << (cap % 32);
	return syscall(SYS_capset, &h, d) < 0 ? -1 : 0;
}

/* File capabilities that give only one of the two: that one is held. */
static int only_setuid(void)
{
	CHECK(become_nobody(true, CAP_SETUID) == 0);
	CHECK(privs_keep_setid() == PRIVS_SETUID);
	CHECK(effective(CAP_SETUID) && !effective(CAP_SETGID));
	CHECK(privs_setid_held() == PRIVS_SETUID);
	return 0;
}

/* A user with no capability at all: none held, no error. */
static int unprivileged(void)
{
	CHECK(geteuid() != 0 || become_nobody(false, -1) == 0);
	CHECK(privs_keep_setid() == 0);
	CHECK(privs_setid_held() == 0);
	CHECK(!permitted(CAP_SETUID) && !permitted(CAP_SETGID));
	return 0;
}

static void test_root(void **state)
{
	if (geteuid() != 0)
		skip();
	in_child(root_keeps);
}

static void test_setuid_root(void **state)
{
	if (geteuid() != 0)
		skip();
	in_child(setuid_root);
}

static void test_file_caps_partial(void **state)
{
	if (geteuid() != 0)
		skip();
	in_child(only_setuid);
}

static void test_unprivileged(void **state)
{
	in_child(unprivileged);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root),
		cmocka_unit_test(test_setuid_root),
		cmocka_unit_test(test_file_caps_partial),
		cmocka_unit_test(test_unprivileged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
