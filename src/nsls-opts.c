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

enum { OPT_OUTPUT_ALL = CHAR_MAX + 1, OPT_NAMESPACES };

static const struct option longopts[] = {
	{ "target", required_argument, NULL, 't' },
	{ "namespaces", no_argument, NULL, OPT_NAMESPACES },
	{ "type", required_argument, NULL, 'N' },
	{ "tree", no_argument, NULL, 'T' },
	{ "output", required_argument, NULL, 'o' },
	{ "output-all", no_argument, NULL, OPT_OUTPUT_ALL },
	{ "noheadings", no_argument, NULL, 'n' },
	{ "raw", no_argument, NULL, 'r' },
	{ "json", no_argument, NULL, 'J' },
	{ "list", no_argument, NULL, 'l' },
	{ "notruncate", no_argument, NULL, 'u' },
	{ "nowrap", no_argument, NULL, 'W' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

#define R SCOLS_FL_RIGHT
const struct out_column nsls_ct_columns[CT_COUNT] = {
	[CT_PID] = { "PID", 0, R, true },
	[CT_HANDLE] = { "HANDLE", 0, 0, false },
	[CT_NS] = { "NS", 0, 0, false },
	[CT_STATE] = { "STATE", 0, 0, false },
	[CT_NPROCS] = { "NPROCS", 0, R, true },
	[CT_USER] = { "USER", 0, 0, false },
	[CT_UIDMAP] = { "UIDMAP", 0, 0, false },
	[CT_GIDMAP] = { "GIDMAP", 0, 0, false },
	[CT_CGROUP] = { "CGROUP", 0, SCOLS_FL_TRUNC, false },
	[CT_MEM] = { "MEM", 0, R, true },
	[CT_MEMMAX] = { "MEMMAX", 0, R, false },
	[CT_PIDS] = { "PIDS", 0, R, true },
	[CT_PIDSMAX] = { "PIDSMAX", 0, R, false },
	[CT_LINKS] = { "LINKS", 0, SCOLS_FL_WRAP, false },
	[CT_ROOT] = { "ROOT", 0, SCOLS_FL_TRUNC, false },
	[CT_HOSTNAME] = { "HOSTNAME", 0, 0, false },
	[CT_NSFS] = { "NSFS", 0, SCOLS_FL_WRAP, false },
	[CT_COMMAND] = { "COMMAND", 0, SCOLS_FL_TRUNC, false },
};

const char *const nsls_ct_help[CT_COUNT] = {
	[CT_PID] = "its first process (the holder or init), host PID",
	[CT_HANDLE] = "the same as a PID:INODE handle (pidfs, Linux 6.9+)",
	[CT_NS] = "namespace types it does not share with nsls",
	[CT_STATE] = "held, paused (holding namespaces), running, stopped, persisted",
	[CT_NPROCS] = "number of processes",
	[CT_USER] = "owner of its first process",
	[CT_UIDMAP] = "uid map of its user namespace: INNER->OUTER xCOUNT",
	[CT_GIDMAP] = "gid map of its user namespace",
	[CT_CGROUP] = "cgroup of its first process (v2, else the memory hierarchy)",
	[CT_MEM] = "memory in use by its cgroup, bytes",
	[CT_MEMMAX] = "memory limit of its cgroup",
	[CT_PIDS] = "processes in its cgroup",
	[CT_PIDSMAX] = "process limit of its cgroup",
	[CT_LINKS] = "network interfaces inside but lo, with addresses",
	[CT_ROOT] = "mount source of its / (overlay: lower dirs)",
	[CT_HOSTNAME] = "host name of its UTS namespace",
	[CT_NSFS] = "files its namespaces are persisted to (nsfs bind mounts)",
	[CT_COMMAND] = "command line of its first process",
};

const struct out_column nsls_ns_columns[NS_COUNT] = {
	[NS_NS] = { "NS", 10, R, true },
	[NS_TYPE] = { "TYPE", 5, 0, false },
	[NS_PATH] = { "PATH", 0, 0, false },
	[NS_NPROCS] = { "NPROCS", 5, R, true },
	[NS_PID] = { "PID", 5, R, true },
	[NS_PPID] = { "PPID", 5, R, true },
	[NS_COMMAND] = { "COMMAND", 0, SCOLS_FL_TRUNC, false },
	[NS_UID] = { "UID", 0, R, true },
	[NS_USER] = { "USER", 0, 0, false },
	[NS_NETNSID] = { "NETNSID", 0, R, true },
	[NS_NSFS] = { "NSFS", 0, SCOLS_FL_WRAP, false },
	[NS_PNS] = { "PNS", 10, R, true },
	[NS_ONS] = { "ONS", 10, R, true },
};

const char *const nsls_ns_help[NS_COUNT] = {
	[NS_NS] = "namespace identifier (inode number)",
	[NS_TYPE] = "kind of namespace",
	[NS_PATH] = "path to the namespace",
	[NS_NPROCS] = "number of processes in the namespace",
	[NS_PID] = "lowest PID in the namespace",
	[NS_PPID] = "PPID of the PID",
	[NS_COMMAND] = "command line of the PID",
	[NS_UID] = "UID of the PID",
	[NS_USER] = "username of the PID",
	[NS_NETNSID] = "namespace ID as used by network subsystem",
	[NS_NSFS] = "nsfs mountpoint (usually used network subsystem)",
	[NS_PNS] = "parent namespace identifier (inode number)",
	[NS_ONS] = "owner namespace identifier (inode number)",
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
	      " -T, --tree             containers nested in containers\n"
	      " -o, --output LIST      the columns to show (+LIST: add to the default)\n"
	      "     --output-all       every column\n"
	      " -n, --noheadings       no header line\n"
	      " -r, --raw              raw output\n"
	      " -J, --json             JSON output (numbers as numbers)\n"
	      " -l, --list             list format (no tree)\n"
	      " -u, --notruncate       never truncate a cell\n"
	      " -W, --nowrap           never wrap a cell\n"
	      " -h, --help             show this help\n"
	      " -V, --version          show the version\n"
	      "\n"
	      "Columns of the container view:\n",
	      stdout);
	for (unsigned i = 0; i < CT_COUNT; i++)
		printf(" %11s  %s\n", nsls_ct_columns[i].name, nsls_ct_help[i]);
	fputs("\nColumns of the namespace view (--namespaces):\n", stdout);
	for (unsigned i = 0; i < NS_COUNT; i++)
		printf(" %11s  %s\n", nsls_ns_columns[i].name, nsls_ns_help[i]);
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
	case 'o': o->columns = arg; return 0;
	case OPT_OUTPUT_ALL: o->output_all = true; return 0;
	case 'n': o->mode |= OUT_NOHEADINGS; return 0;
	case 'r': o->mode |= OUT_RAW; return 0;
	case 'J': o->mode |= OUT_JSON; return 0;
	case 'l': o->mode |= OUT_LIST; return 0;
	case 'u': o->mode |= OUT_NOTRUNCATE; return 0;
	case 'W': o->mode |= OUT_NOWRAP; return 0;
	}
	return -EINVAL;
}

int nsls_parse_args(int argc, char **argv, struct nsls_opts *o)
{
	int r = opts_parse(argc, argv, "+t:N:To:nrJluWhV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	if (optind < argc)
		return nsk_usage_err("%s: nsls takes no operand", argv[optind]);
	if (o->view == VIEW_TREE && (o->mode & OUT_LIST))
		return nsk_usage_err("--tree does not go with --list");
	if (o->view == VIEW_DETAIL && (o->columns || o->output_all))
		return nsk_usage_err("--target shows every column: --output does not go with it");
	if (o->columns && o->output_all)
		return nsk_usage_err("--output and --output-all: choose one");
	return 1;
}
