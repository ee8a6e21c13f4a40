/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun: --release, the go for a process held by --detach --hold (see
 * nsrun.h), and the wait for what came of it.
 *
 * The held process is not our child and shares no channel with us, so it
 * keeps, from before its handle was printed, the write end of a report
 * pipe (lib/init: struct init_hold), which we open again for reading
 * before we send the release. The process that execs the command holds it
 * up to the exec (struct nsrun_report): the end of the pipe says that the
 * command runs; a failure is reported on it first, with the namespace
 * files nsrun --detach made. We print its line, end the held process and
 * undo those files, as the detached nsrun would have done had it waited,
 * and exit with the command's status: nothing is left. The files are
 * undone only if they hold the held process's namespaces as we saw them
 * before the release: a report is the word of a process that the
 * container may have had its hands on (one run by another user than
 * root, which the container's root may trace). */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "init.h"
#include "ns.h"
#include "persist.h"
#include "target.h"
#include "nsrun.h"

static int release(const struct target *t, struct nsrun_named *named);

int nsrun_release(const struct nsrun_opts *o)
{
	struct target t = TARGET_INIT;
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct nsrun_named named;
	int r = target_open(&t, o->target, &f);

	if (r < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	r = release(&t, &named);
	/* the command runs: a handle that cannot be passed on is said so */
	if (r == 0 && (r = target_echo(&t)) < 0) {
		nsk_err("stdout: writing the handle: %s", strerror(-r));
		r = EXIT_TOOL_FAILED;
	}
	target_close(&t);
	return r;
}

/* Release t and wait for its report: 0 once its command runs, else the
 * status to exit with, the line printed and nothing left. */
static int release(const struct target *t, struct nsrun_named *named)
{
	struct ns_id ids[NS_TYPE_MAX];
	char line[MSG_TEXT_MAX];
	int report = -1, r;

	r = init_release_open(t->procfd, &report);
	if (r == -EPERM) {
		nsk_err("process %d: not held by nsrun --hold (or released already)", (int)t->pid);
		return EXIT_TOOL_FAILED;
	}
	if (r < 0) {
		nsk_err("process %d: opening its report pipe: %s", (int)t->pid, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	/* Before the release: once its command has failed, the process and
	 * its namespaces may be gone. */
	if ((r = ns_ids_at(t->procfd, true, ids)) < 0)
		nsk_err("process %d: reading its namespaces: %s", (int)t->pid, strerror(-r));
	else if ((r = init_release(t->pidfd)) < 0)
		nsk_err("process %d: sending the release: %s", (int)t->pid, strerror(-r));
	if (r < 0) {
		close(report);
		return EXIT_TOOL_FAILED;
	}
	r = nsrun_await_exec(report, line, named);
	close(report);
	if (r == 0)
		return 0;
	if (r > 0) {
		nsk_err("%s", line);
	} else {
		nsk_err("process %d: waiting for its command: %s", (int)t->pid, strerror(-r));
		r = EXIT_TOOL_FAILED;
	}
	/* Gone before we return, with its PID namespace. */
	(void)target_kill(t);
	unpersist_holding(&named->files, ids);
	nsrun_warn_left(&named->files);
	return r;
}
