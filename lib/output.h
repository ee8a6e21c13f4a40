/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tables and JSON through libsmartcols (the library behind lsns and
 * findmnt), so that every tool's --json looks the same. */
#pragma once
#include <stdbool.h>
#include <stdio.h>

struct libscols_table;
struct nsk_failure;

/* Open libsmartcols (lib/dl): a tool calls it once it knows it will print
 * a table, before it enters any namespace. 0, or a dl error with f naming
 * the library. */
int out_load(struct nsk_failure *f);

struct out_column {
	const char *name;	/* header, and the JSON key in lower case */
	double width_hint;	/* libsmartcols whint: <1 a fraction, else columns */
	int flags;		/* SCOLS_FL_* (SCOLS_FL_RIGHT for numbers) */
	bool is_number;		/* a JSON number rather than a string */
};

/* A table with these columns; json: print as {"NAME": [ {..}, .. ]}.
 * NULL when memory ran out or out_load was not called (errno ELIBACC). */
struct libscols_table *out_table_new(const struct out_column *cols, unsigned ncols, bool json,
				     const char *name);
/* Add a row of ncols cells (NULL cells print as empty / JSON null). */
int out_table_add_row(struct libscols_table *tb, const char *const *cells, unsigned ncols);
/* Print to stream (stdout when NULL) and free the table. */
int out_table_print(struct libscols_table *tb, FILE *stream);

/* ---- util-linux's output options (-o, -n, -r, -J, -l, -u, -W) ---- */

/* How a table is printed, as lsns and findmnt take it. */
enum out_mode_flag {
	OUT_JSON = 1 << 0,		/* -J: JSON */
	OUT_RAW = 1 << 1,		/* -r: cells separated by one space, escaped */
	OUT_NOHEADINGS = 1 << 2,	/* -n */
	OUT_LIST = 1 << 3,		/* -l: no tree formatting */
	OUT_NOTRUNCATE = 1 << 4,	/* -u: never truncate a cell */
	OUT_NOWRAP = 1 << 5,		/* -W: never wrap a cell */
};
/* Set the flags of a table made by out_table_new (OUT_JSON there too). */
void out_table_set_mode(struct libscols_table *tb, unsigned flags);

#define OUT_MAX_SELECTED 64

/* A selection of columns out of a table of ncols, by index. */
struct out_selection {
	unsigned ids[OUT_MAX_SELECTED];
	unsigned count;
};

/* Apply an -o LIST ("PID,NS", case insensitive) to sel: LIST replaces
 * the selection, "+LIST" appends to it. Pure. 0; -EINVAL with
 * *ret_bad_at the offset of the unknown name in LIST (its length in
 * *ret_bad_len); -E2BIG past OUT_MAX_SELECTED columns. */
int out_select(const struct out_column *cols, unsigned ncols, const char *list,
	       struct out_selection *sel, size_t *ret_bad_at, size_t *ret_bad_len);
/* Every column. */
void out_select_all(unsigned ncols, struct out_selection *sel);
