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
		{ "INNER", 0, 0, true }, { "USER", 0, 0, false },
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
	{ "PID", 0, 0, true }, { "NS", 0, 0, false }, { "MEMMAX", 0, 0, false },
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
	static const struct out_column cols[] = { { "A", 0, 0, false } };
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

/* Before out_load, no table: lib/dl's rule (the tool opens the library,
 * lib functions only check), and no crash through an empty pointer. */
static void test_unloaded(void **state)
{
	static const struct out_column col = { "A", 0, 0, false };

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
		cmocka_unit_test(test_mode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
