/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "helper.h"
#include "mapreq.h"
#include "msg.h"
#include "ns.h"

/* Whether a process has ended: gone, or a zombie its new parent has not
 * reaped yet. */
static bool ended(pid_t pid)
{
	char path[64], text[512];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (!(f = fopen(path, "r")))
		return true;
	size_t n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	const char *paren = strrchr(text, ')');
	return !paren || paren[1] == '\0' || paren[2] == 'Z' || paren[2] == 'X';
}

static unsigned net_index(void)
{
	return (unsigned)(ns_by_option("net") - ns_types);
}

/* ~8 KiB and ~6 KiB: not on a test's stack */
static struct mapreq maps;
static struct mapwrite_request req;
static struct idpolicy_caller caller;
static struct nsk_failure fail;

/* The line of the last failure the helper reported. */
static const char *line_of(int r)
{
	static char line[8192];

	return nsk_failure_line(&fail, r, line, sizeof(line));
}

/* Nothing to do: no helper, and every call does nothing. */
static void test_nothing_to_do(void **state)
{
	const char *none[NS_TYPE_MAX] = { NULL };
	struct helper_work w = { .persist = none };
	struct helper h = HELPER_INIT;

	nsk_fail_clear(&fail);
	assert_int_equal(helper_start(&h, &w, &fail), 0);
	assert_int_equal(h.pid, -1);
	assert_int_equal(helper_write_maps(&h, getpid(), &fail), 0);
	assert_int_equal(helper_persist(&h, getpid(), &fail), 0);
	assert_int_equal(helper_finish(&h, true, NULL), 0);
	assert_string_equal(fail.object, "");
	assert_string_equal(fail.detail, "");
}

/* The helper writes the map of a process that unshares: this child's own
 * id, which needs no privilege. */
static void test_writes_maps(void **state)
{
	int status;
	pid_t child;

	if (access("/proc/self/ns/user", F_OK) != 0)
		skip();
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct helper h = HELPER_INIT;
		char text[64] = "";
		uid_t outside = geteuid();
		int fd, n;

		maps = (struct mapreq)MAPREQ_INIT;
		mapreq_add_own(&maps, true, 0, false, 0, -1);
		if (mapreq_resolve(&maps, &req, &caller, NULL) < 0)
			_exit(2);
		struct helper_work w = { .maps = &req, .caller = &caller };
		if (helper_start(&h, &w, &fail) < 0 || !h.maps || h.persists)
			_exit(3);
		if (unshare(CLONE_NEWUSER) < 0)
			_exit(77);	/* no user namespaces here */
		if (helper_write_maps(&h, getpid(), &fail) < 0)
			_exit(4);
		/* nothing to persist: a no-op, and the helper ends when told */
		if (helper_persist(&h, getpid(), &fail) < 0 ||
		    helper_finish(&h, true, NULL) < 0 || h.pid != -1)
			_exit(5);
		fd = open("/proc/self/uid_map", O_RDONLY | O_CLOEXEC);
		n = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);
		text[n > 0 ? n : 0] = '\0';
		unsigned inner = 9, outer = 9, count = 9;
		if (sscanf(text, "%u %u %u", &inner, &outer, &count) != 3)
			_exit(6);
		_exit(inner == 0 && outer == outside && count == 1 ? 0 : 7);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		skip();
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* A refusal comes back in the record, the line to print; the helper then
 * waits for more, and ends on its channel's end. */
static void test_refusal_comes_back(void **state)
{
	struct helper h = HELPER_INIT;
	struct persisted left;
	int r;

	mapwrite_request_release(&maps.req);
	mapwrite_request_release(&req);
	idpolicy_caller_release(&caller);
	maps = (struct mapreq)MAPREQ_INIT;
	assert_int_equal(mapreq_add_range(&maps, false, "0:100000:65536"), 0);
	assert_int_equal(mapreq_resolve(&maps, &req, &caller, NULL), 0);
	struct helper_work w = { .maps = &req, .caller = &caller };
	assert_int_equal(helper_start(&h, &w, &fail), 0);
	assert_true(h.pid > 0);
	/* the maps of a process that has exited */
	assert_true((r = helper_write_maps(&h, 4194304, &fail)) < 0);
	assert_string_equal(line_of(r), "process 4194304: no such process");
	/* undo: nothing was made, nothing to say */
	assert_int_equal(helper_finish(&h, false, &left), 0);
	assert_int_equal(left.count, 0);
	assert_int_equal(h.pid, -1);
}

/* A file that cannot be made: the line, and nothing left behind (the
 * file is made before any bind mount, so this needs no privilege). */
static void test_persist_refusal(void **state)
{
	const char *paths[NS_TYPE_MAX] = { NULL };
	char dir[] = "/tmp/nskit-unit-helper.XXXXXX", path[64], want[128];
	struct helper h = HELPER_INIT;
	struct persisted left;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/no/such/dir", dir);
	paths[net_index()] = path;
	struct helper_work w = { .persist = paths };
	assert_int_equal(helper_start(&h, &w, &fail), 0);
	assert_true(h.pid > 0 && h.persists && !h.maps);
	assert_int_equal(helper_persist(&h, getpid(), &fail), -ENOENT);
	snprintf(want, sizeof(want), "%s: create of the net namespace: %s", path, strerror(ENOENT));
	assert_string_equal(line_of(-ENOENT), want);
	assert_int_equal(helper_finish(&h, false, &left), 0);
	assert_int_equal(left.count, 0);
	assert_int_equal(rmdir(dir), 0);	/* empty: nothing was left in it */
}

/* A caller that dies without a word: the helper ends (and would undo). */
static void test_caller_dies(void **state)
{
	const char *paths[NS_TYPE_MAX] = { NULL };
	int status, up[2];
	pid_t caller_pid, helper_pid;

	paths[net_index()] = "/nonexistent/net";
	assert_int_equal(pipe(up), 0);
	caller_pid = fork();
	assert_true(caller_pid >= 0);
	if (caller_pid == 0) {
		struct helper h = HELPER_INIT;
		struct helper_work w = { .persist = paths };

		if (helper_start(&h, &w, NULL) < 0)
			_exit(1);
		(void)!write(up[1], &h.pid, sizeof(h.pid));
		_exit(0);	/* without helper_finish */
	}
	close(up[1]);
	assert_int_equal(read(up[0], &helper_pid, sizeof(helper_pid)), (int)sizeof(helper_pid));
	close(up[0]);
	assert_int_equal(waitpid(caller_pid, &status, 0), caller_pid);
	/* the helper, now an orphan, sees the end of its channel and ends */
	for (int i = 0; i < 500 && !ended(helper_pid); i++)
		usleep(10000);
	assert_true(ended(helper_pid));
}

/* What an undo cannot remove comes back to the caller, to name: here a
 * file whose bind mount the test took away itself (the helper's detach
 * then fails). In a child, in a mount namespace of its own. */
static void test_undo_left(void **state)
{
	int status;
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0) {
		const char *paths[NS_TYPE_MAX] = { NULL };
		char dir[] = "/tmp/nskit-unit-helper.XXXXXX", path[64];
		struct helper h = HELPER_INIT;
		struct persisted left;

		if (unit_private_mounts() < 0)
			_exit(77);
		if (!mkdtemp(dir))
			_exit(2);
		snprintf(path, sizeof(path), "%s/net", dir);
		paths[net_index()] = path;
		struct helper_work w = { .persist = paths };
		if (helper_start(&h, &w, NULL) < 0 || helper_persist(&h, getpid(), NULL) < 0)
			_exit(3);
		if (!ns_is_nsfs(path) || umount2(path, MNT_DETACH) < 0)
			_exit(4);
		if (helper_finish(&h, false, &left) < 0 || h.pid != -1)
			_exit(5);
		if (left.count != 1 || left.path[0] != paths[net_index()] ||
		    left.err[0] != -EINVAL || left.type[0] != net_index())
			_exit(6);
		/* the file it made went all the same */
		if (access(path, F_OK) == 0 || rmdir(dir) < 0)
			_exit(7);
		_exit(0);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		skip();
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_to_do),
		cmocka_unit_test(test_writes_maps),
		cmocka_unit_test(test_refusal_comes_back),
		cmocka_unit_test(test_persist_refusal),
		cmocka_unit_test(test_caller_dies),
		cmocka_unit_test(test_undo_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
