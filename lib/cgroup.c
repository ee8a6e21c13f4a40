/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"
#include "cleanup.h"
#include "parse.h"
#include "readfile.h"

static const struct {
	const char *v2, *v1;
} ctrl_names[CG_NCTRL] = {
	[CG_CPU] = { "cpu", "cpu" },
	[CG_CPUACCT] = { "cpuacct", "cpuacct" },
	[CG_CPUSET] = { "cpuset", "cpuset" },
	[CG_MEMORY] = { "memory", "memory" },
	[CG_IO] = { "io", "blkio" },
	[CG_PIDS] = { "pids", "pids" },
	[CG_FREEZER] = { "freezer", "freezer" },
	[CG_HUGETLB] = { "hugetlb", "hugetlb" },
	[CG_DEVICES] = { "devices", "devices" },
	[CG_RDMA] = { "rdma", "rdma" },
	[CG_MISC] = { "misc", "misc" },
	[CG_PERF_EVENT] = { "perf_event", "perf_event" },
	[CG_NET_CLS] = { "net_cls", "net_cls" },
	[CG_NET_PRIO] = { "net_prio", "net_prio" },
};

const char *cg_ctrl_name(enum cg_ctrl c)
{
	return ctrl_names[c].v2;
}

const char *cg_ctrl_v1_name(enum cg_ctrl c)
{
	return ctrl_names[c].v1;
}

int cg_ctrl_from_name(const char *name)
{
	for (int c = 0; c < CG_NCTRL; c++)
		if (!strcmp(name, ctrl_names[c].v2) || !strcmp(name, ctrl_names[c].v1))
			return c;
	return -EINVAL;
}

const char *cg_layout_name(enum cg_layout l)
{
	static const char *const names[] = { "none", "unified", "hybrid", "legacy" };

	return names[l];
}

void cg_sys_init(struct cg_sys *sys)
{
	memset(sys, 0, sizeof(*sys));
	sys->v2 = -1;
	for (int c = 0; c < CG_NCTRL; c++)
		sys->ctrl_hier[c] = -1;
}

static void hier_free(struct cg_hier *h)
{
	free(h->mount);
	free(h->root);
	free(h->self);
	free(h->opts);
	free(h->name);
}

void cg_sys_free(struct cg_sys *sys)
{
	for (unsigned i = 0; i < sys->n; i++)
		hier_free(&sys->h[i]);
	cg_sys_init(sys);
}

int cg_proc_next(char **cursor, struct cg_proc_line *ret)
{
	char *line = *cursor, *nl, *c1, *c2;
	uint32_t id;

	while (line && *line == '\n')
		line++;	/* an empty line says nothing */
	if (!line || !*line)
		return 0;
	nl = strchr(line, '\n');
	if (nl)
		*nl = '\0';
	*cursor = nl ? nl + 1 : NULL;
	c1 = strchr(line, ':');
	c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	if (!c2 || c2[1] != '/')
		return -EINVAL;
	*c1 = *c2 = '\0';
	if (parse_u32(line, &id) < 0)
		return -EINVAL;
	/* v2 has no controller list; every v1 hierarchy has one. */
	if ((id == 0) != (c1[1] == '\0'))
		return -EINVAL;
	ret->id = id;
	ret->controllers = c1 + 1;
	ret->path = c2 + 1;	/* a colon in the path is the path's */
	return 1;
}

/* Whether WORD (N bytes) is one of the comma-separated words of LIST. */
static bool has_word(const char *list, const char *word, size_t n)
{
	for (;;) {
		size_t m = strcspn(list, ",");
		if (m == n && !strncmp(list, word, n))
			return true;
		if (!list[m])
			return false;
		list += m + 1;
	}
}

/* The one rule of which hierarchy a /proc/PID/cgroup line names: v2 by
 * "", a v1 hierarchy by words that are all among its mount's super options. */
static bool opts_hold(bool v2, const char *opts, const char *controllers)
{
	if (v2 || !*controllers)
		return v2 && !*controllers;
	for (const char *w = controllers; *w;) {
		size_t n = strcspn(w, ",");
		if (!n || !has_word(opts, w, n))
			return false;
		w += n + (w[n] == ',');
	}
	return true;
}

/* 1 for a cgroup2 mount, 0 for a cgroup (v1) one, -1 for another. */
static int cgroup_version(const struct mnt_entry *e)
{
	if (!strcmp(e->fstype, "cgroup2"))
		return 1;
	return strcmp(e->fstype, "cgroup") ? -1 : 0;
}

bool cg_mount_holds(const struct mnt_entry *e, const char *controllers)
{
	int v = cgroup_version(e);

	return v >= 0 && opts_hold(v == 1, e->super_options, controllers);
}

/* PATH less ROOT ("" for ROOT itself), or NULL when PATH is not below it. */
static const char *below(const char *path, const char *root)
{
	size_t n = strlen(root);

	if (!strcmp(root, "/"))
		return strcmp(path, "/") ? path : "";
	if (strncmp(path, root, n) || (path[n] != '\0' && path[n] != '/'))
		return NULL;
	return path + n;
}

const struct mnt_entry *cg_mount_find(const struct mountinfo *mi, const char *controllers,
				      const char *path)
{
	for (size_t i = 0; i < mi->count; i++)
		if (cg_mount_holds(&mi->entries[i], controllers) && below(path, mi->entries[i].root))
			return &mi->entries[i];
	return NULL;
}

int cg_mount_dir(const char *mount, const char *root, const char *path, char *buf, size_t size)
{
	const char *rest = below(path, root);
	int n;

	if (!rest)
		return -ENOENT;
	n = snprintf(buf, size, "%s%s", mount, rest);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* The controllers named in v1 super options ("rw,cpu,cpuacct"). */
static unsigned v1_ctrls(const char *opts)
{
	unsigned mask = 0;
	char word[32];

	while (*opts) {
		size_t len = strcspn(opts, ",");
		if (len < sizeof(word)) {
			memcpy(word, opts, len);
			word[len] = '\0';
			int c = cg_ctrl_from_name(word);
			if (c >= 0)
				mask |= CG_BIT(c);
		}
		opts += len + (opts[len] == ',');
	}
	return mask;
}

/* The NAME of a "name=NAME" word of v1 super options, into buf ("" if
 * none, or too long to be one cgctl can name). */
static void v1_name(const char *opts, char *buf, size_t size)
{
	buf[0] = '\0';
	while (*opts) {
		size_t len = strcspn(opts, ",");
		if (len > 5 && len - 5 < size && !strncmp(opts, "name=", 5)) {
			memcpy(buf, opts + 5, len - 5);
			buf[len - 5] = '\0';
			return;
		}
		opts += len + (opts[len] == ',');
	}
}

/* Replace *field with a copy of s. */
static int set_string(char **field, const char *s)
{
	char *copy = strdup(s);

	if (!copy)
		return -ENOMEM;
	free(*field);
	*field = copy;
	return 0;
}

/* Add the hierarchy of mount E unless it is known already (a second mount
 * of it) or holds no controller cgctl knows. */
static int add_mount(struct cg_sys *sys, const struct mnt_entry *e)
{
	int v = cgroup_version(e);
	unsigned ctrls = v == 0 ? v1_ctrls(e->super_options) : 0;
	char name[64] = "";
	struct cg_hier *h;

	if (v == 0)
		v1_name(e->super_options, name, sizeof(name));
	if (v < 0 || (v == 0 && !ctrls && !(sys->with_named && *name)))
		return 0;
	for (unsigned i = 0; i < sys->n; i++)
		if (sys->h[i].v2 == (v == 1) && sys->h[i].ctrls == ctrls &&
		    !strcmp(sys->h[i].name ? sys->h[i].name : "", name))
			return 0;
	if (sys->n == CG_MAX_HIER)
		return -E2BIG;
	h = &sys->h[sys->n];
	*h = (struct cg_hier){ .v2 = v == 1, .ctrls = ctrls };
	if (set_string(&h->mount, e->target) < 0 || set_string(&h->root, e->root) < 0 ||
	    set_string(&h->self, "/") < 0 || set_string(&h->opts, e->super_options) < 0 ||
	    (*name && set_string(&h->name, name) < 0)) {
		hier_free(h);
		return -ENOMEM;
	}
	if (h->v2)
		sys->v2 = (int)sys->n;
	sys->n++;
	return 0;
}

int cg_sys_find(const struct cg_sys *sys, const char *controllers)
{
	for (unsigned i = 0; i < sys->n; i++)
		if (opts_hold(sys->h[i].v2, sys->h[i].opts, controllers))
			return (int)i;
	return -1;
}

/* The caller's own cgroup in the hierarchy of line L, and the mount that
 * shows it when the first one does not. */
static int set_self(struct cg_hier *h, const struct mountinfo *mi, const struct cg_proc_line *l)
{
	const struct mnt_entry *e;

	if (set_string(&h->self, l->path) < 0)
		return -ENOMEM;
	if (below(l->path, h->root) || !(e = cg_mount_find(mi, l->controllers, l->path)))
		return 0;
	if (set_string(&h->mount, e->target) < 0 || set_string(&h->root, e->root) < 0)
		return -ENOMEM;
	return 0;
}

int cg_sys_parse(struct cg_sys *sys, const struct mountinfo *mi, const char *proc_cgroup)
{
	_cleanup_free_ char *text = strdup(proc_cgroup);
	struct cg_proc_line l;
	char *cursor = text;
	int r;

	if (!text)
		return -ENOMEM;
	for (size_t i = 0; i < mi->count; i++)
		if ((r = add_mount(sys, &mi->entries[i])) < 0)
			return r;
	while ((r = cg_proc_next(&cursor, &l)) != 0) {
		int i = r > 0 ? cg_sys_find(sys, l.controllers) : -1;
		if (r < 0)
			return r;
		if (i >= 0 && (r = set_self(&sys->h[i], mi, &l)) < 0)
			return r;
	}
	return 0;
}

int cg_sys_paths(const struct cg_sys *sys, char *text, char *ret_path[CG_MAX_HIER])
{
	struct cg_proc_line l;
	char *cursor = text;
	int r;

	memset(ret_path, 0, CG_MAX_HIER * sizeof(ret_path[0]));
	while ((r = cg_proc_next(&cursor, &l)) != 0) {
		int i = r > 0 ? cg_sys_find(sys, l.controllers) : -1;
		if (r < 0 || (i >= 0 && (r = set_string(&ret_path[i], l.path)) < 0))
			break;
	}
	if (r < 0)
		for (unsigned i = 0; i < CG_MAX_HIER; i++) {
			free(ret_path[i]);
			ret_path[i] = NULL;
		}
	return r;
}

unsigned cg_parse_controllers(const char *text)
{
	unsigned mask = 0;
	char word[32];

	while (*text) {
		size_t len = strcspn(text, " \t\n");
		if (len && len < sizeof(word)) {
			memcpy(word, text, len);
			word[len] = '\0';
			int c = cg_ctrl_from_name(word);
			if (c >= 0)
				mask |= CG_BIT(c);
		}
		text += len;
		text += strspn(text, " \t\n");
	}
	return mask;
}

void cg_sys_finish(struct cg_sys *sys)
{
	bool v1 = false;

	for (int c = 0; c < CG_NCTRL; c++)
		sys->ctrl_hier[c] = -1;
	for (unsigned i = 0; i < sys->n; i++)
		for (int c = 0; c < CG_NCTRL; c++)
			if ((sys->h[i].ctrls & CG_BIT(c)) && (sys->ctrl_hier[c] < 0 || !sys->h[i].v2))
				sys->ctrl_hier[c] = (int)i;
	for (unsigned i = 0; i < sys->n; i++)
		v1 |= !sys->h[i].v2;
	if (sys->v2 >= 0)
		sys->layout = v1 ? CG_LAYOUT_HYBRID : CG_LAYOUT_UNIFIED;
	else
		sys->layout = v1 ? CG_LAYOUT_LEGACY : CG_LAYOUT_NONE;
}

bool cg_sys_needs_v2_list(const struct cg_sys *sys, unsigned ctrls)
{
	unsigned on_v1 = 0;

	if (sys->v2 < 0)
		return false;
	for (unsigned i = 0; i < sys->n; i++)
		if (!sys->h[i].v2)
			on_v1 |= sys->h[i].ctrls;
	return (ctrls & ~on_v1) != 0;
}

int cg_sys_load(struct cg_sys *sys)
{
	return cg_sys_load_for(sys, false, ~0u);
}

int cg_sys_load_named(struct cg_sys *sys, bool with_named)
{
	return cg_sys_load_for(sys, with_named, ~0u);
}

int cg_sys_load_for(struct cg_sys *sys, bool with_named, unsigned ctrls)
{
	struct mountinfo mi = MOUNTINFO_INIT;
	_cleanup_free_ char *cgroup = NULL;
	size_t bad_line;
	int r;

	cg_sys_init(sys);
	sys->with_named = with_named;
	/* cgroup and cgroup2 mounts only: the others cost no parsing */
	if ((r = mountinfo_read_fstype_at(AT_FDCWD, "/proc/self/mountinfo", "cgroup", &mi,
					  &bad_line)) < 0 ||
	    (r = readfile_at_alloc(AT_FDCWD, "/proc/self/cgroup", &cgroup, NULL)) < 0 ||
	    (r = cg_sys_parse(sys, &mi, cgroup)) < 0) {
		mountinfo_free(&mi);
		return r;
	}
	mountinfo_free(&mi);
	if (cg_sys_needs_v2_list(sys, ctrls)) {
		_cleanup_free_ char *listed = NULL;
		char path[4096];
		snprintf(path, sizeof(path), "%s/cgroup.controllers", sys->h[sys->v2].mount);
		if (readfile_at_alloc(AT_FDCWD, path, &listed, NULL) == 0)
			sys->h[sys->v2].ctrls = cg_parse_controllers(listed);
	}
	cg_sys_finish(sys);
	return 0;
}

int cg_name_check(const char *name)
{
	const char *p = name;

	if (!name || !*name || strchr(name, '\n'))
		return -EINVAL;
	if (*p == '/')
		p++;
	if (!*p)
		return 0;	/* "/": the root */
	for (;;) {
		size_t len = strcspn(p, "/");
		if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && !strncmp(p, "..", 2)))
			return -EINVAL;
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

/* Append "/" + rel (which has no leading slash, may be empty). */
static int join(char *buf, size_t size, const char *rel)
{
	size_t len = strlen(buf);

	if (!*rel)
		return 0;
	if (len > 1 || buf[0] != '/') {
		if (len + 1 >= size)
			return -ENAMETOOLONG;
		buf[len++] = '/';
		buf[len] = '\0';
	}
	if (len + strlen(rel) >= size)
		return -ENAMETOOLONG;
	strcpy(buf + len, rel);
	len = strlen(buf);
	while (len > 1 && buf[len - 1] == '/')
		buf[--len] = '\0';
	return 0;
}

int cg_resolve(const struct cg_hier *h, const char *parent, const char *group, char *buf,
	       size_t size)
{
	int r;

	if ((*group && cg_name_check(group) < 0) || size < 2)
		return -EINVAL;
	strcpy(buf, "/");
	if (*group == '/')
		return join(buf, size, group + 1);
	if (parent && (!strcmp(parent, "self") || !strncmp(parent, "self/", 5))) {
		/* A cgroup outside the caller's cgroup namespace shows as
		 * "/../.." in /proc/self/cgroup: nothing beneath it is
		 * reachable from here, and joining ".." would climb out of
		 * the hierarchy's mount. */
		if (cg_name_check(h->self) < 0)
			return -ENOENT;
		if ((r = join(buf, size, h->self + 1)) < 0)
			return r;
		parent += 4;
	}
	if (parent && *parent) {
		if (cg_name_check(parent) < 0)
			return -EINVAL;
		if ((r = join(buf, size, parent + (*parent == '/'))) < 0)
			return r;
	}
	return join(buf, size, group);
}

int cg_dir(const struct cg_hier *h, const char *path, char *buf, size_t size)
{
	return cg_mount_dir(h->mount, h->root, path, buf, size);
}
