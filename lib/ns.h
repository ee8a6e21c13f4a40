/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The namespace table (name <-> CLONE flag <-> /proc file <-> option) and
 * persisting a namespace to a file by bind mount. */
#pragma once
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* Time namespaces (Linux 5.6) are older than some C libraries' headers. */
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* The number of entries of ns_types: the size of every array indexed
 * like it (a tool's --TYPE=FILE paths, fds to join). */
#define NS_TYPE_MAX 8

struct ns_type {
	const char *proc_name;	/* file under /proc/PID/ns: "mnt" */
	const char *option;	/* long option of nsrun/nsjoin: "mount" */
	char short_option;	/* unshare/nsenter letter: 'm' */
	int clone_flag;		/* CLONE_NEWNS */
	/* For pid and time, the file that names the namespace the process's
	 * children will be born in ("pid_for_children"): after unshare() the
	 * caller itself stays where it was (DESIGN.md, kernel facts). */
	const char *children_name;
};

/* In setns() order: user first, so that the others are entered with the
 * capabilities the new user namespace gives; mount last but for time. */
extern const struct ns_type ns_types[];
extern const unsigned ns_type_count;

const struct ns_type *ns_by_option(const char *option);
const struct ns_type *ns_by_proc_name(const char *name);
const struct ns_type *ns_by_flag(int clone_flag);
/* By the letter of its short option (what getopt returned: 'm'). */
const struct ns_type *ns_by_short_option(int c);

/* What ns_persist made, to be undone (bits). */
enum ns_made {
	NS_MADE_FILE = 1,	/* the file */
	NS_MADE_DIR = 2,	/* its directory, a missing /run/netns */
};
/* Make PATH hold the namespace named by /proc/PID/ns/FILE (FILE being
 * children_name where there is one and for_children is set): create PATH
 * exclusively if it does not exist (an existing empty regular file is
 * used, as unshare(1) does), bind mount the namespace onto it. A missing
 * directory is an error, but for /run/netns (however written), which is
 * made as `ip netns add` makes it: a mount of its own, shared, so that
 * `ip netns` sees the file. *ret_made says what was made. On failure
 * whatever this call made is removed. Returns 0 or -errno with f (may
 * be NULL) naming PATH and the step ("create of the net namespace");
 * -EBUSY is a file that holds a namespace already, -EEXIST one that is
 * not an empty regular file, and the record says so. */
struct nsk_failure;
int ns_persist(pid_t pid, const struct ns_type *t, bool for_children, const char *path,
	       unsigned *ret_made, struct nsk_failure *f);
/* Undo ns_persist: detach the bind mount, and remove what ns_persist made
 * (bits of enum ns_made): the file, then /run/netns, unless another
 * process has put something in it since. */
int ns_unpersist(const char *path, unsigned made);
/* Whether PATH is a namespace file (nsfs), e.g. one already persisted. */
bool ns_is_nsfs(const char *path);

/* A namespace, told apart from every other by the device and inode of its
 * nsfs file; { 0, 0 }: none. */
struct ns_id {
	dev_t dev;
	ino_t ino;
};
/* The namespaces of the process whose /proc/PID directory is procfd,
 * indexed like ns_types: for pid and time those its children are born in
 * where for_children is set (ns_persist's choice). One that this kernel
 * does not have is { 0, 0 }. 0, or -errno (-EACCES: not ours to see). */
int ns_ids_at(int procfd, bool for_children, struct ns_id ret[NS_TYPE_MAX]);
/* Whether PATH, its last component not followed, holds namespace id: is a
 * bind mount of it. */
bool ns_file_holds(const char *path, const struct ns_id *id);

/* The id of the mount namespace behind fd (NS_GET_MNTNS_ID, Linux 6.8+):
 * -ENOTTY on older kernels. */
int ns_mnt_id(int fd, uint64_t *ret);
/* The kernel refuses to bind mount a mount namespace file into a mount
 * namespace whose id is not smaller (its "loop" check). Since Linux 6.18
 * ids come from per-CPU batches, so a namespace just made may get a
 * smaller id than the one we were in. Call right after
 * unshare(CLONE_NEWNS): while our new namespace's id is not above
 * `outer_id`, make it again on each other allowed CPU in turn. Returns 0,
 * or -ELOOP when no CPU gives a larger id. */
int ns_mnt_make_newer_than(uint64_t outer_id);

/* A namespace as nsfs names it ("net:[4026532281]", the target of a
 * /proc/PID/ns link and the root of its bind mounts in mountinfo, which
 * writes a leading '/'): its index in ns_types and its inode. Pure; 0 or
 * -EINVAL. */
int ns_parse_name(const char *name, unsigned *ret_type, uint64_t *ret_inode);
/* The inode of each namespace of process PID (ns_types order; 0 where
 * it cannot be read: gone, or not ours to see). Returns how many were
 * read, or -ESRCH when the process is gone. */
int ns_inodes_of(pid_t pid, uint64_t ret_inode[NS_TYPE_MAX]);
/* The inode of the user namespace that owns the namespace of fd
 * (NS_GET_USERNS), or of the parent of a user or PID namespace
 * (NS_GET_PARENT, parent true). 0 or -errno (-EPERM: outside our view). */
int ns_related_inode(int fd, bool parent, uint64_t *ret);
/* A descriptor of the parent of the user or PID namespace of fd
 * (NS_GET_PARENT), or -errno (-EPERM: the parent is outside our view). */
int ns_parent_fd(int fd);
/* The host name of the UTS namespace of utsfd: the calling thread enters
 * it, asks uname(2) and returns to its own. -errno; if the return fails
 * the thread is left in the other namespace and the caller must exit. */
int ns_uts_hostname(int utsfd, char *buf, size_t size);
