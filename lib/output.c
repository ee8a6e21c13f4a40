/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dl-smartcols.h"
#include "output.h"

int out_load(struct nsk_failure *f)
{
	return dl_smartcols_open(f);
}

struct libscols_table *out_table_new(const struct out_column *cols, unsigned ncols, bool json,
				     const char *name)
{
	struct libscols_table *tb;

	if (dl_smartcols_require(NULL) < 0) {
		errno = ELIBACC;	/* a tool that forgot out_load: lib/dl */
		return NULL;
	}
	if (!(tb = scols_new_table()))
		return NULL;
	scols_table_enable_json(tb, json);
	scols_table_set_name(tb, name);
	for (unsigned i = 0; i < ncols; i++) {
		struct libscols_column *cl =
			scols_table_new_column(tb, cols[i].name, cols[i].width_hint, cols[i].flags);
		if (!cl) {
			scols_unref_table(tb);
			return NULL;
		}
		if (cols[i].is_number)
			scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
	}
	return tb;
}

/* What cell i of a new line holds: a limit's "max" is no number, and
 * JSON says "no limit" as null (documented in each tool's man page). */
static const char *cell_data(struct libscols_table *tb, size_t i, const char *cell)
{
	struct libscols_column *cl;

	if (cell && scols_table_is_json(tb) && !strcmp(cell, "max") &&
	    (cl = scols_table_get_column(tb, i)) &&
	    scols_column_get_json_type(cl) == SCOLS_JSON_NUMBER)
		return NULL;
	return cell;
}

struct libscols_line *out_table_add_line(struct libscols_table *tb, struct libscols_line *parent,
					 const char *const *cells, unsigned ncols)
{
	struct libscols_line *ln = scols_table_new_line(tb, parent);

	if (!ln)
		return NULL;
	for (unsigned i = 0; i < ncols; i++) {
		const char *data = cell_data(tb, i, cells[i]);
		if (data && scols_line_set_data(ln, i, data) < 0)
			return NULL;
	}
	return ln;
}

int out_table_add_row(struct libscols_table *tb, const char *const *cells, unsigned ncols)
{
	return out_table_add_line(tb, NULL, cells, ncols) ? 0 : -ENOMEM;
}

/* libsmartcols prints nothing at all for a table without lines; lsns
 * and findmnt users expect the header still (and JSON its empty list). */
static int print_header_alone(struct libscols_table *tb, FILE *stream)
{
	struct libscols_column *cl;

	for (size_t i = 0; (cl = scols_table_get_column(tb, i)); i++) {
		const char *name = scols_cell_get_data(scols_column_get_header(cl));
		if (fprintf(stream, "%s%s", i ? " " : "", name ? name : "") < 0)
			return -EIO;
	}
	return fputc('\n', stream) == EOF ? -EIO : 0;
}

int out_table_print(struct libscols_table *tb, FILE *stream)
{
	int r;

	if (stream)
		scols_table_set_stream(tb, stream);
	if (scols_table_is_empty(tb) && !scols_table_is_json(tb))
		r = scols_table_is_noheadings(tb) ? 0 : print_header_alone(tb, stream ?: stdout);
	else
		r = scols_print_table(tb);
	scols_unref_table(tb);
	return r < 0 ? r : 0;
}

void out_table_free(struct libscols_table *tb)
{
	scols_unref_table(tb);
}

void out_table_set_mode(struct libscols_table *tb, unsigned flags)
{
	scols_table_enable_json(tb, !!(flags & OUT_JSON));
	scols_table_enable_raw(tb, !!(flags & OUT_RAW));
	scols_table_enable_noheadings(tb, !!(flags & OUT_NOHEADINGS));
	if (flags & (OUT_NOTRUNCATE | OUT_NOWRAP)) {
		struct libscols_iter *it = scols_new_iter(SCOLS_ITER_FORWARD);
		struct libscols_column *cl;

		while (it && scols_table_next_column(tb, it, &cl) == 0) {
			int fl = scols_column_get_flags(cl);
			if (flags & OUT_NOTRUNCATE)
				fl &= ~SCOLS_FL_TRUNC;
			if (flags & OUT_NOWRAP)
				fl &= ~SCOLS_FL_WRAP;
			scols_column_set_flags(cl, fl);
		}
		scols_free_iter(it);
	}
}

/* The column named by LIST[0..len), case insensitive, or -1. */
static int column_by_name(const struct out_column *cols, unsigned ncols, const char *name,
			  size_t len)
{
	for (unsigned i = 0; i < ncols; i++)
		if (strlen(cols[i].name) == len && !strncasecmp(cols[i].name, name, len))
			return (int)i;
	return -1;
}

int out_select(const struct out_column *cols, unsigned ncols, const char *list,
	       struct out_selection *sel, size_t *ret_bad_at, size_t *ret_bad_len)
{
	struct out_selection next = { .count = 0 };
	const char *p = list;

	if (*p == '+') {
		next = *sel;
		p++;
	}
	for (;;) {
		size_t len = strcspn(p, ",");
		int id = column_by_name(cols, ncols, p, len);

		if (id < 0) {
			*ret_bad_at = (size_t)(p - list);
			*ret_bad_len = len;
			return -EINVAL;
		}
		if (next.count == OUT_MAX_SELECTED)
			return -E2BIG;
		next.ids[next.count++] = (unsigned)id;
		if (!p[len])
			break;
		p += len + 1;
	}
	*sel = next;
	return 0;
}

void out_select_all(unsigned ncols, struct out_selection *sel)
{
	sel->count = 0;
	for (unsigned i = 0; i < ncols && i < OUT_MAX_SELECTED; i++)
		sel->ids[sel->count++] = i;
}

bool out_opts_option(struct out_opts *o, int c, const char *arg)
{
	static const struct {
		int code;
		unsigned flag;
		const char *name;
	} modes[] = {
		{ 'n', OUT_NOHEADINGS, "--noheadings" }, { 'r', OUT_RAW, "--raw" },
		{ OUT_OPT_RAW, OUT_RAW, "--raw" }, { 'J', OUT_JSON, "--json" },
		{ 'u', OUT_NOTRUNCATE, "--notruncate" }, { 'l', OUT_LIST, "--list" },
		{ 'W', OUT_NOWRAP, "--nowrap" },
	};
	const char *name = NULL;

	if (c == 'o') {
		o->columns = arg;
		name = "--output";
	} else if (c == OUT_OPT_OUTPUT_ALL) {
		o->all = true;
		name = "--output-all";
	}
	for (size_t i = 0; !name && i < sizeof(modes) / sizeof(modes[0]); i++)
		if (modes[i].code == c) {
			o->mode |= modes[i].flag;
			name = modes[i].name;
		}
	if (name && !o->first)
		o->first = name;
	return name != NULL;
}

int out_opts_select(const struct out_opts *o, const struct out_column *cols, unsigned ncols,
		    const unsigned *defaults, unsigned ndefaults, struct out_selection *sel,
		    size_t *ret_bad_at, size_t *ret_bad_len)
{
	if (o->columns && o->all)
		return -EEXIST;
	sel->count = 0;
	for (unsigned i = 0; i < ndefaults && i < OUT_MAX_SELECTED; i++)
		sel->ids[sel->count++] = defaults[i];
	if (o->all)
		out_select_all(ncols, sel);
	return o->columns ? out_select(cols, ncols, o->columns, sel, ret_bad_at, ret_bad_len) : 0;
}

struct libscols_table *out_table_new_selected(const struct out_opts *o,
					      const struct out_column *all,
					      const struct out_selection *sel, bool tree,
					      const char *name)
{
	struct out_column cols[OUT_MAX_SELECTED];
	struct libscols_table *tb;

	for (unsigned k = 0; k < sel->count; k++)
		cols[k] = all[sel->ids[k]];
	if (tree && sel->count)
		cols[0].flags |= SCOLS_FL_TREE;
	if (!(tb = out_table_new(cols, sel->count, o->mode & OUT_JSON, name)))
		return NULL;
	out_table_set_mode(tb, o->mode);
	return tb;
}

int out_table_add_selected(struct libscols_table *tb, const struct out_selection *sel,
			   const char *const *cells)
{
	const char *picked[OUT_MAX_SELECTED];

	for (unsigned k = 0; k < sel->count; k++)
		picked[k] = cells[sel->ids[k]];
	return out_table_add_row(tb, picked, sel->count);
}

void out_help_options(FILE *stream, bool raw_short, int width)
{
	const char *const lines[][2] = {
		{ "-o, --output LIST", "the columns to show (+LIST: add to the default)" },
		{ "    --output-all", "every column" },
		{ "-n, --noheadings", "no header line" },
		{ raw_short ? "-r, --raw" : "    --raw", "raw output: cells separated by one space" },
		{ "-J, --json", "JSON output (numbers as numbers, no limit as null)" },
		{ "-u, --notruncate", "never truncate a cell" },
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		fprintf(stream, " %-*s%s\n", width - 1, lines[i][0], lines[i][1]);
}

void out_help_columns(FILE *stream, const char *title, const struct out_column *cols,
		      unsigned ncols)
{
	int width = 0;

	for (unsigned i = 0; i < ncols; i++)
		if ((int)strlen(cols[i].name) > width)
			width = (int)strlen(cols[i].name);
	fprintf(stream, "\n%s\n", title);
	for (unsigned i = 0; i < ncols; i++)
		fprintf(stream, " %*s  %s\n", width, cols[i].name, cols[i].help ? cols[i].help : "");
}
