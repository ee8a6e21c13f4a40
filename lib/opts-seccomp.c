/* SPDX-License-Identifier: GPL-2.0-or-later */
/* opts: --seccomp and --seccomp-log, shared by nsrun, nsjoin and cgctl
 * exec; apart from opts.c so that only those tools carry the profile
 * code. libseccomp and json-c are opened here, and only for a profile
 * compiled at run time (lib/dl). */
#include <errno.h>
#include <string.h>

#include "dl-jsonc.h"
#include "dl-seccomp.h"
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
	/* A profile compiled at run time: its libraries now, from the host's
	 * root, since the filter is built after the namespaces are entered
	 * (lib/dl). */
	if ((r = dl_jsonc_open(&f)) == 0 && (r = dl_seccomp_open(&f)) == 0)
		r = !strcmp(e->seccomp_name, "default")
			    ? scdefault_load(&e->seccomp, &f)
			    : scprofile_load(e->seccomp_name, &e->seccomp, &f);
	if (r < 0) {
		nsk_err_failure(&f, r);
		return -EINVAL;
	}
	return 0;
}
