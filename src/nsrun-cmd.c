/* nsrun: running the command in the new namespaces, a step of both modes
 * (see nsrun.h): the ids the process takes there, letting go of the host,
 * and our init as PID 1 of a new PID namespace. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "confine.h"
#include "err.h"
#include "exec.h"
#include "init.h"
#include "msg.h"
#include "ns.h"
#include "nsrun.h"

int nsrun_take_mapped_ids(const struct nsrun_opts *o, struct nsk_failure *f)
{
	int r;

	/* Maps we wrote ourselves (-r, -c, --map-user) map our own uid. */
	if ((o->clone_flags & CLONE_NEWUSER) && !o->map_uid &&
	    (r = confine_become_mapped(o->outer_uid, o->outer_gid,
				       o->exec.set_uid ? o->exec.uid : 0,
				       o->exec.set_gid ? o->exec.gid : 0, f)) < 0) {
		nsk_fail_context(f, "user namespace: taking its ids");
		return r;
	}
	/* Again: a change of credentials resets the flag. */
	if (o->nondumpable && (r = confine_nondumpable()) < 0)
		return nsk_fail(f, r, "prctl(PR_SET_DUMPABLE)", NULL);
	return 0;
}

/* The init once the command is forked, and the pause, keep nothing of the
 * host: no descriptor, and their root and working directory in the
 * command's root (a pivot_root(2) in the command moves a root or
 * directory that is the old root, so "/" is enough without --root).
 * Failures change nothing the command relies on: it has its own root and
 * directory. */
void nsrun_let_go(const struct nsrun_opts *o, int channel)
{
	if (o->exec.root)
		(void)!chroot(o->exec.root);
	(void)!chdir("/");
	(void)confine_close_fds_but(NULL, channel);
}

/* Tell nsrun, waiting on sync_fd with files to keep, that the command is
 * ready to start, and wait for its go: the files are kept only once
 * nothing but the exec itself can fail, and the command starts only once
 * they exist. */
static int sync_ready(int sync_fd)
{
	struct msg m = { 0 };
	int r = msg_send(sync_fd, MSG_READY, 0, NULL);

	if (r == 0)
		r = msg_expect(sync_fd, MSG_GO, &m);
	if (r < 0) {
		if (!msg_peer_failed(r, &m))
			nsk_err("waiting for the go of nsrun: %s", strerror(-r));
		return -1;
	}
	close(sync_fd);
	return 0;
}

/* Set up the command's process state and exec it; returns the status to
 * exit with when that fails. */
static int exec_cmd(const struct nsrun_opts *o, int sync_fd)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = exec_prepare(&o->exec, &f);

	if (r < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	if (sync_fd >= 0 && sync_ready(sync_fd) < 0)
		return EXIT_TOOL_FAILED;
	return nsk_exec_error(o->argv[0], exec_command(o->argv));
}

static bool wants_init(const struct nsrun_opts *o)
{
	return (o->clone_flags & CLONE_NEWPID) && !o->as_pid_1;
}

/* PID 1 of the new namespace with our init: fork the command, forward
 * signals, reap, and exit with the command's status. */
static int run_init(const struct nsrun_opts *o, int sync_fd)
{
	pid_t cmd = fork();

	if (cmd < 0) {
		nsk_err("fork: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (cmd == 0)
		_exit(exec_cmd(o, sync_fd));
	/* Only the command answers nsrun: if it fails, nsrun sees the end. */
	if (sync_fd >= 0)
		close(sync_fd);
	nsrun_let_go(o, -1);
	proctitle_set(&o->title, "nsrun-init", o->argv);	/* --detach only: ps */
	return init_forward_and_wait(cmd, INIT_REAP_ALL);
}

/* Run the command: under our init in a new PID namespace, else exec it. */
int nsrun_run_cmd(const struct nsrun_opts *o, int sync_fd)
{
	return wants_init(o) ? run_init(o, sync_fd) : exec_cmd(o, sync_fd);
}
