/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <sys/stat.h>

#include "unit.h"
#include "cleanup.h"
#include "errcode.h"
#include "idname.h"

static int find(const char *text, const char *name, uint32_t *id)
{
	return idname_find(text, strlen(text), name, id);
}

static void test_find(void **state)
{
	const char *passwd = "root:x:0:0:root:/root:/bin/sh\n"
			     "# nobody:x:1:1::/:/bin/false\n"
			     "+nis:x:5:5::/:\n"
			     "daemon:x:1:1::/:/usr/sbin/nologin\n"
			     "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n"
			     "nobody:x:7:7::/:\n"	/* a second entry: the first wins */
			     "last:x:1000";		/* no newline, no more fields */
	uint32_t id = 42;

	assert_int_equal(find(passwd, "root", &id), 0);
	assert_int_equal(id, 0);
	assert_int_equal(find(passwd, "nobody", &id), 0);
	assert_int_equal(id, 65534);
	assert_int_equal(find(passwd, "last", &id), 0);
	assert_int_equal(id, 1000);
	/* group(5) has the id in the same place */
	assert_int_equal(find("staff:x:50:alice,bob\n", "staff", &id), 0);
	assert_int_equal(id, 50);
}

static void test_not_found(void **state)
{
	const char *passwd = "root:x:0:0::/:\n"
			     "# daemon:x:1:1::/:\n"	/* a comment is no entry */
			     "+nis:x:5:5::/:\n"	/* nor a NIS line */
			     "rootx:x:9:9::/:\n";	/* a name is not a prefix */
	uint32_t id = 42;

	assert_int_equal(find(passwd, "daemon", &id), -IDNAME_ENONAME);
	assert_int_equal(find(passwd, "+nis", &id), -IDNAME_ENONAME);
	assert_int_equal(find(passwd, "roo", &id), -IDNAME_ENONAME);
	assert_int_equal(find(passwd, "", &id), -IDNAME_ENONAME);
	assert_int_equal(find(passwd, "root:x", &id), -IDNAME_ENONAME);
	assert_int_equal(find(passwd, "a\nroot", &id), -IDNAME_ENONAME);
	assert_int_equal(find("", "root", &id), -IDNAME_ENONAME);
	assert_int_equal(find("alice\n", "alice", &id), -IDNAME_ENONAME);
	assert_int_equal(find("\n\n\n", "root", &id), -IDNAME_ENONAME);
	assert_int_equal(id, 42);
}

static void test_bad_entries(void **state)
{
	const char *bad[] = {
		"alice:\n", "alice:x\n", "alice:x:\n", "alice:x::\n",
		"alice:x:-1:\n", "alice:x:+1:\n", "alice:x: 1:\n", "alice:x:1 :\n",
		"alice:x:abc:\n", "alice:x:4294967295:\n", "alice:x:4294967296:\n",
		"alice:x:99999999999999999999:\n", "alice:x:1x",
	};
	uint32_t id = 42;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int r = find(bad[i], "alice", &id);

		if (r != -IDNAME_EENTRY)
			fail_msg("'%s': %d", bad[i], r);
	}
	/* a bad entry of another name is not ours to judge */
	assert_int_equal(find("bob:x:zz:\nalice:x:7:\n", "alice", &id), 0);
	assert_int_equal(id, 7);
	/* text that is not NUL-terminated is read only to its length */
	assert_int_equal(idname_find("alice:x:12345", 11, "alice", &id), 0);
	assert_int_equal(id, 123);
}

static void test_lookup(void **state)
{
	char path[512], *root = unit_tmp();
	_cleanup_close_ int rootfd = -1;
	uint32_t id = 42;

	snprintf(path, sizeof(path), "%s/etc", root);
	assert_int_equal(mkdir(path, 0755), 0);
	unit_put(root, "etc/passwd", "root:x:0:0::/:\nalice:x:1234:1234::/:\n");
	assert_true((rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC)) >= 0);
	assert_int_equal(idname_lookup(rootfd, "/etc/passwd", "alice", &id), 0);
	assert_int_equal(id, 1234);
	assert_int_equal(idname_lookup(rootfd, "/etc/passwd", "bob", &id), -IDNAME_ENONAME);
	assert_int_equal(idname_lookup(rootfd, "/etc/group", "alice", &id), -ENOENT);
	/* an absolute link resolves inside the root, not to the host's file */
	snprintf(path, sizeof(path), "%s/etc/group", root);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	assert_int_equal(idname_lookup(rootfd, "/etc/group", "alice", &id), 0);
	assert_int_equal(id, 1234);
	/* and so does one that climbs */
	unlink(path);
	assert_int_equal(symlink("../../../../../../etc/passwd", path), 0);
	assert_int_equal(idname_lookup(rootfd, "/etc/group", "alice", &id), 0);
	/* a FIFO is not read (it would block), nor a directory */
	unlink(path);
	assert_int_equal(mkfifo(path, 0644), 0);
	assert_int_equal(idname_lookup(rootfd, "/etc/group", "alice", &id), -IDNAME_ENOTFILE);
	assert_int_equal(idname_lookup(rootfd, "/etc", "alice", &id), -IDNAME_ENOTFILE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find), cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_bad_entries), cmocka_unit_test(test_lookup),
	};
	return cmocka_run_group_tests(tests, unit_tmp_setup, unit_tmp_teardown);
}
