/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgctl: the command line. Subcommand first, then the group, options
 * anywhere before the command of `exec` (which follows the group or --). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgctl.h"
#include "err.h"
#include "opts.h"
#include "output.h"
#include "parse.h"

static const char *const cmd_names[] = {
	"create", "set", "get", "attach", "exec", "stat", "list", "freeze",
	"thaw", "kill", "wait", "delete", NULL,
};

enum {
	OPT_PARENT = CHAR_MAX + 1, OPT_MEMORY, OPT_MEMORY_HIGH, OPT_SWAP, OPT_CPUS,
	OPT_CPU_WEIGHT, OPT_CPUSET, OPT_CPUSET_MEMS, OPT_PIDS, OPT_IO_MAX, OPT_CREATE, OPT_RM,
	OPT_TREE, OPT_TIMEOUT, OPT_KILL, OPT_EXIST_OK, OPT_COPY_FROM, OPT_ADMIN_OWNER,
	OPT_TASK_OWNER, OPT_SECCOMP, OPT_SECCOMP_LOG, OPT_DEFAULT_SIGNAL,
};

static const struct option longopts[] = {
	{ "parent", required_argument, NULL, OPT_PARENT },
	{ "memory", required_argument, NULL, OPT_MEMORY },
	{ "memory-high", required_argument, NULL, OPT_MEMORY_HIGH },
	{ "swap", required_argument, NULL, OPT_SWAP },
	{ "cpus", required_argument, NULL, OPT_CPUS },
	{ "cpu-weight", required_argument, NULL, OPT_CPU_WEIGHT },
	{ "cpuset", required_argument, NULL, OPT_CPUSET },
	{ "cpuset-mems", required_argument, NULL, OPT_CPUSET_MEMS },
	{ "pids", required_argument, NULL, OPT_PIDS },
	{ "io-max", required_argument, NULL, OPT_IO_MAX },
	{ "create", no_argument, NULL, OPT_CREATE },
	{ "rm", no_argument, NULL, OPT_RM },
	{ "seccomp", required_argument, NULL, OPT_SECCOMP },
	{ "seccomp-log", no_argument, NULL, OPT_SECCOMP_LOG },
	{ "default-signal", optional_argument, NULL, OPT_DEFAULT_SIGNAL },
	{ "target", required_argument, NULL, 't' },
	OUT_LONGOPTS('r'),
	{ "tree", no_argument, NULL, OPT_TREE },
	{ "signal", required_argument, NULL, 's' },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "kill", no_argument, NULL, OPT_KILL },
	{ "controllers", required_argument, NULL, 'c' },
	{ "exist-ok", no_argument, NULL, OPT_EXIST_OK },
	{ "copy-from", required_argument, NULL, OPT_COPY_FROM },
	{ "admin-owner", required_argument, NULL, OPT_ADMIN_OWNER },
	{ "task-owner", required_argument, NULL, OPT_TASK_OWNER },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

#define TAKES_SIZE "a size or max (e.g. 256M; suffixes K, M, G, T)"

/* The key each limit flag sets, and what the flag takes, in its own terms
 * (--cpus takes CPUs, not cpu.max's microseconds): what a refusal says. */
static const struct {
	int opt;
	const char *key;
	const char *takes;
} limit_flags[] = {
	{ OPT_MEMORY, "memory.max", TAKES_SIZE },
	{ OPT_MEMORY_HIGH, "memory.high", TAKES_SIZE },
	{ OPT_SWAP, "memory.swap.max", TAKES_SIZE },
	{ OPT_CPUS, "cpu.max", "a number of CPUs from 0.01 to 1000000 or max (e.g. 1.5)" },
	{ OPT_CPU_WEIGHT, "cpu.weight", "a weight from 1 to 10000 (100 is the default)" },
	{ OPT_CPUSET, "cpuset.cpus", "a list of CPUs (e.g. 0-3,6)" },
	{ OPT_CPUSET_MEMS, "cpuset.mems", "a list of memory nodes (e.g. 0-1,3)" },
	{ OPT_PIDS, "pids.max", "a number of processes or max (e.g. 64)" },
	{ OPT_IO_MAX, "io.max",
	  "MAJ:MIN:LIMIT[,LIMIT]..., LIMIT being rbps=N, wbps=N, riops=N or wiops=N "
	  "and N a number or max (e.g. 8:0:rbps=1M,wiops=100)" },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " cgctl create GROUP [KEY=VALUE]... [limits] [--exist-ok] [--copy-from GROUP]\n"
	      " cgctl set GROUP [KEY=VALUE]... [limits]\n"
	      " cgctl get GROUP KEY...\n"
	      " cgctl attach GROUP [-t PID|PID:INODE|-]... [--create] [limits]\n"
	      " cgctl exec GROUP [--create] [--rm] [limits] [--] COMMAND [ARG]...\n"
	      " cgctl stat GROUP [output options]\n"
	      " cgctl list [GROUP] [--tree] [output options]\n"
	      " cgctl freeze|thaw GROUP\n"
	      " cgctl kill GROUP [-s SIGNAL]\n"
	      " cgctl wait GROUP [--timeout SECONDS]\n"
	      " cgctl delete GROUP [--kill]\n"
	      "\n"
	      "Create, limit, join, watch, freeze, kill and remove cgroups, on cgroup v2,\n"
	      "v1 or both (hybrid). GROUP /a/b is from the hierarchy root; a/b is beneath\n"
	      "--parent, else $CGCTL_PARENT, else the root.\n"
	      "\n"
	      "Limits (v2 keys, translated where the controller is on v1):\n"
	      "     --memory SIZE          memory.max (K, M, G, T; or max)\n"
	      "     --memory-high SIZE     memory.high\n"
	      "     --swap SIZE            memory.swap.max\n"
	      "     --cpus N               cpu.max as a number of CPUs (1.5; or max)\n"
	      "     --cpu-weight W         cpu.weight, 1 to 10000\n"
	      "     --cpuset CPUS          cpuset.cpus (0-3,6)\n"
	      "     --cpuset-mems NODES    cpuset.mems\n"
	      "     --pids N               pids.max (or max)\n"
	      "     --io-max MAJ:MIN:rbps=N,wbps=N,riops=N,wiops=N   io.max\n"
	      "\n"
	      "Options:\n"
	      " -c, --controllers LIST     only the hierarchies of these controllers (cpu,memory;\n"
	      "                            name=NAME for a named v1 hierarchy), as cgcreate -g\n"
	      "     --parent PATH|self     where relative groups live, an existing cgroup;\n"
	      "                            self: the caller's own cgroup in each hierarchy\n"
	      "     --exist-ok             create: an existing group is no error\n"
	      "     --copy-from GROUP      create: start from the limits of GROUP\n"
	      "     --admin-owner UID:GID  create: owner of the group, for delegation\n"
	      "     --task-owner UID:GID   create: owner of its process lists\n"
	      "     --create               attach, exec: create the group if missing\n"
	      "     --rm                   exec: a transient group, removed afterwards\n"
	      "     --seccomp PROFILE      exec: filter the command's system calls: default,\n"
	      "                            unconfined, or a Docker/OCI JSON profile file\n"
	      "     --seccomp-log          exec: log what the profile would refuse instead\n"
	      "     --default-signal[=SIGS]\n"
	      "                            exec: start the command with SIGS (comma list;\n"
	      "                              default all) at their default action\n"
	      " -t, --target PID           attach: the process (or PID:INODE, or - for stdin)\n"
	      "     --tree                 list: as a tree\n"
	      " -s, --signal SIGNAL        kill: the signal (default KILL)\n"
	      "     --timeout SECONDS      wait: give up after this long (exit 124)\n"
	      "     --kill                 delete: kill the processes first\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Output options (stat, list; stat prints FIELD VALUE lines unless -o,\n"
	      "--output-all or -J ask for the group as one row):\n",
	      stdout);
	out_help_options(stdout, true, 28);
	out_help_columns(stdout, "Available output columns:", cgctl_columns(), cgctl_ncolumns());
	fputs("\nExit status: exec gives the command's (128+N for signal N, 126, 127);\n"
	      "125 if cgctl failed. See cgctl(1) and nskit(7).\n",
	      stdout);
}

static int add_setting(struct cgctl_opts *o, const char *key, const char *value)
{
	if (o->nset == MAX_SETTINGS)
		return nsk_usage_err("too many settings");
	struct setting *s = &o->set[o->nset++];
	s->key = key;
	s->given = value;
	/* refused in check_options, once the group is known */
	s->too_long = strlen(value) >= sizeof(s->value);
	snprintf(s->value, sizeof(s->value), "%s", value);
	return 0;
}

/* The long name of option c ("cpus"). */
static const char *option_name(int c)
{
	for (const struct option *l = longopts; l->name; l++)
		if (l->val == c)
			return l->name;
	return "?";
}

static int add_limit(struct cgctl_opts *o, int c, const char *arg)
{
	for (size_t i = 0; i < sizeof(limit_flags) / sizeof(limit_flags[0]); i++) {
		if (limit_flags[i].opt != c)
			continue;
		if (add_setting(o, limit_flags[i].key, arg) < 0)
			return -EINVAL;
		struct setting *s = &o->set[o->nset - 1];
		s->flag = option_name(c);
		s->takes = limit_flags[i].takes;
		/* A value that does not convert is refused in make_plan, once
		 * the group is known, in the flag's terms; it is never passed
		 * on to the key (--cpus "50000 100000" is not a number of CPUs). */
		if (c == OPT_CPUS && strcmp(arg, "max"))
			s->bad_flag = cgkey_cpus(arg, s->value, sizeof(s->value)) < 0;
		if (c == OPT_IO_MAX)
			s->bad_flag = cgkey_io_flag(arg, s->value, sizeof(s->value)) < 0;
		return 1;
	}
	return 0;
}

const char *setting_name(const struct setting *s, char *buf, size_t size)
{
	if (s->flag)
		snprintf(buf, size, "--%s %s", s->flag, s->given);
	else
		snprintf(buf, size, "%s=%s", s->key, s->given);
	return buf;
}

int setting_explain(const struct setting *s, struct nsk_failure *f, int err)
{
	if (s->flag && (s->bad_flag || err == -CGKEY_EVALUE))
		return nsk_fail_detail(f, err, "not %s", s->takes);
	return cgkey_explain(f, err, s->key);
}

/* UID:GID, both numeric ids. */
static int parse_owner(const char *arg, uint32_t *uid, uint32_t *gid)
{
	char buf[32];
	const char *colon = strchr(arg, ':');
	size_t n = colon ? (size_t)(colon - arg) : 0;

	if (!colon || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, arg, n);
	buf[n] = '\0';
	return parse_id(buf, uid) < 0 || parse_id(colon + 1, gid) < 0 ? -EINVAL : 0;
}

/* -c LIST: controllers by their v1 or v2 names, and name=NAME. */
static int parse_controllers(struct cgctl_opts *o, const char *arg)
{
	static char copy[512];
	char *save = NULL;

	if (strlen(arg) >= sizeof(copy) || !*arg)
		return nsk_usage_err("-c %s: not a list of controllers", arg);
	strcpy(copy, arg);
	o->ctrls_given = arg;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		int ctrl = cg_ctrl_from_name(w);

		if (!strncmp(w, "name=", 5) && w[5] && cg_name_check(w + 5) == 0 &&
		    !strchr(w + 5, '/') && o->nnames < MAX_NAMED)
			o->names[o->nnames++] = w + 5;
		else if (ctrl >= 0)
			o->ctrls |= CG_BIT(ctrl);
		else
			return nsk_usage_err("-c %s: %s is not a controller (cpu, memory, io, pids, "
					     "cpuset, freezer, devices, ...) nor name=NAME", arg, w);
	}
	return 0;
}

static int parse_option(struct cgctl_opts *o, int c, const char *arg)
{
	int64_t sec;
	long nsec;
	int r;

	if ((r = add_limit(o, c, arg)) != 0)
		return r < 0 ? r : 0;
	switch (c) {
	case OPT_PARENT: o->parent = arg; return 0;
	case OPT_CREATE: o->create = true; return 0;
	case OPT_RM: o->rm = true; return 0;
	case OPT_TREE: o->tree = true; return 0;
	case OPT_KILL: o->kill = true; return 0;
	case OPT_SECCOMP:
	case OPT_SECCOMP_LOG:
		return opts_seccomp_option(c == OPT_SECCOMP_LOG, arg, &o->exec);
	case OPT_DEFAULT_SIGNAL: return opts_default_signal_option(arg, &o->exec);
	case 't':
		if (o->ntargets == MAX_TARGETS)
			return nsk_usage_err("too many targets");
		o->targets[o->ntargets++] = arg;
		return 0;
	case 'c':
		return parse_controllers(o, arg);
	case OPT_EXIST_OK: o->exist_ok = true; return 0;
	case OPT_COPY_FROM:
		if (!*arg || cg_name_check(arg) < 0)
			return nsk_usage_err("--copy-from %s: not a group name", arg);
		o->copy_from = arg;
		return 0;
	case OPT_ADMIN_OWNER:
	case OPT_TASK_OWNER: {
		bool admin = c == OPT_ADMIN_OWNER;
		uint32_t uid, gid;

		if (parse_owner(arg, &uid, &gid) < 0)
			return nsk_usage_err("--%s %s: not UID:GID", admin ? "admin-owner" : "task-owner",
					     arg);
		*(admin ? &o->admin_owner : &o->task_owner) = true;
		*(admin ? &o->admin_uid : &o->task_uid) = uid;
		*(admin ? &o->admin_gid : &o->task_gid) = gid;
		return 0;
	}
	case 's':
		if (parse_signal(arg, &o->signal) < 0)
			return nsk_usage_err("--signal %s: not a signal", arg);
		return 0;
	case OPT_TIMEOUT:
		if (parse_seconds(arg, &sec, &nsec) < 0 || sec < 0 || sec > 86400 * 366)
			return nsk_usage_err("--timeout %s: not a number of seconds", arg);
		o->timeout_ms = (long)sec * 1000 + nsec / 1000000;
		return 0;
	}
	return out_opts_option(&o->out, c, arg) ? 0 : -EINVAL;
}

/* A positional argument: the group, a KEY=VALUE (set), a KEY (get), or
 * the start of the command (exec). Returns 1 when the rest is the command. */
static int positional(struct cgctl_opts *o, char *arg)
{
	if (!o->group) {
		o->group = arg;
		return 0;
	}
	if (o->cmd == CMD_EXEC)
		return 1;
	if (o->cmd == CMD_SET || o->cmd == CMD_CREATE) {
		char *eq = strchr(arg, '=');
		if (!eq || eq == arg)
			return nsk_usage_err("%s: not KEY=VALUE", arg);
		*eq = '\0';
		return add_setting(o, arg, eq + 1);
	}
	if (o->cmd == CMD_GET && o->nkeys < MAX_SETTINGS) {
		o->keys[o->nkeys++] = arg;
		return 0;
	}
	return nsk_usage_err("%s: unexpected argument", arg);
}

static bool has_limits(const struct cgctl_opts *o)
{
	return o->nset > 0;
}

/* Options that belong to some subcommands only. */
static int check_options(struct cgctl_opts *o)
{
	enum cmd c = o->cmd;

	if (!o->group && c != CMD_LIST)
		return nsk_usage_err("%s: no group given", cmd_names[c]);
	if (o->group && !*o->group)
		return nsk_usage_err("%s: empty group name", cmd_names[c]);
	if (!o->group)
		o->group = "";
	if (!o->parent && (o->parent = getenv("CGCTL_PARENT")))
		o->parent_from_env = true;
	for (unsigned i = 0; i < o->nset; i++)
		if (o->set[i].too_long) {
			char name[512];
			nsk_err("%s: %s: value too long (at most %zu characters)", o->group,
				setting_name(&o->set[i], name, sizeof(name)),
				sizeof(o->set[i].value) - 1);
			return -EINVAL;
		}
	if (has_limits(o) && c != CMD_CREATE && c != CMD_SET && c != CMD_ATTACH && c != CMD_EXEC)
		return nsk_usage_err("limits go with create, set, attach and exec");
	if (o->create && c != CMD_ATTACH && c != CMD_EXEC)
		return nsk_usage_err("--create goes with attach and exec");
	if (o->rm && c != CMD_EXEC)
		return nsk_usage_err("--rm goes with exec");
	if (o->ntargets && c != CMD_ATTACH)
		return nsk_usage_err("-t goes with attach");
	if (c != CMD_STAT && c != CMD_LIST && opts_output_refuse(&o->out, "goes with stat and list") < 0)
		return -EINVAL;
	if (o->tree && c != CMD_LIST)
		return nsk_usage_err("--tree goes with list");
	if (o->signal && c != CMD_KILL)
		return nsk_usage_err("--signal goes with kill");
	if (o->timeout_ms >= 0 && c != CMD_WAIT)
		return nsk_usage_err("--timeout goes with wait");
	if (o->kill && c != CMD_DELETE)
		return nsk_usage_err("--kill goes with delete");
	if ((o->exec.seccomp_name || o->exec.seccomp_log) && c != CMD_EXEC)
		return nsk_usage_err("--seccomp and --seccomp-log go with exec");
	if (!sigisemptyset(&o->exec.default_signals) && c != CMD_EXEC)
		return nsk_usage_err("--default-signal goes with exec");
	if ((o->exist_ok || o->copy_from || o->admin_owner || o->task_owner) && c != CMD_CREATE)
		return nsk_usage_err("--exist-ok, --copy-from and the owners go with create");
	if (c == CMD_SET && !o->nset)
		return nsk_usage_err("set: nothing to set");
	if (c == CMD_GET && !o->nkeys)
		return nsk_usage_err("get: no key given");
	if (c == CMD_EXEC && !o->argv[0])
		return nsk_usage_err("exec: no command given");
	if (!o->signal)
		o->signal = SIGKILL;
	/* Read and checked before any group is made. */
	if (opts_seccomp_load(&o->exec) < 0)
		return -EINVAL;
	return 1;
}

static int parse_cmd(const char *name, struct cgctl_opts *o)
{
	int i = parse_choice(name, cmd_names);

	if (i < 0)
		return nsk_usage_err("%s: unknown subcommand", name);
	o->cmd = (enum cmd)i;
	return 0;
}

int cgctl_parse_args(int argc, char **argv, struct cgctl_opts *o)
{
	bool have_cmd = false;
	int c, r;

	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, "+:t:s:c:o:nrJuhV", longopts, NULL);
		if (c == -1) {
			bool dashdash = optind > 1 && !strcmp(argv[optind - 1], "--");
			if (optind >= argc)
				break;
			if (dashdash && have_cmd && o->group && o->cmd == CMD_EXEC)
				break;
			if (!have_cmd) {
				if (parse_cmd(argv[optind++], o) < 0)
					return -EINVAL;
				have_cmd = true;
				continue;
			}
			if ((r = positional(o, argv[optind])) < 0)
				return -EINVAL;
			if (r > 0)
				break;
			optind++;
			continue;
		}
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
	if (!have_cmd)
		return nsk_usage_err("no subcommand given");
	o->argv = argv + optind;
	if (o->cmd != CMD_EXEC && o->argv[0])
		return nsk_usage_err("%s: unexpected argument", o->argv[0]);
	return check_options(o);
}

/* The controllers a run may touch: for create, set, attach and exec
 * those a group is made for, those of -c and those of the keys given;
 * for the other subcommands any (cg_sys_load_for). */
static unsigned ctrls_used(const struct cgctl_opts *o)
{
	unsigned ctrls = CG_DEFAULT_CTRLS | o->ctrls;

	if (o->cmd != CMD_CREATE && o->cmd != CMD_SET && o->cmd != CMD_ATTACH &&
	    o->cmd != CMD_EXEC)
		return ~0u;
	for (unsigned i = 0; i < o->nset; i++) {
		int c = cgkey_ctrl(NULL, o->set[i].key);	/* an unknown key is refused */
		if (c >= 0)
			ctrls |= CG_BIT(c);
	}
	return ctrls;
}

int main(int argc, char **argv)
{
	static int (*const run[])(const struct cgctl_opts *, struct cgctl_ctx *) = {
		[CMD_CREATE] = cmd_create, [CMD_SET] = cmd_set, [CMD_GET] = cmd_get,
		[CMD_ATTACH] = cmd_attach, [CMD_EXEC] = cmd_exec, [CMD_STAT] = cmd_stat,
		[CMD_LIST] = cmd_list, [CMD_FREEZE] = cmd_freeze, [CMD_THAW] = cmd_freeze,
		[CMD_KILL] = cmd_kill, [CMD_WAIT] = cmd_wait, [CMD_DELETE] = cmd_delete,
	};
	struct cgctl_opts o = { .timeout_ms = -1, .exec = { .keep_fds = FDKEEP_INIT } };
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct cgctl_ctx c;
	int r = cgctl_parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	if ((o.cmd == CMD_STAT || o.cmd == CMD_LIST) && (r = out_load(&f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	if ((r = cg_sys_load_for(&c.sys, o.nnames > 0, ctrls_used(&o))) < 0 ||
	    c.sys.layout == CG_LAYOUT_NONE) {
		nsk_err("/proc/self/mountinfo: %s", r < 0 ? strerror(-r) : "no cgroup hierarchy is mounted");
		return EXIT_TOOL_FAILED;
	}
	cgkey_ctx_from_sys(&c.sys, &c.keys);
	memset(&c.g, 0, sizeof(c.g));
	r = run[o.cmd](&o, &c);
	cg_group_free(&c.g);
	cg_sys_free(&c.sys);
	return r;
}
