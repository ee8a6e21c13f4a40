/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun: the foreground mode (see nsrun.h). In order:
 *   nsrun       forks the helper if there are maps to write or files to
 *               make, and creates the namespaces (nsrun-setup.c);
 *   without --fork, it becomes the command: the files are made and kept
 *               just before the exec (foreground_exec);
 *   with it,    it forks the child, PID 1 of a new PID namespace if there
 *               is one, which takes the mapped ids and runs the command
 *               under our init or bare (foreground_child, nsrun-cmd.c);
 *               with files to make, the command says when it is ready,
 *               and starts once the helper has made and kept them;
 *   nsrun       lets go of the host and forwards signals to the child
 *               until it ends, and exits with its status. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "helper.h"
#include "init.h"
#include "msg.h"
#include "target.h"
#include "nsrun.h"

static int foreground_exec(const struct nsrun_opts *o, struct helper *h);
static int foreground_child(const struct nsrun_opts *o, int parent, int sync_fd);
static int persist_then_go(struct helper *h, int sync_fd);
static int set_kill_child(const struct nsrun_opts *o, int parent);

/* Whether the child only sets up its own process state and execs the
 * command (bare, or as PID 1 with --as-pid-1), with no helper whose
 * channel it would have to forget: then it can be a vfork, as nsjoin's
 * and our init's (issue 19), and our page tables need not be copied. */
static bool child_only_execs(const struct nsrun_opts *o, const struct helper *h)
{
	return h->pid < 0 && (!(o->clone_flags & CLONE_NEWPID) || o->as_pid_1);
}

int nsrun_foreground(const struct nsrun_opts *o)
{
	struct helper helper = HELPER_INIT;
	struct target parent = TARGET_INIT;
	int sync[2] = { -1, -1 };
	pid_t child;
	int status, r, dumpable;

	if (nsrun_start_helper(o, true, &helper) < 0)
		return EXIT_TOOL_FAILED;
	if (nsrun_create_namespaces(o, &helper) < 0) {
		nsrun_finish_helper(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	if (!o->fork)
		return foreground_exec(o, &helper);
	if (o->kill_child && (r = target_open_pid(&parent, getpid())) < 0) {
		nsk_err("--kill-child: opening a pidfd of nsrun: %s", strerror(-r));
		nsrun_finish_helper(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	/* With files to persist, wait until the command is about to start:
	 * a new PID namespace can be bind mounted only once its first
	 * process exists, and a failure in the child must leave no file
	 * behind. */
	if (helper.persists && (r = msg_channel(sync)) < 0) {
		nsk_err("socketpair: %s", strerror(-r));
		nsrun_finish_helper(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	dumpable = confine_dumpable();
	init_block_signals();
	child = child_only_execs(o, &helper) ? vfork() : fork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		nsrun_finish_helper(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	if (child == 0) {
		helper_forget(&helper);
		closep(&sync[0]);
		_exit(foreground_child(o, parent.pidfd, sync[1]));
	}
	confine_restore_dumpable(dumpable);	/* a vfork child's ids may have reset it */
	target_close(&parent);
	closep(&sync[1]);
	if (helper.persists) {
		r = persist_then_go(&helper, sync[0]);
		closep(&sync[0]);
		if (r < 0) {
			kill(child, SIGKILL);
			exec_wait(child, &status, 0);
			return EXIT_TOOL_FAILED;
		}
		/* r > 0: the command could not run; it ends with its status */
	}
	/* Without a PID namespace the container sees this process: it keeps
	 * nothing of the host that it does not need (see nsrun_let_go). */
	(void)!chdir("/");
	(void)confine_close_fds(NULL);
	return init_forward_and_wait(child, o->as_pid_1 ? INIT_CHILD_IS_BARE_PID1 : 0);
}

/* Without a fork: this process runs the command. The files are made
 * before exec_prepare (which may leave nsrun unable to reach them) and
 * kept only if it succeeds. */
static int foreground_exec(const struct nsrun_opts *o, struct helper *h)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if ((o->mount_proc && nsrun_mount_proc(o) < 0) ||
	    (o->mount_binfmt && nsrun_mount_binfmt(o) < 0)) {
		nsrun_finish_helper(h, false);
		return EXIT_TOOL_FAILED;
	}
	if ((r = helper_persist(h, getpid(), &f)) < 0) {
		nsk_err_failure(&f, r);
		nsrun_finish_helper(h, false);
		return EXIT_TOOL_FAILED;
	}
	if ((r = nsrun_take_mapped_ids(o, &f)) < 0 || (r = exec_prepare(&o->exec, &f)) < 0)
		nsk_err_failure(&f, r);
	if (nsrun_finish_helper(h, r == 0) < 0 || r < 0)
		return EXIT_TOOL_FAILED;
	return nsk_exec_error(o->argv[0], exec_command(o->argv));
}

/* The forked child: PID 1 of the new PID namespace if there is one. */
static int foreground_child(const struct nsrun_opts *o, int parent, int sync_fd)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	/* First: a change of credentials clears the parent-death signal. */
	if ((r = nsrun_take_mapped_ids(o, &f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	if (o->kill_child && set_kill_child(o, parent) < 0)
		return EXIT_TOOL_FAILED;
	if ((o->mount_proc && nsrun_mount_proc(o) < 0) ||
	    (o->mount_binfmt && nsrun_mount_binfmt(o) < 0))
		return EXIT_TOOL_FAILED;
	/* nsrun is the parent: it learns the command's fate from its status. */
	return nsrun_run_cmd(o, sync_fd, &(struct nsrun_report)NSRUN_REPORT_NONE);
}

/* Once the command says it is ready (only the exec is left), have the
 * helper make the files from this process's namespaces, give the command
 * its go, and once the exec has closed the channel have the helper keep
 * them: until then the helper can still undo the files, and a keep that
 * fails (the helper undoes them when its channel ends) kills the command.
 * On failure, the command's exec too, the files are undone. Prints its own
 * error (the command says why its exec failed). */
static int persist_then_go(struct helper *h, int sync_fd)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct msg m = { 0 };
	int r;

	if ((r = msg_expect(sync_fd, MSG_READY, &m)) < 0) {
		if (!msg_peer_failed(r, &m))
			nsk_err("waiting for the command to be ready: %s", strerror(-r));
		nsrun_finish_helper(h, false);
		return -1;
	}
	if ((r = helper_persist(h, getpid(), &f)) < 0) {
		nsk_err_failure(&f, r);
		nsrun_finish_helper(h, false);
		return -1;
	}
	if ((r = msg_send(sync_fd, MSG_GO, 0, NULL)) < 0) {
		if (!msg_peer_failed(r, NULL))
			nsk_err("starting the command: %s", strerror(-r));
		nsrun_finish_helper(h, false);
		return -1;
	}
	/* The end of the channel: the exec happened. A message: it failed. */
	if (msg_recv(sync_fd, &m) == 0) {
		nsrun_finish_helper(h, false);
		return 1;
	}
	return nsrun_finish_helper(h, true) < 0 ? -1 : 0;
}

/* --kill-child: the signal comes when nsrun (parent, a pidfd opened
 * before the fork) dies; if it died before the request, it never will.
 * getppid() cannot tell in a new PID namespace, where it is 0. */
static int set_kill_child(const struct nsrun_opts *o, int parent)
{
	struct pollfd pfd = { .fd = parent, .events = POLLIN };

	if (prctl(PR_SET_PDEATHSIG, o->kill_child) < 0) {
		nsk_err("--kill-child: prctl(PR_SET_PDEATHSIG): %s", strerror(errno));
		return -1;
	}
	/* A pidfd is readable once its process has exited, zombie or not
	 * (pidfd_send_signal(0) would still reach a zombie). */
	if (poll(&pfd, 1, 0) != 0) {
		nsk_err("--kill-child: nsrun ended before the command started");
		return -1;
	}
	return 0;
}
