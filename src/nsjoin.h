/* nsjoin: what its parts share. nsjoin-opts.c parses and checks the
 * options; nsjoin.c opens everything, joins, and runs the command. */
#pragma once
#include <stdbool.h>

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
	int net_socket;			/* -N FD: that socket's network namespace; -1 */
	struct exec_opts exec;
	char **argv;
};

/* Parse and check the command line into o (o->argv: the command); > 0 to
 * go on, 0 after --help or --version, < 0 after printing a usage error. */
int nsjoin_parse_args(int argc, char **argv, struct nsjoin_opts *o);
