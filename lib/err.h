/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Messages and exit codes shared by every tool (DESIGN.md, "Conventions"),
 * and the error contract of lib/.
 *
 * The contract: a lib function returns -errno, or a code of the one
 * registry (lib/errcode.h, texts in nsk_strerror). Where the caller must
 * say which step and which object failed, it also fills one optional
 * failure record, struct nsk_failure (NULL: not wanted). lib/ never
 * prints and never exits: the tool prints once, at the top, one line
 *     TOOL: OBJECT: STEP: CAUSE
 * with nsk_err_failure (or nsk_err for lines of its own). This module and
 * lib/opts.c (usage errors of the option loop) are the only lib modules
 * that write to stderr; tests/lib-contract.sh holds the others to it. */
#pragma once
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>

#include "errcode.h"

enum {
	EXIT_TOOL_FAILED = 125,	/* the tool itself failed */
	EXIT_CANNOT_RUN = 126,	/* command found but not runnable */
	EXIT_NOT_FOUND = 127,	/* command not found */
};

/* The text of err: a code of lib/errcode.h, or an errno value (strerror),
 * negated or not. Never NULL. */
const char *nsk_strerror(int err);

/* ---- the failure record ---- */

#define NSK_STEP_MAX 128
#define NSK_DETAIL_MAX 512

/* What a lib function says about its failure, beside the error it
 * returns: each part "" when there is nothing to say. */
struct nsk_failure {
	char step[NSK_STEP_MAX];	/* what was being done: "bind mount", "chdir" */
	char object[PATH_MAX];		/* the path or value it concerned */
	char detail[NSK_DETAIL_MAX];	/* the cause in words, where the error's own
					 * text says too little (a policy refusal) */
};
#define NSK_FAILURE_INIT { .step = "", .object = "", .detail = "" }

/* The helpers below take f NULL (the caller wants no record) and then do
 * nothing but return err, so that a lib function can
 * `return nsk_fail(f, -errno, "chdir", "%s", path);`. */

/* Empty every part. */
void nsk_fail_clear(struct nsk_failure *f);
/* Start the record over: STEP (NULL: none) and the object as FMT formats
 * it (NULL: none); no detail. Returns err. */
int nsk_fail(struct nsk_failure *f, int err, const char *step, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Set the detail, the cause in words (printf), keeping step and object.
 * Returns err. */
int nsk_fail_detail(struct nsk_failure *f, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Put a context before the object ("box", "process 42: joining its
 * cgroup"), so that the line reads CONTEXT: OBJECT: STEP: CAUSE. */
void nsk_fail_context(struct nsk_failure *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The record as one line, "OBJECT: STEP: CAUSE" without the tool's name,
 * parts left out when empty; CAUSE is the detail, else nsk_strerror(err).
 * Into buf (cut to size, always a string); returns buf. Pure: for a line
 * that crosses a socket before it is printed (lib/helper). */
const char *nsk_failure_line(const struct nsk_failure *f, int err, char *buf, size_t size);
/* Fill f for a failed exec of cmd (NULL: the shell, $SHELL else
 * /bin/sh) with errno err and the exit status it gives (127: not found,
 * else 126; exec_status_for_errno), so that the line reads "CMD: command
 * not found" or "CMD: " + err's text whatever error it is printed with.
 * Returns status. */
int nsk_fail_exec(struct nsk_failure *f, const char *cmd, int status, int err);
/* The tool's one line for a failure: "TOOL: " + nsk_failure_line(). */
void nsk_err_failure(const struct nsk_failure *f, int err);

/* ---- lines of the tool's own ---- */

/* "TOOL: " + message + "\n" on stderr. */
void nsk_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "TOOL: warning: " + message + "\n" on stderr. */
void nsk_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "TOOL: ..." on stderr: what --verbose says. */
void nsk_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One line for a bad command line: the cause and where to look. Returns
 * -EINVAL so option parsers can `return nsk_usage_err(...)`. */
int nsk_usage_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The one line for what getopt_long (with opterr = 0) returned as '?'
 * (an unknown option) or ':' (a missing value), c being that return
 * value and argv the tool's. Returns -EINVAL. */
int nsk_option_error(int c, char *const argv[]);
/* The line for a failed exec ("CMD: command not found", or errno's
 * text) of cmd (NULL: the shell); returns status, for `return`. */
int nsk_exec_error(const char *cmd, int status);
/* The tool's own name, as invoked. */
const char *nsk_prog(void);
/* Print "TOOL VERSION" (for -V/--version). */
void nsk_print_version(void);
