/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsjoin: what its parts share. nsjoin-opts.c parses and checks the
 * options; nsjoin.c opens everything, joins, and runs the command. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

#include "exec.h"
#include "ns.h"

struct nsjoin_opts {
	const char *target;
	int flags;			/* namespaces asked for, CLONE_NEW* */
	const char *file[NS_TYPE_MAX];	/* =FILE, indexed like ns_types */
	bool all, preserve_cred, keep_caps, user_parent;
	bool root, wd;			/* -r / -w given */
	const char *root_dir, *wd_dir;	/* their DIR (NULL: the target's) */
	bool no_fork, env, join_cgroup, mount_proc, mount_sys;
	bool proc_unmasked;		/* --mount-proc without the masks */
	bool follow_uid, follow_gid;	/* -S follow, -G follow: the target's */
	const char *uid_name, *gid_name; /* -S NAME, -G NAME: in the command's root */
	const char *wdns;		/* -W DIR: working directory in the joined root */
	bool follow_context;		/* -Z: the target's SELinux context */
	int net_socket;			/* -N FD: that socket's network namespace; -1 */
	struct exec_opts exec;
	char **argv;
};

/* Parse and check the command line into o (o->argv: the command); > 0 to
 * go on, 0 after --help or --version, < 0 after printing a usage error. */
int nsjoin_parse_args(int argc, char **argv, struct nsjoin_opts *o);

/* -Z (nsjoin-selinux.c): whether this build has SELinux support, and
 * taking the context of the process procfd for the command's exec; 0 when
 * SELinux is not enabled (as nsenter(1)), or -1 after printing why not. */
bool nsjoin_have_selinux(void);
int nsjoin_follow_context(int procfd, pid_t pid);
