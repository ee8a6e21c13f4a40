/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Compiling a seccomp profile (lib/seccomp-profile) into a filter with
 * libseccomp, for the calling process, and loading it: the last step
 * before exec (lib/exec-prepare.c). Which rules apply depends on the
 * process that loads the filter, as Docker decides it: its architecture,
 * its kernel, and its effective capabilities at that moment (for a
 * container's root in a user namespace, the capabilities it holds in that
 * namespace: see nskit(7), SECURITY). */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "caps.h"
#include "dl-seccomp.h"

struct scprofile;
struct nsk_failure;

/* What includes/excludes and archMap are matched against. */
struct scfilter_env {
	uint32_t arch;			/* SCMP_ARCH_* the process runs as */
	capmask_t caps;			/* its effective capabilities */
	unsigned kernel_major, kernel_minor;
};

/* The calling process's: seccomp_arch_native(), capget(2), uname(2).
 * 0 or -errno. */
int scfilter_env_current(struct scfilter_env *env);
/* Build the filter of p for env into *ret (seccomp_release it). With
 * log, every action but ALLOW becomes SCMP_ACT_LOG: the calls a profile
 * would refuse run, and the kernel logs them (--seccomp-log). 0, or
 * -errno with f naming the profile, the entry and the system call that
 * libseccomp refused. */
int scfilter_build(const struct scprofile *p, const struct scfilter_env *env, bool log,
		   scmp_filter_ctx *ret, struct nsk_failure *f);
/* Build for the calling process and load: the filter holds from here on,
 * across exec, for it and its children. The kernel takes a filter from a
 * process without CAP_SYS_ADMIN in its user namespace only under
 * no_new_privs: then it is set (seccomp(2)). 0 or -errno, with f. */
int scfilter_apply(const struct scprofile *p, bool log, struct nsk_failure *f);
/* Load a program libseccomp made earlier (lib/seccomp-default), the same
 * way; source names it in f. */
struct sock_fprog;
int scfilter_load_bpf(const struct sock_fprog *prog, const char *source, struct nsk_failure *f);
