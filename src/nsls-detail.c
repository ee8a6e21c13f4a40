/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls -t: everything about one container, as a table per subject (with
 * -J one JSON object holding them all): its namespaces, maps, processes,
 * cgroups and their figures, links and routes, mounts, and the state and
 * capabilities of its first process. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caps.h"
#include "cgfigures.h"
#include "cggroup.h"
#include "cleanup.h"
#include "dl-smartcols.h"
#include "err.h"
#include "idmap.h"
#include "init.h"
#include "mntshow.h"
#include "mountinfo.h"
#include "netlink.h"
#include "netshow.h"
#include "nsls.h"
#include "procinfo.h"
#include "readfile.h"
#include "target.h"

/* The sections, printed one after another; with -J gathered into one
 * object (libsmartcols writes each table as an object of its own). */
struct sections {
	const struct nsls_opts *o;
	char *json;
	size_t len;
	FILE *out;		/* the JSON being gathered, else NULL */
	FILE *dest;		/* stdout, or stderr when the handle goes on down a pipe */
	int err;
	bool first;
};

static struct libscols_table *section(struct sections *x, const struct out_column *cols,
				      unsigned n, const char *name)
{
	struct libscols_table *tb = out_table_new(cols, n, x->o->out.mode & OUT_JSON, name);

	if (tb)
		out_table_set_mode(tb, x->o->out.mode);
	else
		x->err = -ENOMEM;
	return tb;
}

static void row(struct sections *x, struct libscols_table *tb, const char *const *cells,
		unsigned n)
{
	if (tb && out_table_add_row(tb, cells, n) < 0)
		x->err = -ENOMEM;
}

/* Print a section: as text with its name above it, or into the JSON. */
static void done(struct sections *x, struct libscols_table *tb, const char *title)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	if (!tb)
		return;
	if (!x->out) {
		if (!(x->o->out.mode & OUT_NOHEADINGS))
			fprintf(x->dest, "%s%s:\n", x->first ? "" : "\n", title);
		x->first = false;
		if (out_table_print(tb, x->dest) < 0)
			x->err = -EIO;
		return;
	}
	/* "{\n   "name": [...]\n}\n" -> "   "name": [...]" */
	if (!(f = open_memstream(&text, &len))) {
		x->err = -ENOMEM;
		scols_unref_table(tb);
		return;
	}
	if (out_table_print(tb, f) < 0)
		x->err = -EIO;
	fclose(f);
	char *open = text ? strchr(text, '{') : NULL, *close = text ? strrchr(text, '}') : NULL;
	if (open && close && close > open) {
		*close = '\0';
		while (close > open + 1 && (close[-1] == '\n' || close[-1] == ' '))
			*--close = '\0';
		fprintf(x->out, "%s%s", x->first ? "" : ",", open + 1);
		x->first = false;
	}
	free(text);
}

static const char *yes(bool b)
{
	return b ? "yes" : "no";
}

static void namespaces(struct sections *x, struct nsls_scan *s, const struct nsls_container *c,
		       const struct target *t)
{
	static const struct out_column cols[] = {
		{ "TYPE", 0, 0, false, NULL }, { "NS", 0, SCOLS_FL_RIGHT, true, NULL },
		{ "OWNER", 0, SCOLS_FL_RIGHT, true, NULL }, { "OWN", 0, 0, false, NULL },
		{ "NSFS", 0, 0, false, NULL },
	};
	struct libscols_table *tb = section(x, cols, ELEMENTSOF(cols), "namespaces");

	for (unsigned i = 0; i < ns_type_count; i++) {
		char ino[24], owner[24] = "", path[64], files[CELL_SIZE];
		uint64_t o;
		snprintf(ino, sizeof(ino), "%llu", (unsigned long long)c->ns[i]);
		snprintf(path, sizeof(path), "ns/%s", ns_types[i].proc_name);
		int fd = openat(t->procfd, path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && ns_related_inode(fd, false, &o) == 0)
			snprintf(owner, sizeof(owner), "%llu", (unsigned long long)o);
		if (fd >= 0)
			close(fd);
		nsls_nsfs_paths(s, i, c->ns[i], files, sizeof(files));
		const char *cells[] = { ns_types[i].proc_name, ino, *owner ? owner : NULL,
					yes(c->own & (1u << i)), *files ? files : NULL };
		row(x, tb, cells, ELEMENTSOF(cells));
	}
	done(x, tb, "Namespaces");
}

static void maps(struct sections *x, const struct target *t)
{
	static const struct out_column cols[] = {
		{ "MAP", 0, 0, false, NULL }, { "INNER", 0, SCOLS_FL_RIGHT, true, NULL },
		{ "OUTER", 0, SCOLS_FL_RIGHT, true, NULL }, { "COUNT", 0, SCOLS_FL_RIGHT, true, NULL },
	};
	struct libscols_table *tb = section(x, cols, ELEMENTSOF(cols), "maps");
	static const char *const files[] = { "uid_map", "gid_map" };
	_cleanup_idmap_ struct idmap m = IDMAP_EMPTY;

	for (unsigned f = 0; f < 2; f++) {
		if (idmap_read_at(t->procfd, files[f], &m) < 0)
			continue;
		for (unsigned i = 0; i < m.count; i++) {
			char in[16], out[16], n[16];
			snprintf(in, sizeof(in), "%u", m.ranges[i].inner);
			snprintf(out, sizeof(out), "%u", m.ranges[i].outer);
			snprintf(n, sizeof(n), "%u", m.ranges[i].count);
			const char *cells[] = { f ? "gid" : "uid", in, out, n };
			row(x, tb, cells, ELEMENTSOF(cells));
		}
	}
	done(x, tb, "Id maps");
}

static void processes(struct sections *x, struct nsls_scan *s, int ct)
{
	static const struct out_column cols[] = {
		{ "PID", 0, SCOLS_FL_RIGHT, true, NULL }, { "INNER", 0, SCOLS_FL_RIGHT, true, NULL },
		{ "PPID", 0, SCOLS_FL_RIGHT, true, NULL }, { "UID", 0, SCOLS_FL_RIGHT, true, NULL },
		{ "COMMAND", 0, SCOLS_FL_TRUNC, false, NULL },
	};
	struct libscols_table *tb = section(x, cols, ELEMENTSOF(cols), "processes");

	for (size_t i = 0; i < s->nprocs; i++) {
		const struct nsls_proc *p = &s->procs[i];
		char pid[16], inner[16] = "", ppid[16], uid[16], cmd[CELL_SIZE], path[32];
		char status[4096];
		pid_t in;
		if (p->container != ct)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/status", (int)p->pid);
		if (readfile_at(AT_FDCWD, path, status, sizeof(status)) > 0 &&
		    procinfo_parse_nspid(status, &in) == 0)
			snprintf(inner, sizeof(inner), "%d", (int)in);
		snprintf(pid, sizeof(pid), "%d", (int)p->pid);
		snprintf(ppid, sizeof(ppid), "%d", (int)p->ppid);
		snprintf(uid, sizeof(uid), "%u", (unsigned)p->uid);
		nsls_cmdline(p->pid, p->comm, cmd, sizeof(cmd));
		const char *cells[] = { pid, *inner ? inner : NULL, ppid, uid, cmd };
		row(x, tb, cells, ELEMENTSOF(cells));
	}
	done(x, tb, "Processes");
}

static void cgroups(struct sections *x, struct nsls_scan *s, const struct target *t)
{
	static const struct out_column cols[] = {
		{ "HIERARCHY", 0, 0, false, NULL }, { "CGROUP", 0, 0, false, NULL },
	};
	struct libscols_table *tb = section(x, cols, ELEMENTSOF(cols), "cgroups");
	struct cg_place place;
	struct cg_figures fig;
	struct cg_group g;

	if (!s->have_sys) {
		if (cg_sys_load(&s->sys) < 0)
			return done(x, tb, "Cgroups");
		cgkey_ctx_from_sys(&s->sys, &s->keys);
		s->have_sys = true;
	}
	if (cg_place_of(&s->sys, t->pid, &place) < 0)
		return done(x, tb, "Cgroups");
	for (unsigned i = 0; i < s->sys.n; i++) {
		const char *opts = s->sys.h[i].v2 ? "cgroup2" : s->sys.h[i].opts;
		const char *cells[] = { opts, place.path[i] };
		if (place.path[i])
			row(x, tb, cells, ELEMENTSOF(cells));
	}
	done(x, tb, "Cgroups");
	if (cg_group_at_place(&g, &s->sys, &place) == 0) {
		const char *cells[CGF_COUNT];
		struct libscols_table *ft = section(x, cg_figure_columns, CGF_COUNT, "cgstat");
		cg_figures_collect(&s->keys, &g, CGF_ALL, &fig);
		for (unsigned i = 0; i < CGF_COUNT; i++)
			cells[i] = cg_figure_cell(&fig, (enum cg_figure)i);
		row(x, ft, cells, CGF_COUNT);
		done(x, ft, "Cgroup figures (as cgctl stat)");
		cg_group_free(&g);
	}
	cg_place_free(&place);
}

static void network(struct sections *x, const struct target *t, struct nsls_notes *notes)
{
	static const struct out_column lcols[] = {
		{ "NAME", 0, 0, false, NULL }, { "KIND", 0, 0, false, NULL }, { "STATE", 0, 0, false, NULL },
		{ "ADDRESSES", 0, SCOLS_FL_WRAP, false, NULL },
	};
	static const struct out_column rcols[] = {
		{ "DESTINATION", 0, 0, false, NULL }, { "GATEWAY", 0, 0, false, NULL }, { "DEV", 0, 0, false, NULL },
	};
	struct libscols_table *lt = section(x, lcols, ELEMENTSOF(lcols), "links");
	struct libscols_table *rt = section(x, rcols, ELEMENTSOF(rcols), "routes");
	struct netshow_iface ifs[64];
	struct netshow_route rts[64];
	struct rtnl sk = RTNL_CLOSED;
	_cleanup_close_ int fd = openat(t->procfd, "ns/net", O_RDONLY | O_CLOEXEC);
	int n = -EBADF, m = -EBADF;

	if (fd >= 0 && (n = netlink_open_in(fd, &sk)) == 0) {
		n = netshow_ifaces(&sk, ifs, 64);
		m = netshow_routes(&sk, rts, 64);
		netlink_close(&sk);
	} else {
		nsls_note(notes, NOTE_NET, fd < 0 ? -errno : n);
	}
	for (int i = 0; i < n && i < 64; i++) {
		const char *cells[] = { ifs[i].name, *ifs[i].kind ? ifs[i].kind : NULL,
					ifs[i].up ? "up" : "down", *ifs[i].addrs ? ifs[i].addrs : NULL };
		row(x, lt, cells, ELEMENTSOF(cells));
	}
	for (int i = 0; i < m && i < 64; i++) {
		const char *cells[] = { rts[i].dst, *rts[i].gateway ? rts[i].gateway : NULL,
					*rts[i].dev ? rts[i].dev : NULL };
		row(x, rt, cells, ELEMENTSOF(cells));
	}
	done(x, lt, "Links");
	done(x, rt, "Routes");
}

static void mounts(struct sections *x, const struct target *t, struct nsls_notes *notes)
{
	struct libscols_table *tb = section(x, mntshow_columns, MNTSHOW_NCOLS, "mounts");
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad;
	int r;

	if ((r = mountinfo_read_at(t->procfd, "mountinfo", &mi, &bad)) < 0)
		nsls_note(notes, NOTE_ROOT, r);
	for (size_t i = 0; tb && i < mi.count; i++)
		if (mntshow_add_row(tb, &mi.entries[i], NULL) < 0)
			x->err = -ENOMEM;
	mountinfo_free(&mi);
	done(x, tb, "Mounts (as mkprop --show)");
}

/* "all", or the names of the capabilities of a set: "chown,kill". */
static void caps_text(uint64_t set, char *buf, size_t size)
{
	int last = caps_last_cap();
	size_t len = 0;

	buf[0] = '\0';
	if (last >= 0 && last < 63 && set == (1ull << (last + 1)) - 1) {
		snprintf(buf, size, "all");
		return;
	}
	for (int c = 0; c <= last && c < 64 && len < size; c++)
		if ((set >> c) & 1)
			len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "",
						caps_name(c));
}

/* The key facts, one FIELD VALUE pair per line (in JSON, one object). */
static void summary(struct sections *x, struct nsls_scan *s, int ct, const struct target *t)
{
	static const struct out_column cols[] = {
		{ "PID", 0, 0, true, NULL }, { "HANDLE", 0, 0, false, NULL }, { "STATE", 0, 0, false, NULL },
		{ "HELD", 0, 0, false, NULL }, { "SETGROUPS", 0, 0, false, NULL }, { "CAPEFF", 0, 0, false, NULL },
		{ "COMMAND", 0, 0, false, NULL },
	};
	static const enum ct_col from_row[] = { CT_PID, CT_HANDLE, CT_STATE };
	struct out_selection sel = { .count = ELEMENTSOF(from_row) };
	char store[OUT_MAX_SELECTED][CELL_SIZE], caps[1024] = "", status[4096] = "";
	const char *cells[ELEMENTSOF(cols)];
	struct nsls_notes notes = { { 0 }, { 0 } };
	uint64_t eff = 0;
	int sg = idmap_read_setgroups_at(t->procfd);

	for (unsigned k = 0; k < sel.count; k++)
		sel.ids[k] = from_row[k];
	if (!nsls_ct_cells(s, (size_t)ct, &sel, store, cells, &notes)) {
		x->err = -ESRCH;
		return;
	}
	if (readfile_at(t->procfd, "status", status, sizeof(status)) > 0 &&
	    init_status_sigmask(status, "CapEff", &eff) == 0)
		caps_text(eff, caps, sizeof(caps));
	cells[3] = yes(*status && init_status_state(status) == INIT_STATE_HELD);
	cells[4] = sg < 0 ? NULL : sg ? "allow" : "deny";
	cells[5] = *caps ? caps : NULL;
	char cmd[CELL_SIZE];
	nsls_cmdline(t->pid, s->procs[s->cts[ct].key].comm, cmd, sizeof(cmd));
	cells[6] = cmd;
	struct libscols_table *tb = section(x, cols, ELEMENTSOF(cols), "container");
	row(x, tb, cells, ELEMENTSOF(cols));
	done(x, tb, "Container");
}

int nsls_view_detail(const struct nsls_opts *o, struct nsls_scan *s)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	struct target t = TARGET_INIT, key = TARGET_INIT;
	struct sections x = { .o = o, .first = true };
	struct nsls_notes notes = { { 0 }, { 0 } };
	int ct, r;

	if ((r = target_open(&t, o->target, &f)) < 0) {
		nsk_err_failure(&f, r);
		return EXIT_TOOL_FAILED;
	}
	if ((ct = nsls_container_of(s, t.pid)) < 0) {
		nsk_err("process %d: in no container: it shares every namespace with nsls%s",
			(int)t.pid, s->unreadable ? " (or its namespaces cannot be read)" : "");
		target_close(&t);
		return EXIT_TOOL_FAILED;
	}
	/* the rest is about the container's first process */
	if ((r = target_open_pid(&key, s->procs[s->cts[ct].key].pid)) < 0) {
		nsk_err("process %d: %s", (int)s->procs[s->cts[ct].key].pid, target_strerror(r));
		target_close(&t);
		target_close(&key);
		return EXIT_TOOL_FAILED;
	}
	/* Read from a pipe and piped on (DESIGN.md, the handle protocol):
	 * the handle goes on down the pipe, the view to the terminal. */
	x.dest = t.from_stdin && !isatty(STDOUT_FILENO) ? stderr : stdout;
	if ((o->out.mode & OUT_JSON) && !(x.out = open_memstream(&x.json, &x.len)))
		x.err = -ENOMEM;
	summary(&x, s, ct, &key);
	namespaces(&x, s, &s->cts[ct], &key);
	maps(&x, &key);
	processes(&x, s, ct);
	cgroups(&x, s, &key);
	network(&x, &key, &notes);
	mounts(&x, &key, &notes);
	if (x.out) {
		fclose(x.out);
		if (x.err == 0)
			fprintf(x.dest, "{%s\n}\n", x.json ? x.json : "");
		free(x.json);
	}
	target_close(&key);
	if (x.err == 0 && fflush(x.dest) != 0)
		x.err = -errno;
	if (x.err < 0) {
		nsk_err("process %d: %s", (int)t.pid, target_strerror(x.err));
		target_close(&t);
		return EXIT_TOOL_FAILED;
	}
	nsls_notes_print(&notes, s);
	r = target_echo(&t) < 0 ? EXIT_TOOL_FAILED : EXIT_SUCCESS;
	target_close(&t);
	return r;
}
