/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls: the cells of one container, each read only when its column is
 * shown: maps, cgroup and its figures, links, root, host name, files. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgfigures.h"
#include "cggroup.h"
#include "cleanup.h"
#include "err.h"
#include "idmap.h"
#include "init.h"
#include "mountinfo.h"
#include "netlink.h"
#include "netshow.h"
#include "nsls.h"
#include "readfile.h"
#include "target.h"

void nsls_note(struct nsls_notes *n, enum nsls_note kind, int err)
{
	if (!n->count[kind]++)
		n->err[kind] = err;
}

void nsls_notes_print(const struct nsls_notes *n, const struct nsls_scan *s)
{
	static const char *const what[NOTE_COUNT] = {
		[NOTE_PROCS] = "processes not shown: their namespaces",
		[NOTE_NET] = "containers without LINKS: their network namespaces",
		[NOTE_UTS] = "containers without HOSTNAME: their UTS namespaces",
		[NOTE_MAPS] = "containers without maps: their uid_map",
		[NOTE_ROOT] = "containers without ROOT: their mountinfo",
		[NOTE_CGROUP] = "containers without cgroup figures: their cgroups",
	};

	if (s->unreadable)
		nsk_warn("%u %s: %s%s", s->unreadable, what[NOTE_PROCS], nsk_strerror(EACCES),
			 geteuid() ? " (run as root to see them)" : "");
	for (unsigned k = NOTE_PROCS + 1; k < NOTE_COUNT; k++)
		if (n->count[k])
			nsk_warn("%u %s: %s", n->count[k], what[k], nsk_strerror(n->err[k]));
}

void nsls_cmdline(pid_t pid, const char *comm, char *buf, size_t size)
{
	char path[32];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	n = readfile_at(AT_FDCWD, path, buf, size);
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	if (n <= 0) {
		snprintf(buf, size, "[%s]", comm);
		return;
	}
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	buf[n] = '\0';
}

/* What one row needs while its cells are filled. */
struct row {
	struct nsls_scan *s;
	const struct nsls_container *c;
	const struct nsls_proc *key;	/* NULL: a persisted file alone */
	struct target t;		/* the key process, opened once */
	struct nsls_notes *notes;
	struct cg_figures fig;
	bool have_fig;
	char cgroup[CELL_SIZE];
};

static bool wants(const struct out_selection *sel, enum ct_col col)
{
	for (unsigned k = 0; k < sel->count; k++)
		if (sel->ids[k] == col)
			return true;
	return false;
}

/* The namespace file of type t of the row: the key's, else the persisted file. */
static int open_ns(const struct row *w, unsigned t)
{
	char path[64];

	if (!w->key)
		return w->c->nsfs_only >= 0 && w->s->files[w->c->nsfs_only].type == t
			       ? open(w->s->files[w->c->nsfs_only].path, O_RDONLY | O_CLOEXEC)
			       : -1;
	snprintf(path, sizeof(path), "ns/%s", ns_types[t].proc_name);
	return openat(w->t.procfd, path, O_RDONLY | O_CLOEXEC);
}

static unsigned type_index(const char *proc_name)
{
	return (unsigned)(ns_by_proc_name(proc_name) - ns_types);
}

/* After a failed visit to a namespace of type t: nsls must be back in its
 * own, or every later answer would be about the container's. */
static void still_home(const struct row *w, unsigned t)
{
	uint64_t now[NS_TYPE_MAX];

	if (ns_inodes_of(getpid(), now) < 0 || now[t] != w->s->self_ns[t]) {
		nsk_err("/proc/self/ns/%s: could not return to its own namespace",
			ns_types[t].proc_name);
		exit(EXIT_TOOL_FAILED);
	}
}

static void cell_ns(const struct row *w, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned t = 0; t < ns_type_count; t++)
		if (w->c->own & (1u << t))
			len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "",
						ns_types[t].proc_name);
}

static void cell_state(const struct row *w, char *buf, size_t size)
{
	char text[4096];
	struct { char c; } st = { 0 };

	if (!w->key) {
		snprintf(buf, size, "persisted");
		return;
	}
	if (readfile_at(w->t.procfd, "status", text, sizeof(text)) <= 0) {
		buf[0] = '\0';
		return;
	}
	const char *state = strstr(text, "\nState:");
	if (state)
		sscanf(state, "\nState: %c", &st.c);
	/* first: a stopped process's mask is not the one it waits with */
	if (st.c == 'T' || st.c == 't') {
		snprintf(buf, size, "stopped");
		return;
	}
	switch (init_status_state(text)) {
	case INIT_STATE_HELD: snprintf(buf, size, "held"); return;
	case INIT_STATE_PAUSE: snprintf(buf, size, "paused"); return;
	case INIT_STATE_OTHER: break;
	}
	snprintf(buf, size, "running");
}

/* "0→100000 ×65536" ("0->100000 x65536" outside a UTF-8 locale), then
 * "+N" for further ranges. */
static void cell_map(struct row *w, const char *file, char *buf, size_t size)
{
	_cleanup_idmap_ struct idmap m = IDMAP_EMPTY;
	int r;

	buf[0] = '\0';
	if (!w->key || !(w->c->own & (1u << type_index("user"))))
		return;
	if ((r = idmap_read_at(w->t.procfd, file, &m)) < 0) {
		nsls_note(w->notes, NOTE_MAPS, r);
		return;
	}
	if (m.count == 0) {
		snprintf(buf, size, "none");
		return;
	}
	bool utf8 = !strcmp(nl_langinfo(CODESET), "UTF-8");
	int n = snprintf(buf, size, utf8 ? "%u\u2192%u \u00d7%u" : "%u->%u x%u", m.ranges[0].inner,
			 m.ranges[0].outer, m.ranges[0].count);
	if (m.count > 1 && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " +%u", m.count - 1);
}

/* The cgroups of a process as one string, to know two in the same ones. */
static void place_key(const struct cg_place *place, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < CG_MAX_HIER && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s\n", place->path[i] ?: "");
}

/* The figures of the cgroups at place: read once for every container in
 * them (containers often share a parent's group). NULL: out of memory. */
static const struct cg_figures *figures_of(struct nsls_scan *s, const struct cg_place *place)
{
	char key[4096];
	struct cg_group g;

	place_key(place, key, sizeof(key));
	for (size_t i = 0; i < s->nfig; i++)
		if (!strcmp(s->figs[i].key, key))
			return &s->figs[i].fig;
	if (nsls_grow((void **)&s->figs, s->nfig, &s->figcap, sizeof(*s->figs)) < 0)
		return NULL;
	struct nsls_figures *e = &s->figs[s->nfig];
	if (!(e->key = strdup(key)))
		return NULL;
	memset(&e->fig, 0, sizeof(e->fig));
	if (cg_group_at_place(&g, &s->sys, place) == 0) {
		cg_figures_collect(&s->keys, &g, CGF_MEMORY | CGF_PIDS, &e->fig);
		cg_group_free(&g);
	}
	s->nfig++;
	return &e->fig;
}

static void load_cgroup(struct row *w)
{
	struct nsls_scan *s = w->s;
	const struct cg_figures *fig;
	struct cg_place place;
	int r;

	if (!w->key)
		return;
	if (!s->have_sys) {
		if ((r = cg_sys_load(&s->sys)) < 0) {
			nsls_note(w->notes, NOTE_CGROUP, r);
			return;
		}
		cgkey_ctx_from_sys(&s->sys, &s->keys);
		s->have_sys = true;
	}
	if ((r = cg_place_of(&s->sys, w->key->pid, &place)) < 0)
		return;		/* gone meanwhile */
	/* the hierarchy of the memory figures (v1 on hybrid machines), else v2 */
	int h = s->sys.ctrl_hier[CG_MEMORY] >= 0 ? s->sys.ctrl_hier[CG_MEMORY] : s->sys.v2;
	if (h >= 0 && place.path[h])
		snprintf(w->cgroup, sizeof(w->cgroup), "%s", place.path[h]);
	if ((fig = figures_of(s, &place))) {
		w->fig = *fig;
		w->have_fig = true;
	}
	cg_place_free(&place);
}

static void cell_figure(const struct row *w, enum cg_figure f, char *buf, size_t size)
{
	const char *v = w->have_fig ? cg_figure_cell(&w->fig, f) : NULL;

	snprintf(buf, size, "%s", v ? v : "");
}

static void cell_links(struct row *w, char *buf, size_t size)
{
	struct netshow_iface ifs[32];
	struct rtnl sk = RTNL_CLOSED;
	unsigned net = type_index("net");
	_cleanup_close_ int fd = -1;
	size_t len = 0;
	int n;

	buf[0] = '\0';
	if (!(w->c->own & (1u << net)) || (fd = open_ns(w, net)) < 0)
		return;
	if ((n = netlink_open_in(fd, &sk)) < 0) {
		still_home(w, net);
		nsls_note(w->notes, NOTE_NET, n);
		return;
	}
	n = netshow_ifaces(&sk, ifs, 32);
	netlink_close(&sk);
	for (int i = 0; i < n && i < 32; i++) {
		if (ifs[i].ifindex == NETLINK_LOOPBACK_IFINDEX)
			continue;
		int k = snprintf(buf + len, size - len, "%s%s%s%s%s", len ? ", " : "", ifs[i].name,
				 ifs[i].up ? "" : "(down)", *ifs[i].addrs ? " " : "", ifs[i].addrs);
		if (k < 0 || (size_t)k >= size - len)
			break;
		len += (size_t)k;
	}
}

/* The source of / in the container's mount table: "overlay:LOWER" for an
 * overlay, else the source and, for a bind mount, the directory
 * ("/dev/sda1[/srv/box]"), as findmnt writes it. */
static void cell_root(struct row *w, char *buf, size_t size)
{
	struct mountinfo mi = MOUNTINFO_INIT;
	const struct mnt_entry *e;
	size_t bad;
	int r;

	buf[0] = '\0';
	if (!w->key || !(w->c->own & (1u << type_index("mnt"))))
		return;
	if ((r = mountinfo_read_at(w->t.procfd, "mountinfo", &mi, &bad)) < 0) {
		nsls_note(w->notes, NOTE_ROOT, r);
		return;
	}
	if ((e = mountinfo_find_path(&mi, "/"))) {
		const char *lower = strstr(e->super_options, "lowerdir=");
		if (!strcmp(e->fstype, "overlay") && lower) {
			lower += strlen("lowerdir=");
			snprintf(buf, size, "overlay:%.*s", (int)strcspn(lower, ","), lower);
		} else if (strcmp(e->root, "/")) {
			snprintf(buf, size, "%s[%s]", e->source, e->root);
		} else {
			snprintf(buf, size, "%s", e->source);
		}
	}
	mountinfo_free(&mi);
}

static void cell_hostname(struct row *w, char *buf, size_t size)
{
	unsigned uts = type_index("uts");
	_cleanup_close_ int fd = -1;
	int r;

	buf[0] = '\0';
	if (!(w->c->own & (1u << uts)) || (fd = open_ns(w, uts)) < 0)
		return;
	if ((r = ns_uts_hostname(fd, buf, size)) < 0) {
		still_home(w, uts);
		nsls_note(w->notes, NOTE_UTS, r);
		buf[0] = '\0';
	}
}

static void cell_nsfs(const struct row *w, char *buf, size_t size)
{
	char one[CELL_SIZE];
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned t = 0; t < ns_type_count; t++) {
		if (!(w->c->own & (1u << t)))
			continue;
		nsls_nsfs_paths(w->s, t, w->c->ns[t], one, sizeof(one));
		if (*one)
			len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "", one);
		if (len >= size)
			break;
	}
}

static void cell(struct row *w, enum ct_col col, char *buf, size_t size)
{
	const struct nsls_proc *k = w->key;
	struct passwd *pw;

	buf[0] = '\0';
	switch (col) {
	case CT_PID: if (k) snprintf(buf, size, "%d", (int)k->pid); break;
	case CT_HANDLE:
		if (k && target_handle(&w->t, TARGET_HANDLE_PIDFS, buf, size) < 0)
			buf[0] = '\0';
		break;
	case CT_NS: cell_ns(w, buf, size); break;
	case CT_STATE: cell_state(w, buf, size); break;
	case CT_NPROCS: snprintf(buf, size, "%u", w->c->nprocs); break;
	case CT_USER:
		if (k && (pw = getpwuid(k->uid)))
			snprintf(buf, size, "%s", pw->pw_name);
		else if (k)
			snprintf(buf, size, "%u", (unsigned)k->uid);
		break;
	case CT_UIDMAP: cell_map(w, "uid_map", buf, size); break;
	case CT_GIDMAP: cell_map(w, "gid_map", buf, size); break;
	case CT_CGROUP: snprintf(buf, size, "%s", w->cgroup); break;
	case CT_MEM: cell_figure(w, CGF_MEM_CURRENT, buf, size); break;
	case CT_MEMMAX: cell_figure(w, CGF_MEM_MAX, buf, size); break;
	case CT_PIDS: cell_figure(w, CGF_PIDS_CURRENT, buf, size); break;
	case CT_PIDSMAX: cell_figure(w, CGF_PIDS_MAX, buf, size); break;
	case CT_LINKS: cell_links(w, buf, size); break;
	case CT_ROOT: cell_root(w, buf, size); break;
	case CT_HOSTNAME: cell_hostname(w, buf, size); break;
	case CT_NSFS: cell_nsfs(w, buf, size); break;
	case CT_COMMAND: if (k) nsls_cmdline(k->pid, k->comm, buf, size); break;
	case CT_COUNT: break;
	}
}

bool nsls_ct_cells(struct nsls_scan *s, size_t i, const struct out_selection *sel,
		   char store[][CELL_SIZE], const char **cells, struct nsls_notes *notes)
{
	struct row w = { .s = s, .c = &s->cts[i], .t = TARGET_INIT, .notes = notes };

	if (w.c->nsfs_only < 0) {
		w.key = &s->procs[w.c->key];
		if (target_open_pid(&w.t, w.key->pid) < 0) {
			target_close(&w.t);
			return false;	/* gone since the scan: no row rather than half of one */
		}
	}
	if (w.key && (wants(sel, CT_CGROUP) || wants(sel, CT_MEM) || wants(sel, CT_MEMMAX) ||
		      wants(sel, CT_PIDS) || wants(sel, CT_PIDSMAX)))
		load_cgroup(&w);
	for (unsigned k = 0; k < sel->count; k++) {
		cell(&w, (enum ct_col)sel->ids[k], store[k], CELL_SIZE);
		cells[k] = *store[k] ? store[k] : NULL;
	}
	target_close(&w.t);
	return true;
}
