#include <stdio.h>
#include <stdlib.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table), cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
