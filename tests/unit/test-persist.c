/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Persisting namespaces to files (lib/persist): which paths ask for it,
 * the bind mounts and their undo, and the helper that keeps them only
 * when told to. The mounts are made in a temporary directory inside a
 * mount namespace of the test's own (unit_private_mounts). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "ns.h"
#include "persist.h"

static const char *paths[16];	/* by ns_types[] index; NULL: not asked */

/* Ask for namespace NAME to be persisted at tmp/FILE (NULL: not at all). */
static void ask(const char *name, const char *file)
{
	static char buf[16][256];
	unsigned i = (unsigned)(ns_by_proc_name(name) - ns_types);

	if (file)
		snprintf(buf[i], sizeof(buf[i]), "%s/%s", unit_tmp(), file);
	paths[i] = file ? buf[i] : NULL;
}

static void ask_none(void)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		paths[i] = NULL;
}

static bool exists(const char *file)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", unit_tmp(), file);
	return access(path, F_OK) == 0;
}

/* Whether tmp/FILE holds our own namespace NAME. */
static bool holds_ours(const char *file, const char *name)
{
	char path[256], ours[64];
	struct stat a, b;

	snprintf(path, sizeof(path), "%s/%s", unit_tmp(), file);
	snprintf(ours, sizeof(ours), "/proc/self/ns/%s", name);
	return ns_is_nsfs(path) && stat(path, &a) == 0 && stat(ours, &b) == 0 &&
	       a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

static void test_any(void **state)
{
	assert_true(ns_type_count <= 16);
	ask_none();
	assert_false(persist_any(paths));
	ask("time", "t");
	assert_true(persist_any(paths));
	ask("time", NULL);
	assert_false(persist_any(paths));
}

/* Refusals need no privilege: nothing is made, nothing left. */
static void test_refusals(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct persisted done = PERSISTED_INIT;

	ask_none();
	unit_put(unit_tmp(), "full", "x");
	ask("net", "full");
	assert_true(persist_all(paths, getpid(), &done, &f) < 0);
	assert_true(*f.object);
	assert_int_equal(done.count, 0);
	assert_string_equal(unit_get(unit_tmp(), "full"), "x");
	ask("net", "no/such/dir");
	assert_true(persist_all(paths, getpid(), &done, &f) < 0);
	assert_true(*f.object);
	assert_int_equal(done.count, 0);
	assert_false(exists("no"));
}

static void test_persist_and_undo(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct persisted done = PERSISTED_INIT;
	int r = unit_private_mounts();

	if (r < 0)
		skip();
	ask_none();
	/* a file that is there (empty) is used, and left there after */
	unit_put(unit_tmp(), "uts", "");
	ask("uts", "uts");
	ask("net", "net");
	assert_int_equal(persist_all(paths, getpid(), &done, &f), 0);
	assert_int_equal(done.count, 2);
	assert_true(holds_ours("net", "net"));
	assert_true(holds_ours("uts", "uts"));
	/* a file that holds a namespace already is refused */
	struct persisted again = PERSISTED_INIT;
	assert_true(persist_all(paths, getpid(), &again, &f) < 0);
	assert_true(*f.object);
	assert_int_equal(again.count, 0);
	assert_true(holds_ours("net", "net"));
	assert_int_equal(unpersist_all(&done), 0);
	assert_int_equal(done.count, 0);
	assert_false(exists("net"));		/* made by it: removed */
	assert_true(exists("uts"));		/* not made by it: kept, unmounted */
	assert_false(ns_is_nsfs(paths[ns_by_proc_name("uts") - ns_types]));

	/* a failure after a success undoes the success */
	ask("uts", NULL);
	ask("mnt", "no/such/dir");
	assert_true(persist_all(paths, getpid(), &done, &f) < 0);
	assert_true(*f.object);
	assert_int_equal(done.count, 0);
	assert_false(exists("net"));
}

/* A file that cannot be undone stays in done, with its error, for the
 * caller to name; the others go. */
static void test_unpersist_left(void **state)
{
	struct persisted done = PERSISTED_INIT;
	char kept[256];

	/* not mounts: the detach fails (EINVAL), and the file stays */
	snprintf(kept, sizeof(kept), "%s/kept", unit_tmp());
	unit_put(unit_tmp(), "kept", "");
	done.type[0] = (unsigned)(ns_by_proc_name("net") - ns_types);
	done.path[0] = "/nonexistent/nskit/net";
	done.made[0] = 0;
	done.type[1] = (unsigned)(ns_by_proc_name("uts") - ns_types);
	done.path[1] = kept;
	done.made[1] = 0;
	done.count = 2;
	assert_int_equal(unpersist_all(&done), 2);
	assert_int_equal(done.count, 2);
	assert_string_equal(done.path[0], "/nonexistent/nskit/net");
	assert_true(done.err[0] < 0);
	assert_string_equal(done.path[1], kept);
	assert_int_equal(done.err[1], -EINVAL);
	assert_string_equal(ns_types[done.type[1]].proc_name, "uts");
	assert_true(exists("kept"));	/* not made by it: never removed */
	/* once undone (here: nothing to undo), nothing stays */
	done.count = 0;
	assert_int_equal(unpersist_all(&done), 0);
}

/* Files another process names are undone only where they hold its
 * namespace of their type: here ours, named right and wrong. */
static void test_unpersist_holding(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct persisted done = PERSISTED_INIT, named = PERSISTED_INIT;
	struct ns_id ids[NS_TYPE_MAX];
	char plain[256];
	int procfd, r = unit_private_mounts();

	if (r < 0)
		skip();
	procfd = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	assert_int_equal(ns_ids_at(procfd, true, ids), 0);
	close(procfd);
	ask_none();
	ask("net", "net");
	ask("uts", "uts");
	assert_int_equal(persist_all(paths, getpid(), &done, &f), 0);
	assert_int_equal(done.count, 2);
	/* named wrong, each file said to hold the other's namespace: left */
	named = done;
	named.type[0] = done.type[1];
	named.type[1] = done.type[0];
	assert_int_equal(unpersist_holding(&named, ids), 2);
	assert_int_equal(named.err[0], -PERSIST_ENOTOURS);
	assert_int_equal(named.err[1], -PERSIST_ENOTOURS);
	assert_true(holds_ours("net", "net") && holds_ours("uts", "uts"));
	/* named right: undone */
	named = done;
	assert_int_equal(unpersist_holding(&named, ids), 0);
	assert_false(exists("net"));
	assert_false(holds_ours("uts", "uts"));	/* there before (test_persist_and_undo) */
	/* a file that holds no namespace at all is left alone */
	snprintf(plain, sizeof(plain), "%s/plain", unit_tmp());
	unit_put(unit_tmp(), "plain", "");
	named = done;
	named.path[0] = plain;
	named.count = 1;
	assert_int_equal(unpersist_holding(&named, ids), 1);
	assert_int_equal(named.err[0], -PERSIST_ENOTOURS);
	assert_true(exists("plain"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_any),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_persist_and_undo),
		cmocka_unit_test(test_unpersist_left),
		cmocka_unit_test(test_unpersist_holding),
	};
	return cmocka_run_group_tests(tests, unit_tmp_setup, unit_tmp_teardown);
}
