/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The handle protocol (DESIGN.md, "Composition"), both ways: a target
 * process is named by its host PID, written "PID" or "PID:INODE" (INODE
 * being the inode of its pidfd on pidfs, Linux 6.9+), given with -t, or
 * read as one line from stdin (with "-t -", or when no target was given
 * and stdin is not a terminal); nsrun --detach writes one, and a tool that
 * read its handle from stdin writes it back. The first act on a target is
 * to open a pidfd for it; every later access goes through that pidfd or a
 * /proc/PID directory fd checked against it, so a recycled PID is never
 * acted on. Nothing here prints an error: target_open (and target_fail)
 * fill the failure record whose line the tool prints. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "errcode.h"	/* TARGET_E*: errors beyond errno values */

struct target {
	pid_t pid;
	int pidfd;		/* -1 until opened */
	int procfd;		/* O_PATH fd of /proc/PID, checked against pidfd */
	bool from_stdin;	/* the handle came from stdin: echo it on success */
	char handle[64];	/* the handle as given, for messages */
	uint64_t inode;		/* the pidfs inode the handle named; 0: none */
};

#define TARGET_INIT                                                                        \
	{ .pid = 0, .pidfd = -1, .procfd = -1, .from_stdin = false, .handle = "", .inode = 0 }

/* How a handle is written: "PID", or "PID:INODE" with the pidfs inode. */
enum target_handle_format {
	TARGET_HANDLE_PID,
	TARGET_HANDLE_PIDFS,
};
/* Their names, indexed by the enum and ending in NULL: "pid", "pidfs". */
extern const char *const target_handle_formats[];

/* Parse "PID" or "PID:INODE" (*ret_inode = 0 when absent). Pure. */
int target_parse(const char *s, pid_t *ret_pid, uint64_t *ret_inode);
/* Read one handle line from fd, byte by byte so that nothing after the
 * line is consumed. Returns the length, or a negative error. */
int target_read_line(int fd, char *buf, size_t size);
/* Resolve ARG (NULL: no -t given) into an open target. 0, or the error
 * with f (may be NULL) filled as target_fail() fills it. */
struct nsk_failure;
int target_open(struct target *t, const char *arg, struct nsk_failure *f);
/* Whether the tool should read its target from stdin given ARG. */
bool target_wants_stdin(const char *arg);
/* Open pidfd and procfd for a known PID (e.g. a child just forked). */
int target_open_pid(struct target *t, pid_t pid);
/* 0 while the process lives, -ESRCH once it has exited. */
int target_alive(const struct target *t);
/* Kill it (SIGKILL, through its pidfd) and wait until it has exited
 * (a pidfd polls readable then, child or not, reaped or not): 0, or
 * -errno when the signal could not be sent to a live process. */
int target_kill(const struct target *t);
/* Write "PID", or "PID:INODE" when inode is not 0, into buf. Pure:
 * returns the length, or -ENOSPC when buf is too small. */
int target_format(pid_t pid, uint64_t inode, char *buf, size_t size);
/* The inode of an open target's pidfd on pidfs: 0, -TARGET_ENOPIDFS on a
 * kernel without pidfs (every pidfd then shares one anonymous inode), or
 * -errno. */
int target_inode(const struct target *t, uint64_t *ret_inode);
/* Whether this kernel's pidfds live on pidfs: 0 or -TARGET_ENOPIDFS. */
int target_pidfs_check(void);
/* The handle of an open target, written as f asks, into buf: its length,
 * or a negative error as target_inode()'s. */
int target_handle(const struct target *t, enum target_handle_format f, char *buf, size_t size);
/* Write one handle line to stdout, flushed: 0 or -errno (then nothing of
 * it is left to be written at exit). */
int target_print(const char *handle);
/* Write the handle back to stdout if it came from stdin. */
int target_echo(const struct target *t);
void target_close(struct target *t);
/* Text for an error of a target: nsk_strerror's, but for ESRCH, which a
 * target words as a process that is gone ("no such process"). */
const char *target_strerror(int err);
/* Fill f for an error err of the target t (of target_open, or -ESRCH
 * later): the object "handle H", H being the handle as given ("-" when
 * none was read), and the cause in target_strerror's words, so that the
 * line reads "handle H: CAUSE". For -TARGET_ESTALE the cause names both
 * inodes: "process P's pidfs inode is A, not I: not the process the
 * handle named". Returns err. */
int target_fail(const struct target *t, int err, struct nsk_failure *f);
