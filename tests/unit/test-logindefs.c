/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "unit.h"
#include "logindefs.h"

static bool get(const char *text, const char *name)
{
	return logindefs_bool(text, strlen(text), name);
}

static void test_yes(void **state)
{
	assert_true(get("GRANT_AUX_GROUP_SUBIDS yes\n", "GRANT_AUX_GROUP_SUBIDS"));
	assert_true(get("GRANT_AUX_GROUP_SUBIDS\tYES", "GRANT_AUX_GROUP_SUBIDS"));
	assert_true(get("  GRANT_AUX_GROUP_SUBIDS   yes  \n", "GRANT_AUX_GROUP_SUBIDS"));
	assert_true(get("GRANT_AUX_GROUP_SUBIDS \"yes\"\n", "GRANT_AUX_GROUP_SUBIDS"));
	assert_true(get("MAIL_DIR /var/mail\nGRANT_AUX_GROUP_SUBIDS yes\nUMASK 022\n",
			"GRANT_AUX_GROUP_SUBIDS"));
	/* the last line wins */
	assert_true(get("X no\nX yes\n", "X"));
	assert_false(get("X yes\nX no\n", "X"));
}

static void test_not_yes(void **state)
{
	const char *no[] = {
		"", "\n", "GRANT_AUX_GROUP_SUBIDS no\n", "GRANT_AUX_GROUP_SUBIDS\n",
		"GRANT_AUX_GROUP_SUBIDS \n", "GRANT_AUX_GROUP_SUBIDS yess\n",
		"GRANT_AUX_GROUP_SUBIDS ye\n", "GRANT_AUX_GROUP_SUBIDS 1\n",
		"#GRANT_AUX_GROUP_SUBIDS yes\n", "GRANT_AUX_GROUP_SUBIDSX yes\n",
		"XGRANT_AUX_GROUP_SUBIDS yes\n", "GRANT_AUX_GROUP_SUBIDS=yes\n",
		"GRANT_AUX_GROUP_SUBIDS \"yes\n", "GRANT_AUX_GROUP_SUBIDS y es\n",
	};

	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (get(no[i], "GRANT_AUX_GROUP_SUBIDS"))
			fail_msg("'%s' read as yes", no[i]);
	assert_false(get("X yes\n", ""));
	/* text read only to its length */
	assert_false(logindefs_bool("X yes", 4, "X"));
	assert_true(logindefs_bool("X yesterday", 5, "X"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yes), cmocka_unit_test(test_not_yes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
