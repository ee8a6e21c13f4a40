/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgctl: create, limit, join, watch, freeze, kill and remove cgroups on
 * every layout (DESIGN.md, "cgroups"). Shared between the subcommands. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

#include "cggroup.h"
#include "cgkeys.h"
#include "cgroup.h"
#include "cgstate.h"
#include "exec.h"
#include "output.h"

enum cmd {
	CMD_CREATE, CMD_SET, CMD_GET, CMD_ATTACH, CMD_EXEC, CMD_STAT, CMD_LIST, CMD_FREEZE,
	CMD_THAW, CMD_KILL, CMD_WAIT, CMD_DELETE,
};

#define MAX_SETTINGS 32
#define MAX_TARGETS 32
#define MAX_NAMED 8

/* KEY=VALUE, from an argument or a flag (--memory 64M: memory.max=64M). */
struct setting {
	const char *key;
	char value[160];
	const char *given;	/* the value as given, for messages */
	const char *flag;	/* the flag that gave it ("cpus"), NULL: KEY=VALUE */
	const char *takes;	/* what the flag takes, for messages ("a size or max") */
	bool too_long;		/* the value did not fit */
	bool bad_flag;		/* the flag's value is not in the flag's syntax */
};

struct nsk_failure;

/* How messages name a setting: as the user wrote it, "--cpus 1.5" for a
 * flag, "cpu.max=150000" for KEY=VALUE. Into buf; returns buf. */
const char *setting_name(const struct setting *s, char *buf, size_t size);
/* Word err, the setting's refusal, in f's detail: a bad value of a flag
 * in the flag's own terms ("not a number of CPUs ..."), anything else as
 * cgkey_explain words it for the key. Returns err. */
int setting_explain(const struct setting *s, struct nsk_failure *f, int err);

struct cgctl_opts {
	enum cmd cmd;
	const char *group;
	const char *parent;
	bool parent_from_env;		/* parent is $CGCTL_PARENT, not --parent */
	struct setting set[MAX_SETTINGS];
	unsigned nset;
	const char *keys[MAX_SETTINGS];	/* get */
	unsigned nkeys;
	const char *targets[MAX_TARGETS];	/* attach -t */
	unsigned ntargets;
	bool create, rm, tree, kill;
	struct out_opts out;		/* stat, list: -o, --output-all, -n, -r, -J, -u */
	bool exist_ok;			/* create: an existing group is fine */
	const char *copy_from;		/* create: take the limits of this group */
	bool admin_owner, task_owner;	/* create: chown for delegation */
	uid_t admin_uid, task_uid;
	gid_t admin_gid, task_gid;
	const char *ctrls_given;	/* -c LIST as given; NULL: the default set */
	unsigned ctrls;			/* -c: CG_BIT()s of the controllers named */
	const char *names[MAX_NAMED];	/* -c name=NAME: named v1 hierarchies */
	unsigned nnames;
	int signal;
	long timeout_ms;		/* -1: none */
	char **argv;			/* exec: the command */
	struct exec_opts exec;		/* exec: --seccomp, --seccomp-log and
					 * --default-signal only */
};

/* A loaded layout and a group resolved in it. */
struct cgctl_ctx {
	struct cg_sys sys;
	struct cgkey_ctx keys;
	struct cg_group g;
};

int cgctl_parse_args(int argc, char **argv, struct cgctl_opts *o);

/* Subcommands: each returns the exit status. */
int cmd_create(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_set(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_get(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_attach(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_exec(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_freeze(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_kill(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_wait(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_delete(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_stat(const struct cgctl_opts *o, struct cgctl_ctx *c);
int cmd_list(const struct cgctl_opts *o, struct cgctl_ctx *c);
/* stat's and list's columns (GROUP, then the figures), for --help. */
const struct out_column *cgctl_columns(void);
unsigned cgctl_ncolumns(void);

/* The hierarchies a subcommand acts in: those of -c, else those of
 * dflt_ctrls (and v2) as cg_hiers_for. Prints why when -c names none
 * that is mounted, and returns 0 then. */
unsigned cgctl_hiers(const struct cgctl_opts *o, const struct cg_sys *sys, unsigned dflt_ctrls);

/* Resolve o->group in every hierarchy where it exists; prints why not. */
int open_existing(const struct cgctl_opts *o, struct cgctl_ctx *c);
