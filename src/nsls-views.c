/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls: the container view (flat or --tree) and the namespace view. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "dl-smartcols.h"
#include "err.h"
#include "netlink.h"
#include "netshow.h"
#include "nsls.h"
#include "opts.h"

static int print(struct libscols_table *tb)
{
	int r = out_table_print(tb, NULL);

	if (r < 0 || fflush(stdout) != 0) {
		nsk_err("stdout: %s", nsk_strerror(r < 0 ? r : -errno));
		return EXIT_TOOL_FAILED;
	}
	return EXIT_SUCCESS;
}

/* Print the table and what could not be read; or, when building it ran
 * out of memory, say so. The exit status. */
static int finish(struct libscols_table *tb, bool failed, const struct nsls_notes *notes,
		  const struct nsls_scan *s)
{
	int r;

	if (failed) {
		nsk_err("table: %s", nsk_strerror(-ENOMEM));
		out_table_free(tb);
		return EXIT_TOOL_FAILED;
	}
	r = print(tb);
	nsls_notes_print(notes, s);
	return r;
}

/* ---- containers ---- */

static const unsigned ct_defaults[] = {
	CT_PID, CT_STATE, CT_NPROCS, CT_NS, CT_UIDMAP, CT_CGROUP, CT_MEM, CT_MEMMAX, CT_PIDS,
	CT_PIDSMAX, CT_LINKS, CT_ROOT, CT_HOSTNAME, CT_NSFS, CT_COMMAND,
};

/* The container whose user namespace is an ancestor of i's (or, without a
 * user namespace of its own, whose PID namespace is), nearest first; -1. */
static int nesting_parent(const struct nsls_scan *s, size_t i)
{
	const struct nsls_container *c = &s->cts[i];
	unsigned user = (unsigned)(ns_by_proc_name("user") - ns_types);
	unsigned pid = (unsigned)(ns_by_proc_name("pid") - ns_types);
	unsigned t = (c->own & (1u << user)) ? user : pid;
	char path[64];
	struct stat st;
	int fd;

	if (c->nsfs_only >= 0 || !(c->own & (1u << t)))
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)s->procs[c->key].pid,
		 ns_types[t].proc_name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	/* up the chain until a namespace that some container has as its own */
	for (int depth = 0; fd >= 0 && depth < 32; depth++) {
		int up = ns_parent_fd(fd);
		close(fd);
		fd = up;
		if (fd < 0 || fstat(fd, &st) < 0 || st.st_ino == s->self_ns[t])
			break;
		for (size_t j = 0; j < s->ncts; j++)
			if (j != i && s->cts[j].nsfs_only < 0 && (s->cts[j].own & (1u << t)) &&
			    s->cts[j].ns[t] == st.st_ino) {
				close(fd);
				return (int)j;
			}
	}
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Add container i as a line below parent, after its own parent. */
static int add_ct_line(const struct nsls_opts *o, struct nsls_scan *s, struct libscols_table *tb,
		       struct libscols_line **lines, bool *done, size_t i,
		       const struct out_selection *sel, struct nsls_notes *notes)
{
	char store[OUT_MAX_SELECTED][CELL_SIZE];
	const char *cells[OUT_MAX_SELECTED];
	struct libscols_line *parent = NULL;
	int p = s->cts[i].parent;

	if (done[i])
		return 0;
	done[i] = true;
	if (o->view == VIEW_TREE && p >= 0) {
		int r = add_ct_line(o, s, tb, lines, done, (size_t)p, sel, notes);
		if (r < 0)
			return r;
		parent = lines[p];
	}
	if (!nsls_ct_cells(s, i, sel, store, cells, notes))
		return 0;
	return (lines[i] = out_table_add_line(tb, parent, cells, sel->count)) ? 0 : -ENOMEM;
}

int nsls_view_containers(const struct nsls_opts *o, struct nsls_scan *s)
{
	struct out_selection sel;
	struct nsls_notes notes = { { 0 }, { 0 } };
	struct libscols_table *tb;
	struct libscols_line **lines;
	bool *done;
	int r = 0;

	if (opts_output_select(&o->out, nsls_ct_columns, CT_COUNT, ct_defaults, ELEMENTSOF(ct_defaults),
			   &sel) < 0)
		return EXIT_TOOL_FAILED;
	for (size_t i = 0; i < s->ncts; i++)
		s->cts[i].parent = o->view == VIEW_TREE ? nesting_parent(s, i) : -1;
	tb = out_table_new_selected(&o->out, nsls_ct_columns, &sel, o->view == VIEW_TREE, "containers");
	lines = calloc(s->ncts + 1, sizeof(*lines));
	done = calloc(s->ncts + 1, sizeof(*done));
	for (size_t i = 0; tb && lines && done && r == 0 && i < s->ncts; i++)
		r = add_ct_line(o, s, tb, lines, done, i, &sel, &notes);
	free(lines);
	free(done);
	return finish(tb, !tb || !lines || !done || r < 0, &notes, s);
}

/* ---- namespaces (lsns) ---- */

static const unsigned ns_defaults[] = { NS_NS, NS_TYPE, NS_NPROCS, NS_PID, NS_USER, NS_COMMAND };
static const unsigned ns_net_defaults[] = {
	NS_NS, NS_TYPE, NS_NPROCS, NS_PID, NS_USER, NS_NETNSID, NS_NSFS, NS_COMMAND,
};

struct ns_entry {
	unsigned type;
	uint64_t inode;
	size_t proc;		/* its lowest PID's process; SIZE_MAX: a file alone */
	unsigned nprocs;
	size_t file;		/* for a file alone */
};

static int cmp_entries(const void *a, const void *b)
{
	const struct ns_entry *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->inode != y->inode)
		return x->inode < y->inode ? -1 : 1;
	return 0;
}

/* One entry per namespace, with its process count and lowest PID. */
static struct ns_entry *collect_namespaces(const struct nsls_opts *o, const struct nsls_scan *s,
					   size_t *ret_n)
{
	struct ns_entry *v = calloc(s->nprocs * NS_TYPE_MAX + s->nfiles + 1, sizeof(*v));
	size_t n = 0, m = 0;

	if (!v)
		return NULL;
	for (size_t i = 0; i < s->nprocs; i++)
		for (unsigned t = 0; t < ns_type_count; t++)
			if (s->procs[i].ns[t] && (!o->ns_types || (o->ns_types & (1u << t))))
				v[n++] = (struct ns_entry){ t, s->procs[i].ns[t], i, 1, 0 };
	if (n)
		qsort(v, n, sizeof(*v), cmp_entries);
	for (size_t i = 0; i < n; i++) {
		if (m && v[m - 1].type == v[i].type && v[m - 1].inode == v[i].inode) {
			v[m - 1].nprocs++;
			if (s->procs[v[i].proc].pid < s->procs[v[m - 1].proc].pid)
				v[m - 1].proc = v[i].proc;
			continue;
		}
		v[m++] = v[i];
	}
	/* namespaces held by a file alone */
	for (size_t k = 0; k < s->nfiles; k++) {
		const struct nsls_nsfs *f = &s->files[k];
		struct ns_entry key = { f->type, f->inode, SIZE_MAX, 0, k };
		if (o->ns_types && !(o->ns_types & (1u << f->type)))
			continue;
		bool seen = false;
		for (size_t j = 0; j < m && !seen; j++)
			seen = !cmp_entries(&v[j], &key);
		if (!seen)
			v[m++] = key;
	}
	*ret_n = m;
	return v;
}

static int ns_fd(const struct nsls_scan *s, const struct ns_entry *e)
{
	char path[64];

	if (e->proc == SIZE_MAX)
		return open(s->files[e->file].path, O_RDONLY | O_CLOEXEC);
	snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)s->procs[e->proc].pid,
		 ns_types[e->type].proc_name);
	return open(path, O_RDONLY | O_CLOEXEC);
}

static void ns_cell(const struct nsls_scan *s, const struct ns_entry *e, enum ns_col col,
		    struct rtnl *sk, char *buf, size_t size)
{
	const struct nsls_proc *p = e->proc == SIZE_MAX ? NULL : &s->procs[e->proc];
	_cleanup_close_ int fd = -1;
	struct passwd *pw;
	uint64_t rel;
	int id;

	buf[0] = '\0';
	switch (col) {
	case NS_NS: snprintf(buf, size, "%llu", (unsigned long long)e->inode); break;
	case NS_TYPE: snprintf(buf, size, "%s", ns_types[e->type].proc_name); break;
	case NS_PATH:
		if (p)
			snprintf(buf, size, "/proc/%d/ns/%s", (int)p->pid, ns_types[e->type].proc_name);
		else
			snprintf(buf, size, "%s", s->files[e->file].path);
		break;
	case NS_NPROCS: snprintf(buf, size, "%u", e->nprocs); break;
	case NS_PID: if (p) snprintf(buf, size, "%d", (int)p->pid); break;
	case NS_PPID: if (p) snprintf(buf, size, "%d", (int)p->ppid); break;
	case NS_COMMAND: if (p) nsls_cmdline(p->pid, p->comm, buf, size); break;
	case NS_UID: if (p) snprintf(buf, size, "%u", (unsigned)p->uid); break;
	case NS_USER:
		if (p && (pw = getpwuid(p->uid)))
			snprintf(buf, size, "%s", pw->pw_name);
		break;
	case NS_NETNSID:
		if (sk->fd >= 0 && !strcmp(ns_types[e->type].proc_name, "net") &&
		    (fd = ns_fd(s, e)) >= 0 && (id = netshow_nsid(sk, fd)) >= 0)
			snprintf(buf, size, "%d", id);
		break;
	case NS_NSFS: nsls_nsfs_paths(s, e->type, e->inode, buf, size); break;
	case NS_PNS:
	case NS_ONS:
		if ((fd = ns_fd(s, e)) >= 0 && ns_related_inode(fd, col == NS_PNS, &rel) == 0)
			snprintf(buf, size, "%llu", (unsigned long long)rel);
		break;
	case NS_COUNT: break;
	}
}

int nsls_view_namespaces(const struct nsls_opts *o, struct nsls_scan *s)
{
	bool net_only = o->ns_types == 1u << (ns_by_proc_name("net") - ns_types);
	struct out_selection sel;
	struct nsls_notes notes = { { 0 }, { 0 } };
	struct rtnl sk = RTNL_CLOSED;
	struct libscols_table *tb;
	size_t n = 0;
	struct ns_entry *v;
	int r = 0;

	if (opts_output_select(&o->out, nsls_ns_columns, NS_COUNT, net_only ? ns_net_defaults : ns_defaults,
			   net_only ? ELEMENTSOF(ns_net_defaults) : ELEMENTSOF(ns_defaults),
			   &sel) < 0)
		return EXIT_TOOL_FAILED;
	for (unsigned k = 0; k < sel.count; k++)
		if (sel.ids[k] == NS_NETNSID && sk.fd < 0)
			netlink_open(&sk);	/* failed: the column stays empty, as lsns leaves it */
	tb = out_table_new_selected(&o->out, nsls_ns_columns, &sel, false, "namespaces");
	v = collect_namespaces(o, s, &n);
	for (size_t i = 0; tb && v && r == 0 && i < n; i++) {
		char store[OUT_MAX_SELECTED][CELL_SIZE];
		const char *cells[OUT_MAX_SELECTED];
		for (unsigned k = 0; k < sel.count; k++) {
			ns_cell(s, &v[i], (enum ns_col)sel.ids[k], &sk, store[k], CELL_SIZE);
			cells[k] = *store[k] ? store[k] : NULL;
		}
		r = out_table_add_row(tb, cells, sel.count);
	}
	netlink_close(&sk);
	free(v);
	return finish(tb, !tb || !v || r < 0, &notes, s);
}
