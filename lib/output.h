/* Tables and JSON through libsmartcols (the library behind lsns and
 * findmnt), so that every tool's --json looks the same. */
#pragma once
#include <stdbool.h>
#include <stdio.h>

struct libscols_table;

struct out_column {
	const char *name;	/* header, and the JSON key in lower case */
	double width_hint;	/* libsmartcols whint: <1 a fraction, else columns */
	int flags;		/* SCOLS_FL_* (SCOLS_FL_RIGHT for numbers) */
	bool is_number;		/* a JSON number rather than a string */
};

/* A table with these columns; json: print as {"NAME": [ {..}, .. ]}. */
struct libscols_table *out_table_new(const struct out_column *cols, unsigned ncols, bool json,
				     const char *name);
/* Add a row of ncols cells (NULL cells print as empty / JSON null). */
int out_table_add_row(struct libscols_table *tb, const char *const *cells, unsigned ncols);
/* Print to stream (stdout when NULL) and free the table. */
int out_table_print(struct libscols_table *tb, FILE *stream);
