/* nsrun: creating and configuring the namespaces, running the command,
 * and the foreground mode (see nsrun.c). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "idmap.h"
#include "init.h"
#include "helper.h"
#include "mapreq.h"
#include "msg.h"
#include "netif.h"
#include "ns.h"
#include "parse.h"
#include "target.h"
#include "nsrun.h"

/* ---- set-up inside the new namespaces ---- */

static int write_self_maps(const struct nsrun_opts *o, uid_t outer_uid, gid_t outer_gid)
{
	_cleanup_close_ int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	struct idmap m = { .count = 0 };
	int r;

	if (o->setgroups >= 0 && (r = idmap_write_setgroups_at(self, o->setgroups)) < 0) {
		nsk_err("/proc/self/setgroups: %s", strerror(-r));
		return r;
	}
	if (o->map_uid) {
		idmap_add(&m, (struct idmap_range){ o->inner_uid, outer_uid, 1 });
		if ((r = idmap_write_at(self, "uid_map", &m)) < 0) {
			nsk_err("/proc/self/uid_map: mapping %u to %u: %s", o->inner_uid, outer_uid,
				strerror(-r));
			return r;
		}
	}
	if (o->map_gid) {
		m.count = 0;
		idmap_add(&m, (struct idmap_range){ o->inner_gid, outer_gid, 1 });
		if ((r = idmap_write_at(self, "gid_map", &m)) < 0) {
			nsk_err("/proc/self/gid_map: mapping %u to %u: %s%s", o->inner_gid, outer_gid,
				strerror(-r), o->setgroups == 1 ? " (needs --setgroups deny)" : "");
			return r;
		}
	}
	return 0;
}

static int write_time_offsets(const struct nsrun_opts *o)
{
	char text[128];
	int n = 0;
	_cleanup_close_ int fd = open("/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC);

	if (o->monotonic)
		n += snprintf(text + n, sizeof(text) - n, "monotonic %lld %ld\n",
			      (long long)o->monotonic_sec, o->monotonic_nsec);
	if (o->boottime)
		n += snprintf(text + n, sizeof(text) - n, "boottime %lld %ld\n",
			      (long long)o->boottime_sec, o->boottime_nsec);
	if (fd < 0 || write(fd, text, n) != n) {
		nsk_err("/proc/self/timens_offsets: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int nsrun_start_helper(const struct nsrun_opts *o, bool persist, struct helper *h)
{
	struct mapwrite_request req;	/* ~8 KiB and ~6 KiB: the stack holds them */
	struct idpolicy_caller caller;
	struct helper_work w = { .persist = persist ? o->persist_path : NULL };
	char msg[MSG_TEXT_MAX];

	if (mapreq_wanted(&o->maps)) {
		if (mapreq_resolve(&o->maps, &req, &caller, msg, sizeof(msg)) < 0) {
			nsk_err("%s", msg);
			return -1;
		}
		w.maps = &req;
		w.caller = &caller;
	}
	/* The helper reads w in its copy of this frame. */
	if (helper_start(h, &w, msg, sizeof(msg)) < 0) {
		nsk_err("%s", msg);
		return -1;
	}
	return 0;
}

/* Unshare and configure, in this process. Prints its own error. */
int nsrun_create_namespaces(const struct nsrun_opts *o, struct helper *h)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	bool persist_mnt = o->persist_path[ns_by_flag(CLONE_NEWNS) - ns_types] != NULL;
	uint64_t outer_mnt_id = 0;
	char msg[MSG_TEXT_MAX];
	int r;

	if (persist_mnt) {
		_cleanup_close_ int fd = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
		if (fd < 0 || ns_mnt_id(fd, &outer_mnt_id) < 0)
			persist_mnt = false;	/* no ids to compare: nothing to fix */
	}
	if (unshare(o->clone_flags) < 0) {
		nsk_err("unshare: %s", strerror(errno));
		return -1;
	}
	if (helper_write_maps(h, getpid(), msg, sizeof(msg)) < 0) {
		nsk_err("%s", msg);
		return -1;
	}
	/* With no files to make, the helper's work is done. */
	if (!h->persists && helper_finish(h, true) < 0) {
		nsk_err("the id map helper ended without an answer");
		return -1;
	}
	if (persist_mnt && (r = ns_mnt_make_newer_than(outer_mnt_id)) < 0) {
		nsk_err("mount namespace: cannot be persisted: the kernel gave it an id below "
			"ours, and no allowed CPU gives a larger one (per-CPU ids, Linux 6.18)");
		return -1;
	}
	if ((o->map_uid || o->map_gid || o->setgroups >= 0) && write_self_maps(o, uid, gid) < 0)
		return -1;
	if ((o->monotonic || o->boottime) && write_time_offsets(o) < 0)
		return -1;
	if (o->hostname && sethostname(o->hostname, strlen(o->hostname)) < 0) {
		nsk_err("hostname %s: %s", o->hostname, strerror(errno));
		return -1;
	}
	if (o->domainname && setdomainname(o->domainname, strlen(o->domainname)) < 0) {
		nsk_err("domainname %s: %s", o->domainname, strerror(errno));
		return -1;
	}
	if ((o->clone_flags & CLONE_NEWNS) && o->propagation &&
	    mount("none", "/", NULL, o->propagation, NULL) < 0) {
		nsk_err("/: changing propagation: %s", strerror(errno));
		return -1;
	}
	if ((o->clone_flags & CLONE_NEWNET) && !o->no_lo && (r = netif_loopback_up()) < 0) {
		nsk_err("lo: bringing it up: %s", strerror(-r));
		return -1;
	}
	return 0;
}

/* In the first process of a new PID namespace. */
int nsrun_mount_proc(const char *dir)
{
	/* Keep the new proc from propagating to the host whatever
	 * --propagation said (unshare(1) does the same). */
	if (mount("none", dir, NULL, MS_PRIVATE | MS_REC, NULL) < 0 && errno != EINVAL) {
		nsk_err("%s: making it private: %s", dir, strerror(errno));
		return -1;
	}
	if (mount("proc", dir, "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0) {
		nsk_err("%s: mounting proc: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* Tell nsrun, waiting on sync_fd with files to keep, that the command is
 * ready to start, and wait for its go: the files are kept only once
 * nothing but the exec itself can fail, and the command starts only once
 * they exist. */
static int sync_ready(int sync_fd)
{
	struct msg m;

	if (msg_send(sync_fd, MSG_READY, 0, NULL) < 0 || msg_expect(sync_fd, MSG_GO, &m) < 0)
		return -1;	/* nsrun failed and said why */
	close(sync_fd);
	return 0;
}

/* Set up the command's process state and exec it; returns the status to
 * exit with when that fails. */
static int exec_cmd(const struct nsrun_opts *o, int sync_fd)
{
	if (sync_fd < 0)
		return exec_run(&o->exec, o->argv, 0);
	if (exec_prepare_report(&o->exec, 0) < 0 || sync_ready(sync_fd) < 0)
		return EXIT_TOOL_FAILED;
	return nsk_exec_error(o->argv[0], exec_command(o->argv));
}

static bool wants_init(const struct nsrun_opts *o)
{
	return (o->clone_flags & CLONE_NEWPID) && !o->as_pid_1;
}

int nsrun_take_mapped_ids(const struct nsrun_opts *o)
{
	const char *step;
	int r = 0;

	if (o->clone_flags & CLONE_NEWUSER)
		r = confine_become_mapped(o->outer_uid, o->outer_gid,
					  o->exec.set_uid ? o->exec.uid : 0,
					  o->exec.set_gid ? o->exec.gid : 0, &step);
	if (r < 0) {
		nsk_err("user namespace: taking its ids: %s: %s", step, strerror(-r));
		return -1;
	}
	/* Again: a change of credentials resets the flag. */
	if (o->nondumpable && (r = confine_nondumpable()) < 0) {
		nsk_err("prctl(PR_SET_DUMPABLE): %s", strerror(-r));
		return -1;
	}
	return 0;
}

/* The init, once the command is forked, keeps nothing of the host: no
 * descriptor, and its root and working directory in the command's root
 * (a pivot_root(2) in the command moves a root or directory that is the
 * old root, so "/" is enough without --root). Failures change nothing
 * the command relies on: it has its own root and directory. */
static void init_let_go(const struct nsrun_opts *o)
{
	if (o->exec.root)
		(void)!chroot(o->exec.root);
	(void)!chdir("/");
	(void)confine_close_fds(NULL);
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
	init_let_go(o);
	return init_forward_and_wait(cmd, INIT_REAP_ALL);
}

int nsrun_pause(const struct nsrun_opts *o)
{
	init_let_go(o);
	return init_pause();
}

int nsrun_run_cmd(const struct nsrun_opts *o)
{
	return wants_init(o) ? run_init(o, -1) : exec_cmd(o, -1);
}

/* ---- foreground ---- */

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

/* The forked child: PID 1 of the new PID namespace if there is one. */
static int foreground_child(const struct nsrun_opts *o, int parent, int sync_fd)
{
	/* First: a change of credentials clears the parent-death signal. */
	if (nsrun_take_mapped_ids(o) < 0)
		return EXIT_TOOL_FAILED;
	if (o->kill_child && set_kill_child(o, parent) < 0)
		return EXIT_TOOL_FAILED;
	if (o->mount_proc && nsrun_mount_proc(o->mount_proc) < 0)
		return EXIT_TOOL_FAILED;
	return wants_init(o) ? run_init(o, sync_fd) : exec_cmd(o, sync_fd);
}

/* Have the helper persist the namespaces of `pid` and keep them; on
 * failure it has undone them. Prints its own error. */
static int persist_now(struct helper *h, pid_t pid)
{
	char msg[MSG_TEXT_MAX];
	int r = helper_persist(h, pid, msg, sizeof(msg));

	if (r < 0)
		nsk_err("%s", msg);
	return helper_finish(h, r == 0) < 0 || r < 0 ? -1 : 0;
}

/* Without a fork: this process runs the command. The files are made
 * before exec_prepare (which may leave nsrun unable to reach them) and
 * kept only if it succeeds. */
static int foreground_exec(const struct nsrun_opts *o, struct helper *h)
{
	char msg[MSG_TEXT_MAX];
	int r;

	if (o->mount_proc && nsrun_mount_proc(o->mount_proc) < 0) {
		helper_finish(h, false);
		return EXIT_TOOL_FAILED;
	}
	if (helper_persist(h, getpid(), msg, sizeof(msg)) < 0) {
		nsk_err("%s", msg);
		helper_finish(h, false);
		return EXIT_TOOL_FAILED;
	}
	r = nsrun_take_mapped_ids(o);
	if (r == 0)
		r = exec_prepare_report(&o->exec, 0);
	if (helper_finish(h, r == 0) < 0 || r < 0)
		return EXIT_TOOL_FAILED;
	return nsk_exec_error(o->argv[0], exec_command(o->argv));
}

int nsrun_foreground(const struct nsrun_opts *o)
{
	struct helper helper = HELPER_INIT;
	struct target parent = TARGET_INIT;
	int sync[2] = { -1, -1 };
	struct msg m;
	pid_t child;
	int status, r;

	if (nsrun_start_helper(o, true, &helper) < 0)
		return EXIT_TOOL_FAILED;
	if (nsrun_create_namespaces(o, &helper) < 0) {
		helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	if (!o->fork)
		return foreground_exec(o, &helper);
	if (o->kill_child && (r = target_open_pid(&parent, getpid())) < 0) {
		nsk_err("--kill-child: opening a pidfd of nsrun: %s", strerror(-r));
		helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	/* With files to persist, wait until the command is about to start:
	 * a new PID namespace can be bind mounted only once its first
	 * process exists, and a failure in the child must leave no file
	 * behind. */
	if (helper.persists && (r = msg_channel(sync)) < 0) {
		nsk_err("socketpair: %s", strerror(-r));
		helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	init_block_signals();
	child = fork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	if (child == 0) {
		helper_forget(&helper);
		closep(&sync[0]);
		_exit(foreground_child(o, parent.pidfd, sync[1]));
	}
	target_close(&parent);
	closep(&sync[1]);
	if (helper.persists) {
		bool ok = msg_expect(sync[0], MSG_READY, &m) == 0;
		if (!ok)
			helper_finish(&helper, false);
		if (!ok || persist_now(&helper, getpid()) < 0 ||
		    msg_send(sync[0], MSG_GO, 0, NULL) < 0) {
			closep(&sync[0]);
			kill(child, SIGKILL);
			waitpid(child, &status, 0);
			return EXIT_TOOL_FAILED;
		}
		closep(&sync[0]);
	}
	/* Without a PID namespace the container sees this process: it keeps
	 * nothing of the host that it does not need (see init_let_go). */
	(void)!chdir("/");
	(void)confine_close_fds(NULL);
	return init_forward_and_wait(child, o->as_pid_1 ? INIT_CHILD_IS_BARE_PID1 : 0);
}
