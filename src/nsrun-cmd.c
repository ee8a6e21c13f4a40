/* SPDX-License-Identifier: GPL-2.0-or-later */
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

int nsrun_report_send(const struct nsrun_report *rep, int status, const char *line)
{
	int r;

	if (rep->fd < 0)
		return -EPIPE;
	for (unsigned i = 0; rep->files && i < ns_type_count; i++) {
		unsigned made = (rep->made >> (NSRUN_MADE_BITS * i)) & NSRUN_MADE_MASK;
		int value = (int)(i | made << NSRUN_NSFILE_MADE_SHIFT);

		if (rep->files[i] && (r = msg_send(rep->fd, MSG_NSFILE, value, rep->files[i])) < 0)
			return r;
	}
	return msg_send(rep->fd, MSG_EXEC_FAILED, status, line);
}

int nsrun_report_failure(const struct nsrun_report *rep, int status, const struct nsk_failure *f,
			 int err)
{
	char line[MSG_TEXT_MAX];

	nsk_failure_line(f, err, line, sizeof(line));
	/* Nobody to read it (no channel, or its reader is gone): the log. */
	if (nsrun_report_send(rep, status, line) < 0)
		nsk_err("%s", line);
	return status;
}

/* Keep a file that a report names. */
static void add_named(struct nsrun_named *n, const struct msg *m)
{
	unsigned type = (unsigned)m->value & ((1U << NSRUN_NSFILE_MADE_SHIFT) - 1);
	unsigned i = n->files.count;

	if (type >= ns_type_count || i == NS_TYPE_MAX)
		return;
	snprintf(n->text[i], sizeof(n->text[i]), "%s", m->text);
	n->files.type[i] = type;
	n->files.path[i] = n->text[i];
	n->files.made[i] = ((unsigned)m->value >> NSRUN_NSFILE_MADE_SHIFT) & NSRUN_MADE_MASK;
	n->files.err[i] = 0;
	n->files.count++;
}

int nsrun_await_exec(int fd, char ret_line[MSG_TEXT_MAX], struct nsrun_named *ret_named)
{
	bool named = false;
	struct msg m;
	int r;

	if (ret_named)
		ret_named->files = (struct persisted)PERSISTED_INIT;
	while ((r = msg_recv(fd, &m)) == 0 && m.kind == MSG_NSFILE) {
		named = true;
		if (ret_named)
			add_named(ret_named, &m);
	}
	/* The end of the channel with no word: the exec closed it. */
	if (r == -EPIPE && !named)
		return 0;
	if (r < 0)
		return r == -EPIPE ? -EPROTO : r;	/* cut short after a file */
	if (m.kind != MSG_EXEC_FAILED || m.value <= 0 || m.value > 255)
		return -EPROTO;
	snprintf(ret_line, MSG_TEXT_MAX, "%s", m.text);
	return m.value;
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
	/* Open up to the exec, which closes it: nsrun keeps the files once it
	 * sees that end, and undoes them if the exec failed instead. */
	return 0;
}

/* Set up the command's process state and exec it; returns the status to
 * exit with when that fails, after reporting why. */
static int exec_cmd(const struct nsrun_opts *o, int sync_fd, const struct nsrun_report *rep)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	/* The channel to nsrun stays open up to the exec (it closes then):
	 * the handshake of the foreground, or the report of a detached or
	 * released command, never both. */
	int r = exec_prepare_but(&o->exec, sync_fd >= 0 ? sync_fd : rep->fd, &f);
	int status, err;

	if (r < 0)
		return nsrun_report_failure(rep, EXIT_TOOL_FAILED, &f, r);
	if (sync_fd >= 0 && sync_ready(sync_fd) < 0)
		return EXIT_TOOL_FAILED;
	status = exec_command(o->argv);
	err = errno;
	status = nsrun_report_failure(rep, nsk_fail_exec(&f, o->argv[0], status, err), &f, -err);
	if (sync_fd >= 0)	/* after the line: nsrun's undo may add its own */
		(void)msg_send(sync_fd, MSG_EXEC_FAILED, status, NULL);
	return status;
}

static bool wants_init(const struct nsrun_opts *o)
{
	return (o->clone_flags & CLONE_NEWPID) && !o->as_pid_1;
}

/* PID 1 of the new namespace with our init: fork the command, forward
 * signals, reap, and exit with the command's status.
 *
 * vfork, as nsjoin's: the child only sets up its own process state
 * (credentials, root, descriptors, signals, the filter) and execs or
 * _exits, never returning here, so our page tables need not be copied
 * first (issue 19: the copy was most of what the init cost over the
 * floor). Suspended until then, we miss nothing: the forwarded signals
 * stay blocked and pending, and nsrun talks to the child alone. The
 * memory the child shares with us is non-dumpable: we are (DESIGN.md,
 * the security rule), and a change of credentials in the child leaves the
 * shared mm at suid_dumpable, which a container's root cannot ptrace. */
static int run_init(const struct nsrun_opts *o, int sync_fd, const struct nsrun_report *rep)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int dumpable = confine_dumpable();
	pid_t cmd = vfork();

	if (cmd < 0)
		return nsrun_report_failure(rep, EXIT_TOOL_FAILED, &f,
					    nsk_fail(&f, -errno, "fork", NULL));
	if (cmd == 0)
		_exit(exec_cmd(o, sync_fd, rep));
	confine_restore_dumpable(dumpable);	/* the child's ids may have reset it */
	/* Only the command answers nsrun: if it fails, nsrun sees the end;
	 * once it has exec'd, the report's reader sees the end. */
	if (sync_fd >= 0)
		close(sync_fd);
	if (rep->fd >= 0)
		close(rep->fd);
	nsrun_let_go(o, -1);
	proctitle_set(&o->title, "nsrun-init", o->argv);	/* --detach only: ps */
	return init_forward_and_wait(cmd, INIT_REAP_ALL);
}

/* Run the command: under our init in a new PID namespace, else exec it. */
int nsrun_run_cmd(const struct nsrun_opts *o, int sync_fd, const struct nsrun_report *rep)
{
	return wants_init(o) ? run_init(o, sync_fd, rep) : exec_cmd(o, sync_fd, rep);
}
