/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "mnt.h"
#include "procmask.h"

#ifndef SYSFS_MAGIC
#define SYSFS_MAGIC 0x62656572
#endif

/* runc's defaults (libcontainer/specconv: readonlyPaths, maskedPaths).
 * Read-only: sysctls (core_pattern runs a program as host root), the
 * SysRq trigger (reboot, crash), IRQ affinity, bus and file system
 * tunables. Empty: kernel memory (kcore), the keys of every keyring the
 * caller may view, timer and scheduler state that leaks host addresses and
 * activity, and drivers' proc files (acpi, scsi) that accept commands. */
const struct procmask_entry procmask_proc_table[] = {
	{ "sys", PROCMASK_RO },
	{ "sysrq-trigger", PROCMASK_RO },
	{ "irq", PROCMASK_RO },
	{ "bus", PROCMASK_RO },
	{ "fs", PROCMASK_RO },
	{ "kcore", PROCMASK_EMPTY },
	{ "keys", PROCMASK_EMPTY },
	{ "timer_list", PROCMASK_EMPTY },
	{ "sched_debug", PROCMASK_EMPTY },
	{ "acpi", PROCMASK_EMPTY },
	{ "scsi", PROCMASK_EMPTY },
	{ "latency_stats", PROCMASK_EMPTY },
};
const size_t procmask_proc_count = ELEMENTSOF(procmask_proc_table);

/* Firmware tables (ACPI, DMI, EFI variables): host facts, some writable. */
const struct procmask_entry procmask_sys_table[] = {
	{ "firmware", PROCMASK_EMPTY },
};
const size_t procmask_sys_count = ELEMENTSOF(procmask_sys_table);

int procmask_action(enum procmask_how how, mode_t mode)
{
	if (!S_ISREG(mode) && !S_ISDIR(mode))
		return -PROCMASK_EKIND;
	if (how == PROCMASK_RO)
		return PROCMASK_BIND_RO;
	return S_ISDIR(mode) ? PROCMASK_TMPFS : PROCMASK_BIND_NULL;
}

bool procmask_is_null(const struct stat *st)
{
	return S_ISCHR(st->st_mode) && major(st->st_rdev) == 1 && minor(st->st_rdev) == 3;
}

/* An O_PATH fd of NAME beneath DIRFD, never through a symbolic link (a
 * trailing one is opened itself, and refused by procmask_action). Without
 * cross_mounts, NAME must be on DIRFD's own mount: something mounted on
 * it already would be masked instead of the kernel's file. */
static int open_beneath(int dirfd, const char *name, bool cross_mounts)
{
	struct open_how how = {
		.flags = O_PATH | O_NOFOLLOW | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS |
			   (cross_mounts ? 0 : RESOLVE_NO_XDEV),
	};
	int fd = (int)syscall(SYS_openat2, dirfd, name, &how, sizeof(how));

	return fd < 0 ? -errno : fd;
}

/* The null device of our root, checked: a container may have put
 * anything at its /dev/null (runc's CVE-2025-31133: a symbolic link
 * there made the "mask" a writable bind of a sysctl). */
static int open_null(void)
{
	_cleanup_close_ int fd = open("/dev/null", O_PATH | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0)
		return -errno;
	if (!procmask_is_null(&st))
		return -PROCMASK_ENOTNULL;
	return TAKE_FD(fd);
}

/* mount(2) through fds: /proc/self/fd/N names exactly what was opened. */
static int mount_fd(int srcfd, const char *src, int dstfd, const char *fstype,
		    unsigned long flags, const char *data)
{
	char srcpath[32], dstpath[32];

	if (srcfd >= 0) {
		snprintf(srcpath, sizeof(srcpath), "/proc/self/fd/%d", srcfd);
		src = srcpath;
	}
	snprintf(dstpath, sizeof(dstpath), "/proc/self/fd/%d", dstfd);
	if (mount(src, dstpath, fstype, flags, data) < 0)
		return -errno;
	return 0;
}

/* Bind NAME (open as FD) onto itself, then make the new mount, reached
 * by a second walk from DIRFD, read-only: mnt_set_readonly_fd keeps the
 * flags a user namespace locks (nosuid, nodev, noexec). */
static int bind_ro(int dirfd, const char *name, int fd, const char *path, struct nsk_failure *f)
{
	_cleanup_close_ int bindfd = -1;
	int r;

	if ((r = mount_fd(fd, NULL, fd, NULL, MS_BIND, NULL)) < 0)
		return nsk_fail(f, r, "binding it onto itself", "%s/%s", path, name);
	if ((bindfd = open_beneath(dirfd, name, true)) < 0)
		return nsk_fail(f, bindfd, "making it read-only", "%s/%s", path, name);
	if ((r = mnt_set_readonly_fd(bindfd, false)) < 0)
		return nsk_fail(f, r, "making it read-only", "%s/%s", path, name);
	return 0;
}

/* Mask one entry of a table (PATH names the table's directory for the
 * record); *nullfd is opened on first need. */
static int mask_one(int dirfd, const struct procmask_entry *e, int *nullfd, const char *path,
		    struct nsk_failure *f)
{
	_cleanup_close_ int fd = open_beneath(dirfd, e->name, false);
	struct stat st;
	int r;

	if (fd == -ENOENT)
		return 0;	/* not on this kernel: nothing to mask */
	r = fd < 0 ? fd : fstat(fd, &st) < 0 ? -errno : procmask_action(e->how, st.st_mode);
	if (r < 0)
		return nsk_fail(f, r, "opening it to mask it", "%s/%s", path, e->name);
	switch (r) {
	case PROCMASK_BIND_RO:
		return bind_ro(dirfd, e->name, fd, path, f);
	case PROCMASK_BIND_NULL:
		if (*nullfd < 0 && (*nullfd = open_null()) < 0)
			return nsk_fail(f, *nullfd, "opening the null device to mask files with",
					"/dev/null");
		if ((r = mount_fd(*nullfd, NULL, fd, NULL, MS_BIND, NULL)) < 0)
			return nsk_fail(f, r, "binding the null device onto it", "%s/%s", path,
					e->name);
		return 0;
	default:
		/* Read-only from birth: nothing can be put in it. */
		if ((r = mount_fd(-1, "tmpfs", fd, "tmpfs",
				  MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0555")) < 0)
			return nsk_fail(f, r, "mounting an empty tmpfs on it", "%s/%s", path,
					e->name);
		return 0;
	}
}

static int mask_table(int dirfd, const struct procmask_entry *table, size_t n,
		      const char *path, struct nsk_failure *f)
{
	_cleanup_close_ int nullfd = -1;
	int r;

	for (size_t i = 0; i < n; i++)
		if ((r = mask_one(dirfd, &table[i], &nullfd, path, f)) < 0)
			return r;
	return 0;
}

/* The masks are meant for a file system of one type: refuse another
 * (a caller whose mount did not land where it looked). */
static int check_fs(int dirfd, long magic, int err, const char *path, struct nsk_failure *f)
{
	struct statfs sf;

	if (fstatfs(dirfd, &sf) < 0)
		err = errno;
	else if (sf.f_type == magic)
		return 0;
	return nsk_fail(f, -err, "checking what is mounted there", "%s", path);
}

int procmask_proc(int procfd, const char *path, struct nsk_failure *f)
{
	int r = check_fs(procfd, PROC_SUPER_MAGIC, PROCMASK_ENOTPROC, path, f);

	if (r < 0)
		return r;
	return mask_table(procfd, procmask_proc_table, procmask_proc_count, path, f);
}

int procmask_sys(int sysfd, const char *path, struct nsk_failure *f)
{
	int r = check_fs(sysfd, SYSFS_MAGIC, PROCMASK_ENOTSYSFS, path, f);

	if (r < 0)
		return r;
	return mask_table(sysfd, procmask_sys_table, procmask_sys_count, path, f);
}
