/* nsrun: the detached mode, --detach [--hold] (see nsrun.h). In order:
 *   nsrun       opens the log, makes the channel, forks the child, waits;
 *   the child   starts a session, creates the namespaces (nsrun-setup.c)
 *               and forks the holder into the new PID namespace (or is
 *               the holder, without one), tells nsrun its PID, and ends;
 *   the holder  mounts proc, tells nsrun it is ready, waits for the go;
 *   nsrun       persists the namespaces from outside and sends the go;
 *   the holder  lets go of nsrun's stdio and descriptors (the pause, of
 *               everything), and says so;
 *   nsrun       prints the handle and exits 0;
 *   the holder  waits for the release with --hold, takes the mapped ids
 *               and runs the command (nsrun-cmd.c), or pauses. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "helper.h"
#include "init.h"
#include "msg.h"
#include "persist.h"
#include "target.h"
#include "nsrun.h"

static int await_holder(int sync_fd, pid_t *ret_holder);
static int start_holder(int sync_fd, pid_t holder);
static _Noreturn void detached_main(const struct nsrun_opts *o, int sync_fd, int log_fd);
static _Noreturn void holder_main(const struct nsrun_opts *o, int sync_fd, int log_fd);
static int holder_let_go(const struct nsrun_opts *o, int *sync_fd, int log_fd, int *ret_hold_fd,
			 struct nsk_failure *f);
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
	char handle[64];
	pid_t child, holder_pid = -1;
	int status, r;

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
	child = fork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (child == 0) {
		close(sync[0]);
		detached_main(o, sync[1], log_fd);
	}
	close(sync[1]);
	r = await_holder(sync[0], &holder_pid);
	if (holder_pid != child)
		waitpid(child, &status, 0);
	if (r < 0)
		goto fail;	/* the child said why */
	if ((r = target_open_pid(&holder, holder_pid)) < 0 ||
	    (r = target_handle(&holder, o->handle_format, handle, sizeof(handle))) < 0) {
		nsk_err("holder process %d: %s", (int)holder_pid, target_strerror(r));
		goto fail;
	}
	if ((r = persist_all(o->persist_path, holder_pid, &done, &f)) < 0) {
		nsk_err_failure(&f, r);
		goto fail;
	}
	if (start_holder(sync[0], holder_pid) < 0)
		goto fail;
	close(sync[0]);
	target_close(&holder);
	return target_print(handle) < 0 ? EXIT_TOOL_FAILED : 0;
fail:
	if (holder.pidfd >= 0)
		(void)syscall(SYS_pidfd_send_signal, holder.pidfd, SIGKILL, NULL, 0);
	target_close(&holder);
	unpersist_all(&done);
	nsrun_warn_left(&done);
	if (holder_pid == child)
		waitpid(child, &status, 0);
	close(sync[0]);
	return EXIT_TOOL_FAILED;
}

/* Wait for the holder's pid and its readiness; 0 or -1. */
static int await_holder(int sync_fd, pid_t *ret_holder)
{
	struct msg m;
	bool ready = false;

	/* The holder's pid (from its parent) and its readiness (from the
	 * holder itself) may come in either order. */
	*ret_holder = 0;
	while (msg_recv(sync_fd, &m) == 0) {
		if (m.kind == MSG_HOLDER)
			*ret_holder = m.value;
		else if (m.kind == MSG_READY)
			ready = true;
		else if (m.kind == MSG_FAILED)
			return -1;
		if (ready && *ret_holder > 0)
			return 0;
	}
	return -1;	/* the child died; it said why */
}

/* Give the holder its go, and wait until it has let go of what it must
 * not keep: its answer, then the end of the channel (closed by the holder
 * last). Prints its own error. */
static int start_holder(int sync_fd, pid_t holder)
{
	struct msg m;
	int r = msg_send(sync_fd, MSG_GO, 0, NULL);

	if (r == 0)
		r = msg_expect(sync_fd, MSG_RESULT, &m);
	if (r == 0 && m.value < 0) {
		nsk_err("%s", m.text);
		return -1;
	}
	if (r == 0)
		r = msg_recv(sync_fd, &m) == -EPIPE ? 0 : -EPROTO;
	if (r < 0) {
		nsk_err("holder process %d: starting it: %s", (int)holder, strerror(-r));
		return -1;
	}
	return 0;
}

/* The detached child: a new session, the namespaces, then the holder
 * (itself, or with a PID namespace the first process forked into it). */
static _Noreturn void detached_main(const struct nsrun_opts *o, int sync_fd, int log_fd)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	struct helper helper = HELPER_INIT;
	pid_t holder;

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
		holder_main(o, sync_fd, log_fd);
	}
	holder = fork();
	if (holder == 0)
		holder_main(o, sync_fd, log_fd);
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
static _Noreturn void holder_main(const struct nsrun_opts *o, int sync_fd, int log_fd)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	char line[MSG_TEXT_MAX] = "";
	int hold_fd = -1, r;
	struct msg m;

	if ((o->mount_proc && nsrun_mount_proc(o) < 0) ||
	    (o->mount_binfmt && nsrun_mount_binfmt(o) < 0)) {
		tell(sync_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	init_hold_block();	/* before READY: an early release stays pending */
	init_block_signals();
	tell(sync_fd, MSG_READY, 0);
	if (msg_expect(sync_fd, MSG_GO, &m) < 0)
		_exit(EXIT_TOOL_FAILED);	/* nsrun gave up: it printed why */
	/* nsrun prints the line of a failure: ours goes to the log now */
	if ((r = holder_let_go(o, &sync_fd, log_fd, &hold_fd, &f)) < 0)
		nsk_failure_line(&f, r, line, sizeof(line));
	if (msg_send(sync_fd, MSG_RESULT, r, line) < 0 || r < 0)
		_exit(EXIT_TOOL_FAILED);
	close(sync_fd);
	if (!o->argv[0])
		_exit(init_pause());
	if (o->hold && (r = init_hold_wait(hold_fd)) != 0)
		_exit(r);
	if ((r = nsrun_take_mapped_ids(o, &f)) < 0) {
		nsk_err_failure(&f, r);
		_exit(EXIT_TOOL_FAILED);
	}
	_exit(nsrun_run_cmd(o, -1));
}

/* What must be done before nsrun prints the handle, so that whoever acts
 * on it finds the holder as it will stay: nsrun's stdio traded for the log
 * or /dev/null, and no descriptor but 0, 1, 2, the command's and the
 * channel; the pause has taken the namespace's ids and kept nothing, and
 * a held process has its signalfd. 0, or -errno with f saying why. */
static int holder_let_go(const struct nsrun_opts *o, int *sync_fd, int log_fd, int *ret_hold_fd,
			 struct nsk_failure *f)
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
	if (o->hold && (*ret_hold_fd = init_hold_open()) < 0)
		return nsk_fail(f, *ret_hold_fd, "waiting for the release", NULL);
	return 0;
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
	if (msg_send(sync_fd, kind, value, NULL) < 0)
		_exit(EXIT_TOOL_FAILED);
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
