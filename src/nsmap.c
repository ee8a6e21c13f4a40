/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsmap: write the uid and gid maps of a user namespace from outside
 * (cf. newuidmap(1), newgidmap(1)).
 *
 *   nsmap [-t PID|PID:INODE|-] [--uid I:O:C]... [--gid I:O:C]... [--root]
 *         [--auto[=USER]] [--setgroups allow|deny] [--dry-run]
 *   nsmap --show [-t PID|-] [--json]
 *
 * Every rule is checked before anything is written (lib/mapwrite.c), so a
 * refused request leaves the target as it was. nsmap may be installed
 * setuid root or with file capabilities: its first act is to keep only
 * CAP_SETUID and CAP_SETGID (lib/privs.c), and the policy (lib/idpolicy.c)
 * is applied to the real uid. */
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "dl-smartcols.h"
#include "err.h"
#include "idmap.h"
#include "idpolicy.h"
#include "init.h"
#include "mapwrite.h"
#include "nsmap.h"
#include "output.h"
#include "opts.h"
#include "parse.h"
#include "privs.h"
#include "target.h"

struct nsmap_opts {
	bool root, auto_map, dry_run, show;
	struct out_opts out;	/* --show: -o, --output-all, -n, -r, -J, -u */
	const char *auto_user;	/* --auto=USER */
	const char *target;
	int setid_held;		/* PRIVS_SETUID | PRIVS_SETGID kept at start */
	uid_t uid;		/* the real ids, read then */
	gid_t gid;
	struct mapwrite_request req;
	/* the maps' first ranges (IDMAP_INIT_ON): a request of a few, the common
	 * one, needs no heap (root's run then allocates nothing) */
	struct idmap_range uid_first[4], gid_first[4];
};

enum {
	OPT_UID = CHAR_MAX + 1, OPT_GID, OPT_ROOT, OPT_AUTO, OPT_SETGROUPS, OPT_DRY_RUN, OPT_SHOW,
};

static const struct option longopts[] = {
	{ "target", required_argument, NULL, 't' },
	{ "uid", required_argument, NULL, OPT_UID },
	{ "gid", required_argument, NULL, OPT_GID },
	{ "root", no_argument, NULL, OPT_ROOT },
	{ "auto", optional_argument, NULL, OPT_AUTO },
	{ "setgroups", required_argument, NULL, OPT_SETGROUPS },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "show", no_argument, NULL, OPT_SHOW },
	OUT_LONGOPTS('r'),
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* --show's columns: one row per range of uid_map, then of gid_map. */
enum { COL_MAP, COL_INNER, COL_OUTER, COL_COUNT, COL_NAME, COL_SETGROUPS, NCOLS };
static const struct out_column show_columns[NCOLS] = {
	[COL_MAP] = { "MAP", 3, 0, false, "uid or gid: the file the range is in" },
	[COL_INNER] = { "INNER", 10, SCOLS_FL_RIGHT, true, "first id inside the namespace" },
	[COL_OUTER] = { "OUTER", 10, SCOLS_FL_RIGHT, true, "first id outside (in the parent)" },
	[COL_COUNT] = { "COUNT", 10, SCOLS_FL_RIGHT, true, "number of ids in the range" },
	[COL_NAME] = { "NAME", 8, 0, false, "user or group name of OUTER" },
	[COL_SETGROUPS] = { "SETGROUPS", 5, 0, false, "allow or deny: /proc/PID/setgroups" },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " nsmap [-t PID|PID:INODE|-] [--uid INNER:OUTER:COUNT]... [--gid INNER:OUTER:COUNT]...\n"
	      "       [--root] [--auto[=USER]] [--setgroups allow|deny] [--dry-run]\n"
	      " nsmap --show [-t PID|PID:INODE|-] [output options]\n"
	      "\n"
	      "Write the uid and gid maps of a process's user namespace, all or nothing.\n"
	      "The target comes from -t or, as a handle, from stdin (then echoed to stdout).\n"
	      "\n"
	      "Options:\n"
	      " -t, --target PID           the process whose user namespace to map\n"
	      "     --uid INNER:OUTER:COUNT  map COUNT uids from OUTER on to INNER on (repeatable)\n"
	      "     --gid INNER:OUTER:COUNT  the same for gids (repeatable)\n"
	      "     --root                 map your own uid and gid to 0\n"
	      "     --auto[=USER]          map your (USER's) uid and gid to 0 and every range\n"
	      "                            /etc/subuid and /etc/subgid grant from 1 on\n"
	      "     --setgroups MODE       allow|deny setgroups(2) in the namespace\n"
	      "     --dry-run              check, print what would be written, write nothing\n"
	      "     --show                 print the target's maps and setgroups\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Output options (with --show):\n",
	      stdout);
	out_help_options(stdout, true, 28);
	out_help_columns(stdout, "Available output columns:", show_columns, ELEMENTSOF(show_columns));
	fputs("\nUnless run by root, only your own uid and gid and the ranges /etc/subuid and\n"
	      "/etc/subgid grant you can be mapped. Exit status: 0, or 125 on failure.\n"
	      "See nsmap(1) and nskit(7).\n",
	      stdout);
}

static int parse_range_option(struct nsmap_opts *o, bool is_gid, const char *arg)
{
	struct idmap_range r;

	if (idmap_parse_range(arg, &r) < 0)
		return nsk_usage_err("--%s %s: not INNER:OUTER:COUNT (decimal ids)",
				     is_gid ? "gid" : "uid", arg);
	mapwrite_add(&o->req, is_gid, r);
	return 0;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct nsmap_opts *o = opts;

	static const char *const setgroups_modes[] = { "deny", "allow", NULL };

	switch (c) {
	case 't': o->target = arg; return 0;
	case OPT_UID: return parse_range_option(o, false, arg);
	case OPT_GID: return parse_range_option(o, true, arg);
	case OPT_ROOT: o->root = true; return 0;
	case OPT_AUTO:
		if (arg && !*arg)
			return nsk_usage_err("--auto=: empty user name");
		o->auto_map = true;
		o->auto_user = arg;
		return 0;
	case OPT_SETGROUPS:
		if ((o->req.setgroups = parse_choice(arg, setgroups_modes)) < 0)
			return nsk_usage_err("--setgroups %s: not allow or deny", arg);
		return 0;
	case OPT_DRY_RUN: o->dry_run = true; return 0;
	case OPT_SHOW: o->show = true; return 0;
	}
	return out_opts_option(&o->out, c, arg) ? 0 : -EINVAL;
}

static int check_options(const struct nsmap_opts *o, int argc, char **argv)
{
	bool maps = o->req.uid_asked || o->req.gid_asked || o->root || o->auto_map ||
		    o->req.setgroups >= 0;

	if (optind < argc)
		return nsk_usage_err("unexpected argument '%s'", argv[optind]);
	if (o->show)
		return maps || o->dry_run ? nsk_usage_err("--show takes only -t and the output options") : 1;
	if (opts_output_refuse(&o->out, "goes with --show") < 0)
		return -EINVAL;
	if (!maps)
		return nsk_usage_err("nothing to write: give --uid, --gid, --root, --auto or "
				     "--setgroups");
	if (o->root && o->auto_map)
		return nsk_usage_err("--root and --auto both map your ids to 0: give one");
	return 1;
}

static int parse_args(int argc, char **argv, struct nsmap_opts *o)
{
	int r = opts_parse(argc, argv, ":t:o:nrJuhV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	return check_options(o, argc, argv);
}

static int open_target(struct target *t, const char *arg, struct nsk_failure *f)
{
	int r = target_open(t, arg, f);

	if (r < 0)
		nsk_err_failure(f, r);
	return r;
}

/* ---- writing ---- */

static void print_map(pid_t pid, const char *file, const struct idmap *m)
{
	for (unsigned i = 0; i < m->count; i++)
		printf("/proc/%d/%s: %u %u %u\n", (int)pid, file, m->ranges[i].inner,
		       m->ranges[i].outer, m->ranges[i].count);
}

/* --dry-run: what would be written, in the order it would be. */
static void print_plan(pid_t pid, const struct mapwrite_request *req, int setgroups)
{
	if (setgroups >= 0)
		printf("/proc/%d/setgroups: %s\n", (int)pid, setgroups ? "allow" : "deny");
	print_map(pid, "uid_map", &req->uid);
	print_map(pid, "gid_map", &req->gid);
	fflush(stdout);
}

static int build_request(struct nsmap_opts *o, const struct idpolicy_caller *c,
			 struct nsk_failure *f)
{
	if (o->root)
		mapwrite_add_root(&o->req, c);
	if (o->auto_map)
		return mapwrite_add_auto(&o->req, c, o->auto_user, f);
	return 0;
}

/* The maps are written once each and cannot be taken back: a signal that
 * would end nsmap between them is held back until all are written, and
 * ends it then (128+N), the maps whole. */
static int apply_whole(const struct target *t, const struct mapwrite_request *req,
		       const struct mapwrite_plan *plan, const struct idpolicy_caller *c,
		       struct nsk_failure *f)
{
	sigset_t mask;
	int r;

	init_hold_ending(&mask);
	r = mapwrite_apply(t, req, plan, c, f);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	return r;
}

static int run_map(struct nsmap_opts *o, struct nsk_failure *f)
{
	struct idpolicy_caller caller;
	struct target t = TARGET_INIT;
	struct mapwrite_plan plan;
	int r;

	if (open_target(&t, o->target, f) < 0)
		return EXIT_TOOL_FAILED;
	r = idpolicy_caller_load(&caller, o->uid, o->gid, MAPWRITE_SUBUID, MAPWRITE_SUBGID, f);
	caller.may_setuid = o->setid_held & PRIVS_SETUID;
	caller.may_setgid = o->setid_held & PRIVS_SETGID;
	if (r == 0 && (r = build_request(o, &caller, f)) == 0) {
		r = mapwrite_check(&t, &o->req, &caller, &plan, f);
		if (o->dry_run)
			print_plan(t.pid, &o->req, r < 0 ? o->req.setgroups : plan.setgroups);
		if (r == 0 && !o->dry_run)
			r = apply_whole(&t, &o->req, &plan, &caller, f);
	}
	idpolicy_caller_release(&caller);
	if (r < 0) {
		nsk_err_failure(f, r);
		return EXIT_TOOL_FAILED;
	}
	/* A dry run's output is the plan, not the handle. */
	if (!o->dry_run && (r = target_echo(&t)) < 0) {
		nsk_err("stdout: writing the handle: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

/* ---- --show ---- */

/* The user or group name of an outer id, where it has one. */
static const char *outer_name(bool is_gid, uint32_t id)
{
	if (is_gid) {
		struct group *gr = getgrgid(id);
		return gr ? gr->gr_name : NULL;
	}
	struct passwd *pw = getpwuid(id);
	return pw ? pw->pw_name : NULL;
}

static int add_map_rows(struct libscols_table *tb, const struct out_selection *sel, bool is_gid,
			const struct idmap *m, const char *setgroups)
{
	for (unsigned i = 0; i < m->count; i++) {
		char inner[16], outer[16], count[16], name[256];
		const char *n = outer_name(is_gid, m->ranges[i].outer);
		const char *cells[] = { is_gid ? "gid" : "uid", inner, outer, count,
					n ? name : NULL, setgroups };
		int r;

		snprintf(inner, sizeof(inner), "%u", m->ranges[i].inner);
		snprintf(outer, sizeof(outer), "%u", m->ranges[i].outer);
		snprintf(count, sizeof(count), "%u", m->ranges[i].count);
		if (n)
			snprintf(name, sizeof(name), "%s", n);
		if ((r = out_table_add_selected(tb, sel, cells)) < 0)
			return r;
	}
	return 0;
}

static int read_maps(const struct target *t, struct idmap *uid, struct idmap *gid,
		     int *ret_setgroups)
{
	static const char *const files[] = { "uid_map", "gid_map" };
	struct idmap *maps[] = { uid, gid };
	int r;

	for (int i = 0; i < 2; i++)
		if ((r = idmap_read_at(t->procfd, files[i], maps[i])) < 0) {
			nsk_err("/proc/%d/%s: %s", (int)t->pid, files[i], strerror(-r));
			return r;
		}
	if ((*ret_setgroups = idmap_read_setgroups_at(t->procfd)) < 0) {
		nsk_err("/proc/%d/setgroups: %s", (int)t->pid, strerror(-*ret_setgroups));
		return *ret_setgroups;
	}
	/* The files were read through the /proc directory of the pidfd's
	 * process; if it has gone since, they may be a successor's. */
	if (target_alive(t) < 0) {
		nsk_err("process %d: has exited", (int)t->pid);
		return -ESRCH;
	}
	return 0;
}

static int run_show(const struct nsmap_opts *o, struct nsk_failure *f)
{
	static struct idmap uid, gid;
	struct target t = TARGET_INIT;
	static const unsigned defaults[] = { COL_MAP, COL_INNER, COL_OUTER, COL_COUNT, COL_NAME,
					     COL_SETGROUPS };
	struct out_selection sel;
	struct libscols_table *tb;
	const char *setgroups;
	int sg;

	if (opts_output_select(&o->out, show_columns, NCOLS, defaults, ELEMENTSOF(defaults),
			       &sel) < 0 ||
	    open_target(&t, o->target, f) < 0 || read_maps(&t, &uid, &gid, &sg) < 0)
		return EXIT_TOOL_FAILED;
	setgroups = sg ? "allow" : "deny";
	tb = out_table_new_selected(&o->out, show_columns, &sel, false, "idmap");
	if (!tb || add_map_rows(tb, &sel, false, &uid, setgroups) < 0 ||
	    add_map_rows(tb, &sel, true, &gid, setgroups) < 0 || out_table_print(tb, stdout) < 0) {
		nsk_err("printing the table: %s", strerror(ENOMEM));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

int main(int argc, char **argv)
{
	/* Initialized, so in .data: the page the loader's relocations wrote
	 * already (in .bss it may be a page of its own, another page fault on
	 * every run, bench/nsmap.sh), the maps' first ranges with them. */
	static struct nsmap_opts o = {
		.req = { .setgroups = -1, /* not asked */
			 .uid = IDMAP_INIT_ON(o.uid_first), .gid = IDMAP_INIT_ON(o.gid_first) },
	};
	/* The run's failure record, static too: 4.6 KiB written only on a
	 * failure, off the stack the steps after it use (page faults). */
	static struct nsk_failure f;
	int r;

	/* Before anything else: installed with privilege, keep only what
	 * writing maps needs, and read nothing from the environment. */
	if ((o.setid_held = privs_keep_setid_ids(&o.uid, &o.gid)) < 0) {
		nsk_err("dropping capabilities: %s", strerror(-o.setid_held));
		return EXIT_TOOL_FAILED;
	}
	/* Installed or linked as shadow's tools, nsmap is them. */
	if (!strcmp(program_invocation_short_name, "newuidmap") ||
	    !strcmp(program_invocation_short_name, "newgidmap"))
		return nsmap_shadow_main(argc, argv, program_invocation_short_name[3] == 'g');
	r = parse_args(argc, argv, &o);
	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	if (o.show && (r = out_load(&f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	return o.show ? run_show(&o, &f) : run_map(&o, &f);
}
