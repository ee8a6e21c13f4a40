/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Acting on mounts (lib/mnt): questions answered by statx, checked
 * against mountinfo (lib/mountinfo), and propagation and read-only
 * changes made on tmpfs mounts in a mount namespace of the test's own
 * (unit_private_mounts), in a temporary directory. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "unit.h"
#include "mnt.h"
#include "mountinfo.h"

/* tmp/REL, in a buffer of its own for each of a few calls. */
static const char *at(const char *rel)
{
	static char buf[4][256];
	static unsigned next;
	char *p = buf[next++ % 4];

	snprintf(p, 256, "%s/%s", unit_tmp(), rel);
	return p;
}

/* The mountinfo entry of the mount PATH is on, by statx's mount id. */
static struct mnt_entry entry_of(const char *path)
{
	struct mountinfo mi;
	struct mnt_entry e;
	size_t bad;
	int id;

	assert_int_equal(mnt_id_of(path, &id), 0);
	assert_int_equal(mountinfo_read_at(AT_FDCWD, "/proc/self/mountinfo", &mi, &bad), 0);
	assert_non_null(mountinfo_find_id(&mi, id));
	e = *mountinfo_find_id(&mi, id);
	/* the strings go with mi: keep only what the tests read */
	e.root = e.target = e.options = e.optional = e.fstype = e.source = e.super_options = NULL;
	mountinfo_free(&mi);
	return e;
}

static void test_questions(void **state)
{
	struct mountinfo mi;
	size_t bad;
	int id;

	assert_int_equal(mnt_is_mount_point("/"), 1);
	assert_int_equal(mnt_is_mount_point("/proc"), 1);
	assert_int_equal(mnt_is_mount_point(unit_tmp()), 0);
	assert_int_equal(mnt_is_mount_point(at("missing")), -ENOENT);
	/* statx's id is mountinfo's */
	assert_int_equal(mountinfo_read_at(AT_FDCWD, "/proc/self/mountinfo", &mi, &bad), 0);
	assert_int_equal(mnt_id_of("/", &id), 0);
	assert_int_equal(id, mountinfo_find_path(&mi, "/")->id);
	assert_int_equal(mnt_id_of("/proc/self/stat", &id), 0);
	assert_int_equal(id, mountinfo_find_path(&mi, "/proc")->id);
	mountinfo_free(&mi);
	assert_int_equal(mnt_id_of(at("missing"), &id), -ENOENT);
}

static void mount_tmpfs(const char *rel)
{
	assert_int_equal(mkdir(at(rel), 0755), 0);
	assert_int_equal(mount("mnt-test", at(rel), "tmpfs", 0, "size=64k"), 0);
}

static void test_propagation(void **state)
{
	struct mnt_entry a, b, sub;

	if (unit_private_mounts() < 0)
		skip();
	mount_tmpfs("a");
	mount_tmpfs("a/sub");
	assert_int_equal(mnt_is_mount_point(at("a")), 1);
	assert_int_equal(mnt_is_mount_point(at("a/sub")), 1);

	/* one mount, or the tree beneath */
	assert_int_equal(mnt_set_propagation(at("a"), MS_SHARED, false), 0);
	assert_true(entry_of(at("a")).shared > 0);
	assert_int_equal(entry_of(at("a/sub")).shared, 0);
	assert_int_equal(mnt_set_propagation(at("a"), MS_SHARED, true), 0);
	assert_true(entry_of(at("a/sub")).shared > 0);
	assert_int_equal(mnt_set_propagation(at("a"), MS_PRIVATE, true), 0);
	a = entry_of(at("a"));
	sub = entry_of(at("a/sub"));
	assert_string_equal(mnt_entry_propagation(&a), "private");
	assert_string_equal(mnt_entry_propagation(&sub), "private");

	/* a peer made a slave receives from the other */
	assert_int_equal(mnt_set_propagation(at("a"), MS_SHARED, false), 0);
	assert_int_equal(mkdir(at("b"), 0755), 0);
	assert_int_equal(mount(at("a"), at("b"), NULL, MS_BIND, NULL), 0);
	assert_int_equal(mnt_set_propagation(at("b"), MS_SLAVE, false), 0);
	a = entry_of(at("a"));
	b = entry_of(at("b"));
	assert_true(b.master > 0);
	assert_int_equal(b.master, a.shared);
	assert_string_equal(mnt_entry_propagation(&b), "slave");
	assert_int_equal(mnt_set_propagation(at("b"), MS_UNBINDABLE, false), 0);
	b = entry_of(at("b"));
	assert_true(b.unbindable);

	/* not a mount point, or not there */
	assert_int_equal(mkdir(at("plain"), 0755), 0);
	assert_int_equal(mnt_set_propagation(at("plain"), MS_PRIVATE, false), -EINVAL);
	assert_int_equal(mnt_set_propagation(at("missing"), MS_PRIVATE, false), -ENOENT);

	assert_int_equal(umount2(at("b"), MNT_DETACH), 0);
	assert_int_equal(umount2(at("a"), MNT_DETACH), 0);
}

static bool read_only(const char *path)
{
	struct statvfs sv;

	assert_int_equal(statvfs(path, &sv), 0);
	return sv.f_flag & ST_RDONLY;
}

static void test_readonly(void **state)
{
	int fd;

	if (unit_private_mounts() < 0)
		skip();
	mount_tmpfs("r");
	mount_tmpfs("r/sub");
	assert_int_equal(mount(NULL, at("r"), NULL, MS_REMOUNT | MS_BIND | MS_NOSUID, NULL), 0);

	/* one mount: the one beneath stays writable; its other flags stay */
	assert_true((fd = open(at("r"), O_PATH | O_CLOEXEC)) >= 0);
	assert_int_equal(mnt_set_readonly_fd(fd, false), 0);
	assert_true(read_only(at("r")));
	assert_false(read_only(at("r/sub")));
	struct statvfs sv;
	assert_int_equal(statvfs(at("r"), &sv), 0);
	assert_true(sv.f_flag & ST_NOSUID);
	assert_int_equal(open(at("r/new"), O_WRONLY | O_CREAT | O_CLOEXEC, 0644), -1);
	assert_int_equal(errno, EROFS);
	/* the tree beneath */
	assert_int_equal(mnt_set_readonly_fd(fd, true), 0);
	assert_true(read_only(at("r/sub")));
	close(fd);
	assert_int_equal(umount2(at("r"), MNT_DETACH), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_propagation),
		cmocka_unit_test(test_readonly),
	};
	return cmocka_run_group_tests(tests, unit_tmp_setup, unit_tmp_teardown);
}
