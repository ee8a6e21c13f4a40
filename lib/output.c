#include <errno.h>
#include <libsmartcols.h>

#include "output.h"

struct libscols_table *out_table_new(const struct out_column *cols, unsigned ncols, bool json,
				     const char *name)
{
	struct libscols_table *tb = scols_new_table();

	if (!tb)
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
