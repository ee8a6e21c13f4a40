/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun: the detached mode, --detach [--hold] (see nsrun.h). In order:
 *   nsrun       opens the log, makes the channel, forks the child, waits;
 *   the child   starts a session, creates the namespaces (nsrun-setup.c)
 *               and forks the holder into the new PID namespace (or is
 *               the holder, without one), tells nsrun its PID, and ends;
 *   the holder  mounts proc, tells nsrun it is ready, waits for the go;
 *   nsrun       persists the namespaces from outside and sends the go
 *               (with what it made for the files: see below);
 *   the holder  lets go of nsrun's stdio and descriptors (the pause, of
 *               everything), and says so;
 *   the holder  waits for the release with --hold, takes the mapped ids
 *               and runs the command (nsrun-cmd.c), or pauses;
 *   nsrun       meanwhile waits for the end of the channel: closed by the
 *               holder that holds or pauses, and otherwise by the exec of
 *               the command (struct nsrun_report), which first says why
 *               if it cannot run;
 *   nsrun       prints the handle and exits 0; or, when the command could
 *               not run, its line, kills the holder, undoes the files and
 *               exits with the command's status (127, 126, 125).
 * A held command reports to `nsrun --release` instead (nsrun-release.c),
 * through the pipe of its hold (lib/init), naming the files for it to
 * undo, since this nsrun is gone by then. */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgfork.h"
#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "helper.h"
#include "init.h"
#include "msg.h"
#include "persist.h"
#include "target.h"
#include "nsrun.h"

static int await_holder(int sync_fd, pid_t *ret_holder);
static int start_holder(int sync_fd, pid_t holder, const struct persisted *done);
/* The namespace files as a held command names them to --release, which
 * runs elsewhere: absolute paths. */
struct held_names {
	char text[NS_TYPE_MAX][MSG_TEXT_MAX];
	const char *path[NS_TYPE_MAX];	/* indexed like ns_types; NULL: none */
};
static void name_files(const char *const paths[], struct held_names *ret);
static int fork_child(const struct nsrun_opts *o, struct cg_fork *cf);
static _Noreturn void detached_main(const struct nsrun_opts *o, struct cg_fork *cf, int sync_fd,
				    int log_fd, const struct held_names *names);
static _Noreturn void holder_main(const struct nsrun_opts *o, struct cg_fork *cf, int sync_fd,
				  int log_fd, const struct held_names *names);
static int holder_let_go(const struct nsrun_opts *o, int *sync_fd, int log_fd,
			 struct init_hold *ret_hold, struct nsk_failure *f);
static int held_ended(const struct nsrun_report *rep, int status);
static int out_of_the_way(int fd);
static void tell(int sync_fd, int kind, int value);
static void redirect_stdio(int log_fd);

int nsrun_detached(const struct nsrun_opts *o)
{
	_cleanup_close_ int log_fd = -1;
	int sync[2];
	struct target holder = TARGET_INIT;
	struct persisted done = PERSISTED_INIT;
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct cg_fork cf = CG_FORK_INIT;
	struct held_names names;
	char handle[64];
	pid_t child, holder_pid = -1;
	int status, exit_status = EXIT_TOOL_FAILED, r;
	sigset_t ending, mask;
	bool blocked = false;

	/* Before anything is made: a handle that cannot be written is a
	 * failure with nothing to undo. */
	if (o->handle_format == TARGET_HANDLE_PIDFS && (r = target_pidfs_check()) < 0) {
		nsk_err("--handle-format pidfs: %s", target_strerror(r));
		return EXIT_TOOL_FAILED;
	}
	if (o->log && (log_fd = open(o->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) < 0) {
		nsk_err("%s: %s", o->log, strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	/* One channel: the holder's PID and readiness come up it (from
	 * two processes), the go goes down, the holder's answer comes up. */
	if ((r = msg_channel(sync)) < 0) {
		nsk_err("socketpair: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	name_files(o->persist_path, &names);
	if ((child = fork_child(o, &cf)) < 0) {
		close(sync[0]);
		close(sync[1]);
		return EXIT_TOOL_FAILED;
	}
	if (child == 0) {
		close(sync[0]);
		detached_main(o, &cf, sync[1], log_fd, &names);
	}
	cgfork_close(&cf);
	close(sync[1]);
	r = await_holder(sync[0], &holder_pid);
	if (holder_pid != child)
		exec_wait(child, &status, 0);
	if (r < 0)
		goto fail;	/* the child said why */
	if ((r = target_open_pid(&holder, holder_pid)) < 0 ||
	    (r = target_handle(&holder, o->handle_format, handle, sizeof(handle))) < 0) {
		nsk_err("holder process %d: %s", (int)holder_pid, target_strerror(r));
		goto fail;
	}
	/* From the first file made to the handle printed, a signal that
	 * would end us is held back: it ends us once the handle is out, or
	 * once what we made is undone (a caller's TERM must not leave a
	 * namespace file or a holder no one knows of). */
	init_block_ending(&ending, &mask);
	blocked = true;
	if ((r = persist_all(o->persist_path, holder_pid, &done, &f)) < 0) {
		nsk_err_failure(&f, r);
		goto fail;
	}
	if ((r = start_holder(sync[0], holder_pid, &done)) != 0) {
		if (r > 0)
			exit_status = r;	/* the command could not run: 127, 126, 125 */
		goto fail;
	}
	if (init_ending_pending(&ending))
		goto fail;	/* undone, then the signal ends us */
	/* Last, as the caller takes it as the go: a handle that cannot be
	 * written would leave a process no one knows of. */
	if ((r = target_print(handle)) < 0) {
		nsk_err("writing the handle: %s", strerror(-r));
		goto fail;
	}
	close(sync[0]);
	target_close(&holder);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	return 0;
fail:
	/* Gone before we return, with its PID namespace: nothing is left. */
	if (holder.pidfd >= 0)
		(void)target_kill(&holder);
	target_close(&holder);
	unpersist_all(&done);
	nsrun_warn_left(&done);
	if (holder_pid == child)
		exec_wait(child, &status, 0);
	close(sync[0]);
	if (blocked)
		sigprocmask(SIG_SETMASK, &mask, NULL);
	return exit_status;
}

/* fork(2), or with --into-cgroup a child born in the group's cgroup2
 * (lib/cgfork; it joins the v1 hierarchies itself, first thing). Prints
 * its own error; the fork's result. */
static int fork_child(const struct nsrun_opts *o, struct cg_fork *cf)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	pid_t child;
	int r;

	if (!o->into_cgroup) {
		if ((child = fork()) < 0)
			nsk_err("fork: %s", strerror(errno));
		return child;
	}
	if ((r = cgfork_open(cf, o->into_cgroup, &f)) < 0) {
		cgfork_close(cf);
		nsk_err_failure(&f, r);
		return -1;
	}
	if ((child = cgfork_fork(cf)) < 0) {
		cgfork_close(cf);
		nsk_err("clone3 into cgroup %s: %s", o->into_cgroup, strerror(-child));
		return -1;
	}
	return child;
}

/* A relative path made absolute against our working directory (a path
 * too long for a report is cut there, and so names no file that --release
 * would undo). */
static void name_files(const char *const paths[], struct held_names *ret)
{
	char cwd[MSG_TEXT_MAX - 2];	/* room for "/" and a character */
	bool have_cwd = getcwd(cwd, sizeof(cwd)) != NULL;

	for (unsigned i = 0; i < ns_type_count; i++) {
		ret->path[i] = paths[i];
		if (!paths[i] || paths[i][0] == '/' || !have_cwd)
			continue;
		/* cut where too long: it then names nothing --release undoes */
		snprintf(ret->text[i], sizeof(ret->text[i]), "%s/%.*s", cwd,
			 (int)(sizeof(ret->text[i]) - 1 - strnlen(cwd, sizeof(cwd)) - 1), paths[i]);
		ret->path[i] = ret->text[i];
	}
}

/* Wait for the holder's pid and its readiness; 0 or -1. */
static int await_holder(int sync_fd, pid_t *ret_holder)
{
	struct msg m;
	bool ready = false;
	int r;

	/* The holder's pid (from its parent) and its readiness (from the
	 * holder itself) may come in either order. */
	*ret_holder = 0;
	while ((r = msg_recv(sync_fd, &m)) == 0) {
		if (m.kind == MSG_HOLDER)
			*ret_holder = m.value;
		else if (m.kind == MSG_READY)
			ready = true;
		else if (m.kind == MSG_FAILED)
			return -1;
		if (ready && *ret_holder > 0)
			return 0;
	}
	if (!msg_peer_failed(r, NULL))
		nsk_err("waiting for the holder: %s", strerror(-r));
	return -1;	/* else the child died; it said why */
}

/* Give the holder its go, and wait until it has let go of what it must
 * not keep (its answer), then for the end of the channel: closed by a
 * holder that holds or pauses, else by the exec of the command, which
 * first says why if it cannot run. 0; the command's status (> 0) when it
 * could not run; -1 when the holder failed. Prints its own error. The go
 * says what we made for each file in done (NSRUN_MADE_BITS for each
 * type), for a held command to name them to --release. */
static int start_holder(int sync_fd, pid_t holder, const struct persisted *done)
{
	char line[MSG_TEXT_MAX];
	unsigned made = 0;
	struct msg m;
	int r;

	for (unsigned i = 0; i < done->count; i++)
		made |= (done->made[i] & NSRUN_MADE_MASK) << (NSRUN_MADE_BITS * done->type[i]);
	r = msg_send(sync_fd, MSG_GO, (int)made, NULL);

	if (r == 0)
		r = msg_expect(sync_fd, MSG_RESULT, &m);
	if (r == 0 && m.value < 0) {
		nsk_err("%s", m.text);
		return -1;
	}
	if (r == 0 && (r = nsrun_await_exec(sync_fd, line, NULL)) > 0) {
		nsk_err("%s", line);
		return r;
	}
	if (r < 0) {
		nsk_err("holder process %d: starting it: %s", (int)holder, strerror(-r));
		return -1;
	}
	return 0;
}

/* The detached child: a new session, the namespaces, then the holder
 * (itself, or with a PID namespace the first process forked into it). */
static _Noreturn void detached_main(const struct nsrun_opts *o, struct cg_fork *cf, int sync_fd,
				    int log_fd, const struct held_names *names)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct helper helper = HELPER_INIT;
	pid_t holder;
	int null, r;

	/* First: before any process of ours can see the group's descriptor,
	 * and before the cgroup namespace is made (so rooted at the group).
	 * Held, the holder joins the v1 hierarchies itself once the handle is
	 * out (holder_main): a migration waits for an RCU grace period, which
	 * then passes while the pipeline configures the rest. */
	cgfork_child_close(cf);
	if (o->into_cgroup && !o->hold && (r = cgfork_join_child(cf, &f)) < 0) {
		nsk_err_failure(&f, r);
		tell(sync_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	setsid();
	/* stdout is a pipe or $(...) to our caller: never hold it open. */
	dup2(null, STDOUT_FILENO);
	/* The helper only writes maps: nsrun, outside, makes the files. */
	if (nsrun_start_helper(o, false, &helper) < 0 ||
	    nsrun_create_namespaces(o, &helper) < 0) {
		nsrun_finish_helper(&helper, false);
		tell(sync_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	if (!(o->clone_flags & CLONE_NEWPID)) {
		tell(sync_fd, MSG_HOLDER, getpid());
		holder_main(o, cf, sync_fd, log_fd, names);
	}
	holder = fork();
	if (holder == 0)
		holder_main(o, cf, sync_fd, log_fd, names);
	if (holder < 0) {
		nsk_err("fork: %s", strerror(errno));
		tell(sync_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	tell(sync_fd, MSG_HOLDER, holder);
	_exit(0);
}

/* The process that holds the namespaces and whose PID is the handle. Once
 * started it holds 0, 1, 2 and what the command is to be given; once
 * released (the maps exist then) it takes the namespace's ids. */
static _Noreturn void holder_main(const struct nsrun_opts *o, struct cg_fork *cf, int sync_fd,
				  int log_fd, const struct held_names *names)
{
	struct nsk_failure f = NSK_FAILURE_INIT, join_f = NSK_FAILURE_INIT;
	int joined = 0;
	struct nsrun_report report = NSRUN_REPORT_NONE;
	struct init_hold hold = INIT_HOLD_INIT;
	char line[MSG_TEXT_MAX] = "";
	struct msg go;
	int r;

	if ((o->mount_proc && nsrun_mount_proc(o) < 0) ||
	    (o->mount_binfmt && nsrun_mount_binfmt(o) < 0)) {
		tell(sync_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	init_hold_block();	/* before READY: an early release stays pending */
	init_block_signals();
	tell(sync_fd, MSG_READY, 0);
	if (msg_expect(sync_fd, MSG_GO, &go) < 0)
		_exit(EXIT_TOOL_FAILED);	/* nsrun gave up: it printed why */
	/* nsrun prints the line of a failure: ours goes to the log now */
	if ((r = holder_let_go(o, &sync_fd, log_fd, &hold, &f)) < 0)
		nsk_failure_line(&f, r, line, sizeof(line));
	else if (!o->argv[0] || o->hold)	/* for ps, before the handle is out */
		proctitle_set(&o->title, o->argv[0] ? "nsrun-held" : "nsrun-pause", o->argv);
	if (msg_send(sync_fd, MSG_RESULT, r, line) < 0 || r < 0)
		_exit(EXIT_TOOL_FAILED);
	if (!o->argv[0] || o->hold) {
		close(sync_fd);		/* nsrun prints the handle now */
		if (!o->argv[0])
			_exit(init_pause());
		report = (struct nsrun_report){ .fd = hold.report_fd, .files = names->path,
						.made = (unsigned)go.value };
		/* the v1 hierarchies of --into-cgroup (see detached_main); a
		 * failure is the release's to report */
		if (o->into_cgroup)
			joined = cgfork_join_child(cf, &join_f);
		if ((r = init_hold_wait(&hold)) != 0)
			_exit(held_ended(&report, r));
		if (joined < 0)
			_exit(nsrun_report_failure(&report, EXIT_TOOL_FAILED, &join_f, joined));
	} else {
		report.fd = sync_fd;	/* nsrun waits for the exec */
	}
	if ((r = nsrun_take_mapped_ids(o, &f)) < 0)
		_exit(nsrun_report_failure(&report, EXIT_TOOL_FAILED, &f, r));
	_exit(nsrun_run_cmd(o, -1, &report));
}

/* What must be done before nsrun prints the handle, so that whoever acts
 * on it finds the holder as it will stay: nsrun's stdio traded for the log
 * or /dev/null, and no descriptor but 0, 1, 2, the command's and the
 * channel; the pause has taken the namespace's ids and kept nothing, and
 * a held process has its hold (a signalfd, and its report pipe for
 * --release). 0, or -errno with f saying why. */
static int holder_let_go(const struct nsrun_opts *o, int *sync_fd, int log_fd,
			 struct init_hold *ret_hold, struct nsk_failure *f)
{
	bool pause = !o->argv[0];
	int r;

	redirect_stdio(log_fd);
	if (log_fd >= 0)
		close(log_fd);
	if ((r = confine_close_fds_but(pause ? NULL : &o->exec.keep_fds, *sync_fd)) < 0)
		return nsk_fail(f, r, "closing inherited descriptors", NULL);
	*sync_fd = out_of_the_way(*sync_fd);
	if (pause) {
		if ((r = nsrun_take_mapped_ids(o, f)) < 0)
			return r;
		nsrun_let_go(o, *sync_fd);
	}
	if (o->hold && (r = init_hold_open(ret_hold)) < 0)
		return nsk_fail(f, r, "waiting for the release", NULL);
	return 0;
}

/* Asked to end before the release: a --release that raced the signal is
 * waiting on the report, and learns why there is no command; nobody else
 * is (no line in the log). Returns status. */
static int held_ended(const struct nsrun_report *rep, int status)
{
	char line[MSG_TEXT_MAX];

	if (status > 128)
		snprintf(line, sizeof(line), "held process: ended by signal %d before the release",
			 status - 128);
	else
		snprintf(line, sizeof(line), "held process: waiting for the release failed");
	(void)nsrun_report_send(rep, EXIT_TOOL_FAILED, line);
	return status;
}

/* The channel, open until nsrun has heard from us, must not sit in the
 * slot that the next descriptor we open would take without it (the
 * signalfd of --hold takes the lowest free one, as it always did): if
 * every slot below it is taken, move it up. */
static int out_of_the_way(int fd)
{
	int lowest = fcntl(fd, F_DUPFD_CLOEXEC, 3);

	if (lowest < 0)
		return fd;
	if (lowest < fd) {
		close(lowest);
		return fd;
	}
	close(fd);
	return lowest;
}

/* Tell nsrun how far we are; if it is gone, nobody waits for this. */
static void tell(int sync_fd, int kind, int value)
{
	int r = msg_send(sync_fd, kind, value, NULL);

	if (r < 0) {
		/* nsrun, reading the end of the channel, takes it that we
		 * said why */
		if (!msg_peer_failed(r, NULL))
			nsk_err("telling nsrun: %s", strerror(-r));
		_exit(EXIT_TOOL_FAILED);
	}
}

static void redirect_stdio(int log_fd)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);

	dup2(null, STDIN_FILENO);
	dup2(log_fd >= 0 ? log_fd : null, STDOUT_FILENO);
	dup2(log_fd >= 0 ? log_fd : null, STDERR_FILENO);
	if (null > STDERR_FILENO)
		close(null);
}
