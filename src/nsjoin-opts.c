/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsjoin's command line: the options (nsenter's, and a few of nskit's),
 * --help, and the combinations that imply or exclude each other. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "caps.h"
#include "err.h"
#include "ns.h"
#include "nsjoin.h"
#include "opts.h"
#include "parse.h"

enum {
	OPT_PRESERVE_CRED = CHAR_MAX + 1, OPT_KEEP_CAPS, OPT_USER_PARENT, OPT_CAP_DROP,
	OPT_CAP_ADD, OPT_NO_NEW_PRIVS, OPT_MOUNT_PROC, OPT_MOUNT_SYS, OPT_PROC_UNMASKED,
	OPT_PRESERVE_FDS, OPT_KEEP_FD, OPT_SECCOMP, OPT_SECCOMP_LOG, OPT_DEFAULT_SIGNAL,
};

static const struct option longopts[] = {
	{ "target", required_argument, NULL, 't' },
	{ "all", no_argument, NULL, 'a' },
	{ "user", optional_argument, NULL, 'U' },
	{ "mount", optional_argument, NULL, 'm' },
	{ "pid", optional_argument, NULL, 'p' },
	{ "net", optional_argument, NULL, 'n' },
	{ "uts", optional_argument, NULL, 'u' },
	{ "ipc", optional_argument, NULL, 'i' },
	{ "cgroup", optional_argument, NULL, 'C' },
	{ "time", optional_argument, NULL, 'T' },
	{ "setuid", required_argument, NULL, 'S' },
	{ "setgid", required_argument, NULL, 'G' },
	{ "preserve-credentials", no_argument, NULL, OPT_PRESERVE_CRED },
	{ "keep-caps", no_argument, NULL, OPT_KEEP_CAPS },
	{ "user-parent", no_argument, NULL, OPT_USER_PARENT },
	{ "root", optional_argument, NULL, 'r' },
	{ "wd", optional_argument, NULL, 'w' },
	{ "wdns", required_argument, NULL, 'W' },
	{ "no-fork", no_argument, NULL, 'F' },
	{ "env", no_argument, NULL, 'e' },
	{ "join-cgroup", no_argument, NULL, 'c' },
	{ "follow-context", no_argument, NULL, 'Z' },
	{ "cap-drop", required_argument, NULL, OPT_CAP_DROP },
	{ "cap-add", required_argument, NULL, OPT_CAP_ADD },
	{ "no-new-privs", no_argument, NULL, OPT_NO_NEW_PRIVS },
	{ "seccomp", required_argument, NULL, OPT_SECCOMP },
	{ "seccomp-log", no_argument, NULL, OPT_SECCOMP_LOG },
	{ "mount-proc", no_argument, NULL, OPT_MOUNT_PROC },
	{ "mount-sys", no_argument, NULL, OPT_MOUNT_SYS },
	{ "proc-unmasked", no_argument, NULL, OPT_PROC_UNMASKED },
	{ "net-socket", required_argument, NULL, 'N' },
	{ "preserve-fds", required_argument, NULL, OPT_PRESERVE_FDS },
	{ "keep-fd", required_argument, NULL, OPT_KEEP_FD },
	{ "default-signal", optional_argument, NULL, OPT_DEFAULT_SIGNAL },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " nsjoin [-t PID|PID:INODE|-] [options] [--] [command [argument...]]\n"
	      "\n"
	      "Enter the namespaces of a process and run a command there (default: $SHELL).\n"
	      "\n"
	      "Target and namespaces (=FILE joins a namespace file instead of the target's):\n"
	      " -t, --target PID           the process (PID, PID:INODE, or - for stdin)\n"
	      " -a, --all                  each namespace of the target that is not ours\n"
	      " -U, --user[=FILE]          user namespace\n"
	      " -m, --mount[=FILE]         mount namespace\n"
	      " -p, --pid[=FILE]           PID namespace (the command is forked into it)\n"
	      " -n, --net[=FILE]           network namespace\n"
	      " -u, --uts[=FILE]           UTS namespace\n"
	      " -i, --ipc[=FILE]           System V IPC namespace\n"
	      " -C, --cgroup[=FILE]        cgroup namespace\n"
	      " -T, --time[=FILE]          time namespace\n"
	      " -N, --net-socket FD        the network namespace of the socket the target\n"
	      "                            holds on its descriptor FD\n"
	      "     --user-parent          the parent of the user namespace instead\n"
	      "\n"
	      "Debugging view:\n"
	      "     --mount-proc           a private mount namespace with a fresh /proc of the\n"
	      "                            joined PID namespace, kernel knobs masked (see\n"
	      "                            nsjoin(1)); implies --pid\n"
	      "     --proc-unmasked        as --mount-proc, with nothing of /proc masked\n"
	      "     --mount-sys            a private mount namespace with a fresh /sys of the\n"
	      "                            joined network namespace; implies --net\n"
	      "\n"
	      "Command:\n"
	      " -S, --setuid UID|NAME|follow\n"
	      "                            user of the command (default 0 in a user ns);\n"
	      "                            a NAME is looked up in the command's root\n"
	      " -G, --setgid GID|NAME|follow\n"
	      "                            group of the command (default 0 in a user ns)\n"
	      "     --preserve-credentials keep our uid and gid in a joined user namespace\n"
	      "     --keep-caps            keep the capabilities a user ns gives\n"
	      " -r, --root[=DIR]           root directory: DIR, or the target's\n"
	      " -w, --wd[=DIR]             working directory: DIR, or the target's\n"
	      " -W, --wdns DIR             working directory DIR, in the joined root\n"
	      " -F, --no-fork              do not fork into a joined PID namespace\n"
	      " -e, --env                  take the target's environment\n"
	      " -c, --join-cgroup          run in the target's cgroups, in every hierarchy\n"
	      " -Z, --follow-context       the target's SELinux context (SELinux builds)\n"
	      "     --cap-drop CAPS        drop capabilities (comma list, or ALL)\n"
	      "     --cap-add CAPS         keep or add capabilities (comma list)\n"
	      "     --no-new-privs         set no_new_privs\n"
	      "     --seccomp PROFILE      filter system calls: default, unconfined, or a\n"
	      "                              Docker/OCI JSON profile file (name the\n"
	      "                              container's own: it is not inherited)\n"
	      "     --seccomp-log          log what the profile would refuse, refuse nothing\n"
	      "     --preserve-fds N       pass descriptors 3 to 2+N (others are closed)\n"
	      "     --keep-fd FD           pass descriptor FD (repeatable; others are closed)\n"
	      "     --default-signal[=SIGS]\n"
	      "                            start the command with SIGS (comma list; default\n"
	      "                              all) at their default action, not ignored\n"
	      "\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Exit status: the command's, 128+N if it died of signal N; 125 if nsjoin\n"
	      "failed; 126 if the command cannot run; 127 if it was not found.\n"
	      "See nsjoin(1) and nskit(7).\n",
	      stdout);
}

/* ---- options ---- */

static int parse_ns_option(struct nsjoin_opts *o, int i, const char *arg)
{
	if (arg && !*arg)
		return nsk_usage_err("--%s=: empty file name", ns_types[i].option);
	/* nsenter(1)'s =:NSID opens a namespace by its 64-bit id; this
	 * kernel's nsfs file handles need its inode too (tested on 6.18). */
	if (arg && arg[0] == ':')
		return nsk_usage_err("--%s=%s: a namespace by its id is not supported; give "
				     "a namespace file or -t PID", ns_types[i].option, arg);
	o->flags |= ns_types[i].clone_flag;
	o->file[i] = arg;
	return 0;
}

/* -S/-G: a number, "follow" (the target's), or a name looked up once the
 * command's root is known. A number out of range is not taken for a name. */
static int parse_ids(const char *arg, const char *option, uint32_t *id, bool *follow,
		     const char **name)
{
	*follow = !strcmp(arg, "follow");
	*name = NULL;
	if (*follow || parse_id(arg, id) == 0)
		return 0;
	if (!*arg || strspn(arg, "0123456789") == strlen(arg) || strpbrk(arg, ":\n"))
		return nsk_usage_err("--%s %s: not an id, a name or 'follow'", option, arg);
	*name = arg;
	return 0;
}

static int parse_value(struct nsjoin_opts *o, int c, const char *arg)
{
	switch (c) {
	case 'S':
		o->exec.set_uid = true;
		return parse_ids(arg, "setuid", &o->exec.uid, &o->follow_uid, &o->uid_name);
	case 'G':
		o->exec.set_gid = true;
		return parse_ids(arg, "setgid", &o->exec.gid, &o->follow_gid, &o->gid_name);
	case 'N': {
		uint32_t fd;
		if (parse_u32(arg, &fd) < 0 || fd > INT32_MAX)
			return nsk_usage_err("--net-socket %s: not a file descriptor", arg);
		o->net_socket = (int)fd;
		o->flags |= CLONE_NEWNET;
		return 0;
	}
	case OPT_CAP_DROP:
	case OPT_CAP_ADD:
		return opts_caps_option(c == OPT_CAP_ADD, arg, &o->exec);
	case OPT_PRESERVE_FDS:
	case OPT_KEEP_FD:
		return opts_fd_option(c == OPT_PRESERVE_FDS, arg, &o->exec.keep_fds);
	case OPT_SECCOMP:
	case OPT_SECCOMP_LOG:
		return opts_seccomp_option(c == OPT_SECCOMP_LOG, arg, &o->exec);
	case OPT_DEFAULT_SIGNAL:
		return opts_default_signal_option(arg, &o->exec);
	}
	return -EINVAL;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct nsjoin_opts *o = opts;

	const struct ns_type *t = ns_by_short_option(c);

	if (t)
		return parse_ns_option(o, (int)(t - ns_types), arg);
	switch (c) {
	case 't': o->target = arg; return 0;
	case 'a': o->all = true; return 0;
	case 'r': o->root = true; o->root_dir = arg; return 0;
	case 'w': o->wd = true; o->wd_dir = arg; return 0;
	case 'W': o->wdns = arg; return 0;
	case 'Z': o->follow_context = true; return 0;
	case 'F': o->no_fork = true; return 0;
	case 'e': o->env = true; return 0;
	case 'c': o->join_cgroup = true; return 0;
	case OPT_PRESERVE_CRED: o->preserve_cred = true; return 0;
	case OPT_KEEP_CAPS: o->keep_caps = true; return 0;
	case OPT_USER_PARENT: o->user_parent = true; return 0;
	case OPT_NO_NEW_PRIVS: o->exec.no_new_privs = true; return 0;
	case OPT_MOUNT_PROC: o->mount_proc = true; return 0;
	case OPT_MOUNT_SYS: o->mount_sys = true; return 0;
	case OPT_PROC_UNMASKED: o->mount_proc = o->proc_unmasked = true; return 0;
	}
	return parse_value(o, c, arg);
}

/* The name of the option that asked for a new /proc, for messages. */
static const char *proc_option(const struct nsjoin_opts *o)
{
	return o->proc_unmasked ? "proc-unmasked" : "mount-proc";
}

/* Options that imply others, and combinations that make no sense. */
static int check_options(struct nsjoin_opts *o)
{
	if (o->mount_proc)
		o->flags |= CLONE_NEWPID;
	if (o->mount_sys)
		o->flags |= CLONE_NEWNET;
	if (o->net_socket >= 0 && o->file[ns_by_flag(CLONE_NEWNET) - ns_types])
		return nsk_usage_err("--net-socket does not go with --net=FILE");
	if (o->mount_proc && o->no_fork)
		return nsk_usage_err("--%s needs the fork into the PID namespace (drop -F)",
				     proc_option(o));
	if ((o->mount_proc || o->mount_sys) && o->root)
		return nsk_usage_err("--%s does not go with --root",
				     o->mount_proc ? proc_option(o) : "mount-sys");
	if (o->wd && o->wdns)
		return nsk_usage_err("--wdns does not go with --wd");
	if (o->follow_context && !nsjoin_have_selinux())
		return nsk_usage_err("--follow-context: built without SELinux support "
				     "(configure --with-selinux)");
	if (!o->flags && !o->all && !o->user_parent && !o->root && !o->wd && !o->env &&
	    !o->join_cgroup)
		return nsk_usage_err("nothing to join: give namespaces (-a, -n, ...)");
	/* Keeping the permitted set across the change to uid 0 (or -S) and
	 * handing it on at exec is what caps_apply does with nothing dropped. */
	if (o->keep_caps)
		o->exec.change_caps = true;
	/* The command crosses into the target's namespaces: it gets 0, 1, 2
	 * and what --preserve-fds and --keep-fd name, nothing else. */
	o->exec.close_fds = true;
	/* Read and checked before anything is joined. */
	if (opts_seccomp_load(&o->exec) < 0)
		return -EINVAL;
	return 1;
}

int nsjoin_parse_args(int argc, char **argv, struct nsjoin_opts *o)
{
	int r = opts_parse(argc, argv, "+:t:aU::m::p::n::u::i::C::T::S:G:r::w::W:N:FecZhV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	o->argv = argv + optind;
	return check_options(o);
}
