/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mkprop: change mount propagation, then run a command (cf. mount
 * --make-[r]private etc.), or show it.
 *
 *   mkprop [-t PID|-] (--private|--shared|--slave|--unbindable) [-r] PATH... [-- CMD]
 *   mkprop --show [-t PID] [PATH...] [-o LIST] [--output-all] [-n] [--raw] [-J] [-u]
 *
 * The change is one mount_setattr(2) per PATH (AT_RECURSIVE for -r), so
 * its cost does not grow with the number of mounts; mountinfo is read only
 * to show, or to explain an error. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cleanup.h"
#include "cmdline.h"
#include "dl-smartcols.h"
#include "err.h"
#include "exec.h"
#include "join.h"
#include "mnt.h"
#include "mntshow.h"
#include "mountinfo.h"
#include "opts.h"
#include "output.h"
#include "target.h"

struct mkprop_opts {
	unsigned long type;		/* MS_PRIVATE ...; 0: none given */
	const char *type_option;	/* the option that gave it */
	bool recursive, show;
	struct out_opts out;		/* --show: -o, --output-all, -n, --raw, -J, -u */
	const char *target;		/* -t: NULL, PID, PID:INODE or "-" */
	char **paths;
	int npaths;
	char **argv;			/* the command, NULL: none */
	struct exec_opts exec;		/* --default-signal only */
};

enum {
	OPT_PRIVATE = CHAR_MAX + 1, OPT_SHARED, OPT_SLAVE, OPT_UNBINDABLE, OPT_SHOW,
	OPT_DEFAULT_SIGNAL,
};

static const struct option longopts[] = {
	{ "private", no_argument, NULL, OPT_PRIVATE },
	{ "shared", no_argument, NULL, OPT_SHARED },
	{ "slave", no_argument, NULL, OPT_SLAVE },
	{ "unbindable", no_argument, NULL, OPT_UNBINDABLE },
	{ "recursive", no_argument, NULL, 'r' },
	{ "show", no_argument, NULL, OPT_SHOW },
	{ "default-signal", optional_argument, NULL, OPT_DEFAULT_SIGNAL },
	/* -r is --recursive (mount's --make-r*): --raw has no short form */
	OUT_LONGOPTS(OUT_OPT_RAW),
	{ "target", required_argument, NULL, 't' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Propagation options, the flag each sets and its name. */
static const struct {
	int option;
	unsigned long flag;
	const char *name;
} types[] = {
	{ OPT_PRIVATE, MS_PRIVATE, "private" },
	{ OPT_SHARED, MS_SHARED, "shared" },
	{ OPT_SLAVE, MS_SLAVE, "slave" },
	{ OPT_UNBINDABLE, MS_UNBINDABLE, "unbindable" },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " mkprop [-t PID|-] (--private|--shared|--slave|--unbindable) [-r] PATH... [-- command...]\n"
	      " mkprop --show [-t PID] [PATH...] [output options]\n"
	      "\n"
	      "Change the propagation of mount points, then run a command; or show it.\n"
	      "\n"
	      "Options:\n"
	      "     --private          receive and send no mount events\n"
	      "     --shared           join a peer group: send and receive mount events\n"
	      "     --slave            receive mount events from the peer group, send none\n"
	      "     --unbindable       private, and refuse to be bind mounted\n"
	      " -r, --recursive        also every mount beneath each PATH\n"
	      " -t, --target PID       act in the mount namespace of process PID\n"
	      "                        (PID:INODE, or - to read the handle from stdin)\n"
	      "     --show             show the propagation of each mount (or of PATHs)\n"
	      "     --default-signal[=SIGS]\n"
	      "                        start the command with SIGS (comma list; default\n"
	      "                          all) at their default action, not ignored\n"
	      " -h, --help             show this help\n"
	      " -V, --version          show the version\n"
	      "\n"
	      "Output options (with --show; -r is --recursive, so --raw is long only):\n",
	      stdout);
	out_help_options(stdout, false, 24);
	out_help_columns(stdout, "Available output columns:", mntshow_columns, MNTSHOW_NCOLS);
	fputs("\nExit status: the command's if one is run; 0 on success; 125 if mkprop\n"
	      "failed; 126 if the command cannot run; 127 if it was not found.\n"
	      "See mkprop(1) and nskit(7).\n",
	      stdout);
}

static int set_type(struct mkprop_opts *o, int c)
{
	for (size_t i = 0; i < ELEMENTSOF(types); i++) {
		if (types[i].option != c)
			continue;
		if (o->type && o->type != types[i].flag)
			return nsk_usage_err("--%s and --%s: choose one", o->type_option,
					     types[i].name);
		o->type = types[i].flag;
		o->type_option = types[i].name;
		return 0;
	}
	return -EINVAL;
}

static int check_options(struct mkprop_opts *o)
{
	if (o->show) {
		if (o->type)
			return nsk_usage_err("--show does not go with --%s", o->type_option);
		if (o->recursive)
			return nsk_usage_err("--show does not go with --recursive");
		if (o->argv)
			return nsk_usage_err("--show runs no command");
	}
	if (!sigisemptyset(&o->exec.default_signals) && !o->argv)
		return nsk_usage_err("--default-signal goes with a command");
	if (o->show)
		return 1;
	if (opts_output_refuse(&o->out, "goes with --show") < 0)
		return -EINVAL;
	if (!o->type)
		return nsk_usage_err("no propagation given: --private, --shared, --slave or --unbindable");
	if (o->npaths == 0)
		return nsk_usage_err("no mount point given");
	return 1;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct mkprop_opts *o = opts;

	switch (c) {
	case 'r': o->recursive = true; return 0;
	case 't': o->target = arg; return 0;
	case OPT_SHOW: o->show = true; return 0;
	case OPT_DEFAULT_SIGNAL: return opts_default_signal_option(arg, &o->exec);
	}
	if (out_opts_option(&o->out, c, arg))
		return 0;
	return set_type(o, c);
}

static int parse_args(int argc, char **argv, struct mkprop_opts *o)
{
	int end = cmdline_split(argc, argv);
	int r = opts_parse(end, argv, ":rt:o:nJuhV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	o->paths = argv + optind;
	o->npaths = end - optind;
	if (end < argc) {
		if (end + 1 == argc)
			return nsk_usage_err("'--' with no command after it");
		o->argv = argv + end + 1;
	}
	return check_options(o);
}

/* ---- the target's mount namespace ---- */

/* Open the target (-t) and enter its mount namespace: paths are then
 * resolved there, from its root. */
static int enter_target(const struct mkprop_opts *o, struct target *t)
{
	const struct ns_type *failed;
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = target_open(t, o->target, &f);

	if (r < 0) {
		nsk_err_failure(&f, r);
		return -1;
	}
	/* The pidfd, or before 5.8 ns/mnt under the /proc/PID that
	 * target_open checked against it. */
	if ((r = join_target(t->pidfd, t->procfd, CLONE_NEWNS, &failed)) == 0)
		return 0;
	if (r == -ESRCH || target_alive(t) == -ESRCH)
		nsk_err_failure(&f, target_fail(t, -ESRCH, &f));
	else
		nsk_err("process %d: entering its mount namespace: %s", (int)t->pid, strerror(-r));
	return -1;
}

/* The mount table of the namespace we act in. */
static int read_mountinfo(const struct target *t, struct mountinfo *ret, const char **ret_file)
{
	size_t bad_line;
	int r;

	/* After setns, /proc (if any) is the target's: go through the
	 * /proc/PID directory opened before. */
	*ret_file = "/proc/self/mountinfo";
	if (t->procfd >= 0) {
		static char file[64];
		snprintf(file, sizeof(file), "/proc/%d/mountinfo", (int)t->pid);
		*ret_file = file;
		r = mountinfo_read_at(t->procfd, "mountinfo", ret, &bad_line);
	} else {
		r = mountinfo_read_at(AT_FDCWD, *ret_file, ret, &bad_line);
	}
	if (r == -EINVAL)
		nsk_err("%s: line %zu: not a mountinfo line", *ret_file, bad_line);
	return r;
}

/* The mount PATH is on: by its mount id, else by its canonical path. */
static const struct mnt_entry *mount_of(const struct mountinfo *mi, const char *path)
{
	_cleanup_free_ char *real = NULL;
	int id;

	if (mnt_id_of(path, &id) == 0 && mountinfo_find_id(mi, id))
		return mountinfo_find_id(mi, id);
	real = realpath(path, NULL);
	return real ? mountinfo_find_path(mi, real) : NULL;
}

/* PATH exists but is not a mount point: say so, and name its mount. */
static void explain_not_mount_point(const struct target *t, const char *path)
{
	struct mountinfo mi = MOUNTINFO_INIT;
	const char *file;
	const struct mnt_entry *e = NULL;

	if (read_mountinfo(t, &mi, &file) == 0)
		e = mount_of(&mi, path);
	if (e)
		nsk_err("%s: not a mount point (it is on the mount at %s)", path, e->target);
	else
		nsk_err("%s: not a mount point", path);
	mountinfo_free(&mi);
}

/* ---- changing propagation ---- */

/* Every path a mount point before any is changed, so that a bad PATH
 * leaves the others as they were. */
static int check_paths(const struct mkprop_opts *o, const struct target *t)
{
	for (int i = 0; i < o->npaths; i++) {
		int r = mnt_is_mount_point(o->paths[i]);
		if (r == 0) {
			explain_not_mount_point(t, o->paths[i]);
			return -1;
		}
		if (r < 0 && r != -EOPNOTSUPP) {
			nsk_err("%s: %s", o->paths[i], strerror(-r));
			return -1;
		}
	}
	return 0;
}

static int change_all(const struct mkprop_opts *o, const struct target *t)
{
	for (int i = 0; i < o->npaths; i++) {
		int r = mnt_set_propagation(o->paths[i], o->type, o->recursive);
		if (r == -EINVAL && mnt_is_mount_point(o->paths[i]) == 0) {
			explain_not_mount_point(t, o->paths[i]);
			return -1;
		}
		if (r < 0) {
			nsk_err("%s: making it %s%s: %s", o->paths[i],
				o->recursive ? "recursively " : "", o->type_option, strerror(-r));
			return -1;
		}
	}
	return 0;
}

/* mkprop changes no credential or capability, so the command needs no
 * exec_prepare: only --default-signal's dispositions, the exec and its
 * status. */
static int exec_cmd(const struct mkprop_opts *o)
{
	int r;

	exec_default_signals(&o->exec.default_signals);
	r = exec_command(o->argv);
	return nsk_exec_error(o->argv[0], r);
}

static int run_change(const struct mkprop_opts *o, struct target *t)
{
	int r;

	if (check_paths(o, t) < 0 || change_all(o, t) < 0)
		return EXIT_TOOL_FAILED;
	if (o->argv)
		return exec_cmd(o);
	if ((r = target_echo(t)) < 0) {
		nsk_err("stdout: writing the handle: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return EXIT_SUCCESS;
}

/* ---- showing propagation ---- */

/* The rows: every mount, or the mount each PATH is on. */
static int add_rows(struct libscols_table *tb, const struct mkprop_opts *o,
		    const struct out_selection *sel, const struct mountinfo *mi)
{
	if (o->npaths == 0) {
		for (size_t i = 0; i < mi->count; i++)
			if (mntshow_add_row(tb, &mi->entries[i], sel) < 0)
				return -ENOMEM;
		return 0;
	}
	for (int i = 0; i < o->npaths; i++) {
		const struct mnt_entry *e;
		if (access(o->paths[i], F_OK) < 0) {
			nsk_err("%s: %s", o->paths[i], strerror(errno));
			return -errno;
		}
		if (!(e = mount_of(mi, o->paths[i]))) {
			nsk_err("%s: no mount of the table holds it", o->paths[i]);
			return -ENOENT;
		}
		if (mntshow_add_row(tb, e, sel) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int run_show(const struct mkprop_opts *o, const struct target *t)
{
	static const unsigned defaults[] = {
		MNTSHOW_ID, MNTSHOW_PARENT, MNTSHOW_PROPAGATION, MNTSHOW_PEER, MNTSHOW_MASTER,
		MNTSHOW_OPTIONAL, MNTSHOW_TARGET,
	};
	struct mountinfo mi = MOUNTINFO_INIT;
	struct out_selection sel;
	struct libscols_table *tb;
	const char *file;
	int r;

	if (opts_output_select(&o->out, mntshow_columns, MNTSHOW_NCOLS, defaults,
			       ELEMENTSOF(defaults), &sel) < 0)
		return EXIT_TOOL_FAILED;
	if ((r = read_mountinfo(t, &mi, &file)) < 0) {
		if (r != -EINVAL)
			nsk_err("%s: %s", file, strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	tb = out_table_new_selected(&o->out, mntshow_columns, &sel, false, "mounts");
	if (!tb) {
		nsk_err("table: %s", strerror(ENOMEM));
		mountinfo_free(&mi);
		return EXIT_TOOL_FAILED;
	}
	r = add_rows(tb, o, &sel, &mi);
	if (r == -ENOMEM)
		nsk_err("table: %s", strerror(ENOMEM));
	if (r < 0) {
		out_table_free(tb);
		mountinfo_free(&mi);
		return EXIT_TOOL_FAILED;
	}
	r = out_table_print(tb, NULL);
	mountinfo_free(&mi);
	if (r < 0 || fflush(stdout) != 0) {
		nsk_err("stdout: %s", strerror(r < 0 ? -r : errno));
		return EXIT_TOOL_FAILED;
	}
	return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	struct mkprop_opts o = { .type = 0 };
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct target t = TARGET_INIT;
	int r = parse_args(argc, argv, &o);

	if (r <= 0)
		return r < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	/* the table's library is the host's: opened before -t enters a
	 * mount namespace (lib/dl) */
	if (o.show && (r = out_load(&f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	if (o.target && enter_target(&o, &t) < 0)
		return EXIT_TOOL_FAILED;
	return o.show ? run_show(&o, &t) : run_change(&o, &t);
}
