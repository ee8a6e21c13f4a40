/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts: --seccomp and --seccomp-log, shared by nsrun, nsjoin and cgctl
 * exec; apart from opts.c so that only those tools link libseccomp and
 * json-c (as opts-caps.c is apart for libcap-ng). */
#include <errno.h>
#include <string.h>

#include "err.h"
#include "exec.h"
#include "opts.h"
#include "seccomp-default.h"
#include "seccomp-profile.h"

int opts_seccomp_option(bool log, const char *arg, struct exec_opts *e)
{
	if (log)
		e->seccomp_log = true;
	else
		e->seccomp_name = arg;
	return 0;
}

int opts_seccomp_load(struct exec_opts *e)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	scprofile_free(e->seccomp);
	e->seccomp = NULL;
	e->seccomp_bpf = NULL;
	if (!e->seccomp_name)
		return e->seccomp_log ? nsk_usage_err("--seccomp-log needs --seccomp PROFILE") : 0;
	if (!*e->seccomp_name)
		return nsk_usage_err("--seccomp: empty profile name");
	if (!strcmp(e->seccomp_name, "unconfined"))
		return e->seccomp_log ? nsk_usage_err("--seccomp-log: --seccomp unconfined logs nothing") : 0;
	if (!strcmp(e->seccomp_name, "default") && !e->seccomp_log) {
		e->seccomp_bpf = &scdefault_bpf;
		return 0;
	}
	if (!strcmp(e->seccomp_name, "default"))
		r = scdefault_load(&e->seccomp, &f);
	else
		r = scprofile_load(e->seccomp_name, &e->seccomp, &f);
	if (r < 0) {
		nsk_err_failure(&f, r);
		return -EINVAL;
	}
	return 0;
}
