/* Running the command: the process state a tool sets just before exec
 * (root, working directory, credentials, no_new_privs, capabilities,
 * signals), the exec itself, and the exit-status rules of DESIGN.md. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

#include "caps.h"
#include "confine.h"

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
	capmask_t cap_drop, cap_add;
};

/* Apply the options in a safe order: root, wd, groups, gid, uid,
 * no_new_privs, capabilities, descriptors, then unblock and reset every
 * signal. On
 * failure returns -errno with *ret_step naming the step and *ret_object
 * the path or value it concerned. */
int exec_prepare(const struct exec_opts *o, const char **ret_step, const char **ret_object);
/* How exec_prepare_report words its line: "chdir /x: CAUSE" by default,
 * "/x: chdir: CAUSE" with EXEC_MSG_OBJECT_FIRST (nsroot, whose other
 * messages all start with the path). */
enum { EXEC_MSG_OBJECT_FIRST = 1 << 0 };
/* exec_prepare, printing the failing step as one line; 0 or -errno. */
int exec_prepare_report(const struct exec_opts *o, unsigned flags);
/* exec_prepare_report, then exec_command(argv); returns only on failure,
 * with the status to exit with (125, or 126/127 for the exec, whose
 * message it printed too). */
int exec_run(const struct exec_opts *o, char *const argv[], unsigned flags);
/* Unblock every signal, as an exec'd command expects (an init must do
 * this before exec: DESIGN.md); ignored signals stay ignored. */
void exec_reset_signals(void);
/* execvp(argv) ($SHELL, else /bin/sh, when argv is empty); returns only
 * on failure, with errno set and the exit status DESIGN.md gives for it:
 * 127 (not found) or 126 (found but not runnable). */
int exec_command(char *const argv[]);
/* The exit status for errno from execvp. */
int exec_status_for_errno(int err);
/* The exit status that reflects a wait status: the code, or 128+N. */
int exec_status_from_wait(int wstatus);
