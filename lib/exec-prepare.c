/* exec_prepare: the process state set just before exec. Apart from
 * exec.c so that a tool that only execs (mkprop, cgctl) does not pull in
 * the capability code and, with it, libcap-ng. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"

static int set_ids(const struct exec_opts *o, const char **ret_step)
{
	if (o->set_gid) {
		*ret_step = "setgid";
		if (setgroups(0, NULL) < 0 && errno != EPERM)
			return -errno;
		if (setresgid(o->gid, o->gid, o->gid) < 0)
			return -errno;
	}
	if (o->set_uid) {
		*ret_step = "setuid";
		/* Keep the permitted set across the change of uid, so that
		 * --cap-add can still grant it afterwards. */
		if (o->change_caps && prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0)
			return -errno;
		if (setresuid(o->uid, o->uid, o->uid) < 0)
			return -errno;
	}
	return 0;
}

static int apply_caps(const struct exec_opts *o, enum caps_select which, const char **ret_step,
		      const char **ret_object)
{
	int cap = -1;
	int r = caps_apply(o->cap_drop, o->cap_add, which, &cap);

	*ret_step = "capabilities";
	if (r < 0)
		*ret_object = cap >= 0 ? caps_name(cap) : "";
	return r;
}

int exec_prepare(const struct exec_opts *o, const char **ret_step, const char **ret_object)
{
	int r;

	*ret_object = "";
	if (o->root) {
		*ret_step = "chroot";
		*ret_object = o->root;
		if (chroot(o->root) < 0 || chdir("/") < 0)
			return -errno;
	}
	if (o->wd) {
		*ret_step = "chdir";
		*ret_object = o->wd;
		if (chdir(o->wd) < 0)
			return -errno;
	}
	*ret_object = "";
	if (o->change_caps && o->set_uid && (r = apply_caps(o, CAPS_BOUNDING, ret_step, ret_object)) < 0)
		return r;
	if ((r = set_ids(o, ret_step)) < 0)
		return r;
	if (o->no_new_privs) {
		*ret_step = "no_new_privs";
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
			return -errno;
	}
	if (o->change_caps &&
	    (r = apply_caps(o, o->set_uid ? CAPS_PROCESS : CAPS_ALL_SETS, ret_step, ret_object)) < 0)
		return r;
	/* Last: the steps above may still report through stderr. */
	if (o->close_fds && (r = confine_close_fds(&o->keep_fds)) < 0) {
		*ret_step = "closing inherited descriptors";
		return r;
	}
	exec_reset_signals();
	return 0;
}

int exec_prepare_report(const struct exec_opts *o, unsigned flags)
{
	const char *step, *object;
	int r = exec_prepare(o, &step, &object);

	if (r < 0) {
		if (flags & EXEC_MSG_OBJECT_FIRST)
			nsk_err("%s%s%s: %s", object, *object ? ": " : "", step, strerror(-r));
		else
			nsk_err("%s%s%s: %s", step, *object ? " " : "", object, strerror(-r));
	}
	return r;
}

int exec_run(const struct exec_opts *o, char *const argv[], unsigned flags)
{
	if (exec_prepare_report(o, flags) < 0)
		return EXIT_TOOL_FAILED;
	return nsk_exec_error(argv[0], exec_command(argv));
}
