/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Joining namespaces: those of a target process (through its pidfd, or its
 * /proc/PID/ns files on kernels before 5.8) and namespace files. Every
 * function returns >= 0 or -errno and prints nothing. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ns.h"

/* Whether the target's namespace of kind T (procfd: its /proc/PID) is the
 * one we are in. -EOPNOTSUPP when this kernel lacks the kind. */
int join_is_ours(int procfd, const struct ns_type *t, bool *ret_same);
/* Whether FD (a user namespace) is our own user namespace. */
bool join_is_our_user_ns(int fd);
/* Open namespace file PATH for kind T. -ENOTTY when it is not a namespace
 * file, -EMEDIUMTYPE when it holds another kind (*ret_kind names it, or is
 * NULL for a kind this table lacks). */
int join_open_file(const char *path, const struct ns_type *t, const struct ns_type **ret_kind);
/* A new fd for the user namespace that owns the namespace of FD, or with
 * PARENT set for the parent of user namespace FD (ioctl_ns(2)). */
int join_user_ns_of(int fd, bool parent);
/* A new fd for the network namespace of the socket that the target
 * (pidfd) holds on its descriptor FD: the descriptor is the target's, not
 * ours (pidfd_getfd(2), Linux 5.6, which needs PTRACE_MODE_ATTACH over the
 * target), and the namespace the socket's (SIOCGSKNS). -EBADF when FD is
 * not open in the target, -ENOTSOCK when it is not a socket. */
int join_net_of_socket(int pidfd, int fd);
/* Join the namespaces in MASK (CLONE_NEW*) of the target: by one
 * setns(pidfd, mask), which the kernel does atomically and in order, or
 * when that fails, one at a time through the ns files under procfd, user
 * first (opened all before any is joined: after the mount namespace,
 * paths mean other things). On failure *ret_failed is the kind that
 * failed. */
int join_target(int pidfd, int procfd, int mask, const struct ns_type **ret_failed);
/* Read the target's environment ("K=V\0K=V\0") into BUF; the length, or
 * -E2BIG when it does not fit in SIZE - 1. BUF is NUL-terminated. */
int join_read_environ(int procfd, char *buf, size_t size, size_t *ret_len);
/* The effective id (the second number) of the "Uid:" or "Gid:" line (FIELD
 * without the colon) of the text of /proc/PID/status. Pure; -ENOENT when
 * the line is missing, -EINVAL when it is malformed. */
int join_status_id(const char *status_text, const char *field, uint32_t *ret_id);
/* The target's effective uid and gid as the caller's user namespace sees
 * them now (after joining the target's user namespace: as it sees them),
 * from its status file under procfd. */
int join_target_ids(int procfd, uint32_t *ret_uid, uint32_t *ret_gid);
