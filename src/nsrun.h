/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun: what its parts share. Each file is one mode or one step of them:
 *
 *   nsrun.c             the options; main() picks the mode
 *   nsrun-foreground.c  the foreground mode
 *   nsrun-detach.c      the detached mode (--detach, --hold)
 *   nsrun-release.c     --release
 *   nsrun-setup.c       step: creating and configuring the namespaces
 *   nsrun-cmd.c         step: running the command in them (the ids,
 *                       letting go of the host, our init)
 *
 * Processes talk over lib/msg channels; maps and namespace files that only
 * a process outside the namespaces can make come from lib/helper (in the
 * foreground) or from nsrun itself, which stays outside (detached). */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "exec.h"
#include "helper.h"
#include "mapreq.h"
#include "msg.h"
#include "ns.h"
#include "persist.h"
#include "proctitle.h"
#include "target.h"

struct nsrun_opts {
	int clone_flags;
	const char *persist_path[NS_TYPE_MAX];	/* indexed like ns_types */
	bool fork, as_pid_1, no_lo;
	const char *mount_proc;		/* NULL: no --mount-proc */
	const char *mount_binfmt;	/* NULL: no --mount-binfmt */
	const char *load_interp;	/* -l: a binfmt_misc definition */
	unsigned long propagation;	/* 0: unchanged */
	bool propagation_given;		/* --propagation, even "private" */
	const char *hostname, *domainname;
	bool map_uid, map_gid;		/* map our own id to inner_uid/gid */
	uid_t inner_uid;
	gid_t inner_gid;
	int setgroups;			/* -1: unset, 0: deny, 1: allow */
	struct mapreq maps;		/* ranges, written from outside */
	bool monotonic, boottime;
	int64_t monotonic_sec, boottime_sec;
	long monotonic_nsec, boottime_nsec;
	int kill_child;			/* 0: none */
	bool owner;			/* --owner: create the user namespace as */
	uid_t owner_uid;
	gid_t owner_gid;
	bool detach, hold, release;
	const char *log, *target;
	const char *into_cgroup;	/* --into-cgroup: the group born in; NULL */
	enum target_handle_format handle_format;	/* what --detach prints */
	bool handle_format_given;
	bool keep_fds_given;		/* --preserve-fds or --keep-fd */
	bool nondumpable;		/* our processes stay non-dumpable */
	bool verbose;			/* --verbose: say who writes the maps */
	uid_t outer_uid;		/* our ids before any new user namespace */
	gid_t outer_gid;
	struct exec_opts exec;
	char **argv;
	struct proctitle title;		/* --detach: how ps names the holder */
};

/* ---- nsrun-setup.c ---- */

/* Fork the helper that acts from outside the new namespaces, if there is
 * anything for it to do: write the maps asked for by --map-users,
 * --map-groups, --map-auto, and with persist make the namespace files.
 * Prints its own error. */
int nsrun_start_helper(const struct nsrun_opts *o, bool persist, struct helper *h);
/* Unshare and configure, in this process; the helper, if any, writes the
 * maps, and one with no files to make is then reaped. Prints its own
 * error. */
int nsrun_create_namespaces(const struct nsrun_opts *o, struct helper *h);
/* --mount-proc: a fresh proc on its DIR in the command's root (in the
 * first process of a PID namespace). Prints its own error. */
int nsrun_mount_proc(const struct nsrun_opts *o);
/* --mount-binfmt and -l, likewise, after nsrun_mount_proc. */
int nsrun_mount_binfmt(const struct nsrun_opts *o);
/* Warn about each namespace file an undo left behind (lib/persist). */
struct persisted;
void nsrun_warn_left(const struct persisted *left);
/* helper_finish, warning about what its undo left behind, and saying why
 * when what was made cannot be kept. */
int nsrun_finish_helper(struct helper *h, bool keep);

/* ---- nsrun-cmd.c ---- */

/* In a process of ours that the container will see, once the maps exist:
 * take the namespace's ids (DESIGN.md, the security rule). 0, or -errno
 * with f saying why. */
struct nsk_failure;
int nsrun_take_mapped_ids(const struct nsrun_opts *o, struct nsk_failure *f);
/* Keep nothing of the host: no descriptor but 0, 1, 2 and channel (one
 * still in use; -1: none), root and directory in the command's root. For
 * our init once the command is forked, and for the pause. */
void nsrun_let_go(const struct nsrun_opts *o, int channel);
/* How a detached or released command says that it could not start, so
 * that the nsrun that started it (--detach, or --release) can say so at
 * once, with its status (DESIGN.md: 127, 126, 125) rather than the log,
 * and undo what was made for it. The process that execs the command holds
 * fd, close-on-exec, up to the exec: its reader sees the end of the
 * channel once the command runs. Every failure before that first sends
 * MSG_EXEC_FAILED: the status that process exits with, and the line that
 * says why; with files, an MSG_NSFILE for each comes before it. A kill
 * outright (SIGKILL) before the exec also ends the channel without a word:
 * the reader takes it for a start, as nothing tells the two apart. */
struct nsrun_report {
	int fd;		/* a lib/msg channel or pipe; -1: none, the line goes to stderr */
	/* The namespace files to name with a failure (for --release, which
	 * undoes them: nsrun --detach, which made them, is gone), indexed
	 * like ns_types; NULL: none. */
	const char *const *files;
	/* What nsrun --detach made for files[i] (enum ns_made, a file and
	 * /run/netns): bits NSRUN_MADE_BITS * i and up. */
	unsigned made;
};
#define NSRUN_REPORT_NONE { .fd = -1, .files = NULL, .made = 0 }
#define NSRUN_MADE_BITS 2
#define NSRUN_MADE_MASK ((1U << NSRUN_MADE_BITS) - 1)
/* MSG_NSFILE: value, the index of its type in ns_types, or'ed with what
 * was made for it (enum ns_made) shifted by this; text, its path (cut to
 * MSG_TEXT_MAX: a path cut short names no file that holds the namespace,
 * and stays). */
#define NSRUN_NSFILE_MADE_SHIFT 8
/* Report a failure to start the command: f's line (for err) to the
 * report's reader, or to stderr when there is none or it is gone.
 * Returns status. */
int nsrun_report_failure(const struct nsrun_report *rep, int status, const struct nsk_failure *f,
			 int err);
/* The same for a line of its own, and to the reader only: -EPIPE (or
 * -errno) when there is none. */
int nsrun_report_send(const struct nsrun_report *rep, int status, const char *line);
/* The files a report names, the paths of files kept in text. */
struct nsrun_named {
	struct persisted files;
	char text[NS_TYPE_MAX][MSG_TEXT_MAX];
};
/* The reader's side: wait on fd for the report. 0 once the command runs
 * (the end of the channel), the status it failed with (> 0) with its
 * line in ret_line, or -errno (-EPROTO: a message that is no report).
 * The files it names go to ret_named (NULL: not wanted), also when it
 * ends in an error. */
int nsrun_await_exec(int fd, char ret_line[MSG_TEXT_MAX], struct nsrun_named *ret_named);
/* Run the command: under our init in a new PID namespace, else exec it.
 * With sync_fd (else -1), the command tells nsrun it is ready and waits
 * for its go before the exec. A failure goes to rep. Returns the status
 * to exit with when the command could not be run. */
int nsrun_run_cmd(const struct nsrun_opts *o, int sync_fd, const struct nsrun_report *rep);

/* ---- the modes; each returns nsrun's exit status ---- */

int nsrun_foreground(const struct nsrun_opts *o);
int nsrun_detached(const struct nsrun_opts *o);
int nsrun_release(const struct nsrun_opts *o);
