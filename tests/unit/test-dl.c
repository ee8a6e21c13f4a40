/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/dl: opening a library at run time, resolving what we call from it,
 * and the failures a user sees when it is missing or too old. */
#include <errno.h>
#include <string.h>

#include "unit.h"
#include "dl-jsonc.h"
#include "dl-seccomp.h"
#include "dl-smartcols.h"
#include "dl.h"
#include "err.h"

static void *strlen_at, *missing_at;

static void test_missing_library(void **state)
{
	static const struct dl_symbol syms[] = { { "strlen", &strlen_at } };
	struct dl_library lib = { "libnskit-none.so.0", syms, 1, NULL };
	struct nsk_failure f = NSK_FAILURE_INIT;

	(void)state;
	assert_int_equal(dl_library_require(&lib, &f), -DL_ENOTLOADED);
	assert_string_equal(f.object, "libnskit-none.so.0");
	assert_int_equal(dl_library_open(&lib, &f), -DL_ELOAD);
	assert_string_equal(f.object, "libnskit-none.so.0");
	/* the loader's words, without the file name the record has already */
	assert_string_equal(f.detail, "cannot open shared object file: No such file or directory");
	assert_null(lib.handle);
	assert_null(strlen_at);
	assert_int_equal(dl_library_open(&lib, NULL), -DL_ELOAD);	/* no record wanted */
}

static void test_resolves(void **state)
{
	static const struct dl_symbol syms[] = { { "strlen", &strlen_at } };
	struct dl_library lib = { "libc.so.6", syms, 1, NULL };
	size_t (*len)(const char *);

	(void)state;
	assert_int_equal(dl_library_open(&lib, NULL), 0);
	assert_int_equal(dl_library_require(&lib, NULL), 0);
	assert_non_null(strlen_at);
	len = (size_t(*)(const char *))strlen_at;
	assert_int_equal(len("nskit"), 5);
	assert_int_equal(dl_library_open(&lib, NULL), 0);	/* once */
}

static void test_missing_function(void **state)
{
	static const struct dl_symbol syms[] = {
		{ "strlen", &strlen_at }, { "nskit_no_such_function", &missing_at },
	};
	struct dl_library lib = { "libc.so.6", syms, 2, NULL };
	struct nsk_failure f = NSK_FAILURE_INIT;

	(void)state;
	assert_int_equal(dl_library_open(&lib, &f), -DL_ESYMBOL);
	assert_string_equal(f.object, "libc.so.6");
	assert_non_null(strstr(f.detail, "nskit_no_such_function"));
	/* nothing half-resolved stays behind */
	assert_null(lib.handle);
	assert_null(strlen_at);
	assert_null(missing_at);
	assert_int_equal(dl_library_require(&lib, NULL), -DL_ENOTLOADED);
}

/* The three libraries the tools open, with every function they list:
 * the versions on this machine have them all. */
static void test_ours(void **state)
{
	struct nsk_failure f = NSK_FAILURE_INIT;

	(void)state;
	assert_int_equal(dl_smartcols_require(&f), -DL_ENOTLOADED);
	assert_string_equal(f.object, "libsmartcols.so.1");
	assert_int_equal(dl_smartcols_open(&f), 0);
	assert_int_equal(dl_seccomp_open(&f), 0);
	assert_int_equal(dl_jsonc_open(&f), 0);
	assert_int_equal(dl_smartcols_require(NULL), 0);
	assert_int_equal(dl_seccomp_require(NULL), 0);
	assert_int_equal(dl_jsonc_require(NULL), 0);
	assert_non_null(scols_new_table);	/* the redirected name, filled */
	assert_string_equal(json_type_to_name(json_type_int), "int");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library), cmocka_unit_test(test_resolves),
		cmocka_unit_test(test_missing_function), cmocka_unit_test(test_ours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
