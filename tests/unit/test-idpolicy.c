/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "err.h"
#include "idpolicy.h"

static struct subid_grants grants;
static struct idmap m;

static enum idpolicy_verdict check(bool privileged, const char *const ranges[], unsigned *bad,
				   bool *uses)
{
	m.count = 0;
	for (int i = 0; ranges[i]; i++) {
		struct idmap_range r;
		assert_int_equal(idmap_parse_range(ranges[i], &r), 0);
		assert_int_equal(idmap_add(&m, r), 0);
	}
	return idpolicy_check_map(&m, privileged, 1000, &grants, bad, uses);
}

static void test_map_policy(void **state)
{
	unsigned bad = 99;
	bool uses;

	subid_parse("alice:100000:65536\nalice:200000:10\n", "alice", 1000, &grants);
	/* own id alone */
	assert_int_equal(check(false, (const char *[]){ "0:1000:1", NULL }, &bad, &uses), IDPOLICY_OK);
	assert_false(uses);
	/* own id, as any inner id */
	assert_int_equal(check(false, (const char *[]){ "1000:1000:1", NULL }, &bad, &uses),
			 IDPOLICY_OK);
	/* own id plus a grant */
	assert_int_equal(check(false, (const char *[]){ "0:1000:1", "1:100000:65536", NULL }, &bad,
			       &uses), IDPOLICY_OK);
	assert_true(uses);
	/* part of a grant, and the second grant */
	assert_int_equal(check(false, (const char *[]){ "0:100500:10", "10:200000:10", NULL }, &bad,
			       &uses), IDPOLICY_OK);
	/* own id with a neighbour is more than one id */
	assert_int_equal(check(false, (const char *[]){ "0:1000:2", NULL }, &bad, &uses),
			 IDPOLICY_NOT_GRANTED);
	assert_int_equal(bad, 0);
	/* someone else's id */
	assert_int_equal(check(false, (const char *[]){ "0:1000:1", "1:0:1", NULL }, &bad, &uses),
			 IDPOLICY_NOT_GRANTED);
	assert_int_equal(bad, 1);
	/* past the end of a grant */
	assert_int_equal(check(false, (const char *[]){ "0:100000:65537", NULL }, &bad, &uses),
			 IDPOLICY_NOT_GRANTED);
	assert_int_equal(check(false, (const char *[]){ "0:199999:2", NULL }, &bad, &uses),
			 IDPOLICY_NOT_GRANTED);
	/* root may ask for anything */
	assert_int_equal(check(true, (const char *[]){ "0:0:4294967295", NULL }, &bad, &uses),
			 IDPOLICY_OK);
	/* no grants at all */
	subid_parse("", "alice", 1000, &grants);
	assert_int_equal(check(false, (const char *[]){ "0:100000:1", NULL }, &bad, &uses),
			 IDPOLICY_NOT_GRANTED);
	assert_int_equal(check(false, (const char *[]){ NULL }, &bad, &uses), IDPOLICY_OK);
}

static void test_capable(void **state)
{
	m.count = 0;
	/* nothing to write needs nothing */
	assert_int_equal(idpolicy_check_capable(&m, false, 1000), IDPOLICY_OK);
	/* the own id alone, whatever its inner id */
	idmap_add(&m, (struct idmap_range){ 0, 1000, 1 });
	assert_int_equal(idpolicy_check_capable(&m, false, 1000), IDPOLICY_OK);
	/* another id, more ids, or a second line need the capability */
	assert_int_equal(idpolicy_check_capable(&m, false, 1001), IDPOLICY_NEEDS_CAP);
	m.ranges[0].count = 2;
	assert_int_equal(idpolicy_check_capable(&m, false, 1000), IDPOLICY_NEEDS_CAP);
	m.ranges[0].count = 1;
	idmap_add(&m, (struct idmap_range){ 1, 100000, 10 });
	assert_int_equal(idpolicy_check_capable(&m, false, 1000), IDPOLICY_NEEDS_CAP);
	assert_int_equal(idpolicy_check_capable(&m, true, 1000), IDPOLICY_OK);
}

static void test_setgroups_policy(void **state)
{
	int w;

	/* unprivileged, gid map with no grant: deny is forced */
	assert_int_equal(idpolicy_setgroups(false, true, false, -1, &w), IDPOLICY_OK);
	assert_int_equal(w, 0);
	assert_int_equal(idpolicy_setgroups(false, true, false, 0, &w), IDPOLICY_OK);
	assert_int_equal(w, 0);
	assert_int_equal(idpolicy_setgroups(false, true, false, 1, &w), IDPOLICY_SETGROUPS_ALLOW);
	/* with a subgid grant: as asked, untouched by default */
	assert_int_equal(idpolicy_setgroups(false, true, true, -1, &w), IDPOLICY_OK);
	assert_int_equal(w, -1);
	assert_int_equal(idpolicy_setgroups(false, true, true, 1, &w), IDPOLICY_OK);
	assert_int_equal(w, 1);
	/* no gid map: as asked */
	assert_int_equal(idpolicy_setgroups(false, false, false, -1, &w), IDPOLICY_OK);
	assert_int_equal(w, -1);
	assert_int_equal(idpolicy_setgroups(false, false, false, 1, &w), IDPOLICY_OK);
	assert_int_equal(w, 1);
	/* privileged: as asked */
	assert_int_equal(idpolicy_setgroups(true, true, false, -1, &w), IDPOLICY_OK);
	assert_int_equal(w, -1);
	assert_int_equal(idpolicy_setgroups(true, true, false, 1, &w), IDPOLICY_OK);
	assert_int_equal(w, 1);
}

static void test_caller_load(void **state)
{
	static struct idpolicy_caller c;
	char su[] = "/tmp/nskit-unit-subuid.XXXXXX", sg[] = "/tmp/nskit-unit-subgid.XXXXXX";
	char line[64];
	struct nsk_failure f = NSK_FAILURE_INIT;
	int fd;

	/* an unprivileged caller, numeric entries (no passwd entry needed) */
	fd = mkstemp(su);
	snprintf(line, sizeof(line), "4000000001:100000:65536\n");
	assert_int_equal(write(fd, line, strlen(line)), (int)strlen(line));
	close(fd);
	fd = mkstemp(sg);
	snprintf(line, sizeof(line), "# none\n4000000001:300000:10\n4000000002:1:1\n");
	assert_int_equal(write(fd, line, strlen(line)), (int)strlen(line));
	close(fd);
	assert_int_equal(idpolicy_caller_load(&c, 4000000001u, 4000000005u, su, sg, &f), 0);
	assert_false(c.privileged);
	assert_int_equal(c.gid, 4000000005u);
	assert_int_equal(c.subuid.count, 1);
	assert_int_equal(c.subgid.count, 1);
	assert_int_equal(c.subgid.ranges[0].start, 300000);
	/* root reads no grants, and needs no name for them */
	idpolicy_caller_release(&c);
	assert_int_equal(idpolicy_caller_load(&c, 0, 0, su, sg, &f), 0);
	assert_true(c.privileged);
	assert_string_equal(c.name, "");
	assert_int_equal(c.subuid.count, 0);
	/* an unreadable file names itself */
	idpolicy_caller_release(&c);
	assert_int_equal(idpolicy_caller_load(&c, 4000000001u, 1, su, "/", &f), -EISDIR);
	assert_string_equal(f.object, "/");
	unlink(su);
	unlink(sg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_policy),
		cmocka_unit_test(test_capable),
		cmocka_unit_test(test_setgroups_policy),
		cmocka_unit_test(test_caller_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
