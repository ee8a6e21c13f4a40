/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "output.h"

static char *render(bool json)
{
	static const struct out_column cols[] = {
		{ "INNER", 0, 0, true, NULL }, { "USER", 0, 0, false, NULL },
	};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct libscols_table *tb = out_table_new(cols, 2, json, "maps");

	assert_non_null(tb);
	assert_int_equal(out_table_add_row(tb, (const char *[]){ "0", "root" }, 2), 0);
	assert_int_equal(out_table_add_row(tb, (const char *[]){ "1000", NULL }, 2), 0);
	assert_int_equal(out_table_print(tb, f), 0);
	fclose(f);
	return buf;
}

static void test_table(void **state)
{
	char *text = render(false);

	assert_non_null(strstr(text, "INNER"));
	assert_non_null(strstr(text, "root"));
	free(text);
}

static void test_json(void **state)
{
	char *text = render(true);

	assert_non_null(strstr(text, "\"maps\": ["));
	assert_non_null(strstr(text, "\"inner\": 0"));
	assert_non_null(strstr(text, "\"user\": \"root\""));
	assert_non_null(strstr(text, "\"inner\": 1000"));
	free(text);
}

static const struct out_column sel_cols[] = {
	{ "PID", 0, 0, true, NULL }, { "NS", 0, 0, false, NULL }, { "MEMMAX", 0, 0, false, NULL },
};

static void test_select(void **state)
{
	struct out_selection sel = { .ids = { 0 }, .count = 1 };
	size_t at = 0, len = 0;

	assert_int_equal(out_select(sel_cols, 3, "ns,pid", &sel, &at, &len), 0);
	assert_int_equal(sel.count, 2);
	assert_int_equal(sel.ids[0], 1);
	assert_int_equal(sel.ids[1], 0);
	/* +LIST appends, any case */
	assert_int_equal(out_select(sel_cols, 3, "+MemMax", &sel, &at, &len), 0);
	assert_int_equal(sel.count, 3);
	assert_int_equal(sel.ids[2], 2);
	/* an unknown name: where it is, and the selection is left alone */
	assert_int_equal(out_select(sel_cols, 3, "pid,nope,ns", &sel, &at, &len), -EINVAL);
	assert_int_equal(at, 4);
	assert_int_equal(len, 4);
	assert_int_equal(sel.count, 3);
	/* empty names and a prefix of a name are unknown */
	assert_int_equal(out_select(sel_cols, 3, "", &sel, &at, &len), -EINVAL);
	assert_int_equal(out_select(sel_cols, 3, "pid,", &sel, &at, &len), -EINVAL);
	assert_int_equal(at, 4);
	assert_int_equal(out_select(sel_cols, 3, "MEM", &sel, &at, &len), -EINVAL);
	assert_int_equal(out_select(sel_cols, 3, "+", &sel, &at, &len), -EINVAL);
	out_select_all(3, &sel);
	assert_int_equal(sel.count, 3);
	assert_int_equal(sel.ids[2], 2);
}

static void test_select_too_many(void **state)
{
	struct out_selection sel = { .count = 0 };
	char list[OUT_MAX_SELECTED * 4 + 8] = "pid";
	size_t at, len;

	for (unsigned i = 1; i <= OUT_MAX_SELECTED; i++)
		strcat(list, ",ns");
	assert_int_equal(out_select(sel_cols, 3, list, &sel, &at, &len), -E2BIG);
	assert_int_equal(sel.count, 0);
}

static void test_mode(void **state)
{
	static const struct out_column cols[] = { { "A", 0, 0, false, NULL } };
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct libscols_table *tb = out_table_new(cols, 1, false, "t");

	out_table_set_mode(tb, OUT_NOHEADINGS | OUT_RAW);
	assert_int_equal(out_table_add_row(tb, (const char *[]){ "a b" }, 1), 0);
	assert_int_equal(out_table_print(tb, f), 0);
	fclose(f);
	assert_string_equal(buf, "a\\x20b\n");	/* raw: no header, escaped */
	free(buf);
}

/* Print a table of cols with these rows (NULL-ended cells of 2) as o says. */
static char *render_opts(const struct out_opts *o, const struct out_selection *sel,
			 const char *const (*rows)[3], unsigned nrows)
{
	static const struct out_column cols[] = {
		{ "PID", 0, 0, true, "a pid" }, { "NS", 0, 0, false, "a namespace" },
		{ "MEMMAX", 0, 0, true, "a limit" },
	};
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct libscols_table *tb = out_table_new_selected(o, cols, sel, false, "t");

	assert_non_null(tb);
	for (unsigned i = 0; i < nrows; i++)
		assert_int_equal(out_table_add_selected(tb, sel, rows[i]), 0);
	assert_int_equal(out_table_print(tb, f), 0);
	fclose(f);
	return buf;
}

static void test_opts_option(void **state)
{
	struct out_opts o = { 0 };

	assert_true(out_opts_option(&o, 'J', NULL));
	assert_true(out_opts_option(&o, 'o', "pid"));
	assert_true(out_opts_option(&o, OUT_OPT_RAW, NULL));
	assert_true(out_opts_option(&o, 'n', NULL));
	assert_false(out_opts_option(&o, 't', "1"));
	assert_int_equal(o.mode, OUT_JSON | OUT_RAW | OUT_NOHEADINGS);
	assert_string_equal(o.columns, "pid");
	assert_string_equal(o.first, "--json");	/* the first one given */
	assert_true(out_opts_option(&o, OUT_OPT_OUTPUT_ALL, NULL));
	assert_true(o.all);
}

static void test_opts_select(void **state)
{
	static const unsigned defaults[] = { 1, 0 };
	struct out_opts o = { 0 };
	struct out_selection sel;
	size_t at = 99, len = 99;

	/* nothing given: the defaults */
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), 0);
	assert_int_equal(sel.count, 2);
	assert_int_equal(sel.ids[0], 1);
	/* +COL after the defaults, any case */
	o.columns = "+mEmMaX";
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), 0);
	assert_int_equal(sel.count, 3);
	assert_int_equal(sel.ids[2], 2);
	/* --output-all: every column, in their order */
	o.columns = NULL;
	o.all = true;
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), 0);
	assert_int_equal(sel.count, 3);
	assert_int_equal(sel.ids[0], 0);
	/* both: refused */
	o.columns = "pid";
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), -EEXIST);
	o.all = false;
	/* empty list, a lone "+", an empty name inside: empty name at its offset */
	o.columns = "";
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), -EINVAL);
	assert_int_equal(len, 0);
	o.columns = "+";
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), -EINVAL);
	assert_int_equal(at, 1);
	assert_int_equal(len, 0);
	o.columns = "pid,,ns";
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), -EINVAL);
	assert_int_equal(at, 4);
	assert_int_equal(len, 0);
	/* unknown: its offset and length */
	o.columns = "ns,pidx";
	assert_int_equal(out_opts_select(&o, sel_cols, 3, defaults, 2, &sel, &at, &len), -EINVAL);
	assert_int_equal(at, 3);
	assert_int_equal(len, 4);
}

static void test_empty_header(void **state)
{
	struct out_opts o = { 0 };
	struct out_selection sel = { .ids = { 1, 0 }, .count = 2 };
	char *text = render_opts(&o, &sel, NULL, 0);

	/* no rows: the header still, as lsns prints it */
	assert_string_equal(text, "NS PID\n");
	free(text);
	o.mode = OUT_NOHEADINGS;
	text = render_opts(&o, &sel, NULL, 0);
	assert_string_equal(text, "");
	free(text);
	o.mode = OUT_JSON;
	text = render_opts(&o, &sel, NULL, 0);
	assert_non_null(strstr(text, "\"t\": ["));
	free(text);
}

static void test_max_null(void **state)
{
	static const char *const rows[][3] = { { "1", "x", "max" }, { "2", "max", "64" } };
	struct out_opts o = { .mode = OUT_JSON };
	struct out_selection sel = { .ids = { 0, 1, 2 }, .count = 3 };
	char *text = render_opts(&o, &sel, rows, 2);

	/* "max" in a number column is null in JSON; in a string column it stays */
	assert_non_null(strstr(text, "\"memmax\": null"));
	assert_non_null(strstr(text, "\"memmax\": 64"));
	assert_non_null(strstr(text, "\"ns\": \"max\""));
	assert_null(strstr(text, ": max"));
	free(text);
	/* and "max" in a table */
	o.mode = OUT_RAW | OUT_NOHEADINGS;
	text = render_opts(&o, &sel, rows, 1);
	assert_string_equal(text, "1 x max\n");
	free(text);
}

static void test_help_columns(void **state)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	static const struct out_column cols[] = {
		{ "A", 0, 0, false, "first" }, { "LONGER", 0, 0, false, "second" },
	};

	out_help_columns(f, "Available output columns:", cols, 2);
	fclose(f);
	assert_string_equal(buf, "\nAvailable output columns:\n      A  first\n LONGER  second\n");
	free(buf);
}

/* Before out_load, no table: lib/dl's rule (the tool opens the library,
 * lib functions only check), and no crash through an empty pointer. */
static void test_unloaded(void **state)
{
	static const struct out_column col = { "A", 0, 0, false, NULL };

	(void)state;
	errno = 0;
	assert_null(out_table_new(&col, 1, false, "t"));
	assert_int_equal(errno, ELIBACC);
	assert_int_equal(out_load(NULL), 0);
	assert_int_equal(out_load(NULL), 0);	/* once; later calls return */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unloaded), cmocka_unit_test(test_table), cmocka_unit_test(test_json),
		cmocka_unit_test(test_select), cmocka_unit_test(test_select_too_many),
		cmocka_unit_test(test_mode), cmocka_unit_test(test_opts_option),
		cmocka_unit_test(test_opts_select), cmocka_unit_test(test_empty_header),
		cmocka_unit_test(test_max_null), cmocka_unit_test(test_help_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
