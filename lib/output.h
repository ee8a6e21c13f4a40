/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Tables and JSON through libsmartcols (the library behind lsns and
 * findmnt), so that every tool's --json looks the same. */
#pragma once
#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct libscols_table;
struct libscols_line;
struct nsk_failure;

/* Open libsmartcols (lib/dl): a tool calls it once it knows it will print
 * a table, before it enters any namespace. 0, or a dl error with f naming
 * the library. */
int out_load(struct nsk_failure *f);

struct out_column {
	const char *name;	/* header, and the JSON key in lower case */
	double width_hint;	/* libsmartcols whint: <1 a fraction, else columns */
	int flags;		/* SCOLS_FL_* (SCOLS_FL_RIGHT for numbers) */
	bool is_number;		/* a JSON number rather than a string; a limit's
				 * "max" in it is JSON null */
	const char *help;	/* its line in --help's "Available output columns" */
};

/* A table with these columns; json: print as {"NAME": [ {..}, .. ]}.
 * NULL when memory ran out or out_load was not called (errno ELIBACC). */
struct libscols_table *out_table_new(const struct out_column *cols, unsigned ncols, bool json,
				     const char *name);
/* Add a row of ncols cells (NULL cells print as empty / JSON null; in
 * JSON, "max" in a number column is null: no limit). */
int out_table_add_row(struct libscols_table *tb, const char *const *cells, unsigned ncols);
/* The same below parent (NULL: at the top; a tree needs SCOLS_FL_TREE on
 * a column): the new line, or NULL (ENOMEM). */
struct libscols_line *out_table_add_line(struct libscols_table *tb, struct libscols_line *parent,
					 const char *const *cells, unsigned ncols);
/* Print to stream (stdout when NULL) and free the table. A table without
 * rows still prints its header (unless -n), as lsns does. */
int out_table_print(struct libscols_table *tb, FILE *stream);
/* Free a table that will not be printed (NULL: nothing). */
void out_table_free(struct libscols_table *tb);

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

/* The options a tool took (out_opts_option), as util-linux spells them:
 * -o/--output LIST, --output-all, -n/--noheadings, -r/--raw, -J/--json,
 * -u/--notruncate (and nsls's -l/--list, -W/--nowrap). A tool whose -r
 * means something else gives --raw the long-only code OUT_OPT_RAW. */
enum { OUT_OPT_OUTPUT_ALL = 0x10000, OUT_OPT_RAW };

struct out_opts {
	unsigned mode;		/* OUT_* */
	const char *columns;	/* -o LIST; NULL: the default columns */
	bool all;		/* --output-all */
	const char *first;	/* the first of them given ("--json"), for
				 * "... goes with --show"; NULL: none */
};

/* Their longopts entries; raw is 'r' or OUT_OPT_RAW. */
#define OUT_LONGOPTS(raw)                                                                  \
	{ "output", required_argument, NULL, 'o' },                                        \
	{ "output-all", no_argument, NULL, OUT_OPT_OUTPUT_ALL },                           \
	{ "noheadings", no_argument, NULL, 'n' },                                          \
	{ "raw", no_argument, NULL, (raw) },                                               \
	{ "json", no_argument, NULL, 'J' },                                                \
	{ "notruncate", no_argument, NULL, 'u' }

/* Take option c (its getopt code) into o: true when it is one of them. */
bool out_opts_option(struct out_opts *o, int c, const char *arg);
/* The columns to show: the defaults, every column (--output-all), then
 * -o LIST as out_select takes it. Pure. 0; -EINVAL an unknown or empty
 * column name (at *ret_bad_at, *ret_bad_len long, 0 for an empty one);
 * -E2BIG too many; -EEXIST both -o and --output-all. */
int out_opts_select(const struct out_opts *o, const struct out_column *cols, unsigned ncols,
		    const unsigned *defaults, unsigned ndefaults, struct out_selection *sel,
		    size_t *ret_bad_at, size_t *ret_bad_len);
/* A table of the selected columns (the first one a tree's when tree),
 * printed as o says; NULL: ENOMEM. */
struct libscols_table *out_table_new_selected(const struct out_opts *o,
					      const struct out_column *all,
					      const struct out_selection *sel, bool tree,
					      const char *name);

/* Add a row given all of a table's cells (one per column of the full
 * set), the selected ones only: 0 or -ENOMEM. */
int out_table_add_selected(struct libscols_table *tb, const struct out_selection *sel,
			   const char *const *cells);

/* --help: the option lines (raw_short: -r is --raw), their text from
 * column width on ... */
void out_help_options(FILE *stream, bool raw_short, int width);
/* ... and, under title ("Available output columns:"), each column's name
 * and help, as lsns --help lists them. */
void out_help_columns(FILE *stream, const char *title, const struct out_column *cols,
		      unsigned ncols);
