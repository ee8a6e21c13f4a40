/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "subid.h"

static struct subid_grants g;

static void test_by_name_and_uid(void **state)
{
	const char *text = "alice:100000:65536\n"
			   "bob:165536:65536\n"
			   "1000:231072:10\n"
			   "alice:300000:5\n";

	subid_parse(text, "alice", 1000, &g);
	assert_int_equal(g.count, 3);
	assert_true(g.ranges[0].start == 100000 && g.ranges[0].count == 65536);
	assert_true(g.ranges[1].start == 231072 && g.ranges[1].count == 10);
	assert_true(g.ranges[2].start == 300000 && g.ranges[2].count == 5);
	assert_int_equal(g.malformed, 0);
	/* by uid alone, when the user has no name */
	subid_parse(text, NULL, 1000, &g);
	assert_int_equal(g.count, 1);
	assert_int_equal(g.ranges[0].start, 231072);
	subid_parse(text, "carol", 1002, &g);
	assert_int_equal(g.count, 0);
	/* a name is not a prefix match, and a numeric entry is not a name */
	subid_parse("alicex:1:1\nalic:2:2\n", "alice", 5, &g);
	assert_int_equal(g.count, 0);
	subid_parse("01000:7:7\n", "x", 1000, &g);
	assert_int_equal(g.count, 1);
}

static void test_comments_and_malformed(void **state)
{
	const char *text = "# comment alice:1:1\n"
			   "   # indented comment\n"
			   "\n"
			   "   \n"
			   "alice:100000\n"		/* two fields */
			   "alice:1:2:3\n"		/* four fields */
			   ":100000:10\n"		/* empty name */
			   "alice:x:10\n"		/* not a number */
			   "alice:10:\n"		/* empty count */
			   "alice:10:0\n"		/* count 0 */
			   "alice:-1:10\n"		/* a sign */
			   "alice:4294967295:1\n"	/* past the last id */
			   "alice:4294967290:10\n"	/* runs past it */
			   "alice:4294967296:1\n"	/* not 32 bits */
			   "alice: 5:1\n"		/* blank inside */
			   "alice:500000:1000";		/* good, no newline */

	subid_parse(text, "alice", 1000, &g);
	assert_int_equal(g.count, 1);
	assert_true(g.ranges[0].start == 500000 && g.ranges[0].count == 1000);
	assert_int_equal(g.malformed, 11);
	subid_parse("", "alice", 1000, &g);
	assert_int_equal(g.count, 0);
	assert_int_equal(g.malformed, 0);
}

static void test_too_many(void **state)
{
	static char text[(SUBID_MAX + 5) * 24];
	size_t n = 0;

	for (unsigned i = 0; i < SUBID_MAX + 5; i++)
		n += snprintf(text + n, sizeof(text) - n, "u:%u:1\n", 1000 + 2 * i);
	subid_parse(text, "u", 1, &g);
	assert_int_equal(g.count, SUBID_MAX);
	assert_int_equal(g.dropped, 5);
	/* every range kept as the array grew */
	for (unsigned i = 0; i < SUBID_MAX; i++)
		assert_true(g.ranges[i].start == 1000 + 2 * i && g.ranges[i].count == 1);
	assert_true(g.capacity >= g.count && g.capacity <= SUBID_MAX);
}

static void test_release(void **state)
{
	_cleanup_subid_ struct subid_grants mine = SUBID_EMPTY;

	subid_parse("u:100:10\nu:200:10\n", "u", 1, &mine);
	assert_true(mine.count == 2 && mine.ranges[1].start == 200);
	/* parsed again: replaced, its array used again */
	subid_parse("u:300:1\n", "u", 1, &mine);
	assert_true(mine.count == 1 && mine.ranges[0].start == 300);
	subid_release(&mine);
	assert_true(mine.count == 0 && mine.capacity == 0 && !mine.ranges);
	/* no grants: no array */
	subid_parse("v:1:1\n", "u", 1, &mine);
	assert_true(mine.count == 0 && !mine.ranges);
}

static void test_covers(void **state)
{
	subid_parse("a:100:10\na:110:10\na:200:5\n", "a", 1, &g);
	assert_true(subid_covers(&g, 100, 10));
	assert_true(subid_covers(&g, 105, 5));
	/* two adjacent lines together */
	assert_true(subid_covers(&g, 100, 20));
	assert_true(subid_covers(&g, 115, 5));
	assert_false(subid_covers(&g, 100, 21));
	assert_false(subid_covers(&g, 99, 2));
	/* a gap between 120 and 200 */
	assert_false(subid_covers(&g, 118, 90));
	assert_true(subid_covers(&g, 204, 1));
	assert_false(subid_covers(&g, 205, 1));
	subid_parse("", "a", 1, &g);
	assert_false(subid_covers(&g, 0, 1));
}

static void test_read(void **state)
{
	char path[] = "/tmp/nskit-unit-subid.XXXXXX";
	int fd = mkstemp(path);
	const char *text = "alice:100000:65536\n";

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	assert_int_equal(subid_read(path, "alice", 1000, &g), 0);
	assert_int_equal(g.count, 1);
	unlink(path);
	/* a missing file grants nothing */
	assert_int_equal(subid_read(path, "alice", 1000, &g), 0);
	assert_int_equal(g.count, 0);
	/* a directory cannot be read */
	assert_int_equal(subid_read("/", "alice", 1000, &g), -EISDIR);
}

static void write_file(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (int)len);
	close(fd);
}

/* A file of `len` bytes: alice's grant on the first line and bob's on the
 * last, comment lines between. */
static size_t make_text(char *buf, size_t len)
{
	const char *first = "alice:100000:65536\n", *last = "bob:300000:10\n";
	size_t at = strlen(first);

	memcpy(buf, first, at);
	while (at < len - strlen(last)) {
		size_t n = len - strlen(last) - at;

		if (n > 60)
			n = 60;
		buf[at] = '#';
		memset(buf + at + 1, 'x', n - 1);
		buf[at + n - 1] = '\n';
		at += n;
	}
	memcpy(buf + at, last, strlen(last));
	return at + strlen(last);
}

/* Around the page read first and well past it: the whole file is read,
 * its last line too. */
static void test_read_sizes(void **state)
{
	static const size_t sizes[] = { 4000, 4094, 4095, 4096, 4097, 20000 };
	char path[] = "/tmp/nskit-unit-subid.XXXXXX";
	static char text[20001];
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t len = make_text(text, sizes[i]);

		assert_int_equal(len, sizes[i]);
		write_file(path, text, len);
		assert_int_equal(subid_read(path, "alice", 1000, &g), 0);
		assert_int_equal(g.count, 1);
		assert_int_equal(g.ranges[0].start, 100000);
		assert_int_equal(subid_read(path, "bob", 1001, &g), 0);
		assert_int_equal(g.count, 1);
		assert_int_equal(g.ranges[0].start, 300000);
		assert_int_equal(g.malformed, 0);
		/* a NUL byte anywhere: not a text file */
		text[len - 2] = '\0';
		write_file(path, text, len);
		assert_int_equal(subid_read(path, "alice", 1000, &g), -EINVAL);
	}
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_name_and_uid), cmocka_unit_test(test_comments_and_malformed),
		cmocka_unit_test(test_too_many), cmocka_unit_test(test_release),
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_read), cmocka_unit_test(test_read_sizes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
