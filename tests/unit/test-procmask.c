/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/procmask: the tables, the choice of mask for what is found, the
 * null device check, and the refusal of a directory that is not a proc
 * or a sysfs (aimed at an empty temporary directory, so that nothing
 * could be mounted even if the refusal failed). Nothing here mounts. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "procmask.h"

static const struct procmask_entry *find(const struct procmask_entry *t, size_t n,
					 const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return &t[i];
	return NULL;
}

/* Each name is one component beneath the mount's root, once. */
static void check_names(const struct procmask_entry *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_true(t[i].name[0] != '\0');
		assert_null(strchr(t[i].name, '/'));
		assert_string_not_equal(t[i].name, ".");
		assert_string_not_equal(t[i].name, "..");
		assert_true(t[i].how == PROCMASK_RO || t[i].how == PROCMASK_EMPTY);
		assert_ptr_equal(find(t, n, t[i].name), &t[i]);
	}
}

static void test_tables(void **state)
{
	/* runc's readonlyPaths and maskedPaths under /proc, and /sys/firmware */
	static const char *const ro[] = { "sys", "sysrq-trigger", "irq", "bus", "fs" };
	static const char *const empty[] = { "kcore", "keys", "timer_list", "sched_debug",
					     "acpi", "scsi", "latency_stats" };
	const struct procmask_entry *e;

	check_names(procmask_proc_table, procmask_proc_count);
	check_names(procmask_sys_table, procmask_sys_count);
	assert_int_equal(procmask_proc_count, sizeof(ro) / sizeof(*ro) + sizeof(empty) / sizeof(*empty));
	for (size_t i = 0; i < sizeof(ro) / sizeof(*ro); i++) {
		assert_non_null(e = find(procmask_proc_table, procmask_proc_count, ro[i]));
		assert_int_equal(e->how, PROCMASK_RO);
	}
	for (size_t i = 0; i < sizeof(empty) / sizeof(*empty); i++) {
		assert_non_null(e = find(procmask_proc_table, procmask_proc_count, empty[i]));
		assert_int_equal(e->how, PROCMASK_EMPTY);
	}
	assert_int_equal(procmask_sys_count, 1);
	assert_non_null(e = find(procmask_sys_table, procmask_sys_count, "firmware"));
	assert_int_equal(e->how, PROCMASK_EMPTY);
}

static void test_action(void **state)
{
	assert_int_equal(procmask_action(PROCMASK_RO, S_IFDIR | 0555), PROCMASK_BIND_RO);
	assert_int_equal(procmask_action(PROCMASK_RO, S_IFREG | 0200), PROCMASK_BIND_RO);
	assert_int_equal(procmask_action(PROCMASK_EMPTY, S_IFREG | 0400), PROCMASK_BIND_NULL);
	assert_int_equal(procmask_action(PROCMASK_EMPTY, S_IFDIR | 0555), PROCMASK_TMPFS);
	/* a symbolic link (opened itself, O_NOFOLLOW) or a device: refused */
	assert_int_equal(procmask_action(PROCMASK_RO, S_IFLNK | 0777), -PROCMASK_EKIND);
	assert_int_equal(procmask_action(PROCMASK_EMPTY, S_IFLNK | 0777), -PROCMASK_EKIND);
	assert_int_equal(procmask_action(PROCMASK_EMPTY, S_IFCHR | 0666), -PROCMASK_EKIND);
	assert_int_equal(procmask_action(PROCMASK_RO, S_IFIFO | 0600), -PROCMASK_EKIND);
	assert_int_equal(procmask_action(PROCMASK_EMPTY, S_IFSOCK | 0600), -PROCMASK_EKIND);
}

static void test_is_null(void **state)
{
	struct stat st = { .st_mode = S_IFCHR | 0666, .st_rdev = makedev(1, 3) };

	assert_true(procmask_is_null(&st));
	st.st_rdev = makedev(1, 5);		/* /dev/zero */
	assert_false(procmask_is_null(&st));
	st.st_rdev = makedev(3, 1);
	assert_false(procmask_is_null(&st));
	st = (struct stat){ .st_mode = S_IFBLK | 0666, .st_rdev = makedev(1, 3) };
	assert_false(procmask_is_null(&st));
	st = (struct stat){ .st_mode = S_IFREG | 0666, .st_rdev = makedev(1, 3) };
	assert_false(procmask_is_null(&st));
	/* the real one, where the machine has it */
	if (stat("/dev/null", &st) == 0)
		assert_true(procmask_is_null(&st));
}

static void test_refuse_other_fs(void **state)
{
	char dir[] = "/tmp/test-procmask.XXXXXX";
	struct nsk_failure f = NSK_FAILURE_INIT;
	char line[512];
	int fd;

	assert_non_null(mkdtemp(dir));
	fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(procmask_proc(fd, "/x/proc", &f), -PROCMASK_ENOTPROC);
	assert_string_equal(nsk_failure_line(&f, -PROCMASK_ENOTPROC, line, sizeof(line)),
			    "/x/proc: checking what is mounted there: not a proc file system");
	assert_int_equal(procmask_sys(fd, "/sys", &f), -PROCMASK_ENOTSYSFS);
	assert_string_equal(f.object, "/sys");
	assert_int_equal(procmask_sys(fd, "/sys", NULL), -PROCMASK_ENOTSYSFS);
	close(fd);
	assert_int_equal(rmdir(dir), 0);
	assert_int_equal(procmask_proc(-1, "/proc", &f), -EBADF);
}

static void test_strerror(void **state)
{
	assert_string_equal(nsk_strerror(-PROCMASK_ENOTNULL),
			    "not the null device (character device 1:3)");
	assert_string_equal(nsk_strerror(-PROCMASK_ENOTPROC), "not a proc file system");
	assert_string_equal(nsk_strerror(-PROCMASK_ENOTSYSFS), "not a sysfs");
	assert_string_equal(nsk_strerror(-PROCMASK_EKIND),
			    "neither a regular file nor a directory");
	assert_string_equal(nsk_strerror(-EROFS), strerror(EROFS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_action),
		cmocka_unit_test(test_is_null),
		cmocka_unit_test(test_refuse_other_fs),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
