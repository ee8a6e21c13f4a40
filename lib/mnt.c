/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "mnt.h"

#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif
#ifndef STATX_MNT_ID
#define STATX_MNT_ID 0x00001000U
#endif
#ifndef STATX_ATTR_MOUNT_ROOT
#define STATX_ATTR_MOUNT_ROOT 0x00002000
#endif
#define NSK_MOUNT_ATTR_RDONLY 0x00000001

/* struct mount_attr, MOUNT_ATTR_SIZE_VER0 (linux/mount.h); spelled out so
 * that building does not need a C library that knows mount_setattr. */
struct nsk_mount_attr {
	uint64_t attr_set, attr_clr, propagation, userns_fd;
};

/* path "" means dirfd itself (AT_EMPTY_PATH). */
static int mount_setattr_at(int dirfd, const char *path, bool recursive,
			    struct nsk_mount_attr *attr)
{
#ifdef SYS_mount_setattr
	unsigned flags = (recursive ? AT_RECURSIVE : 0) | (*path ? 0 : AT_EMPTY_PATH);

	if (syscall(SYS_mount_setattr, dirfd, path, flags, attr, sizeof(*attr)) < 0)
		return -errno;
	return 0;
#else
	return -ENOSYS;
#endif
}

int mnt_set_propagation(const char *path, unsigned long type, bool recursive)
{
	struct nsk_mount_attr attr = { .propagation = type };
	int r = mount_setattr_at(AT_FDCWD, path, recursive, &attr);

	if (r != -ENOSYS)
		return r;
	/* Before 5.12: the one propagation change mount(2) knows. */
	if (mount("none", path, NULL, type | (recursive ? MS_REC : 0), NULL) < 0)
		return -errno;
	return 0;
}

/* The per-mount flags a read-only remount must repeat: mount(2) clears
 * the ones it is not given, and refuses to clear locked ones. */
static unsigned long kept_flags(unsigned long f_flag)
{
	static const struct {
		unsigned long st, ms;
	} map[] = {
		{ ST_NOSUID, MS_NOSUID }, { ST_NODEV, MS_NODEV }, { ST_NOEXEC, MS_NOEXEC },
		{ ST_NOATIME, MS_NOATIME }, { ST_NODIRATIME, MS_NODIRATIME },
		{ ST_RELATIME, MS_RELATIME },
	};
	unsigned long ms = 0;

	for (unsigned i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (f_flag & map[i].st)
			ms |= map[i].ms;
	return ms;
}

int mnt_set_readonly_fd(int fd, bool recursive)
{
	struct nsk_mount_attr attr = { .attr_set = NSK_MOUNT_ATTR_RDONLY };
	char path[32];
	struct statvfs sv;
	int r = mount_setattr_at(fd, "", recursive, &attr);

	if (r != -ENOSYS)
		return r;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	/* Before 5.12 mount(2) remounts one mount at a time; a recursive
	 * change would need the list of mounts beneath. */
	if (recursive)
		return -ENOSYS;
	if (fstatvfs(fd, &sv) < 0)
		return -errno;
	if (mount("none", path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | kept_flags(sv.f_flag),
		  NULL) < 0)
		return -errno;
	return 0;
}

int mnt_is_mount_point(const char *path)
{
	struct statx stx;

	if (statx(AT_FDCWD, path, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, &stx) < 0)
		return -errno;
	if (!(stx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT))
		return -EOPNOTSUPP;
	return (stx.stx_attributes & STATX_ATTR_MOUNT_ROOT) ? 1 : 0;
}

int mnt_id_of(const char *path, int *ret_id)
{
	struct statx stx;

	if (statx(AT_FDCWD, path, AT_NO_AUTOMOUNT, STATX_MNT_ID, &stx) < 0)
		return -errno;
	if (!(stx.stx_mask & STATX_MNT_ID))
		return -EOPNOTSUPP;
	*ret_id = (int)stx.stx_mnt_id;
	return 0;
}
