/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
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

int out_table_add_row(struct libscols_table *tb, const char *const *cells, unsigned ncols)
{
	struct libscols_line *ln = scols_table_new_line(tb, NULL);

	if (!ln)
		return -ENOMEM;
	for (unsigned i = 0; i < ncols; i++)
		if (cells[i] && scols_line_set_data(ln, i, cells[i]) < 0)
			return -ENOMEM;
	return 0;
}

int out_table_print(struct libscols_table *tb, FILE *stream)
{
	int r;

	if (stream)
		scols_table_set_stream(tb, stream);
	r = scols_print_table(tb);
	scols_unref_table(tb);
	return r < 0 ? r : 0;
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
