/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Masking the dangerous parts of a freshly mounted proc or sysfs, as
 * runc does by default: some paths become read-only binds of themselves,
 * others are covered by the null device (files) or an empty read-only
 * tmpfs (directories), so that a process holding host credentials in a
 * container cannot write a global sysctl (/proc/sys/kernel/core_pattern)
 * or read kernel memory (/proc/kcore). A container's root that keeps
 * CAP_SYS_ADMIN over its mount namespace can unmount the masks again:
 * they are defence in depth, not a boundary.
 *
 * Masks are mounted on top of the proc (sysfs) mount, so a detach of that
 * mount (umount2 MNT_DETACH) takes them too: on failure, the masks
 * already made stay, and the caller undoes them with its own mounts. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "errcode.h"	/* PROCMASK_E*: errors beyond errno values */

/* How a path is masked. */
enum procmask_how {
	PROCMASK_RO,		/* a read-only bind of itself */
	PROCMASK_EMPTY,		/* the null device, or an empty read-only tmpfs */
};

struct procmask_entry {
	const char *name;	/* one component, relative to the mount's root */
	enum procmask_how how;
};

/* The tables: what procmask_proc and procmask_sys mask. */
extern const struct procmask_entry procmask_proc_table[];
extern const size_t procmask_proc_count;
extern const struct procmask_entry procmask_sys_table[];
extern const size_t procmask_sys_count;

/* What is done to a path found with mode MODE. Pure. */
enum procmask_action {
	PROCMASK_BIND_RO,	/* bind it onto itself, then make that read-only */
	PROCMASK_BIND_NULL,	/* bind the null device onto it */
	PROCMASK_TMPFS,		/* mount an empty read-only tmpfs on it */
};

/* The action for HOW on a path of mode MODE, or -PROCMASK_EKIND (a
 * symbolic link, a device, ...). Pure. */
int procmask_action(enum procmask_how how, mode_t mode);
/* Whether ST is the null device, character device 1:3. Pure. */
bool procmask_is_null(const struct stat *st);

/* Mask the proc whose root PROCFD is (an fd of the mount's root, O_PATH
 * will do), as procmask_proc_table says; paths this kernel lacks are
 * skipped. Files are covered by "/dev/null" of the caller's root, opened
 * without following a symbolic link and checked to be the null device.
 * 0, or -errno (or -PROCMASK_E*) with f naming the step and the path:
 * PATH (how the caller names the mount: "/proc") or a path beneath it,
 * or a path outside it ("/dev/null"). */
struct nsk_failure;
int procmask_proc(int procfd, const char *path, struct nsk_failure *f);
/* The same for a sysfs and procmask_sys_table (/sys/firmware). */
int procmask_sys(int sysfd, const char *path, struct nsk_failure *f);
