/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Seccomp profiles in Docker's / OCI's JSON format, read as they are
 * (https://docs.docker.com/engine/security/seccomp/): the text parsed and
 * checked into a structure, nothing compiled (lib/seccomp-filter does
 * that, once the process it is for knows its capabilities). A pure parser
 * but for the names it checks against libseccomp's tables: a name that
 * libseccomp knows on no architecture is refused, so a typo cannot leave a
 * system call allowed or denied by accident. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "caps.h"

/* What a rule (or the default) does with a matching call. */
enum scprofile_act {
	SCPROFILE_ALLOW,
	SCPROFILE_ERRNO,	/* fail with ret (default EPERM) */
	SCPROFILE_KILL_THREAD,	/* SCMP_ACT_KILL and SCMP_ACT_KILL_THREAD */
	SCPROFILE_KILL_PROCESS,
	SCPROFILE_TRAP,		/* SIGSYS */
	SCPROFILE_TRACE,	/* notify a ptracer with ret (default EPERM) */
	SCPROFILE_LOG,		/* allow, and log */
};

struct scprofile_action {
	enum scprofile_act act;
	uint32_t ret;		/* for ERRNO and TRACE */
};

/* One condition on an argument: SCMP_A<index>(op, value[, valueTwo]).
 * For SCMP_CMP_MASKED_EQ value is the mask and valueTwo the datum, as
 * runc passes them. */
struct scprofile_arg {
	unsigned index;		/* 0-5 */
	int op;			/* enum scmp_compare */
	uint64_t value, value_two;
};

/* "includes" or "excludes" of a rule: each part empty when not given. */
struct scprofile_cond {
	capmask_t caps;		/* bit N: capability N named */
	uint32_t *arches;	/* SCMP_ARCH_* tokens (0: an arch libseccomp lacks) */
	size_t n_arches;
	bool has_min_kernel;	/* includes only: "minKernel" */
	unsigned min_major, min_minor;
};

struct scprofile_rule {
	size_t entry;		/* its index in syscalls[], for messages */
	char **names;		/* as written; each known to libseccomp */
	size_t n_names;
	struct scprofile_action action;
	struct scprofile_arg *args;
	size_t n_args;
	struct scprofile_cond includes, excludes;
};

/* archMap: the architectures to filter when running on arch. */
struct scprofile_archmap {
	uint32_t arch;
	uint32_t *subs;
	size_t n_subs;
};

struct scprofile {
	char *source;		/* the file name, for messages */
	struct scprofile_action default_action;
	uint32_t *arches;	/* "architectures": SCMP_ARCH_* tokens */
	size_t n_arches;
	struct scprofile_archmap *archmap;
	size_t n_archmap;
	bool flag_log;		/* "flags": SECCOMP_FILTER_FLAG_LOG */
	struct scprofile_rule *rules;
	size_t n_rules;
};

/* Parse the JSON text (len bytes) of a profile named source into *ret
 * (freed with scprofile_free). 0, or -EINVAL / -ENOMEM with f naming
 * source as the object, the entry ("syscalls[3]") as the step and the
 * reason as the detail: one line, "FILE: syscalls[3]: unknown system call
 * \"kexec_lod\"". */
struct nsk_failure;
int scprofile_parse(const char *text, size_t len, const char *source, struct scprofile **ret,
		    struct nsk_failure *f);
/* Read and parse the file at path. */
int scprofile_load(const char *path, struct scprofile **ret, struct nsk_failure *f);
void scprofile_free(struct scprofile *p);

/* The SCMP_ARCH_* token of an architecture as a profile writes it:
 * "SCMP_ARCH_X86_64" in architectures and archMap; in includes/excludes
 * the Go names Docker compares with its own GOARCH ("amd64", "arm64",
 * "ppc64le") or libseccomp's ("x86", "x32"). 0 for a known architecture
 * that libseccomp does not support (so never the native one); -1 for an
 * unknown name. */
int64_t scprofile_arch_token(const char *name, bool go_name);
