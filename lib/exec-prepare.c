/* SPDX-License-Identifier: GPL-2.0-or-later */
/* exec_prepare: the process state set just before exec. Apart from
 * exec.c so that a tool that only execs (mkprop, cgctl) does not pull in
 * the capability code. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "seccomp-filter.h"

static int set_ids(const struct exec_opts *o, struct nsk_failure *f)
{
	if (o->set_gid) {
		if (setgroups(0, NULL) < 0 && errno != EPERM)
			return nsk_fail(f, -errno, "setgid", NULL);
		if (setresgid(o->gid, o->gid, o->gid) < 0)
			return nsk_fail(f, -errno, "setgid", NULL);
	}
	if (o->set_uid) {
		/* Keep the permitted set across the change of uid, so that
		 * --cap-add can still grant it afterwards. */
		if (o->change_caps && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
			return nsk_fail(f, -errno, "setuid", NULL);
		if (setresuid(o->uid, o->uid, o->uid) < 0)
			return nsk_fail(f, -errno, "setuid", NULL);
	}
	return 0;
}

static int apply_caps(const struct exec_opts *o, enum caps_select which, struct nsk_failure *f)
{
	int cap = -1;
	int r = caps_apply(o->cap_drop, o->cap_add, which, &cap);

	if (r < 0)
		return nsk_fail(f, r, "capabilities", "%s", cap >= 0 ? caps_name(cap) : "");
	return 0;
}

int exec_prepare(const struct exec_opts *o, struct nsk_failure *f)
{
	return exec_prepare_but(o, -1, f);
}

int exec_prepare_but(const struct exec_opts *o, int fd, struct nsk_failure *f)
{
	int r;

	if (o->root && (chroot(o->root) < 0 || chdir("/") < 0))
		return nsk_fail(f, -errno, "chroot", "%s", o->root);
	if (o->wd && chdir(o->wd) < 0)
		return nsk_fail(f, -errno, "chdir", "%s", o->wd);
	if (o->change_caps && o->set_uid && (r = apply_caps(o, CAPS_BOUNDING, f)) < 0)
		return r;
	if ((r = set_ids(o, f)) < 0)
		return r;
	if (o->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return nsk_fail(f, -errno, "no_new_privs", NULL);
	if (o->change_caps &&
	    (r = apply_caps(o, o->set_uid ? CAPS_PROCESS : CAPS_ALL_SETS, f)) < 0)
		return r;
	if (o->clear_env && (r = exec_env_keep_only(o->env_keep)) < 0)
		return nsk_fail(f, r, "clearing the environment", "%s", o->env_keep ? o->env_keep : "");
	/* Last: the tool may still have to report through stderr. */
	if (o->close_fds && (r = confine_close_fds_but(&o->keep_fds, fd)) < 0)
		return nsk_fail(f, r, "closing inherited descriptors", NULL);
	exec_default_signals(&o->default_signals);
	exec_reset_signals();
	return exec_seccomp(o, f);
}

int exec_seccomp(const struct exec_opts *o, struct nsk_failure *f)
{
	if (o->seccomp_bpf)
		return scfilter_load_bpf(o->seccomp_bpf, o->seccomp_name, f);
	if (o->seccomp)
		return scfilter_apply(o->seccomp, o->seccomp_log, f);
	return 0;
}
