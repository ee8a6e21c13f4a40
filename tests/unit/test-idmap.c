/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "idmap.h"

static void test_parse_range(void **state)
{
	struct idmap_range r;

	assert_int_equal(idmap_parse_range("0:100000:65536", &r), 0);
	assert_true(r.inner == 0 && r.outer == 100000 && r.count == 65536);
	assert_int_equal(idmap_parse_range("4294967295:0:1", &r), 0);
	const char *bad[] = { "", "0", "0:1", "0:1:", ":1:1", "0::1", "0:1:2:3", "a:1:1",
			      "0:1:-1", " 0:1:1", "0:1:1 ", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_not_equal(idmap_parse_range(bad[i], &r), 0);
	assert_int_equal(idmap_parse_range("4294967296:0:1", &r), -ERANGE);
}

static enum idmap_problem check(const char *const ranges[], unsigned *a, unsigned *b)
{
	static struct idmap m;

	m.count = 0;
	for (int i = 0; ranges[i]; i++) {
		struct idmap_range r;
		assert_int_equal(idmap_parse_range(ranges[i], &r), 0);
		assert_int_equal(idmap_add(&m, r), 0);
	}
	return idmap_validate(&m, a, b);
}

static void test_validate(void **state)
{
	unsigned a, b;

	assert_int_equal(check((const char *[]){ "0:100000:65536", NULL }, &a, &b), IDMAP_OK);
	assert_int_equal(check((const char *[]){ "0:1000:1", "1:100000:65536", NULL }, &a, &b), IDMAP_OK);
	/* the identity map of the initial namespace is valid */
	assert_int_equal(check((const char *[]){ "0:0:4294967295", NULL }, &a, &b), IDMAP_OK);
	assert_int_equal(check((const char *[]){ "0:0:0", NULL }, &a, &b), IDMAP_ZERO_COUNT);
	assert_int_equal(check((const char *[]){ "1:0:4294967295", NULL }, &a, &b), IDMAP_OVERFLOW);
	assert_int_equal(check((const char *[]){ "0:4294967290:10", NULL }, &a, &b), IDMAP_OVERFLOW);
	assert_int_equal(check((const char *[]){ "0:100000:65536", "1000:200000:1", NULL }, &a, &b),
			 IDMAP_INNER_OVERLAP);
	assert_true(a == 0 && b == 1);
	assert_int_equal(check((const char *[]){ "0:100000:65536", "70000:100500:1", NULL }, &a, &b),
			 IDMAP_OUTER_OVERLAP);
	/* touching ranges do not overlap */
	assert_int_equal(check((const char *[]){ "0:100:10", "10:110:10", NULL }, &a, &b), IDMAP_OK);
	assert_int_equal(check((const char *[]){ "0:100:10", "9:200:10", NULL }, &a, &b),
			 IDMAP_INNER_OVERLAP);
	assert_non_null(strstr(idmap_problem_text(IDMAP_TOO_MANY), "340"));
}

static void test_limits_and_format(void **state)
{
	static struct idmap m;
	char buf[64];

	m.count = 0;
	for (unsigned i = 0; i < IDMAP_MAX_RANGES; i++)
		assert_int_equal(idmap_add(&m, (struct idmap_range){ i, 1000 + i, 1 }), 0);
	assert_int_equal(idmap_add(&m, (struct idmap_range){ 999, 9999, 1 }), -E2BIG);
	m.count = 2;
	assert_int_equal(idmap_format(&m, buf, sizeof(buf)), (int)strlen("0 1000 1\n1 1001 1\n"));
	assert_string_equal(buf, "0 1000 1\n1 1001 1\n");
	assert_int_equal(idmap_format(&m, buf, 5), -ENOSPC);
	idmap_range_format(&m.ranges[1], buf, sizeof(buf));
	assert_string_equal(buf, "1:1001:1");
}

/* The array grows on the heap as ranges are added, every range kept; an
 * owner's array is used while it holds them, then left for the heap. */
static void test_growth_and_release(void **state)
{
	_cleanup_idmap_ struct idmap m = IDMAP_EMPTY;
	struct idmap_range two[2];
	struct idmap on = IDMAP_ON(two);

	assert_true(m.count == 0 && m.capacity == 0 && !m.heap && !m.ranges);
	for (unsigned i = 0; i < IDMAP_MAX_RANGES; i++) {
		assert_int_equal(idmap_add(&m, (struct idmap_range){ i, 1000 + i, 1 }), 0);
		assert_true(m.heap && m.capacity >= m.count && m.capacity <= IDMAP_MAX_RANGES);
	}
	for (unsigned i = 0; i < IDMAP_MAX_RANGES; i++)
		assert_true(m.ranges[i].inner == i && m.ranges[i].outer == 1000 + i);
	assert_int_equal(idmap_add(&m, (struct idmap_range){ 999, 9999, 1 }), -E2BIG);
	assert_int_equal(m.count, IDMAP_MAX_RANGES);
	/* emptied by count, the array is used again */
	m.count = 0;
	assert_int_equal(idmap_parse_text("0 1 1\n", &m), 0);
	assert_true(m.count == 1 && m.capacity == IDMAP_MAX_RANGES);

	assert_int_equal(on.capacity, 2);
	assert_int_equal(idmap_add(&on, (struct idmap_range){ 0, 10, 1 }), 0);
	assert_int_equal(idmap_add(&on, (struct idmap_range){ 1, 20, 1 }), 0);
	assert_true(on.ranges == two && !on.heap);
	assert_int_equal(idmap_add(&on, (struct idmap_range){ 2, 30, 1 }), 0);
	assert_true(on.ranges != two && on.heap && on.capacity == 4);
	assert_true(on.ranges[0].outer == 10 && on.ranges[1].outer == 20 && on.ranges[2].outer == 30);
	idmap_release(&on);
	assert_true(on.count == 0 && on.capacity == 0 && !on.heap && !on.ranges);
	/* released on the owner's array: nothing freed, the map emptied */
	on = IDMAP_ON(two);
	assert_int_equal(idmap_add(&on, (struct idmap_range){ 0, 10, 1 }), 0);
	idmap_release(&on);
	assert_true(on.count == 0 && !on.ranges);
}

static void test_write_at(void **state)
{
	char dir[] = "/tmp/nskit-unit-idmap.XXXXXX";
	char path[64], text[64];
	static struct idmap m;
	int dfd, fd;
	ssize_t n;

	assert_non_null(mkdtemp(dir));
	dfd = open(dir, O_DIRECTORY | O_RDONLY);
	snprintf(path, sizeof(path), "%s/uid_map", dir);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	snprintf(path, sizeof(path), "%s/setgroups", dir);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	m.count = 0;
	idmap_add(&m, (struct idmap_range){ 0, 100000, 65536 });
	assert_int_equal(idmap_write_at(dfd, "uid_map", &m), 0);
	assert_int_equal(idmap_write_setgroups_at(dfd, false), 0);
	assert_int_equal(idmap_write_at(dfd, "missing_map", &m), -ENOENT);
	fd = openat(dfd, "uid_map", O_RDONLY);
	n = read(fd, text, sizeof(text) - 1);
	text[n > 0 ? n : 0] = '\0';
	close(fd);
	assert_string_equal(text, "0 100000 65536\n");
	fd = openat(dfd, "setgroups", O_RDONLY);
	n = read(fd, text, sizeof(text) - 1);
	text[n > 0 ? n : 0] = '\0';
	close(fd);
	assert_string_equal(text, "deny");
	/* formatted on the stack up to a few lines, allocated beyond: the
	 * file holds the same text either way */
	for (unsigned count = 1; count <= IDMAP_MAX_RANGES; count += count < 12 ? 1 : 41) {
		static char want[IDMAP_MAX_RANGES * IDMAP_LINE_MAX + 1], got[sizeof(want)];

		m.count = 0;
		for (unsigned i = 0; i < count; i++)
			idmap_add(&m, (struct idmap_range){ 4000000000u + i, 4000000000u + i, 1 });
		assert_true(idmap_format(&m, want, sizeof(want)) > 0);
		fd = openat(dfd, "uid_map", O_WRONLY | O_TRUNC);
		close(fd);
		assert_int_equal(idmap_write_at(dfd, "uid_map", &m), 0);
		fd = openat(dfd, "uid_map", O_RDONLY);
		n = read(fd, got, sizeof(got) - 1);
		got[n > 0 ? n : 0] = '\0';
		close(fd);
		assert_string_equal(got, want);
	}
	unlinkat(dfd, "uid_map", 0);
	unlinkat(dfd, "setgroups", 0);
	close(dfd);
	rmdir(dir);
}

static void test_parse_text(void **state)
{
	static struct idmap m;
	char buf[128];

	assert_int_equal(idmap_parse_text("         0     100000      65536\n"
					  "     65536       1000          1\n", &m), 0);
	assert_int_equal(m.count, 2);
	assert_true(m.ranges[1].inner == 65536 && m.ranges[1].outer == 1000 && m.ranges[1].count == 1);
	assert_int_equal(idmap_parse_text("", &m), 0);
	assert_int_equal(m.count, 0);
	assert_int_equal(idmap_parse_text("0 1 1", &m), 0);
	assert_int_equal(m.count, 1);
	const char *bad[] = { "0 1\n", "0 1 1 1\n", "a 1 1\n", "0 1 1\n\n", "-1 1 1\n",
			      "4294967296 1 1\n", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(idmap_parse_text(bad[i], &m), -EINVAL);
	/* Found by tests/fuzz/fuzz-idmap: a number of 16 digits or more was
	 * cut in two, so this line of two numbers read as "0 1 1". */
	assert_int_equal(idmap_parse_text("0000000000000001 1\n", &m), -EINVAL);
	assert_int_equal(idmap_parse_text("000000000000001 2 3\n", &m), 0);
	assert_true(m.count == 1 && m.ranges[0].inner == 1 && m.ranges[0].count == 3);
	/* problem descriptions name the ranges */
	m.count = 0;
	idmap_add(&m, (struct idmap_range){ 0, 100000, 65536 });
	idmap_add(&m, (struct idmap_range){ 1000, 100500, 1 });
	idmap_problem_describe(&m, IDMAP_INNER_OVERLAP, 0, 1, buf, sizeof(buf));
	assert_string_equal(buf, "ranges 0:100000:65536 and 1000:100500:1 overlap");
	idmap_problem_describe(&m, IDMAP_ZERO_COUNT, 1, 1, buf, sizeof(buf));
	assert_string_equal(buf, "range 1000:100500:1 maps no id (count 0)");
}

static void test_covers(void **state)
{
	_cleanup_idmap_ struct idmap m = IDMAP_EMPTY;

	assert_false(idmap_covers(&m, 0, 1));	/* an empty map covers nothing */
	assert_int_equal(idmap_add(&m, (struct idmap_range){ 0, 1000, 1 }), 0);
	assert_int_equal(idmap_add(&m, (struct idmap_range){ 1, 100000, 65536 }), 0);
	assert_true(idmap_covers(&m, 0, 1));
	assert_true(idmap_covers(&m, 1, 65536));
	assert_true(idmap_covers(&m, 65536, 1));
	assert_false(idmap_covers(&m, 65536, 2));	/* past the end */
	assert_false(idmap_covers(&m, 0, 2));		/* across two ranges */
	assert_false(idmap_covers(&m, 5, 0));		/* no id at all */
	m.count = 0;
	assert_int_equal(idmap_add(&m, (struct idmap_range){ 0, 0, 4294967295u }), 0);
	assert_true(idmap_covers(&m, 4294967294u, 1));	/* the initial namespace's map */
	assert_false(idmap_covers(&m, 4294967295u, 1));
}

static void test_read_setgroups(void **state)
{
	char dir[] = "/tmp/nskit-unit-setgroups.XXXXXX";
	const char *texts[] = { "allow\n", "deny\n", "maybe\n" };
	const int want[] = { 1, 0, -EINVAL };
	int dfd;

	assert_non_null(mkdtemp(dir));
	dfd = open(dir, O_DIRECTORY | O_RDONLY);
	assert_int_equal(idmap_read_setgroups_at(dfd), -ENOENT);
	for (int i = 0; i < 3; i++) {
		int fd = openat(dfd, "setgroups", O_CREAT | O_TRUNC | O_WRONLY, 0644);
		assert_int_equal(write(fd, texts[i], strlen(texts[i])), (int)strlen(texts[i]));
		close(fd);
		assert_int_equal(idmap_read_setgroups_at(dfd), want[i]);
	}
	unlinkat(dfd, "setgroups", 0);
	close(dfd);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_range), cmocka_unit_test(test_validate),
		cmocka_unit_test(test_limits_and_format), cmocka_unit_test(test_growth_and_release),
		cmocka_unit_test(test_write_at),
		cmocka_unit_test(test_parse_text), cmocka_unit_test(test_read_setgroups),
		cmocka_unit_test(test_covers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
