/* nsrun: create namespaces and run a command in them (cf. unshare(1)).
 *
 * Foreground:  nsrun [OPTIONS] [--] [COMMAND [ARG]...]
 *   This process unshares, configures the namespaces (maps, hostname,
 *   propagation, lo, time offsets) and either execs the command or forks
 *   it (PID namespace: our init as PID 1, which forks the command) and
 *   forwards signals to it until it ends.
 * Detached:    nsrun --detach [--hold] ... [-- COMMAND]
 *   A child does the same in a new session; this process waits until the
 *   namespaces are ready, persists them, prints the handle and exits 0.
 * Release:     nsrun --release [-t PID]
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
#include "err.h"
#include "exec.h"
#include "idmap.h"
#include "init.h"
#include "maphelper.h"
#include "netif.h"
#include "ns.h"
#include "parse.h"
#include "persist.h"
#include "target.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

struct nsrun_opts {
	int clone_flags;
	const char *persist_path[16];	/* indexed like ns_types */
	bool fork, as_pid_1, no_lo;
	const char *mount_proc;		/* NULL: no --mount-proc */
	unsigned long propagation;	/* 0: unchanged */
	const char *hostname, *domainname;
	bool map_uid, map_gid;		/* map our own id to inner_uid/gid */
	uid_t inner_uid;
	gid_t inner_gid;
	int setgroups;			/* -1: unset, 0: deny, 1: allow */
	struct maphelper_request maps;	/* ranges, written from outside */
	bool monotonic, boottime;
	int64_t monotonic_sec, boottime_sec;
	long monotonic_nsec, boottime_nsec;
	int kill_child;			/* 0: none */
	bool detach, hold, release;
	const char *log, *target;
	struct exec_opts exec;
	char **argv;
};

enum {
	OPT_NO_LO = CHAR_MAX + 1, OPT_AS_PID_1, OPT_MOUNT_PROC, OPT_PROPAGATION, OPT_HOSTNAME,
	OPT_DOMAINNAME, OPT_MAP_USER, OPT_MAP_GROUP, OPT_SETGROUPS, OPT_MONOTONIC, OPT_BOOTTIME,
	OPT_KILL_CHILD, OPT_CAP_DROP, OPT_CAP_ADD, OPT_NO_NEW_PRIVS, OPT_DETACH, OPT_HOLD,
	OPT_RELEASE, OPT_LOG, OPT_MAP_USERS, OPT_MAP_GROUPS, OPT_MAP_AUTO,
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
	{ "setgroups", required_argument, NULL, OPT_SETGROUPS },
	{ "monotonic", required_argument, NULL, OPT_MONOTONIC },
	{ "boottime", required_argument, NULL, OPT_BOOTTIME },
	{ "kill-child", optional_argument, NULL, OPT_KILL_CHILD },
	{ "cap-drop", required_argument, NULL, OPT_CAP_DROP },
	{ "cap-add", required_argument, NULL, OPT_CAP_ADD },
	{ "no-new-privs", no_argument, NULL, OPT_NO_NEW_PRIVS },
	{ "setuid", required_argument, NULL, 'S' },
	{ "setgid", required_argument, NULL, 'G' },
	{ "root", required_argument, NULL, 'R' },
	{ "wd", required_argument, NULL, 'w' },
	{ "detach", no_argument, NULL, OPT_DETACH },
	{ "hold", no_argument, NULL, OPT_HOLD },
	{ "release", no_argument, NULL, OPT_RELEASE },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "target", required_argument, NULL, 't' },
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
	      "     --kill-child[=SIGNAL]  signal the command when nsrun dies (default KILL)\n"
	      "     --detach               run in the background; print the handle and exit\n"
	      "     --hold                 with --detach: wait for --release before the command\n"
	      "     --release              start the command of a held nsrun (-t or stdin)\n"
	      " -t, --target PID           the held process for --release\n"
	      "     --log FILE             with --detach: the command's output goes to FILE\n"
	      "\n"
	      "Set-up:\n"
	      "     --no-lo                leave lo down in a new network namespace\n"
	      "     --mount-proc[=DIR]     mount a fresh proc on DIR (default /proc); implies -m\n"
	      "     --propagation MODE     private|shared|slave|unchanged (default private)\n"
	      "     --hostname NAME        set the hostname; implies -u\n"
	      "     --domainname NAME      set the NIS domain name; implies -u\n"
	      " -r, --map-root-user        map the current user and group to 0; implies -U\n"
	      " -c, --map-current-user     map the current user and group to themselves\n"
	      "     --map-user UID|NAME    map the current user to UID\n"
	      "     --map-group GID|NAME   map the current group to GID\n"
	      "     --map-users INNER:OUTER:COUNT  map a uid range (repeatable; as nsmap)\n"
	      "     --map-groups INNER:OUTER:COUNT map a gid range (repeatable; as nsmap)\n"
	      "     --map-auto             map the current user to 0 and the subuid/subgid ranges\n"
	      "     --setgroups MODE       allow|deny setgroups(2) in the user namespace\n"
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
	      "\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Exit status: the command's, 128+N if it died of signal N; 125 if nsrun\n"
	      "failed; 126 if the command cannot run; 127 if it was not found.\n"
	      "See nsrun(1) and nskit(7).\n",
	      stdout);
}

static int parse_ns_option(struct nsrun_opts *o, int c, const char *arg)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (ns_types[i].short_option == c) {
			o->clone_flags |= ns_types[i].clone_flag;
			if (arg && !*arg)
				return nsk_usage_err("--%s=: empty file name", ns_types[i].option);
			o->persist_path[i] = arg;
			return 1;
		}
	return 0;
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
	char bad[64];
	int i;

	switch (c) {
	case OPT_PROPAGATION:
		if ((i = parse_choice(arg, propagations)) < 0)
			return nsk_usage_err("--propagation %s: not private, shared, slave or unchanged", arg);
		o->propagation = propagation_flags[i] ? (propagation_flags[i] | MS_REC) : 0;
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
		if (maphelper_add_range(&o->maps, c == OPT_MAP_GROUPS, arg) < 0)
			return nsk_usage_err("%s %s: not INNER:OUTER:COUNT",
					     c == OPT_MAP_GROUPS ? "--map-groups" : "--map-users", arg);
		return 0;
	case OPT_MAP_AUTO:
		o->maps.auto_map = true;
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
	case OPT_CAP_DROP:
	case OPT_CAP_ADD:
		if (caps_parse(arg, c == OPT_CAP_DROP ? &o->exec.cap_drop : &o->exec.cap_add, bad,
			       sizeof(bad)) < 0)
			return nsk_usage_err("%s %s: unknown capability '%s'",
					     c == OPT_CAP_DROP ? "--cap-drop" : "--cap-add", arg, bad);
		o->exec.change_caps = true;
		return 0;
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

static int parse_option(struct nsrun_opts *o, int c, const char *arg)
{
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
	case OPT_HOSTNAME: o->hostname = arg; return 0;
	case OPT_DOMAINNAME: o->domainname = arg; return 0;
	case OPT_NO_NEW_PRIVS: o->exec.no_new_privs = true; return 0;
	case OPT_DETACH: o->detach = true; return 0;
	case OPT_HOLD: o->hold = true; return 0;
	case OPT_RELEASE: o->release = true; return 0;
	case OPT_LOG: o->log = arg; return 0;
	}
	return parse_value(o, c, arg);
}

/* Options that imply others, and combinations that make no sense. */
static int check_options(struct nsrun_opts *o)
{
	if (o->release)
		return (o->clone_flags || o->detach || o->hold || o->argv[0])
			       ? nsk_usage_err("--release takes only -t")
			       : 1;
	if (o->target)
		return nsk_usage_err("-t names the process for --release only");
	if (o->mount_proc)
		o->clone_flags |= CLONE_NEWNS;
	if (o->hostname || o->domainname)
		o->clone_flags |= CLONE_NEWUTS;
	/* With ranges, the helper writes the maps, own ids included; also
	 * for a gid map with setgroups allowed, which the kernel accepts
	 * only from a writer in the parent namespace. */
	if (maphelper_wanted(&o->maps) || (o->map_gid && o->setgroups == 1)) {
		maphelper_add_own(&o->maps, o->map_uid, o->inner_uid, o->map_gid, o->inner_gid,
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
	if (o->as_pid_1 && !(o->clone_flags & CLONE_NEWPID))
		return nsk_usage_err("--as-pid-1 needs --pid");
	if (o->hold && !o->detach)
		return nsk_usage_err("--hold needs --detach");
	if (o->hold && !o->argv[0])
		return nsk_usage_err("--hold needs a command to hold");
	if (o->log && !o->detach)
		return nsk_usage_err("--log needs --detach");
	if (o->kill_child && o->detach)
		return nsk_usage_err("--kill-child does not go with --detach");
	/* A self-written gid map needs setgroups denied unless privileged
	 * (user_namespaces(7)); deny by default, as unshare -r does. */
	if (o->map_gid && o->setgroups < 0)
		o->setgroups = 0;
	o->exec.become_mapped_root = o->clone_flags & CLONE_NEWUSER;
	return 1;
}

static int parse_args(int argc, char **argv, struct nsrun_opts *o)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:UmpnuiCTfrcS:G:R:w:t:hV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'h': usage(); return 0;
		case 'V': nsk_print_version(); return 0;
		case '?':
		case ':':
			return nsk_option_error(c, argv);
		default:
			if (parse_option(o, c, optarg) < 0)
				return -EINVAL;
		}
	}
	o->argv = argv + optind;
	return check_options(o);
}

/* ---- set-up inside the new namespaces ---- */

static int write_self_maps(const struct nsrun_opts *o, uid_t outer_uid, gid_t outer_gid)
{
	_cleanup_close_ int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	struct idmap m = { .count = 0 };
	int r;

	if (o->setgroups >= 0 && (r = idmap_write_setgroups_at(self, o->setgroups)) < 0) {
		nsk_err("/proc/self/setgroups: %s", strerror(-r));
		return r;
	}
	if (o->map_uid) {
		idmap_add(&m, (struct idmap_range){ o->inner_uid, outer_uid, 1 });
		if ((r = idmap_write_at(self, "uid_map", &m)) < 0) {
			nsk_err("/proc/self/uid_map: mapping %u to %u: %s", o->inner_uid, outer_uid,
				strerror(-r));
			return r;
		}
	}
	if (o->map_gid) {
		m.count = 0;
		idmap_add(&m, (struct idmap_range){ o->inner_gid, outer_gid, 1 });
		if ((r = idmap_write_at(self, "gid_map", &m)) < 0) {
			nsk_err("/proc/self/gid_map: mapping %u to %u: %s%s", o->inner_gid, outer_gid,
				strerror(-r), o->setgroups == 1 ? " (needs --setgroups deny)" : "");
			return r;
		}
	}
	return 0;
}

static int write_time_offsets(const struct nsrun_opts *o)
{
	char text[128];
	int n = 0;
	_cleanup_close_ int fd = open("/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC);

	if (o->monotonic)
		n += snprintf(text + n, sizeof(text) - n, "monotonic %lld %ld\n",
			      (long long)o->monotonic_sec, o->monotonic_nsec);
	if (o->boottime)
		n += snprintf(text + n, sizeof(text) - n, "boottime %lld %ld\n",
			      (long long)o->boottime_sec, o->boottime_nsec);
	if (fd < 0 || write(fd, text, n) != n) {
		nsk_err("/proc/self/timens_offsets: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Unshare and configure, in this process. Prints its own error. */
static int create_namespaces(const struct nsrun_opts *o)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	bool persist_mnt = o->persist_path[ns_by_flag(CLONE_NEWNS) - ns_types] != NULL;
	uint64_t outer_mnt_id = 0;
	int r;

	if (persist_mnt) {
		_cleanup_close_ int fd = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
		if (fd < 0 || ns_mnt_id(fd, &outer_mnt_id) < 0)
			persist_mnt = false;	/* no ids to compare: nothing to fix */
	}
	if (maphelper_unshare(o->clone_flags, &o->maps) < 0)
		return -1;
	if (persist_mnt && (r = ns_mnt_make_newer_than(outer_mnt_id)) < 0) {
		nsk_err("mount namespace: cannot be persisted: the kernel gave it an id below "
			"ours, and no allowed CPU gives a larger one (per-CPU ids, Linux 6.18)");
		return -1;
	}
	if ((o->map_uid || o->map_gid || o->setgroups >= 0) && write_self_maps(o, uid, gid) < 0)
		return -1;
	if ((o->monotonic || o->boottime) && write_time_offsets(o) < 0)
		return -1;
	if (o->hostname && sethostname(o->hostname, strlen(o->hostname)) < 0) {
		nsk_err("hostname %s: %s", o->hostname, strerror(errno));
		return -1;
	}
	if (o->domainname && setdomainname(o->domainname, strlen(o->domainname)) < 0) {
		nsk_err("domainname %s: %s", o->domainname, strerror(errno));
		return -1;
	}
	if ((o->clone_flags & CLONE_NEWNS) && o->propagation &&
	    mount("none", "/", NULL, o->propagation, NULL) < 0) {
		nsk_err("/: changing propagation: %s", strerror(errno));
		return -1;
	}
	if ((o->clone_flags & CLONE_NEWNET) && !o->no_lo && (r = netif_loopback_up()) < 0) {
		nsk_err("lo: bringing it up: %s", strerror(-r));
		return -1;
	}
	return 0;
}

/* In the first process of a new PID namespace. */
static int mount_proc(const char *dir)
{
	/* Keep the new proc from propagating to the host whatever
	 * --propagation said (unshare(1) does the same). */
	if (mount("none", dir, NULL, MS_PRIVATE | MS_REC, NULL) < 0 && errno != EINVAL) {
		nsk_err("%s: making it private: %s", dir, strerror(errno));
		return -1;
	}
	if (mount("proc", dir, "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0) {
		nsk_err("%s: mounting proc: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* Set up the command's process state and exec it; returns the status to
 * exit with when that fails. */
static int exec_cmd(const struct nsrun_opts *o)
{
	char *const *argv = o->argv;
	const char *step, *object;
	int r = exec_prepare(&o->exec, &step, &object);

	if (r < 0) {
		nsk_err("%s%s%s: %s", step, *object ? " " : "", object, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	r = exec_command(argv);
	return nsk_exec_error(argv[0], r);
}

static bool wants_init(const struct nsrun_opts *o)
{
	return (o->clone_flags & CLONE_NEWPID) && !o->as_pid_1;
}

/* PID 1 of the new namespace with our init: fork the command, forward
 * signals, reap, and exit with the command's status. */
static int run_init(const struct nsrun_opts *o)
{
	pid_t cmd = fork();

	if (cmd < 0) {
		nsk_err("fork: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (cmd == 0)
		_exit(exec_cmd(o));
	return init_forward_and_wait(cmd, INIT_REAP_ALL);
}

static int run_cmd(const struct nsrun_opts *o)
{
	return wants_init(o) ? run_init(o) : exec_cmd(o);
}

/* ---- foreground ---- */

/* The forked child: PID 1 of the new PID namespace if there is one. */
static int foreground_child(const struct nsrun_opts *o, pid_t parent, int sync_fd)
{
	if (o->kill_child && (prctl(PR_SET_PDEATHSIG, o->kill_child) < 0 || getppid() != parent))
		return EXIT_TOOL_FAILED;
	if (o->mount_proc && mount_proc(o->mount_proc) < 0)
		return EXIT_TOOL_FAILED;
	if (sync_fd >= 0) {
		char go = 0;
		/* Ready; the command may start once the files are kept. */
		if (write(sync_fd, "r", 1) != 1 || read(sync_fd, &go, 1) != 1 || go != 'g')
			return EXIT_TOOL_FAILED;
		close(sync_fd);
	}
	return run_cmd(o);
}

/* Tell the helper to persist the namespaces of `pid` and keep them; on
 * failure it has undone them and printed why. */
static int persist_now(struct persist_helper *helper, pid_t pid)
{
	int r = persist_helper_run(helper, pid);

	return persist_helper_finish(helper, r == 0);
}

static int run_foreground(const struct nsrun_opts *o)
{
	struct persist_helper helper = PERSIST_HELPER_INIT;
	int sync[2] = { -1, -1 };
	pid_t parent = getpid(), child;
	char byte;
	int status;

	if (persist_helper_start(&helper, o->persist_path) < 0)
		return EXIT_TOOL_FAILED;
	if (create_namespaces(o) < 0) {
		persist_helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	if (!o->fork)
		return persist_now(&helper, parent) < 0 ? EXIT_TOOL_FAILED : exec_cmd(o);
	/* With files to persist, wait for the child's own set-up first: a
	 * new PID namespace can be bind mounted only once its first process
	 * exists, and a failure in the child must leave no file behind. */
	if (helper.pid > 0 && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sync) < 0) {
		nsk_err("socketpair: %s", strerror(errno));
		persist_helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	init_block_signals();
	child = fork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		persist_helper_finish(&helper, false);
		return EXIT_TOOL_FAILED;
	}
	if (child == 0) {
		closep(&sync[0]);
		_exit(foreground_child(o, parent, sync[1]));
	}
	closep(&sync[1]);
	if (helper.pid > 0) {
		bool ok = read(sync[0], &byte, 1) == 1;
		if (!ok)
			persist_helper_finish(&helper, false);
		if (!ok || persist_now(&helper, parent) < 0 || write(sync[0], "g", 1) != 1) {
			closep(&sync[0]);
			kill(child, SIGKILL);
			waitpid(child, &status, 0);
			return EXIT_TOOL_FAILED;
		}
		closep(&sync[0]);
	}
	return init_forward_and_wait(child, o->as_pid_1 ? INIT_CHILD_IS_BARE_PID1 : 0);
}

/* ---- detached ---- */

enum { MSG_HOLDER = 1, MSG_READY, MSG_FAILED };
struct detach_msg {
	int kind;
	int value;
};

static void send_msg(int fd, int kind, int value)
{
	struct detach_msg m = { kind, value };

	if (write(fd, &m, sizeof(m)) != sizeof(m))
		_exit(EXIT_TOOL_FAILED);
}

static void redirect_stdio(int log_fd)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);

	dup2(null, STDIN_FILENO);
	dup2(log_fd >= 0 ? log_fd : null, STDOUT_FILENO);
	dup2(log_fd >= 0 ? log_fd : null, STDERR_FILENO);
	if (null > STDERR_FILENO)
		close(null);
}

/* The process that holds the namespaces and whose PID is the handle. */
static _Noreturn void holder_main(const struct nsrun_opts *o, int msg_fd, int go_fd, int log_fd)
{
	char byte;
	int r;

	if (o->mount_proc && mount_proc(o->mount_proc) < 0) {
		send_msg(msg_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	init_hold_block();	/* before READY: an early release stays pending */
	init_block_signals();
	send_msg(msg_fd, MSG_READY, 0);
	close(msg_fd);
	if (read(go_fd, &byte, 1) != 1)
		_exit(EXIT_TOOL_FAILED);	/* nsrun gave up: it printed why */
	close(go_fd);
	redirect_stdio(log_fd);
	if (o->hold && (r = init_hold_wait()) != 0)
		_exit(r);
	if (!o->argv[0])
		_exit(init_pause());
	_exit(run_cmd(o));
}

/* The detached child: a new session, the namespaces, then the holder
 * (itself, or with a PID namespace the first process forked into it). */
static _Noreturn void detached_main(const struct nsrun_opts *o, int msg_fd, int go_fd, int log_fd)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	pid_t holder;

	setsid();
	/* stdout is a pipe or $(...) to our caller: never hold it open. */
	dup2(null, STDOUT_FILENO);
	if (create_namespaces(o) < 0) {
		send_msg(msg_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	if (!(o->clone_flags & CLONE_NEWPID)) {
		send_msg(msg_fd, MSG_HOLDER, getpid());
		holder_main(o, msg_fd, go_fd, log_fd);
	}
	holder = fork();
	if (holder == 0)
		holder_main(o, msg_fd, go_fd, log_fd);
	if (holder < 0) {
		nsk_err("fork: %s", strerror(errno));
		send_msg(msg_fd, MSG_FAILED, 0);
		_exit(EXIT_TOOL_FAILED);
	}
	send_msg(msg_fd, MSG_HOLDER, holder);
	_exit(0);
}

/* Wait for the holder's pid and its readiness; 0 or -1. */
static int await_holder(int msg_fd, pid_t *ret_holder)
{
	struct detach_msg m;
	bool ready = false;

	/* The holder's pid (from its parent) and its readiness (from the
	 * holder itself) may come in either order. */
	*ret_holder = 0;
	while (read(msg_fd, &m, sizeof(m)) == sizeof(m)) {
		if (m.kind == MSG_HOLDER)
			*ret_holder = m.value;
		else if (m.kind == MSG_READY)
			ready = true;
		else if (m.kind == MSG_FAILED)
			return -1;
		if (ready && *ret_holder > 0)
			return 0;
	}
	return -1;	/* the child died; it said why */
}

static int run_detached(const struct nsrun_opts *o)
{
	_cleanup_close_ int log_fd = -1;
	int msg[2], go[2];
	struct target holder = TARGET_INIT;
	struct persisted done = PERSISTED_INIT;
	pid_t child, holder_pid;
	int status;

	if (o->log && (log_fd = open(o->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) < 0) {
		nsk_err("%s: %s", o->log, strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (pipe2(msg, O_CLOEXEC) < 0 || pipe2(go, O_CLOEXEC) < 0) {
		nsk_err("pipe: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	child = fork();
	if (child < 0) {
		nsk_err("fork: %s", strerror(errno));
		return EXIT_TOOL_FAILED;
	}
	if (child == 0) {
		close(msg[0]);
		close(go[1]);
		detached_main(o, msg[1], go[0], log_fd);
	}
	close(msg[1]);
	close(go[0]);
	int r = await_holder(msg[0], &holder_pid);
	close(msg[0]);
	if (holder_pid != child)
		waitpid(child, &status, 0);
	if (r < 0 || target_open_pid(&holder, holder_pid) < 0 ||
	    persist_all(o->persist_path, holder_pid, &done) < 0 || write(go[1], "g", 1) != 1) {
		if (holder.pidfd >= 0)
			kill(holder_pid, SIGKILL);
		unpersist_all(&done);
		if (holder_pid == child)
			waitpid(child, &status, 0);
		return EXIT_TOOL_FAILED;
	}
	close(go[1]);
	printf("%d\n", (int)holder_pid);
	return fflush(stdout) == 0 ? 0 : EXIT_TOOL_FAILED;
}

/* ---- release ---- */

static int run_release(const struct nsrun_opts *o)
{
	struct target t = TARGET_INIT;
	int r = target_open(&t, o->target);

	if (r < 0) {
		nsk_err("handle %s: %s", *t.handle ? t.handle : "-", target_strerror(r));
		return EXIT_TOOL_FAILED;
	}
	r = init_release(t.pidfd, t.procfd);
	if (r == -EPERM) {
		nsk_err("process %d: not held by nsrun --hold (or released already)", (int)t.pid);
		return EXIT_TOOL_FAILED;
	}
	if (r < 0) {
		nsk_err("process %d: sending the release: %s", (int)t.pid, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return target_echo(&t) < 0 ? EXIT_TOOL_FAILED : 0;
}

int main(int argc, char **argv)
{
	struct nsrun_opts o = { .setgroups = -1, .propagation = MS_PRIVATE | MS_REC,
				.maps = MAPHELPER_REQUEST_INIT };
	int r = parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	if (o.release)
		return run_release(&o);
	if (o.detach)
		return run_detached(&o);
	return run_foreground(&o);
}
