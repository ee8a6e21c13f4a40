/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls: the command line, --help and the columns of each view. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cleanup.h"
#include "dl-smartcols.h"
#include "err.h"
#include "nsls.h"
#include "opts.h"

enum { OPT_NAMESPACES = CHAR_MAX + 1 };

static const struct option longopts[] = {
	{ "target", required_argument, NULL, 't' },
	{ "namespaces", no_argument, NULL, OPT_NAMESPACES },
	{ "type", required_argument, NULL, 'N' },
	{ "tree", no_argument, NULL, 'T' },
	OUT_LONGOPTS('r'),
	{ "list", no_argument, NULL, 'l' },
	{ "nowrap", no_argument, NULL, 'W' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

#define R SCOLS_FL_RIGHT
const struct out_column nsls_ct_columns[CT_COUNT] = {
	[CT_PID] = { "PID", 0, R, true, "its first process (the holder or init), host PID" },
	[CT_HANDLE] = { "HANDLE", 0, 0, false,
	  "the same as a PID:INODE handle (pidfs, Linux 6.9+)" },
	[CT_NS] = { "NS", 0, 0, false, "namespace types it does not share with nsls" },
	[CT_STATE] = { "STATE", 0, 0, false,
	  "held, paused (holding namespaces), running, stopped, persisted" },
	[CT_NPROCS] = { "NPROCS", 0, R, true, "number of processes" },
	[CT_USER] = { "USER", 0, 0, false, "owner of its first process" },
	[CT_UIDMAP] = { "UIDMAP", 0, 0, false,
	  "uid map of its user namespace: INNER->OUTER xCOUNT" },
	[CT_GIDMAP] = { "GIDMAP", 0, 0, false, "gid map of its user namespace" },
	[CT_CGROUP] = { "CGROUP", 0, SCOLS_FL_TRUNC, false,
	  "cgroup of its first process (v2, else the memory hierarchy)" },
	[CT_MEM] = { "MEM", 0, R, true, "memory in use by its cgroup, bytes" },
	[CT_MEMMAX] = { "MEMMAX", 0, R, true, "memory limit of its cgroup" },
	[CT_PIDS] = { "PIDS", 0, R, true, "processes in its cgroup" },
	[CT_PIDSMAX] = { "PIDSMAX", 0, R, true, "process limit of its cgroup" },
	[CT_LINKS] = { "LINKS", 0, SCOLS_FL_WRAP, false,
	  "network interfaces inside but lo, with addresses" },
	[CT_ROOT] = { "ROOT", 0, SCOLS_FL_TRUNC, false,
	  "mount source of its / (overlay: lower dirs)" },
	[CT_HOSTNAME] = { "HOSTNAME", 0, 0, false, "host name of its UTS namespace" },
	[CT_NSFS] = { "NSFS", 0, SCOLS_FL_WRAP, false,
	  "files its namespaces are persisted to (nsfs bind mounts)" },
	[CT_COMMAND] = { "COMMAND", 0, SCOLS_FL_TRUNC, false, "command line of its first process" },
};

const struct out_column nsls_ns_columns[NS_COUNT] = {
	[NS_NS] = { "NS", 10, R, true, "namespace identifier (inode number)" },
	[NS_TYPE] = { "TYPE", 5, 0, false, "kind of namespace" },
	[NS_PATH] = { "PATH", 0, 0, false, "path to the namespace" },
	[NS_NPROCS] = { "NPROCS", 5, R, true, "number of processes in the namespace" },
	[NS_PID] = { "PID", 5, R, true, "lowest PID in the namespace" },
	[NS_PPID] = { "PPID", 5, R, true, "PPID of the PID" },
	[NS_COMMAND] = { "COMMAND", 0, SCOLS_FL_TRUNC, false, "command line of the PID" },
	[NS_UID] = { "UID", 0, R, true, "UID of the PID" },
	[NS_USER] = { "USER", 0, 0, false, "username of the PID" },
	[NS_NETNSID] = { "NETNSID", 0, R, true, "namespace ID as used by network subsystem" },
	[NS_NSFS] = { "NSFS", 0, SCOLS_FL_WRAP, false,
	  "nsfs mountpoint (usually used network subsystem)" },
	[NS_PNS] = { "PNS", 10, R, true, "parent namespace identifier (inode number)" },
	[NS_ONS] = { "ONS", 10, R, true, "owner namespace identifier (inode number)" },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " nsls [options]\n"
	      " nsls -t PID|PID:INODE|- [options]\n"
	      " nsls --namespaces [-N TYPE] [options]\n"
	      "\n"
	      "List containers (processes sharing namespaces that are not nsls's own)\n"
	      "with their maps, cgroups, links and roots; or everything about one\n"
	      "container (-t); or every namespace, as lsns(8) does.\n"
	      "\n"
	      "Options:\n"
	      " -t, --target PID       everything about the container of process PID\n"
	      "                        (PID:INODE, or - to read the handle from stdin)\n"
	      "     --namespaces       one line per namespace (lsns's view)\n"
	      " -N, --type TYPE        only namespaces of TYPE (implies --namespaces):\n"
	      "                        mnt, net, ipc, user, pid, uts, cgroup, time\n"
	      " -T, --tree             containers nested in containers\n",
	      stdout);
	out_help_options(stdout, true, 24);
	fputs(" -l, --list             list format (no tree)\n"
	      " -W, --nowrap           never wrap a cell\n"
	      " -h, --help             show this help\n"
	      " -V, --version          show the version\n",
	      stdout);
	out_help_columns(stdout, "Available output columns (the container view):", nsls_ct_columns,
			 CT_COUNT);
	out_help_columns(stdout, "Available output columns (--namespaces):", nsls_ns_columns,
			 NS_COUNT);
	fputs("\nExit status: 0 on success; 125 if nsls failed.\n"
	      "See nsls(1) and nskit(7).\n",
	      stdout);
}

static int set_type(struct nsls_opts *o, const char *arg)
{
	const struct ns_type *t = ns_by_proc_name(arg);

	if (!t)
		t = ns_by_option(arg);
	if (!t)
		return nsk_usage_err("--type %s: not a namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)",
				     arg);
	o->ns_types |= 1u << (unsigned)(t - ns_types);
	return 0;
}

static int set_view(struct nsls_opts *o, enum nsls_view v, const char *option)
{
	static const char *const names[] = {
		[VIEW_CONTAINERS] = "", [VIEW_NAMESPACES] = "--namespaces",
		[VIEW_TREE] = "--tree", [VIEW_DETAIL] = "--target",
	};

	if (o->view != VIEW_CONTAINERS && o->view != v)
		return nsk_usage_err("%s and %s: choose one", names[o->view], option);
	o->view = v;
	return 0;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct nsls_opts *o = opts;

	switch (c) {
	case 't': o->target = arg; return set_view(o, VIEW_DETAIL, "--target");
	case OPT_NAMESPACES: return set_view(o, VIEW_NAMESPACES, "--namespaces");
	case 'N':
		if (set_type(o, arg) < 0)
			return -EINVAL;
		return set_view(o, VIEW_NAMESPACES, "--type");
	case 'T': return set_view(o, VIEW_TREE, "--tree");
	}
	return out_opts_option(&o->out, c, arg) ? 0 : -EINVAL;
}

int nsls_parse_args(int argc, char **argv, struct nsls_opts *o)
{
	int r = opts_parse(argc, argv, "+t:N:To:nrJluWhV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	if (optind < argc)
		return nsk_usage_err("%s: nsls takes no operand", argv[optind]);
	if (o->view == VIEW_TREE && (o->out.mode & OUT_LIST))
		return nsk_usage_err("--tree does not go with --list");
	if (o->view == VIEW_DETAIL && (o->out.columns || o->out.all))
		return nsk_usage_err("--target shows every column: --output does not go with it");
	return 1;
}
