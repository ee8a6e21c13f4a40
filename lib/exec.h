/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Running the command: the process state a tool sets just before exec
 * (root, working directory, credentials, no_new_privs, capabilities,
 * signals), the exec itself, and the exit-status rules of DESIGN.md. */
#pragma once
#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#include "caps.h"
#include "confine.h"

struct scprofile;
struct sock_fprog;

struct exec_opts {
	const char *root;	/* chroot to this before chdir (NULL: none) */
	const char *wd;		/* working directory (NULL: unchanged) */
	bool set_uid, set_gid;
	uid_t uid;
	gid_t gid;
	/* A command that crosses into a container gets 0, 1, 2 and what
	 * keep_fds names, nothing else (DESIGN.md, "No fd leaks"). */
	bool close_fds;
	struct fdkeep keep_fds;
	bool no_new_privs;
	bool change_caps;
	/* --clear-env: the command gets an empty environment, but for the
	 * comma-separated names of env_keep (--whitelist-env; may be NULL) */
	bool clear_env;
	const char *env_keep;
	/* --default-signal: signals the command starts with at their default
	 * action, not ignored (a shell's background job ignores INT and
	 * QUIT); zero bytes are the empty set. */
	sigset_t default_signals;
	capmask_t cap_drop, cap_add;
	/* --seccomp PROFILE (NULL: none, or "unconfined") and --seccomp-log:
	 * the name as given, and what opts_seccomp_load made of it once the
	 * options are parsed, loaded last of all: a profile compiled then, or
	 * a program compiled at build time (default without --seccomp-log). */
	const char *seccomp_name;
	bool seccomp_log;
	struct scprofile *seccomp;
	const struct sock_fprog *seccomp_bpf;
};

/* Apply the options in a safe order: root, wd, groups, gid, uid,
 * no_new_privs, capabilities, descriptors, unblock and reset every
 * signal, then the seccomp filter (its capability rules see the
 * command's own capabilities; nothing of ours runs under it but what
 * leads to the exec). 0, or -errno with f (may be NULL) naming the step ("chdir") and
 * the path or capability it concerned; the tool then prints its line,
 * "/x: chdir: CAUSE", and exits 125. */
struct nsk_failure;
int exec_prepare(const struct exec_opts *o, struct nsk_failure *f);
/* exec_prepare, but sparing descriptor fd (-1: none) where the others are
 * closed: a close-on-exec channel through which the process still talks
 * to its tool up to the exec (a handshake, or the report of a failed
 * exec). The command never gets it: the exec closes it. */
int exec_prepare_but(const struct exec_opts *o, int fd, struct nsk_failure *f);
/* Clear the environment but for the variables named in keep, a comma-
 * separated list (NULL or "": none), which keep their values. 0, or
 * -EINVAL for a bad name (empty, or with '='), -ENOMEM. */
int exec_env_keep_only(const char *keep);
/* Load the seccomp filter of --seccomp, if any (exec_prepare's last
 * step, for a tool that prepares nothing else: cgctl exec). 0, or -errno
 * with f naming the profile. */
int exec_seccomp(const struct exec_opts *o, struct nsk_failure *f);
/* Unblock every signal, as an exec'd command expects (an init must do
 * this before exec: DESIGN.md); ignored signals stay ignored. */
void exec_reset_signals(void);
/* Each signal of set back to its default action (SIG_DFL). */
void exec_default_signals(const sigset_t *set);
/* execvp(argv) ($SHELL, else /bin/sh, when argv is empty); returns only
 * on failure, with errno set and the exit status DESIGN.md gives for it:
 * 127 (not found) or 126 (found but not runnable). */
int exec_command(char *const argv[]);
/* The exit status for errno from execvp. */
int exec_status_for_errno(int err);
/* The exit status that reflects a wait status: the code, or 128+N. */
int exec_status_from_wait(int wstatus);
/* waitpid(2), retried when a signal interrupts it: a wait that gave up
 * on EINTR would lose a child whose SIGCHLD was already taken. */
pid_t exec_wait(pid_t pid, int *wstatus, int flags);
