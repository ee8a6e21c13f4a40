/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgctl stat and list: figures read from whichever hierarchy holds each
 * controller, shown as a table or JSON through libsmartcols (lib/output). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgctl.h"
#include "cleanup.h"
#include "dl-smartcols.h"
#include "err.h"
#include "cgfigures.h"
#include "opts.h"
#include "output.h"
#include "parse.h"

/* stat's and list's columns: the group, then its figures. */
enum { COL_GROUP, COL_FIGURES, NCOLS = COL_FIGURES + CGF_COUNT };

const struct out_column *cgctl_columns(void)
{
	static struct out_column cols[NCOLS] = {
		[COL_GROUP] = { "GROUP", 0, 0, false, "the group, as cgctl takes it" },
	};

	if (!cols[COL_FIGURES].name)
		memcpy(cols + COL_FIGURES, cg_figure_columns, sizeof(cg_figure_columns));
	return cols;
}

unsigned cgctl_ncolumns(void)
{
	return NCOLS;
}

/* The cell of column col for group name with figures f. */
static const char *cell(const struct cg_figures *f, const char *name, unsigned col)
{
	return col == COL_GROUP ? name : cg_figure_cell(f, (enum cg_figure)(col - COL_FIGURES));
}

/* The selected cells of one group, into cells. */
static void row_cells(const struct cg_figures *f, const char *name,
		      const struct out_selection *sel, const char **cells)
{
	for (unsigned k = 0; k < sel->count; k++)
		cells[k] = cell(f, name, sel->ids[k]);
}

/* Without -o, --output-all or -J: one line per figure, FIELD and VALUE
 * (keys as the v2 files are named), easier to read than one wide row. */
static int stat_vertical(const struct cgctl_opts *o, const struct cg_figures *f)
{
	static const struct out_column cols[] = {
		{ "FIELD", 0, 0, false, NULL }, { "VALUE", 0, SCOLS_FL_RIGHT, false, NULL },
	};
	struct out_selection both = { .ids = { 0, 1 }, .count = 2 };
	struct libscols_table *tb = out_table_new_selected(&o->out, cols, &both, false, "cgstat");
	char name[32];

	if (!tb)
		return -ENOMEM;
	for (int i = 0; i < CGF_COUNT; i++) {
		snprintf(name, sizeof(name), "%s", cg_figure_columns[i].name);
		for (char *p = name; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		const char *cells[] = { name, cg_figure_cell(f, (enum cg_figure)i) ?: "-" };
		if (out_table_add_row(tb, cells, 2) < 0) {
			out_table_free(tb);
			return -ENOMEM;
		}
	}
	return out_table_print(tb, NULL);
}

/* With -o, --output-all or -J: the group as one row, as list shows it. */
static int stat_row(const struct cgctl_opts *o, const struct out_selection *sel,
		    const struct cg_figures *f)
{
	const char *cells[OUT_MAX_SELECTED];
	struct libscols_table *tb = out_table_new_selected(&o->out, cgctl_columns(), sel, false,
							   "cgstat");

	row_cells(f, o->group, sel, cells);
	if (!tb || out_table_add_row(tb, cells, sel->count) < 0) {
		out_table_free(tb);
		return -ENOMEM;
	}
	return out_table_print(tb, NULL);
}

int cmd_stat(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct out_selection sel;
	unsigned every[NCOLS];
	struct cg_figures f;
	bool vertical = !o->out.columns && !o->out.all && !(o->out.mode & OUT_JSON);
	int r;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	for (unsigned i = 0; i < NCOLS; i++)
		every[i] = i;	/* the row's default: the group and every figure */
	if (!vertical && opts_output_select(&o->out, cgctl_columns(), NCOLS, every, NCOLS, &sel) < 0)
		return EXIT_TOOL_FAILED;
	cg_figures_collect(&c->keys, &c->g, CGF_ALL, &f);
	r = vertical ? stat_vertical(o, &f) : stat_row(o, &sel, &f);
	if (r < 0) {
		nsk_err("output: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

/* ---- list ---- */

struct names {
	char **v;
	size_t n, size;
};

static int add_name(struct names *ns, const char *name)
{
	if (ns->n == ns->size) {
		size_t size = ns->size ? ns->size * 2 : 64;
		char **v = realloc(ns->v, size * sizeof(*v));
		if (!v)
			return -ENOMEM;
		ns->v = v;
		ns->size = size;
	}
	return (ns->v[ns->n++] = strdup(name)) ? 0 : -ENOMEM;
}

/* The groups beneath dir, as paths relative to it ("a", "a/b"). */
static int walk(struct names *ns, const char *dir, const char *rel)
{
	char path[4096], sub[4096];
	DIR *d;
	int r = 0;

	snprintf(path, sizeof(path), "%s%s%s", dir, *rel ? "/" : "", rel);
	if (!(d = opendir(path)))
		return errno == ENOENT ? 0 : -errno;
	for (struct dirent *e; (e = readdir(d)) && r == 0;) {
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		if ((r = add_name(ns, sub)) == 0)
			r = walk(ns, dir, sub);
	}
	closedir(d);
	return r;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

/* list's default columns (--output-all: every figure) */
static const unsigned list_defaults[] = {
	COL_GROUP, COL_FIGURES + CGF_MEM_CURRENT, COL_FIGURES + CGF_MEM_MAX,
	COL_FIGURES + CGF_PIDS_CURRENT, COL_FIGURES + CGF_PIDS_MAX, COL_FIGURES + CGF_CPU_USAGE,
	COL_FIGURES + CGF_FROZEN,
};

/* One row: the figures of the group base/rel. */
static int list_row(const struct cgctl_opts *o, struct cgctl_ctx *c, struct libscols_table *tb,
		    const struct out_selection *sel, struct libscols_line **lines,
		    const struct names *ns, size_t i, const char *base)
{
	const char *cells[OUT_MAX_SELECTED];
	char name[4096];
	struct cg_figures f;
	struct libscols_line *parent = NULL;
	const char *rel = ns->v[i], *slash = strrchr(rel, '/');
	unsigned mask;

	snprintf(name, sizeof(name), "%s%s%s", base, *base && strcmp(base, "/") ? "/" : "", rel);
	cg_group_free(&c->g);
	if (!(mask = cgctl_hiers(o, &c->sys, ~0u)) ||
	    cg_group_init(&c->g, &c->sys, o->parent, name, mask) < 0 ||
	    cg_group_existing(&c->g, NULL) < 0)
		return 0;	/* gone meanwhile */
	cg_figures_collect(&c->keys, &c->g, CGF_ALL, &f);
	if (o->tree && slash) {
		/* the parent is the nearest earlier name that prefixes this one */
		for (size_t j = i; j-- > 0;)
			if (!strncmp(ns->v[j], rel, (size_t)(slash - rel)) &&
			    ns->v[j][slash - rel] == '\0') {
				parent = lines[j];
				break;
			}
	}
	row_cells(&f, o->tree ? (slash ? slash + 1 : rel) : name, sel, cells);
	return (lines[i] = out_table_add_line(tb, parent, cells, sel->count)) ? 0 : -ENOMEM;
}

int cmd_list(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct out_selection sel;
	struct names ns = { 0 };
	int r = 0;

	if (opts_output_select(&o->out, cgctl_columns(), NCOLS, list_defaults,
			       ELEMENTSOF(list_defaults), &sel) < 0 ||
	    open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	for (unsigned i = 0; i < c->sys.n && r == 0; i++)
		if (c->g.dir[i])
			r = walk(&ns, c->g.dir[i], "");
	/* The same group appears once per hierarchy: keep one. */
	if (ns.n)	/* qsort of no array: NULL, which it may not take */
		qsort(ns.v, ns.n, sizeof(*ns.v), cmp_names);
	size_t n = 0;
	for (size_t i = 0; i < ns.n; i++) {
		if (n && !strcmp(ns.v[n - 1], ns.v[i]))
			free(ns.v[i]);
		else
			ns.v[n++] = ns.v[i];
	}
	ns.n = n;
	struct libscols_table *tb = out_table_new_selected(&o->out, cgctl_columns(), &sel, o->tree,
							   "cgroups");
	struct libscols_line **lines = calloc(ns.n + 1, sizeof(*lines));
	/* Rows are named as the other subcommands take them: relative to
	 * --parent, so "self" resolves in each hierarchy on its own. */
	for (size_t i = 0; tb && lines && r == 0 && i < ns.n; i++)
		r = list_row(o, c, tb, &sel, lines, &ns, i, o->group);
	if (!tb || !lines || r < 0 || out_table_print(tb, NULL) < 0) {
		nsk_err("%s: listing: %s", *o->group ? o->group : "/", strerror(r < 0 ? -r : ENOMEM));
		r = -1;
	}
	free(lines);
	free_names(&ns);
	return r < 0 ? EXIT_TOOL_FAILED : 0;
}
