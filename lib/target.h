/* The handle protocol (DESIGN.md, "Composition"): a target process is named
 * by its host PID, written "PID" or "PID:INODE" (INODE being the inode of
 * its pidfd on pidfs, Linux 6.9+), given with -t, or read as one line from
 * stdin (with "-t -", or when no target was given and stdin is not a
 * terminal). The first act on a target is to open a pidfd for it; every
 * later access goes through that pidfd or a /proc/PID directory fd checked
 * against it, so a recycled PID is never acted on. */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct target {
	pid_t pid;
	int pidfd;		/* -1 until opened */
	int procfd;		/* O_PATH fd of /proc/PID, checked against pidfd */
	bool from_stdin;	/* the handle came from stdin: echo it on success */
	char handle[64];	/* the handle as given, for messages */
};

#define TARGET_INIT { .pid = 0, .pidfd = -1, .procfd = -1, .from_stdin = false, .handle = "" }

/* Errors beyond errno values that target functions return. */
enum {
	TARGET_ENOHANDLE = 1000,	/* nothing given and stdin is a terminal */
	TARGET_EEMPTY,			/* stdin ended without a handle */
	TARGET_ESYNTAX,			/* not PID or PID:INODE */
	TARGET_ESTALE,			/* the inode no longer matches: PID reused */
	TARGET_ENOPIDFS,		/* PID:INODE needs pidfs (Linux 6.9) */
};

/* Parse "PID" or "PID:INODE" (*ret_inode = 0 when absent). Pure. */
int target_parse(const char *s, pid_t *ret_pid, uint64_t *ret_inode);
/* Read one handle line from fd, byte by byte so that nothing after the
 * line is consumed. Returns the length, or a negative error. */
int target_read_line(int fd, char *buf, size_t size);
/* Resolve ARG (NULL: no -t given) into an open target. */
int target_open(struct target *t, const char *arg);
/* Whether the tool should read its target from stdin given ARG. */
bool target_wants_stdin(const char *arg);
/* Open pidfd and procfd for a known PID (e.g. a child just forked). */
int target_open_pid(struct target *t, pid_t pid);
/* 0 while the process lives, -ESRCH once it has exited. */
int target_alive(const struct target *t);
/* Write the handle back to stdout if it came from stdin. */
int target_echo(const struct target *t);
void target_close(struct target *t);
/* Text for an error of target_open: "no such process". */
const char *target_strerror(int err);
