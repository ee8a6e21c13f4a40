/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Acting on mounts: propagation and read-only flags through
 * mount_setattr(2) (Linux 5.12) where the kernel has it, else mount(2);
 * and questions about one path answered by statx(2), never by reading
 * mountinfo (whose cost grows with the number of mounts). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

/* Set the propagation type of the mount at PATH, one of MS_PRIVATE,
 * MS_SHARED, MS_SLAVE, MS_UNBINDABLE; recursive: of every mount beneath
 * it too. PATH must be a mount point (else -EINVAL, as mount(2) says). */
int mnt_set_propagation(const char *path, unsigned long type, bool recursive);
/* Make the mount whose root FD is (an O_PATH fd; with recursive, each
 * mount beneath it too) read-only, keeping its other flags. */
int mnt_set_readonly_fd(int fd, bool recursive);
/* 1 if PATH is the root of a mount, 0 if not, -errno (-EOPNOTSUPP when
 * the kernel cannot tell: statx without STATX_ATTR_MOUNT_ROOT, < 5.8). */
int mnt_is_mount_point(const char *path);
/* The id of the mount PATH is on (statx STATX_MNT_ID, 5.8), as in
 * mountinfo's first field. */
int mnt_id_of(const char *path, int *ret_id);
