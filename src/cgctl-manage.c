/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgctl subcommands that change groups: create, set, get, attach, exec,
 * freeze/thaw, kill, wait, delete. Every one validates all its input
 * before it touches anything, and undoes what it made when a later step
 * fails. */
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgctl.h"
#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "init.h"
#include "parse.h"
#include "target.h"

#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif

/* The writes of every setting, translated and checked. */
struct plan {
	struct cg_write w[MAX_SETTINGS * CGKEY_MAX_WRITES];
	unsigned from[MAX_SETTINGS * CGKEY_MAX_WRITES];	/* the setting of each write */
	unsigned n;
	unsigned ctrls;		/* the controllers needed */
};

static int make_plan(const struct cgctl_opts *o, struct cgctl_ctx *c, struct plan *p)
{
	struct cgkey_batch batch = { NULL, false };
	int ctrl;

	/* Only the writes made count (w[0..n), each filled whole by
	 * cgkey_translate): the plan is 30 KiB of stack, eight pages the
	 * kernel would have to fault in to clear for a run that sets two
	 * limits (issue 19). */
	p->n = 0;
	p->ctrls = 0;
	for (unsigned i = 0; i < o->nset; i++) {
		if (!strcmp(o->set[i].key, "memory.max"))
			batch.memory_max = o->set[i].value;
		if (!strcmp(o->set[i].key, "memory.swap.max"))
			batch.swap_set = true;
	}
	for (unsigned i = 0; i < o->nset; i++) {
		const struct setting *s = &o->set[i];
		int n = s->bad_flag ? -CGKEY_EVALUE
				    : cgkey_translate(&c->keys, s->key, s->value, &batch,
						      p->w + p->n, &ctrl);
		if (n < 0) {
			struct nsk_failure f = NSK_FAILURE_INIT;
			char name[512];

			nsk_fail(&f, n, NULL, "%s: %s", o->group, setting_name(s, name, sizeof(name)));
			nsk_err_failure(&f, setting_explain(s, &f, n));
			return -1;
		}
		if (o->ctrls_given && ctrl >= 0 && !(o->ctrls & CG_BIT(ctrl))) {
			char name[512];

			nsk_err("%s: %s: its controller, %s, is not among -c %s", o->group,
				setting_name(s, name, sizeof(name)), cg_ctrl_name(ctrl), o->ctrls_given);
			return -1;
		}
		for (int j = 0; j < n; j++)
			p->from[p->n + (unsigned)j] = i;
		p->n += (unsigned)n;
		if (ctrl >= 0)
			p->ctrls |= CG_BIT(ctrl);
	}
	return 0;
}

/* The line of a failure of the group: "GROUP: OBJECT: CAUSE". */
static void group_error(const struct cgctl_opts *o, struct nsk_failure *f, int r)
{
	nsk_fail_context(f, "%s", o->group);
	nsk_err_failure(f, r);
}

/* Warn about each directory left behind and each file left changed. */
static void report_left(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	for (unsigned i = 0; i < c->g.nleft; i++) {
		const struct cg_left *l = &c->g.left[i];
		nsk_warn("%s: %s: %s: %s", o->group, l->path,
			 l->changed ? "could not write its old value back" : "left behind",
			 strerror(-l->err));
	}
	cg_group_clear_left(&c->g);
}

/* Remove what this run made, disable the controllers it enabled; warn
 * about what could not be undone. */
static void undo(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	cg_group_undo(&c->g);
	report_left(o, c);
}

unsigned cgctl_hiers(const struct cgctl_opts *o, const struct cg_sys *sys, unsigned dflt_ctrls)
{
	unsigned mask;

	if (!o->ctrls_given)
		return cg_hiers_for(sys, dflt_ctrls);
	if (!(mask = cg_hiers_of(sys, o->ctrls, o->names, o->nnames)))
		nsk_err("-c %s: no hierarchy of these controllers is mounted here", o->ctrls_given);
	return mask;
}

static int init_group(const struct cgctl_opts *o, struct cgctl_ctx *c, unsigned dflt_ctrls)
{
	unsigned mask = cgctl_hiers(o, &c->sys, dflt_ctrls);
	int r = mask ? cg_group_init(&c->g, &c->sys, o->parent, o->group, mask) : -1;

	if (!mask)
		return -1;

	if (r < 0) {
		nsk_err("%s: %s", o->group,
			r == -EINVAL ? "not a group name (or bad --parent)" : strerror(-r));
		return -1;
	}
	return 0;
}

/* Where the parent came from, as the user gave it: "--parent self/box",
 * "CGCTL_PARENT=self/box". Into buf; returns buf. */
static const char *parent_source(const struct cgctl_opts *o, char *buf, size_t size)
{
	if (!o->parent)
		snprintf(buf, size, "/");
	else
		snprintf(buf, size, "%s%s", o->parent_from_env ? "CGCTL_PARENT=" : "--parent ",
			 o->parent);
	return buf;
}

int open_existing(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	char parent[512];
	int r;

	if (init_group(o, c, ~0u) < 0)
		return -1;
	if ((r = cg_group_existing(&c->g, &f)) < 0 && r != -ENOENT) {
		group_error(o, &f, r);
		return -1;
	}
	if (r < 0) {
		/* list without a group lists the parent itself */
		nsk_err("%s: no such group",
			*o->group ? o->group : parent_source(o, parent, sizeof(parent)));
		return -1;
	}
	return 0;
}

static void no_internal_processes(const struct cgctl_opts *o, const char *dir)
{
	nsk_err("%s: cannot enable controllers below %s: that cgroup holds processes, and on "
		"cgroup v2 a cgroup that passes controllers to its children may hold none "
		"(no internal processes); move them into a child group first",
		o->group, dir);
}

/* Create (when asked), enable controllers, apply the plan. Undoes what it
 * made on failure. */
static int build(const struct cgctl_opts *o, struct cgctl_ctx *c, const struct plan *p,
		 bool create, bool exclusive)
{
	struct cg_group *g = &c->g;
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if (create && (r = cg_group_create(g, exclusive, &f)) < 0) {
		char parent[512];

		if (r == -EEXIST)
			nsk_err("%s: already exists: %s", o->group, f.object);
		else if (r == -CGGROUP_ENOPARENT && o->parent)
			nsk_err("%s: %s: %s (%s)", o->group, f.object, nsk_strerror(r),
				parent_source(o, parent, sizeof(parent)));
		else
			group_error(o, &f, r);
		goto undo;
	}
	if ((r = cg_group_enable(g, p->ctrls & c->keys.v2_ctrls, &f)) < 0) {
		if (r == -EBUSY)
			no_internal_processes(o, f.object);
		else
			group_error(o, &f, r);
		goto undo;
	}
	if ((r = cg_group_apply(g, p->w, p->n, &f)) < 0) {
		/* which setting: the first whose file is the failing one */
		const char *file = strrchr(f.object, '/');
		unsigned k = 0;
		for (unsigned i = 0; i < p->n; i++) {
			if (file && !strcmp(file + 1, p->w[i].file)) {
				k = p->from[i];
				break;
			}
		}
		char name[512];
		nsk_fail_context(&f, "%s", setting_name(&o->set[k], name, sizeof(name)));
		if (r == -ENOENT)
			nsk_fail_detail(&f, r, "no such key here");
		group_error(o, &f, r);
		goto undo;	/* the old values are back (or in g->left) */
	}
	return 0;
undo:
	undo(o, c);
	return -1;
}

/* For create, attach --create and exec: the group made in every
 * hierarchy with a controller it needs. */
static int init_for_create(const struct cgctl_opts *o, struct cgctl_ctx *c, const struct plan *p)
{
	return init_group(o, c, CG_DEFAULT_CTRLS | p->ctrls);
}

/* The limits --copy-from takes from its group: those cgctl's flags set. */
static const char *const copied_keys[] = {
	"memory.max", "memory.high", "memory.swap.max", "cpu.max", "cpu.weight", "cpuset.cpus",
	"cpuset.mems", "pids.max", NULL,
};

/* --copy-from: the source group's limits first, then those given, which
 * win (written after). Into *ret, a copy of o. */
static int copy_limits(const struct cgctl_opts *o, struct cgctl_ctx *c, struct cgctl_opts *ret)
{
	static char given[ELEMENTSOF(copied_keys)][sizeof(((struct setting *)0)->value)];
	struct cg_group src;
	unsigned mask = cgctl_hiers(o, &c->sys, ~0u), n = 0;
	int r = -1;

	memset(&src, 0, sizeof(src));
	*ret = *o;
	if (!mask)
		return -1;
	if (cg_group_init(&src, &c->sys, o->parent, o->copy_from, mask) < 0 ||
	    cg_group_existing(&src, NULL) < 0) {
		nsk_err("%s: --copy-from %s: no such group", o->group, o->copy_from);
		goto out;
	}
	ret->nset = 0;
	for (unsigned k = 0; copied_keys[k]; k++) {
		int e = cgkey_get(&c->keys, copied_keys[k], cg_group_read, &src, given[n],
				  sizeof(given[n]));
		struct setting *s = &ret->set[ret->nset];

		/* a key of a controller the group does not have is not copied */
		if (e == -ENOENT || e == -CGKEY_ENOCTRL)
			continue;
		if (e < 0) {
			nsk_err("%s: --copy-from %s: %s: %s", o->group, o->copy_from, copied_keys[k],
				nsk_strerror(e));
			goto out;
		}
		/* v2's empty cpuset.cpus (mems): not set, the parent's apply */
		if (!given[n][0])
			continue;
		*s = (struct setting){ .key = copied_keys[k], .given = given[n] };
		snprintf(s->value, sizeof(s->value), "%s", given[n]);
		ret->nset++;
		n++;
	}
	for (unsigned i = 0; i < o->nset && ret->nset < MAX_SETTINGS; i++)
		ret->set[ret->nset++] = o->set[i];
	r = 0;
out:
	cg_group_free(&src);
	return r;
}

/* --admin-owner, --task-owner: what cgroup v2 delegation hands over (the
 * directory, its process lists and subtree_control), as cgcreate -a/-t. */
static int chown_group(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	static const char *const task_files[] = { "cgroup.procs", "cgroup.threads", "tasks", NULL };
	const struct cg_group *g = &c->g;

	for (unsigned i = 0; i < CG_MAX_HIER; i++) {
		const char *dir = g->path[i] ? g->dir[i] : NULL;
		char file[4096];

		if (!dir)
			continue;
		if (o->admin_owner && chown(dir, o->admin_uid, o->admin_gid) < 0)
			goto fail;
		snprintf(file, sizeof(file), "%s/cgroup.subtree_control", dir);
		if (o->admin_owner && chown(file, o->admin_uid, o->admin_gid) < 0 && errno != ENOENT)
			goto fail;
		for (unsigned k = 0; task_files[k]; k++) {
			bool task = o->task_owner;

			snprintf(file, sizeof(file), "%s/%s", dir, task_files[k]);
			if ((task || o->admin_owner) &&
			    chown(file, task ? o->task_uid : o->admin_uid,
				  task ? o->task_gid : o->admin_gid) < 0 && errno != ENOENT)
				goto fail;
		}
		continue;
fail:
		nsk_err("%s: %s: changing its owner: %s", o->group, dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* build, the signals that would end cgctl held back: one that came
 * meanwhile has what this run made undone (a group made, the old values
 * back) before it ends cgctl (128+N). */
static int build_whole(const struct cgctl_opts *o, struct cgctl_ctx *c, const struct plan *p,
		       bool create, bool exclusive)
{
	sigset_t ending, mask;
	int r;

	init_block_ending(&ending, &mask);
	r = build(o, c, p, create, exclusive);
	if (r == 0 && init_ending_pending(&ending)) {
		undo(o, c);	/* silently: the signal says why */
		r = -1;
	}
	sigprocmask(SIG_SETMASK, &mask, NULL);
	return r;
}

int cmd_create(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	static struct cgctl_opts with_copy;
	struct plan p;

	if (o->copy_from) {
		if (copy_limits(o, c, &with_copy) < 0)
			return EXIT_TOOL_FAILED;
		o = &with_copy;
	}
	if (make_plan(o, c, &p) < 0 || init_for_create(o, c, &p) < 0 ||
	    build_whole(o, c, &p, true, !o->exist_ok) < 0)
		return EXIT_TOOL_FAILED;
	if ((o->admin_owner || o->task_owner) && chown_group(o, c) < 0) {
		undo(o, c);
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

int cmd_set(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct plan p;

	if (make_plan(o, c, &p) < 0 || open_existing(o, c) < 0 ||
	    build_whole(o, c, &p, false, false) < 0)
		return EXIT_TOOL_FAILED;
	return 0;
}

int cmd_get(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	static char value[65536];

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	for (unsigned i = 0; i < o->nkeys; i++) {
		int r = cgkey_get(&c->keys, o->keys[i], cg_group_read, &c->g, value, sizeof(value));
		if (r < 0) {
			struct nsk_failure f = NSK_FAILURE_INIT;

			nsk_fail(&f, r, NULL, "%s: %s", o->group, o->keys[i]);
			if (r == -ENOENT)
				nsk_fail_detail(&f, r, "no such key here");
			nsk_err_failure(&f, cgkey_explain(&f, r, o->keys[i]));
			return EXIT_TOOL_FAILED;
		}
		printf("%s\n", value);
	}
	return fflush(stdout) == 0 ? 0 : EXIT_TOOL_FAILED;
}

/* The group for attach and exec: created when asked or limits are given,
 * else it must exist. */
static int prepare_group(const struct cgctl_opts *o, struct cgctl_ctx *c, bool exclusive)
{
	struct plan p;
	bool create = o->create || o->nset > 0 || exclusive;

	if (make_plan(o, c, &p) < 0)
		return -1;
	if (!create)
		return open_existing(o, c) < 0 || build(o, c, &p, false, false) < 0 ? -1 : 0;
	if (init_for_create(o, c, &p) < 0)
		return -1;
	return build(o, c, &p, true, exclusive);
}

/* The line of a join that failed, f naming the cgroup. */
static void join_error(const struct cgctl_opts *o, const struct nsk_failure *f, pid_t pid, int r)
{
	if (r == -EBUSY || r == -EOPNOTSUPP)
		nsk_err("%s: %s: cannot hold processes: it passes controllers to child groups "
			"(cgroup v2 no internal processes); use a child group",
			o->group, f->object);
	else if (r == -ENOSPC)
		nsk_err("%s: moving process %d into %s: its cpuset.cpus or cpuset.mems is empty",
			o->group, (int)pid, f->object);
	else
		nsk_err("%s: moving process %d into %s: %s", o->group, (int)pid, f->object,
			nsk_strerror(r));
}

/* A refused attach: the targets moved so far go back where they were,
 * last first (the failing one may have moved in some hierarchies). */
static void move_back(const struct cgctl_opts *o, struct cgctl_ctx *c, const struct target *t,
		      const struct cg_place *where, unsigned moved)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	for (unsigned i = moved; i-- > 0;)
		if ((r = cg_group_unjoin(&c->g, t[i].pid, &where[i], &f)) < 0)
			nsk_warn("%s: process %d: could not move it back to %s: %s", o->group,
				 (int)t[i].pid, f.object, nsk_strerror(r));
}

/* Move the i-th target into the group. The kernel takes a PID, not a
 * pidfd (cgroup.procs), so the target may end and its PID be taken by
 * another process after the check that it lives and before the write:
 * it is checked again after, and if it has ended, whatever the write
 * moved goes back with the others (move_back), to where the process at
 * that PID was before the write (where). */
static int attach_one(const struct cgctl_opts *o, struct cgctl_ctx *c, const struct target *t,
		      struct cg_place *where, unsigned *moved, unsigned i)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if ((r = target_alive(t)) < 0)
		goto gone;
	if ((r = cg_place_of(&c->sys, t->pid, where)) < 0) {
		if (r == -ENOENT || r == -ESRCH)
			goto gone;
		nsk_err("process %d: /proc/%d/cgroup: %s", (int)t->pid, (int)t->pid, strerror(-r));
		return r;
	}
	*moved = i + 1;
	if ((r = cg_group_join(&c->g, t->pid, &f)) < 0) {
		join_error(o, &f, t->pid, r);
		return r;
	}
	if ((r = target_alive(t)) < 0)
		goto gone;
	return 0;
gone:
	nsk_err_failure(&f, target_fail(t, r, &f));
	return r;
}

int cmd_attach(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct target t[MAX_TARGETS + 1];
	struct cg_place where[MAX_TARGETS + 1] = { 0 };
	unsigned n = o->ntargets ? o->ntargets : 1, moved = 0;
	struct nsk_failure f = NSK_FAILURE_INIT;
	sigset_t ending, mask;
	int r = 0;

	for (unsigned i = 0; i < n; i++) {
		t[i] = (struct target)TARGET_INIT;
		if ((r = target_open(&t[i], o->ntargets ? o->targets[i] : NULL, &f)) < 0) {
			nsk_err_failure(&f, r);
			for (unsigned j = 0; j < i; j++)
				target_close(&t[j]);
			return EXIT_TOOL_FAILED;
		}
	}
	/* From the handles read to the handles written, a signal that would
	 * end cgctl is held back; one that came has the targets moved back
	 * and the group undone, then ends cgctl (128+N). */
	init_block_ending(&ending, &mask);
	if (prepare_group(o, c, false) < 0) {
		r = -1;
		goto out;
	}
	for (unsigned i = 0; i < n && r >= 0; i++)
		r = attach_one(o, c, &t[i], &where[i], &moved, i);
	if (r >= 0 && init_ending_pending(&ending))
		r = -EINTR;	/* said by the signal, when it ends us */
	if (r < 0) {
		move_back(o, c, t, where, moved);
		undo(o, c);	/* removes only an empty group we made */
	}
	for (unsigned i = 0; i < n; i++)
		cg_place_free(&where[i]);
	for (unsigned i = 0; i < n && r >= 0; i++)
		if ((r = target_echo(&t[i])) < 0)
			nsk_err("stdout: writing the handle: %s", strerror(-r));
out:
	for (unsigned i = 0; i < n; i++)
		target_close(&t[i]);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	return r < 0 ? EXIT_TOOL_FAILED : 0;
}

/* Just before the command's exec: --default-signal's signals back to
 * their default action, then --seccomp's filter, loaded last. 0, or -1
 * with the line printed. */
static int prepare_command(const struct cgctl_opts *o)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	exec_default_signals(&o->exec.default_signals);
	if ((r = exec_seccomp(&o->exec, &f)) >= 0)
		return 0;
	nsk_err_failure(&f, r);
	return -1;
}

/* The command in the child: the signal mask it was started with, then
 * exec. cgctl installs no handler, so dispositions (an ignored HUP under
 * nohup, say) pass through to the command as they came, as with env(1),
 * but for those --default-signal names. */
static _Noreturn void run_command(const struct cgctl_opts *o, const sigset_t *mask)
{
	sigprocmask(SIG_SETMASK, mask, NULL);
	if (prepare_command(o) < 0)
		_exit(EXIT_TOOL_FAILED);
	_exit(nsk_exec_error(o->argv[0], exec_command(o->argv)));
}

/* clone3(CLONE_INTO_CGROUP): the child is born inside the group (v2). */
static pid_t clone_into(int cgfd)
{
	struct clone_args args = {
		.flags = CLONE_INTO_CGROUP,
		.exit_signal = SIGCHLD,
		.cgroup = (uint64_t)cgfd,
	};

	return (pid_t)syscall(SYS_clone3, &args, sizeof(args));
}

/* Start the command in the group as a child, with the signal mask cgctl
 * was started with; returns its pid or -1. */
static pid_t spawn(const struct cgctl_opts *o, struct cgctl_ctx *c, const sigset_t *start_mask)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	const char *v2dir = cg_group_dir_for(&c->g, CG_CORE, true);
	_cleanup_close_ int cgfd = -1;
	pid_t pid = -1;
	sigset_t mask = *start_mask;
	int r, dumpable;

	init_block_signals();
	if (c->sys.layout == CG_LAYOUT_UNIFIED && v2dir &&
	    (cgfd = open(v2dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		pid = clone_into(cgfd);
		if (pid == 0)
			run_command(o, &mask);
		if (pid > 0 || (errno != ENOSYS && errno != E2BIG && errno != EINVAL)) {
			if (pid < 0) {
				/* EBUSY, EOPNOTSUPP: no internal processes */
				join_error(o, &f, 0, cg_fail_at(&f, -errno, v2dir, NULL));
			}
			return pid;
		}
	}
	/* vfork, as nsrun's init and nsjoin: the child only joins the group
	 * and sets up its own process state, then execs or _exits; our page
	 * tables need not be copied first (issue 19). */
	dumpable = confine_dumpable();
	pid = vfork();
	if (pid == 0) {
		if ((r = cg_group_join(&c->g, 0, &f)) < 0) {
			join_error(o, &f, getpid(), r);
			_exit(EXIT_TOOL_FAILED);
		}
		run_command(o, &mask);
	}
	confine_restore_dumpable(dumpable);	/* the child's ids may have reset it */
	if (pid < 0)
		nsk_err("fork: %s", strerror(errno));
	return pid;
}

/* exec --rm: the command's group lives only as long as the command. */
static int remove_transient(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = 0;

	/* Usually the command left nothing: one rmdir per hierarchy is the
	 * whole job. Else (a process left, a child group, or an empty group
	 * still busy for a moment) what stays goes the long way. */
	if (cg_group_remove_empty(&c->g) == 0)
		goto removed;
	/* the command joined every hierarchy, and its children with it */
	if (cg_group_populated_joined(&c->g, &f) > 0)
		r = cg_group_kill(&c->g, SIGKILL, &f);
	if (r == 0)
		r = cg_group_remove(&c->g, &f);
	if (r < 0) {
		if (!c->g.nleft)	/* the kill failed */
			nsk_warn("%s: %s: left behind: %s", o->group, f.object, nsk_strerror(r));
		report_left(o, c);
		return r;
	}
removed:
	/* the parents it made; the controllers it enabled in ancestors that
	 * were there before stay, as after any run that succeeded */
	cg_group_keep_enabled(&c->g);
	undo(o, c);
	return 0;
}

int cmd_exec(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	bool fork_it = o->rm || c->sys.layout == CG_LAYOUT_UNIFIED;
	sigset_t ending, mask;
	int r, status;

	/* From the group's making to the command's start, a signal that
	 * would end cgctl is held back: one that came has the group we made
	 * undone first (a transient group must never outlive cgctl). Once
	 * the command runs, cgctl forwards it (init_forward_and_wait). */
	init_block_ending(&ending, &mask);
	if (prepare_group(o, c, o->rm) < 0 || init_ending_pending(&ending)) {
		if (init_ending_pending(&ending))
			undo(o, c);	/* silently: the signal says why */
		sigprocmask(SIG_SETMASK, &mask, NULL);
		return EXIT_TOOL_FAILED;
	}
	if (!fork_it) {
		/* join, then become the command (execline style) */
		if ((r = cg_group_join(&c->g, 0, &f)) < 0) {
			join_error(o, &f, getpid(), r);
			undo(o, c);
			sigprocmask(SIG_SETMASK, &mask, NULL);
			return EXIT_TOOL_FAILED;
		}
		sigprocmask(SIG_SETMASK, &mask, NULL);
		if (prepare_command(o) < 0)
			return EXIT_TOOL_FAILED;
		r = exec_command(o->argv);
		return nsk_exec_error(o->argv[0], r);
	}
	pid_t pid = spawn(o, c, &mask);
	if (pid < 0) {
		if (o->rm)
			undo(o, c);
		sigprocmask(SIG_SETMASK, &mask, NULL);
		return EXIT_TOOL_FAILED;
	}
	status = init_forward_and_wait(pid, 0);
	/* A group that stays is cgctl's failure, whatever the command's
	 * status: its lines name what stays. */
	if (o->rm && remove_transient(o, c) < 0)
		return EXIT_TOOL_FAILED;
	return status;
}

int cmd_freeze(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	bool freeze = o->cmd == CMD_FREEZE;
	int r;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	if ((r = cg_group_freeze(&c->g, freeze, NULL)) < 0) {
		struct nsk_failure f = NSK_FAILURE_INIT;

		nsk_fail(&f, r, freeze ? "freezing" : "thawing", "%s", o->group);
		if (r == -ETIME)
			nsk_fail_detail(&f, r, "the kernel did not finish in time");
		nsk_err_failure(&f, cgkey_explain(&f, r, "cgroup.freeze"));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

int cmd_kill(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	int r;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	if ((r = cg_group_kill(&c->g, o->signal, NULL)) < 0) {
		nsk_err("%s: sending %s: %s", o->group, signal_name(o->signal) ?: "the signal",
			r == -EBUSY ? "processes are still left" : strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

int cmd_wait(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	r = cg_group_wait_empty(&c->g, o->timeout_ms, &f);
	if (r == -ETIME) {
		nsk_err("%s: still has processes after the timeout", o->group);
		return 124;
	}
	if (r < 0) {
		group_error(o, &f, r);
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

int cmd_delete(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	for (unsigned i = 0; i < c->sys.n; i++)
		if (c->g.path[i] && !strcmp(c->g.path[i], "/")) {
			nsk_err("%s: refusing to delete a hierarchy's root", o->group);
			return EXIT_TOOL_FAILED;
		}
	if ((r = cg_group_populated(&c->g, &f)) < 0) {
		group_error(o, &f, r);
		return EXIT_TOOL_FAILED;
	}
	if (r > 0 && !o->kill) {
		nsk_err("%s: %s: has processes (use --kill, or cgctl kill first)", o->group,
			f.object);
		return EXIT_TOOL_FAILED;
	}
	if (r > 0 && (r = cg_group_kill(&c->g, SIGKILL, NULL)) < 0) {
		nsk_err("%s: killing its processes: %s", o->group, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	if ((r = cg_group_remove(&c->g, &f)) < 0) {
		/* every hierarchy was tried: name each directory left */
		for (unsigned i = 0; i < c->g.nleft; i++)
			nsk_err("%s: could not remove %s: %s", o->group, c->g.left[i].path,
				strerror(-c->g.left[i].err));
		if (!c->g.nleft)
			nsk_err("%s: could not remove %s: %s", o->group, f.object, nsk_strerror(r));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}
