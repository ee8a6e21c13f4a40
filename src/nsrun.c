/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun: create namespaces and run a command in them (cf. unshare(1)).
 *
 * Foreground:  nsrun [OPTIONS] [--] [COMMAND [ARG]...]
 *   This process unshares, configures the namespaces (maps, hostname,
 *   propagation, lo, time offsets) and either execs the command or forks
 *   it (PID namespace: our init as PID 1, which forks the command) and
 *   forwards signals to it until it ends.
 * Detached:    nsrun --detach [--hold] ... [-- COMMAND]
 *   A child does the same in a new session; this process waits until the
 *   namespaces are ready, persists them, waits until the command has
 *   been exec'd (or is held), prints the handle and exits 0; or reports
 *   why it could not run, with 127, 126 or 125, leaving nothing.
 * Release:     nsrun --release [-t PID]
 *   Releases a held process and waits, as --detach does, until its
 *   command has been exec'd or reports why it could not be.
 *
 * Namespace files (--net=FILE) are bind mounted by a process that stays in
 * the original namespaces: a helper forked before unshare in the
 * foreground, this process itself when detached. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "exec.h"
#include "idmap.h"
#include "init.h"
#include "mapreq.h"
#include "netif.h"
#include "ns.h"
#include "opts.h"
#include "parse.h"
#include "target.h"



#include "nsrun.h"

enum {
	OPT_NO_LO = CHAR_MAX + 1, OPT_AS_PID_1, OPT_MOUNT_PROC, OPT_PROPAGATION, OPT_HOSTNAME,
	OPT_DOMAINNAME, OPT_MAP_USER, OPT_MAP_GROUP, OPT_SETGROUPS, OPT_MONOTONIC, OPT_BOOTTIME,
	OPT_KILL_CHILD, OPT_CAP_DROP, OPT_CAP_ADD, OPT_NO_NEW_PRIVS, OPT_DETACH, OPT_HOLD,
	OPT_RELEASE, OPT_LOG, OPT_MAP_USERS, OPT_MAP_GROUPS, OPT_MAP_AUTO, OPT_PRESERVE_FDS,
	OPT_KEEP_FD, OPT_HANDLE_FORMAT, OPT_MAP_SUBIDS, OPT_KEEP_CAPS, OPT_FORWARD_SIGNALS,
	OPT_CLEAR_ENV, OPT_WHITELIST_ENV, OPT_OWNER, OPT_MOUNT_BINFMT, OPT_VERBOSE, OPT_SECCOMP,
	OPT_SECCOMP_LOG, OPT_INTO_CGROUP, OPT_DEFAULT_SIGNAL,
};

static const struct option longopts[] = {
	{ "user", optional_argument, NULL, 'U' },
	{ "mount", optional_argument, NULL, 'm' },
	{ "pid", optional_argument, NULL, 'p' },
	{ "net", optional_argument, NULL, 'n' },
	{ "uts", optional_argument, NULL, 'u' },
	{ "ipc", optional_argument, NULL, 'i' },
	{ "cgroup", optional_argument, NULL, 'C' },
	{ "time", optional_argument, NULL, 'T' },
	{ "no-lo", no_argument, NULL, OPT_NO_LO },
	{ "fork", no_argument, NULL, 'f' },
	{ "as-pid-1", no_argument, NULL, OPT_AS_PID_1 },
	{ "no-init", no_argument, NULL, OPT_AS_PID_1 },
	{ "mount-proc", optional_argument, NULL, OPT_MOUNT_PROC },
	{ "mount-binfmt", optional_argument, NULL, OPT_MOUNT_BINFMT },
	{ "load-interp", required_argument, NULL, 'l' },
	{ "propagation", required_argument, NULL, OPT_PROPAGATION },
	{ "hostname", required_argument, NULL, OPT_HOSTNAME },
	{ "domainname", required_argument, NULL, OPT_DOMAINNAME },
	{ "map-root-user", no_argument, NULL, 'r' },
	{ "map-current-user", no_argument, NULL, 'c' },
	{ "map-user", required_argument, NULL, OPT_MAP_USER },
	{ "map-group", required_argument, NULL, OPT_MAP_GROUP },
	{ "map-users", required_argument, NULL, OPT_MAP_USERS },
	{ "map-groups", required_argument, NULL, OPT_MAP_GROUPS },
	{ "map-auto", no_argument, NULL, OPT_MAP_AUTO },
	{ "map-subids", no_argument, NULL, OPT_MAP_SUBIDS },
	{ "setgroups", required_argument, NULL, OPT_SETGROUPS },
	{ "monotonic", required_argument, NULL, OPT_MONOTONIC },
	{ "boottime", required_argument, NULL, OPT_BOOTTIME },
	{ "kill-child", optional_argument, NULL, OPT_KILL_CHILD },
	{ "forward-signals", no_argument, NULL, OPT_FORWARD_SIGNALS },
	{ "keep-caps", no_argument, NULL, OPT_KEEP_CAPS },
	{ "clear-env", no_argument, NULL, OPT_CLEAR_ENV },
	{ "whitelist-env", required_argument, NULL, OPT_WHITELIST_ENV },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "cap-drop", required_argument, NULL, OPT_CAP_DROP },
	{ "cap-add", required_argument, NULL, OPT_CAP_ADD },
	{ "no-new-privs", no_argument, NULL, OPT_NO_NEW_PRIVS },
	{ "seccomp", required_argument, NULL, OPT_SECCOMP },
	{ "seccomp-log", no_argument, NULL, OPT_SECCOMP_LOG },
	{ "setuid", required_argument, NULL, 'S' },
	{ "setgid", required_argument, NULL, 'G' },
	{ "root", required_argument, NULL, 'R' },
	{ "wd", required_argument, NULL, 'w' },
	{ "preserve-fds", required_argument, NULL, OPT_PRESERVE_FDS },
	{ "keep-fd", required_argument, NULL, OPT_KEEP_FD },
	{ "default-signal", optional_argument, NULL, OPT_DEFAULT_SIGNAL },
	{ "detach", no_argument, NULL, OPT_DETACH },
	{ "hold", no_argument, NULL, OPT_HOLD },
	{ "release", no_argument, NULL, OPT_RELEASE },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "into-cgroup", required_argument, NULL, OPT_INTO_CGROUP },
	{ "handle-format", required_argument, NULL, OPT_HANDLE_FORMAT },
	{ "target", required_argument, NULL, 't' },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " nsrun [options] [--] [command [argument...]]\n"
	      " nsrun --release [-t PID|PID:INODE|-]\n"
	      "\n"
	      "Create namespaces and run a command in them (default: $SHELL).\n"
	      "\n"
	      "Namespaces (=FILE persists the namespace there by a bind mount):\n"
	      " -U, --user[=FILE]          user namespace\n"
	      " -m, --mount[=FILE]         mount namespace\n"
	      " -p, --pid[=FILE]           PID namespace (implies --fork)\n"
	      " -n, --net[=FILE]           network namespace (lo is brought up)\n"
	      " -u, --uts[=FILE]           UTS namespace (hostname, domainname)\n"
	      " -i, --ipc[=FILE]           System V IPC namespace\n"
	      " -C, --cgroup[=FILE]        cgroup namespace\n"
	      " -T, --time[=FILE]          time namespace (implies --fork)\n"
	      "\n"
	      "Process:\n"
	      " -f, --fork                 fork before running the command\n"
	      "     --as-pid-1             exec the command as PID 1, with no init (alias --no-init)\n"
	      "     --kill-child[=SIGNAL]  signal the command when nsrun dies (default KILL);\n"
	      "                            implies --fork\n"
	      "     --forward-signals      forward signals to the command (always done);\n"
	      "                            implies --fork\n"
	      "     --detach               run in the background; print the handle once the command runs\n"
	      "     --hold                 with --detach: wait for --release before the command\n"
	      "     --release              start a held nsrun's command (-t or stdin), wait until it runs\n"
	      " -t, --target PID           the held process for --release\n"
	      "     --log FILE             with --detach: the command's output goes to FILE\n"
	      "     --into-cgroup GROUP    with --detach: start in GROUP, an existing cgroup (absolute,\n"
	      "                              or a name beneath nsrun's own cgroup)\n"
	      "     --handle-format FORMAT with --detach: print the handle as pid (PID, the default)\n"
	      "                              or pidfs (PID:INODE, Linux 6.9+)\n"
	      "\n"
	      "Set-up:\n"
	      "     --no-lo                leave lo down in a new network namespace\n"
	      "     --mount-proc[=DIR]     mount a fresh proc on DIR (default /proc); implies -m\n"
	      "     --mount-binfmt[=DIR]   mount the user namespace's binfmt_misc on DIR (default\n"
	      "                            /proc/sys/fs/binfmt_misc, on a fresh /proc); implies -U -m\n"
	      " -l, --load-interp DEF      register DEF in it (:name:type:offset:magic:mask:\n"
	      "                            interpreter:flags); implies --mount-binfmt\n"
	      "     --propagation MODE     private|shared|slave|unchanged (default private)\n"
	      "     --hostname NAME        set the hostname; implies -u\n"
	      "     --domainname NAME      set the NIS domain name; implies -u\n"
	      " -r, --map-root-user        map the current user and group to 0; implies -U\n"
	      " -c, --map-current-user     map the current user and group to themselves\n"
	      "     --map-user UID|NAME    map the current user to UID\n"
	      "     --map-group GID|NAME   map the current group to GID\n"
	      "     --map-users MAP        map uids: INNER:OUTER:COUNT or OUTER,INNER,COUNT,\n"
	      "                            auto, subids or all (repeatable; as unshare)\n"
	      "     --map-groups MAP       map gids, the same way\n"
	      "     --map-auto             map your first subuid/subgid range at 0\n"
	      "     --map-subids           map your first subuid/subgid range at its own ids\n"
	      "     --setgroups MODE       allow|deny setgroups(2) in the user namespace\n"
	      "     --owner UID:GID        create the user namespace as UID:GID (root only)\n"
	      "     --monotonic OFFSET     monotonic clock offset in seconds; implies -T\n"
	      "     --boottime OFFSET      boot-time clock offset in seconds; implies -T\n"
	      "\n"
	      "Command:\n"
	      " -S, --setuid UID           run the command as UID\n"
	      " -G, --setgid GID           run the command as GID (and no supplementary groups)\n"
	      " -R, --root DIR             chroot to DIR\n"
	      " -w, --wd DIR               working directory\n"
	      "     --cap-drop CAPS        drop capabilities (comma list, or ALL)\n"
	      "     --cap-add CAPS         keep or add capabilities (comma list)\n"
	      "     --no-new-privs         set no_new_privs\n"
	      "     --seccomp PROFILE      filter system calls: default, unconfined, or a\n"
	      "                              Docker/OCI JSON profile file\n"
	      "     --seccomp-log          log what the profile would refuse, refuse nothing\n"
	      "     --keep-caps            keep the user namespace's capabilities (ambient)\n"
	      "     --clear-env            run the command with an empty environment\n"
	      "     --whitelist-env LIST   the same, but keep the variables of LIST (comma list)\n"
	      "     --preserve-fds N       pass descriptors 3 to 2+N (where others are closed)\n"
	      "     --keep-fd FD           pass descriptor FD (repeatable; where others are closed)\n"
	      "     --default-signal[=SIGS]\n"
	      "                            start the command with SIGS (comma list; default\n"
	      "                              all) at their default action, not ignored\n"
	      "\n"
	      "     --verbose              say which program writes the id maps\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Exit status: the command's, 128+N if it died of signal N; 125 if nsrun\n"
	      "failed; 126 if the command cannot run; 127 if it was not found. With\n"
	      "--detach and --release: 0 once the command runs, else 125, 126 or 127.\n"
	      "See nsrun(1) and nskit(7).\n",
	      stdout);
}

/* A namespace option, whose letter is c: 1 (or the usage error), 0 if c
 * is no namespace's. */
static int parse_ns_option(struct nsrun_opts *o, int c, const char *arg)
{
	const struct ns_type *t = ns_by_short_option(c);

	if (!t)
		return 0;
	o->clone_flags |= t->clone_flag;
	if (arg && !*arg)
		return nsk_usage_err("--%s=: empty file name", t->option);
	o->persist_path[t - ns_types] = arg;
	return 1;
}

static int parse_user_or_id(const char *s, bool group, uint32_t *ret)
{
	if (parse_id(s, ret) == 0)
		return 0;
	if (group) {
		struct group *gr = getgrnam(s);
		if (gr)
			*ret = gr->gr_gid;
		return gr ? 0 : -ENOENT;
	}
	struct passwd *pw = getpwnam(s);
	if (pw)
		*ret = pw->pw_uid;
	return pw ? 0 : -ENOENT;
}

static int parse_value(struct nsrun_opts *o, int c, const char *arg)
{
	static const char *const propagations[] = { "private", "shared", "slave", "unchanged", NULL };
	static const unsigned long propagation_flags[] = { MS_PRIVATE, MS_SHARED, MS_SLAVE, 0 };
	static const char *const setgroups_modes[] = { "deny", "allow", NULL };
	int i;

	switch (c) {
	case OPT_PROPAGATION:
		if ((i = parse_choice(arg, propagations)) < 0)
			return nsk_usage_err("--propagation %s: not private, shared, slave or unchanged", arg);
		o->propagation = propagation_flags[i] ? (propagation_flags[i] | MS_REC) : 0;
		o->propagation_given = true;
		return 0;
	case OPT_SETGROUPS:
		if ((o->setgroups = parse_choice(arg, setgroups_modes)) < 0)
			return nsk_usage_err("--setgroups %s: not allow or deny", arg);
		return 0;
	case OPT_MAP_USER:
		if (parse_user_or_id(arg, false, &o->inner_uid) < 0)
			return nsk_usage_err("--map-user %s: not a user id or name", arg);
		o->map_uid = true;
		return 0;
	case OPT_MAP_GROUP:
		if (parse_user_or_id(arg, true, &o->inner_gid) < 0)
			return nsk_usage_err("--map-group %s: not a group id or name", arg);
		o->map_gid = true;
		return 0;
	case OPT_MAP_USERS:
	case OPT_MAP_GROUPS:
		if (mapreq_add_range(&o->maps, c == OPT_MAP_GROUPS, arg) < 0)
			return nsk_usage_err("%s %s: not INNER:OUTER:COUNT, OUTER,INNER,COUNT, auto, "
					     "subids or all",
					     c == OPT_MAP_GROUPS ? "--map-groups" : "--map-users", arg);
		return 0;
	case OPT_MAP_AUTO:
	case OPT_MAP_SUBIDS:
		mapreq_add_source(&o->maps, c == OPT_MAP_AUTO ? MAPREQ_AUTO : MAPREQ_SUBIDS);
		return 0;
	case OPT_HANDLE_FORMAT:
		if ((i = parse_choice(arg, target_handle_formats)) < 0)
			return nsk_usage_err("--handle-format %s: not pid or pidfs", arg);
		o->handle_format = i;
		o->handle_format_given = true;
		return 0;
	case OPT_MONOTONIC:
		if (parse_seconds(arg, &o->monotonic_sec, &o->monotonic_nsec) < 0)
			return nsk_usage_err("--monotonic %s: not a number of seconds", arg);
		o->monotonic = true;
		return 0;
	case OPT_BOOTTIME:
		if (parse_seconds(arg, &o->boottime_sec, &o->boottime_nsec) < 0)
			return nsk_usage_err("--boottime %s: not a number of seconds", arg);
		o->boottime = true;
		return 0;
	case OPT_KILL_CHILD:
		o->kill_child = SIGKILL;
		if (arg && parse_signal(arg, &o->kill_child) < 0)
			return nsk_usage_err("--kill-child=%s: not a signal", arg);
		return 0;
	case OPT_WHITELIST_ENV:
		if (!*arg || strchr(arg, '=') || strstr(arg, ",,") || *arg == ',')
			return nsk_usage_err("--whitelist-env %s: not a comma list of names", arg);
		o->exec.clear_env = true;
		o->exec.env_keep = arg;
		return 0;
	case OPT_OWNER: {
		struct idmap_range ids;
		char buf[32];

		/* UID:GID, checked as a range's first two fields */
		if (snprintf(buf, sizeof(buf), "%s:1", arg) >= (int)sizeof(buf) ||
		    idmap_parse_range(buf, &ids) < 0 || ids.inner == UINT32_MAX ||
		    ids.outer == UINT32_MAX)
			return nsk_usage_err("--owner %s: not UID:GID", arg);
		o->owner = true;
		o->owner_uid = ids.inner;
		o->owner_gid = ids.outer;
		o->clone_flags |= CLONE_NEWUSER;
		return 0;
	}
	case OPT_CAP_DROP:
	case OPT_CAP_ADD:
		return opts_caps_option(c == OPT_CAP_ADD, arg, &o->exec);
	case OPT_SECCOMP:
	case OPT_SECCOMP_LOG:
		return opts_seccomp_option(c == OPT_SECCOMP_LOG, arg, &o->exec);
	case OPT_DEFAULT_SIGNAL:
		return opts_default_signal_option(arg, &o->exec);
	case OPT_PRESERVE_FDS:
	case OPT_KEEP_FD:
		o->keep_fds_given = true;
		return opts_fd_option(c == OPT_PRESERVE_FDS, arg, &o->exec.keep_fds);
	case 'S':
		if (parse_user_or_id(arg, false, &o->exec.uid) < 0)
			return nsk_usage_err("--setuid %s: not a user id or name", arg);
		o->exec.set_uid = true;
		return 0;
	case 'G':
		if (parse_user_or_id(arg, true, &o->exec.gid) < 0)
			return nsk_usage_err("--setgid %s: not a group id or name", arg);
		o->exec.set_gid = true;
		return 0;
	}
	return -EINVAL;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct nsrun_opts *o = opts;

	if (parse_ns_option(o, c, arg))
		return 0;
	switch (c) {
	case 'f': o->fork = true; return 0;
	case 'r': o->map_uid = o->map_gid = true; o->inner_uid = 0; o->inner_gid = 0; return 0;
	case 'c': o->map_uid = o->map_gid = true; o->inner_uid = geteuid(); o->inner_gid = getegid(); return 0;
	case 'R': o->exec.root = arg; return 0;
	case 'w': o->exec.wd = arg; return 0;
	case 't': o->target = arg; return 0;
	case OPT_NO_LO: o->no_lo = true; return 0;
	case OPT_AS_PID_1: o->as_pid_1 = true; return 0;
	case OPT_MOUNT_PROC: o->mount_proc = arg ? arg : "/proc"; return 0;
	case OPT_MOUNT_BINFMT: o->mount_binfmt = arg ? arg : ""; return 0;
	case 'l': o->load_interp = arg; return 0;
	case OPT_HOSTNAME: o->hostname = arg; return 0;
	case OPT_DOMAINNAME: o->domainname = arg; return 0;
	case OPT_NO_NEW_PRIVS: o->exec.no_new_privs = true; return 0;
	case OPT_KEEP_CAPS: o->exec.change_caps = true; return 0;
	case OPT_FORWARD_SIGNALS: o->fork = true; return 0;
	case OPT_CLEAR_ENV: o->exec.clear_env = true; return 0;
	case OPT_VERBOSE: o->verbose = true; return 0;
	case OPT_DETACH: o->detach = true; return 0;
	case OPT_HOLD: o->hold = true; return 0;
	case OPT_RELEASE: o->release = true; return 0;
	case OPT_LOG: o->log = arg; return 0;
	case OPT_INTO_CGROUP: o->into_cgroup = arg; return 0;
	}
	return parse_value(o, c, arg);
}

/* Whether any option but --release and -t was given, once the implied
 * ones are set (every namespace option, --mount-proc, --hostname, the
 * maps and clocks show in clone_flags; --kill-child in fork). */
static bool sets_anything(const struct nsrun_opts *o)
{
	const struct exec_opts *e = &o->exec;

	return o->clone_flags || o->fork || o->as_pid_1 || o->no_lo || o->propagation_given ||
	       o->setgroups >= 0 || o->detach || o->hold || o->log || o->into_cgroup || o->argv[0] || e->root ||
	       e->wd || e->set_uid || e->set_gid || e->no_new_privs || e->change_caps ||
	       e->clear_env || o->keep_fds_given || o->handle_format_given || e->seccomp_name ||
	       e->seccomp_log;
}

/* Options that imply others, and combinations that make no sense. */
static int check_options(struct nsrun_opts *o)
{
	if (o->target && !o->release)
		return nsk_usage_err("-t names the process for --release only");
	/* -l and --mount-binfmt without DIR: the binfmt_misc of a fresh
	 * /proc, as unshare(1) */
	if (o->load_interp && !o->mount_binfmt)
		o->mount_binfmt = "";
	if (o->mount_binfmt && !*o->mount_binfmt) {
		o->mount_binfmt = "/proc/sys/fs/binfmt_misc";
		/* a proc of our own, which a new user namespace may mount
		 * only for a PID namespace it owns */
		if (!o->mount_proc) {
			o->mount_proc = "/proc";
			o->clone_flags |= CLONE_NEWPID;
		}
	}
	if (o->mount_binfmt)
		o->clone_flags |= CLONE_NEWNS | CLONE_NEWUSER;
	if (o->mount_proc)
		o->clone_flags |= CLONE_NEWNS;
	if (o->hostname || o->domainname)
		o->clone_flags |= CLONE_NEWUTS;
	/* With ranges, the helper writes the maps, own ids included; also
	 * for a gid map with setgroups allowed, which the kernel accepts
	 * only from a writer in the parent namespace. */
	if (o->owner && geteuid() != 0)
		return nsk_usage_err("--owner needs root (it creates the namespace as another user)");
	if (o->owner && o->detach)
		return nsk_usage_err("--owner does not go with --detach");
	/* With --owner the namespace is not ours: our own ids can be mapped
	 * only from outside, by the helper that stays root (as unshare). */
	if (mapreq_wanted(&o->maps) || (o->map_gid && o->setgroups == 1) ||
	    (o->owner && (o->map_uid || o->map_gid))) {
		mapreq_add_own(&o->maps, o->map_uid, o->inner_uid, o->map_gid, o->inner_gid,
			       o->setgroups);
		o->map_uid = o->map_gid = false;
		o->setgroups = -1;
		o->clone_flags |= CLONE_NEWUSER;
	}
	if (o->map_uid || o->map_gid)
		o->clone_flags |= CLONE_NEWUSER;
	if (o->monotonic || o->boottime)
		o->clone_flags |= CLONE_NEWTIME;
	/* unshare() moves only the caller's future children into a new PID
	 * or time namespace (exec enters the time namespace only since
	 * Linux 5.16ish, and not on Debian's 6.1): fork for both. */
	if (o->clone_flags & (CLONE_NEWPID | CLONE_NEWTIME))
		o->fork = true;
	if (o->kill_child)
		o->fork = true;
	if (o->release)
		return sets_anything(o) ? nsk_usage_err("--release takes only -t") : 1;
	if (o->as_pid_1 && !(o->clone_flags & CLONE_NEWPID))
		return nsk_usage_err("--as-pid-1 needs --pid");
	if (o->hold && !o->detach)
		return nsk_usage_err("--hold needs --detach");
	if (o->hold && !o->argv[0])
		return nsk_usage_err("--hold needs a command to hold");
	if (o->log && !o->detach)
		return nsk_usage_err("--log needs --detach");
	if (o->into_cgroup && !o->detach)
		return nsk_usage_err("--into-cgroup needs --detach");
	if (o->handle_format_given && !o->detach)
		return nsk_usage_err("--handle-format needs --detach");
	if (o->kill_child && o->detach)
		return nsk_usage_err("--kill-child does not go with --detach");
	/* Read and checked now: a bad profile stops nsrun before anything
	 * exists; the filter itself is loaded just before the exec. */
	if (opts_seccomp_load(&o->exec) < 0)
		return -EINVAL;
	/* A self-written gid map needs setgroups denied unless privileged
	 * (user_namespaces(7)); deny by default, as unshare -r does. */
	if (o->map_gid && o->setgroups < 0)
		o->setgroups = 0;
	o->outer_uid = geteuid();
	o->outer_gid = getegid();
	/* A detached command, and one with a new root, crosses into a
	 * container: it gets 0, 1, 2 and what --preserve-fds/--keep-fd
	 * name. In the foreground without a new root, descriptors pass as
	 * unshare(1) passes them. */
	o->exec.close_fds = o->detach || o->exec.root;
	/* Root's map writers (nsmap as root) can write the maps of a
	 * non-dumpable process; another user's cannot (its /proc files then
	 * belong to root), and its processes have that user's credentials,
	 * which the container's root gets anyway. */
	o->nondumpable = geteuid() == 0;
	return 1;
}

static int parse_args(int argc, char **argv, struct nsrun_opts *o)
{
	int r = opts_parse(argc, argv, "+:UmpnuiCTfrcS:G:R:w:t:l:hV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	o->argv = argv + optind;
	return check_options(o);
}

int main(int argc, char **argv)
{
	/* static: ~9 KiB (the map requests) that a run without maps never
	 * touches, where on the stack its initialisation would fault every
	 * page of it in (issue 19) */
	static struct nsrun_opts o = { .setgroups = -1, .propagation = MS_PRIVATE | MS_REC,
				       .maps = MAPREQ_INIT,
				       .exec = { .keep_fds = FDKEEP_INIT } };
	/* static: reachable to the end, as the option values in it must be
	 * (a leak checker takes a local's allocation for lost at exit) */
	static char **args;
	int r;

	/* Every option value, the command and our own name are read from a
	 * copy of argv: a detached holder rewrites the original for ps
	 * (lib/proctitle), and a --net=FILE it reports after that must still
	 * be the file's name. */
	if ((r = proctitle_init(&o.title, argc, argv, argv, &args)) < 0) {
		nsk_err("argv: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	if (args[0] && strrchr(args[0], '/'))
		program_invocation_short_name = strrchr(args[0], '/') + 1;
	else if (args[0])
		program_invocation_short_name = args[0];
	r = parse_args(argc, args, &o);
	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	if (!o.detach)
		o.title.start = NULL;	/* only a detached holder is renamed */
	if (o.release)
		return nsrun_release(&o);
	/* Every process of ours that the container may see is forked from
	 * this one: out of ptrace's reach from birth (DESIGN.md). */
	if (o.nondumpable && (r = confine_nondumpable()) < 0) {
		nsk_err("prctl(PR_SET_DUMPABLE): %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	if (o.detach)
		return nsrun_detached(&o);
	return nsrun_foreground(&o);
}
