/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "unit.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "mountinfo.h"

static struct mnt_entry parse_ok(char *line)
{
	struct mnt_entry e;

	assert_int_equal(mountinfo_parse_line(line, &e), 0);
	return e;
}

/* Each of LINES must be refused. */
static void assert_refused(const char *const *lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *copy = strdup(lines[i]);
		struct mnt_entry e;
		if (mountinfo_parse_line(copy, &e) != -EINVAL)
			fail_msg("accepted malformed line '%s'", lines[i]);
		free(copy);
	}
}

static void test_proc5_example(void **state)
{
	char line[] = "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue";
	struct mnt_entry e = parse_ok(line);

	assert_int_equal(e.id, 36);
	assert_int_equal(e.parent_id, 35);
	assert_int_equal(e.major, 98);
	assert_int_equal(e.minor, 0);
	assert_string_equal(e.root, "/mnt1");
	assert_string_equal(e.target, "/mnt2");
	assert_string_equal(e.options, "rw,noatime");
	assert_string_equal(e.optional, "master:1");
	assert_int_equal(e.master, 1);
	assert_int_equal(e.shared, 0);
	assert_false(e.unbindable);
	assert_string_equal(e.fstype, "ext3");
	assert_string_equal(e.source, "/dev/root");
	assert_string_equal(e.super_options, "rw,errors=continue");
	assert_string_equal(mnt_entry_propagation(&e), "slave");
}

static void test_optional_fields(void **state)
{
	char none[] = "22 1 0:21 / /proc rw,relatime - proc proc rw";
	char several[] = "40 22 0:50 / /a rw shared:7 master:3 propagate_from:2 - tmpfs t rw";
	char unbindable[] = "41 22 0:51 / /b rw unbindable - tmpfs t rw";
	char unknown[] = "42 22 0:52 / /c rw shared:4 future:9 - tmpfs t rw";
	struct mnt_entry e;

	e = parse_ok(none);
	assert_string_equal(e.optional, "");
	assert_string_equal(mnt_entry_propagation(&e), "private");
	e = parse_ok(several);
	assert_int_equal(e.shared, 7);
	assert_int_equal(e.master, 3);
	assert_int_equal(e.propagate_from, 2);
	assert_string_equal(e.optional, "shared:7 master:3 propagate_from:2");
	assert_string_equal(mnt_entry_propagation(&e), "shared,slave");
	assert_string_equal(e.fstype, "tmpfs");
	e = parse_ok(unbindable);
	assert_true(e.unbindable);
	assert_string_equal(mnt_entry_propagation(&e), "unbindable");
	e = parse_ok(unknown);
	assert_int_equal(e.shared, 4);
	assert_string_equal(e.optional, "shared:4 future:9");
	assert_string_equal(mnt_entry_propagation(&e), "shared");
}

static void test_escapes(void **state)
{
	char line[] = "50 22 0:60 /a\\134b /mnt/with\\040space\\011tab\\012nl rw - tmpfs my\\040src rw";
	struct mnt_entry e = parse_ok(line);

	assert_string_equal(e.root, "/a\\b");
	assert_string_equal(e.target, "/mnt/with space\ttab\nnl");
	assert_string_equal(e.source, "my src");
}

static void test_empty_source(void **state)
{
	char line[] = "51 22 0:61 / /x rw - tmpfs  rw,size=4k";
	struct mnt_entry e = parse_ok(line);

	assert_string_equal(e.source, "");
	assert_string_equal(e.super_options, "rw,size=4k");
}

static void test_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"36",
		"x 35 98:0 / / rw - ext3 /dev/root rw",
		"36 -1 98:0 / / rw - ext3 /dev/root rw",
		"36 35 98 / / rw - ext3 /dev/root rw",
		"36 35 98:x / / rw - ext3 /dev/root rw",
		"36 35 98:0  / rw - ext3 /dev/root rw",
		"36 35 98:0 / /mnt rw master:1 ext3 /dev/root rw",	/* no separator */
		"36 35 98:0 / /mnt rw shared:x - ext3 /dev/root rw",
		"36 35 98:0 / /mnt rw shared:0 - ext3 /dev/root rw",
		"36 35 98:0 / /mnt rw master: - ext3 /dev/root rw",
		"36 35 98:0 / /mnt rw - ext3 /dev/root",		/* no super options */
		"36 35 98:0 / /mnt rw - ext3 /dev/root rw extra",
		"36 35 98:0 / /mnt\\04 rw - ext3 /dev/root rw",	/* short escape */
		"36 35 98:0 / /mnt\\000 rw - ext3 /dev/root rw",	/* NUL */
		"36 35 98:0 / /mnt\\9ab rw - ext3 /dev/root rw",
		"36 35 98:0 / /mnt rw -",
		"99999999999 35 98:0 / /mnt rw - ext3 /dev/root rw",
	};

	assert_refused(bad, sizeof(bad) / sizeof(bad[0]));
}

/* Every cut of a good line short of its last field is refused; cuts inside
 * the last field are good lines (super options "r", "rw,e", ...). */
static void test_truncated(void **state)
{
	static const char good[] =
		"36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue";
	size_t last = strrchr(good, ' ') - good + 1;

	for (size_t n = 0; n < sizeof(good) - 1; n++) {
		char *copy = strndup(good, n);
		struct mnt_entry e;
		int r = mountinfo_parse_line(copy, &e);
		if (n <= last && r != -EINVAL)
			fail_msg("accepted the first %zu bytes: '%.*s'", n, (int)n, good);
		if (n > last && r != 0)
			fail_msg("refused the first %zu bytes: '%.*s'", n, (int)n, good);
		free(copy);
	}
	/* a cut line in a table: its number */
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad;
	assert_int_equal(mountinfo_parse(strdup("20 1 0:1 / / rw - ext4 r rw\n21 20 0:2 / /proc rw - pr"),
					 &mi, &bad),
			 -EINVAL);
	assert_int_equal(bad, 2);
	assert_null(mi.entries);
}

static void test_bad_escapes(void **state)
{
	static const char *const bad[] = {
		"36 35 98:0 / /mnt\\ rw - ext3 /dev/root rw",		/* at the end */
		"36 35 98:0 / /mnt\\0 rw - ext3 /dev/root rw",
		"36 35 98:0 / /m\\01 rw - ext3 /dev/root rw",
		"36 35 98:0 / /m\\08x rw - ext3 /dev/root rw",	/* 8 is not octal */
		"36 35 98:0 / /m\\400 rw - ext3 /dev/root rw",	/* 256 */
		"36 35 98:0 / /m\\777 rw - ext3 /dev/root rw",
		"36 35 98:0 / /m\\\\ rw - ext3 /dev/root rw",		/* a raw backslash */
		"36 35 98:0 /r\\x41 /m rw - ext3 /dev/root rw",
		"36 35 98:0 / /m rw - ext\\9 /dev/root rw",		/* in the type */
		"36 35 98:0 / /m rw - ext3 /dev/ro\\ot rw",		/* in the source */
	};
	static const char *const good[][2] = {
		{ "36 35 98:0 / /m\\377x rw - ext3 s rw", "/m\377x" },
		{ "36 35 98:0 / /\\001 rw - ext3 s rw", "/\001" },
		{ "36 35 98:0 / /\\134\\134 rw - ext3 s rw", "/\\\\" },
		{ "36 35 98:0 / /a\\0401 rw - ext3 s rw", "/a 1" },	/* three digits, no more */
	};

	assert_refused(bad, sizeof(bad) / sizeof(bad[0]));
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char *copy = strdup(good[i][0]);
		struct mnt_entry e = parse_ok(copy);
		assert_string_equal(e.target, good[i][1]);
		free(copy);
	}
}

static void test_separator(void **state)
{
	static const char *const bad[] = {
		"36 35 98:0 / /m rw ext3 /dev/root rw",		/* none, no optional fields */
		"36 35 98:0 / /m rw shared:1 master:2 ext3 /dev/root rw",
		"36 35 98:0 / /m rw -ext3 /dev/root rw",	/* glued to the type */
		"36 35 98:0 / /m rw -- ext3 /dev/root rw",
		"36 35 98:0 / /m rw - - ext3 /dev/root rw",	/* twice: four fields after */
		"36 35 98:0 / /m rw  - ext3 /dev/root rw",	/* an empty optional field */
		"36 35 98:0 / /m rw -",
		"36 35 98:0 / /m rw - ",
		"36 35 98:0 / /m rw -  ",
		"36 35 98:0 / /m rw - ext3",
		"36 35 98:0 / /m rw - ext3 src",
		"36 35 98:0 / /m rw - ext3 src ",		/* empty super options */
		"36 35 98:0 / /m rw -  src rw",			/* empty type */
	};
	char spaced[] = "36 35 98:0 / /m rw - ext3  rw";	/* empty source: fine */

	assert_refused(bad, sizeof(bad) / sizeof(bad[0]));
	assert_string_equal(parse_ok(spaced).source, "");
}

/* Lines far longer than any buffer a reader might have assumed: a 1 MiB
 * mount point, and ten thousand optional fields. */
static void test_huge_lines(void **state)
{
	size_t n = 1 << 20;
	char *line = malloc(n + 64), *p = line;
	struct mnt_entry e;

	assert_non_null(line);
	p += sprintf(p, "36 35 98:0 / /");
	memset(p, 'a', n);
	p += n;
	strcpy(p, "\\040 rw - tmpfs t rw");
	assert_int_equal(mountinfo_parse_line(line, &e), 0);
	assert_int_equal(strlen(e.target), n + 2);
	assert_int_equal(e.target[n + 1], ' ');
	free(line);

	size_t fields = 10000;
	line = malloc(fields * 8 + 64);
	assert_non_null(line);
	p = line + sprintf(line, "36 35 98:0 / /m rw");
	for (size_t i = 0; i < fields; i++)
		p += sprintf(p, " x:%zu", i % 1000);
	strcpy(p, " shared:7 - tmpfs t rw");
	assert_int_equal(mountinfo_parse_line(line, &e), 0);
	assert_int_equal(e.shared, 7);
	assert_int_equal(strncmp(e.optional, "x:0 x:1 ", 8), 0);
	free(line);

	/* a whole table of them, through a pipe, as from /proc */
	struct mountinfo mi;
	size_t bad;
	int fds[2];
	char *text = malloc(n + 128);
	assert_non_null(text);
	p = text + sprintf(text, "20 1 0:1 / / rw - ext4 r rw\n21 20 0:2 / /");
	memset(p, 'b', n);
	strcpy(p + n, " rw - tmpfs t rw\n");
	assert_int_equal(pipe(fds), 0);
	if (fork() == 0) {
		close(fds[0]);
		_exit(write(fds[1], text, strlen(text)) == (ssize_t)strlen(text) ? 0 : 1);
	}
	close(fds[1]);
	assert_int_equal(mountinfo_read_fd(fds[0], &mi, &bad), 0);
	close(fds[0]);
	assert_int_equal(mi.count, 2);
	assert_int_equal(strlen(mi.entries[1].target), n + 1);
	mountinfo_free(&mi);
	free(text);
	int status;
	assert_true(wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Only the mounts of one kind, the others passed over without parsing:
 * even a malformed line of another type does not stop it. */
static void test_parse_fstype(void **state)
{
	static const char text[] =
		"20 1 0:1 / / rw - ext4 r rw\n"
		"31 20 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw\n"
		"32 31 0:29 / /sys/fs/cgroup/cpu rw shared:3 - cgroup cgroup rw,cpu\n"
		"not a mount line but ends with three - fields here\n"
		"33 31 0:30 / /weird\\040cgroup rw - tmpfs cgroup rw\n"	/* source "cgroup" */
		"41 31 0:38 / /sys/fs/cgroup/unified rw - cgroup2  rw\n";	/* empty source */
	struct mountinfo mi;
	size_t bad;

	assert_int_equal(mountinfo_parse_fstype(strdup(text), "cgroup", &mi, &bad), 0);
	assert_int_equal(bad, 0);
	assert_int_equal(mi.count, 2);
	assert_string_equal(mi.entries[0].target, "/sys/fs/cgroup/cpu");
	assert_int_equal(mi.entries[0].shared, 3);
	assert_string_equal(mi.entries[1].fstype, "cgroup2");
	assert_string_equal(mi.entries[1].source, "");
	mountinfo_free(&mi);

	/* every mount, and the bad line is found */
	assert_int_equal(mountinfo_parse_fstype(strdup(text), NULL, &mi, &bad), -EINVAL);
	assert_int_equal(bad, 4);

	/* a line of the type that is malformed; a line too short to tell */
	assert_int_equal(mountinfo_parse_fstype(strdup("20 1 0:1 / / rw - ext4 r rw\n"
						       "32 31 0:29 / /c rw shared:x - cgroup c rw\n"),
					       "cgroup", &mi, &bad),
			 -EINVAL);
	assert_int_equal(bad, 2);
	assert_int_equal(mountinfo_parse_fstype(strdup("20 1 0:1 / / rw - ext4 r rw\ncgroup\n"),
					       "cgroup", &mi, &bad),
			 -EINVAL);
	assert_int_equal(bad, 2);
	assert_int_equal(mountinfo_parse_fstype(strdup(""), "cgroup", &mi, &bad), 0);
	assert_int_equal(mi.count, 0);
	mountinfo_free(&mi);
}

static const char table[] =
	"20 1 0:1 / / rw shared:1 - ext4 /dev/sda1 rw\n"
	"21 20 0:2 / /proc rw - proc proc rw\n"
	"22 20 0:3 / /mnt rw shared:2 - tmpfs a rw\n"
	"23 22 0:4 / /mnt rw - tmpfs b rw\n"		/* stacked on 22 */
	"24 23 0:5 / /mnt/sub rw - tmpfs c rw\n"
	"25 20 0:6 / /mntx rw - tmpfs d rw\n";

static void test_parse_table(void **state)
{
	struct mountinfo mi;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(table), &mi, &bad), 0);
	assert_int_equal(mi.count, 6);
	assert_int_equal(mountinfo_find_id(&mi, 24)->parent_id, 23);
	assert_null(mountinfo_find_id(&mi, 99));
	assert_int_equal(mountinfo_find_path(&mi, "/")->id, 20);
	assert_int_equal(mountinfo_find_path(&mi, "/etc/passwd")->id, 20);
	assert_int_equal(mountinfo_find_path(&mi, "/proc/1/stat")->id, 21);
	assert_int_equal(mountinfo_find_path(&mi, "/mnt")->id, 23);
	assert_int_equal(mountinfo_find_path(&mi, "/mnt/file")->id, 23);
	assert_int_equal(mountinfo_find_path(&mi, "/mnt/sub/x")->id, 24);
	assert_int_equal(mountinfo_find_path(&mi, "/mntx/y")->id, 25);
	assert_int_equal(mountinfo_find_path(&mi, "/mn")->id, 20);
	mountinfo_free(&mi);
}

static void test_parse_table_stack_reversed(void **state)
{
	/* The top of a stack is the mount whose parent is the other, not
	 * necessarily the later line. */
	static const char text[] = "20 1 0:1 / / rw - ext4 r rw\n"
				   "23 22 0:4 / /mnt rw - tmpfs b rw\n"
				   "22 20 0:3 / /mnt rw - tmpfs a rw\n";
	struct mountinfo mi;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), 0);
	assert_int_equal(mountinfo_find_path(&mi, "/mnt/f")->id, 23);
	mountinfo_free(&mi);
}

static void test_parse_table_bad_line(void **state)
{
	static const char text[] = "20 1 0:1 / / rw - ext4 r rw\n"
				   "21 20 0:2 / /proc rw - proc proc rw\n"
				   "garbage\n";
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(text), &mi, &bad), -EINVAL);
	assert_int_equal(bad, 3);
	assert_null(mi.entries);
	assert_int_equal(mountinfo_parse(strdup("20 1 0:1 / / rw - ext4 r rw\n\n"), &mi, &bad),
			 -EINVAL);
	assert_int_equal(bad, 2);
}

static void test_empty_table(void **state)
{
	struct mountinfo mi;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(""), &mi, &bad), 0);
	assert_int_equal(mi.count, 0);
	assert_null(mountinfo_find_path(&mi, "/"));
	mountinfo_free(&mi);
}

static void test_share_a_mount(void **state)
{
	struct mountinfo a, b, c;
	size_t bad;

	assert_int_equal(mountinfo_parse(strdup(table), &a, &bad), 0);
	assert_int_equal(mountinfo_parse(strdup("90 89 0:1 / / rw - ext4 r rw\n"
						"24 90 0:5 / /x rw - tmpfs c rw\n"),
					 &b, &bad), 0);
	assert_int_equal(mountinfo_parse(strdup("90 89 0:1 / / rw - ext4 r rw\n"), &c, &bad), 0);
	assert_true(mountinfo_share_a_mount(&a, &b));
	assert_true(mountinfo_share_a_mount(&b, &a));
	assert_false(mountinfo_share_a_mount(&a, &c));
	mountinfo_free(&a);
	mountinfo_free(&b);
	mountinfo_free(&c);
}

static void test_text_ids(void **state)
{
	int ids[64];
	size_t n;

	/* the text test_share_a_mount parses, by ids alone */
	assert_int_equal(mountinfo_text_ids(table, ids, ELEMENTSOF(ids), &n), 0);
	assert_true(n > 0);
	for (size_t i = 1; i < n; i++)
		assert_true(ids[i - 1] <= ids[i]);	/* sorted */
	assert_int_equal(mountinfo_text_has_an_id("90 89 0:1 / / rw - ext4 r rw\n"
						  "24 90 0:5 / /x rw - tmpfs c rw\n", ids, n), 1);
	assert_int_equal(mountinfo_text_has_an_id("90 89 0:1 / / rw - ext4 r rw\n", ids, n), 0);
	assert_int_equal(mountinfo_text_has_an_id("", ids, n), 0);
	/* without a final newline, and one id per line */
	assert_int_equal(mountinfo_text_ids("7 1 0:1 / / rw - a b rw\n3 7 0:2 / /b rw - c d rw",
					    ids, ELEMENTSOF(ids), &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 7);
	assert_int_equal(mountinfo_text_has_an_id("3 1 0:1 / / rw - a b rw", ids, n), 1);
	/* more lines than room: the caller parses instead */
	assert_int_equal(mountinfo_text_ids("1 0 x\n2 0 x\n3 0 x\n", ids, 2, &n), -E2BIG);
	/* lines that do not begin with an id */
	const char *bad[] = { "x 1 0:1 / / rw - a b rw\n", " 1 0 x\n", "1\n", "1x 0\n",
			      "1 0 x\n\n2 0 x\n", "99999999999 0 x\n", "-1 0 x\n", NULL };
	for (int i = 0; bad[i]; i++) {
		assert_int_equal(mountinfo_text_ids(bad[i], ids, ELEMENTSOF(ids), &n), -EINVAL);
		assert_int_equal(mountinfo_text_has_an_id(bad[i], ids, 0), -EINVAL);
	}
}

static void test_read_fd(void **state)
{
	struct mountinfo mi;
	size_t bad;
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], table, sizeof(table) - 1), (int)sizeof(table) - 1);
	close(fds[1]);
	assert_int_equal(mountinfo_read_fd(fds[0], &mi, &bad), 0);
	close(fds[0]);
	assert_int_equal(mi.count, 6);
	assert_string_equal(mi.entries[5].target, "/mntx");
	mountinfo_free(&mi);
}

static void remove_file(const char *dir, const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(unlink(path), 0);
}

/* A table of n mounts with the ids first, first + 1, ... (malloc'd): past
 * 8 KiB and 512 lines when n is large, the heap path. */
static char *table_of(int first, int n)
{
	size_t size = (size_t)n * 40 + 1, len = 0;
	char *t = malloc(size);

	assert_non_null(t);
	t[0] = '\0';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(t + len, size - len, "%d 1 0:1 / /m%d rw - tmpfs t rw\n",
					first + i, i);
	return t;
}

/* 1 or 0 for the tables of a and b, written to files in dir first */
static int files_share(const char *dir, const char *a, const char *b)
{
	char pa[256], pb[256];

	unit_put(dir, "a", a);
	unit_put(dir, "b", b);
	snprintf(pa, sizeof(pa), "%s/a", dir);
	snprintf(pb, sizeof(pb), "%s/b", dir);
	return mountinfo_files_share_a_mount(pa, pb);
}

static void test_files_share_a_mount(void **state)
{
	char dir[] = "/tmp/test-mountinfo.XXXXXX", missing[256];
	char *small = table_of(100, 3), *small_102 = table_of(102, 3), *small_900 = table_of(900, 3);
	char *big = table_of(1000, 600), *big_1599 = table_of(1599, 600), *big_5000 = table_of(5000, 600);
	char *small_1599 = table_of(1599, 2);

	assert_non_null(mkdtemp(dir));
	assert_true(strlen(big) > 8192);
	/* small tables (compared on the stack) */
	assert_int_equal(files_share(dir, small, small_102), 1);
	assert_int_equal(files_share(dir, small, small_900), 0);
	/* large ones (on the heap), sharing only one's last line and the other's first */
	assert_int_equal(files_share(dir, big, big_1599), 1);
	assert_int_equal(files_share(dir, big_1599, big), 1);
	assert_int_equal(files_share(dir, big, big_5000), 0);
	/* a small one and a large one, both ways */
	assert_int_equal(files_share(dir, big, small_1599), 1);
	assert_int_equal(files_share(dir, small_1599, big), 1);
	assert_int_equal(files_share(dir, small, big), 0);
	/* a line without an id; a table that is not there */
	assert_int_equal(files_share(dir, small, "garbage\n"), -EINVAL);
	assert_int_equal(files_share(dir, "1 0 x\nbad\n", small), -EINVAL);
	snprintf(missing, sizeof(missing), "%s/none", dir);
	assert_int_equal(mountinfo_files_share_a_mount(missing, missing), -ENOENT);
	remove_file(dir, "a");
	remove_file(dir, "b");
	assert_int_equal(rmdir(dir), 0);
	free(small);
	free(small_102);
	free(small_900);
	free(big);
	free(big_1599);
	free(big_5000);
	free(small_1599);
}

static void test_read_at(void **state)
{
	char dir[] = "/tmp/test-mountinfo.XXXXXX", path[256];
	struct mountinfo mi = MOUNTINFO_INIT;
	size_t bad = 99;
	int dirfd;

	assert_non_null(mkdtemp(dir));
	unit_put(dir, "mountinfo", table);
	unit_put(dir, "bad", "20 1 0:1 / / rw - ext4 r rw\ngarbage\n");
	assert_true((dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC)) >= 0);

	/* relative to an open directory, as to an open /proc/PID */
	assert_int_equal(mountinfo_read_at(dirfd, "mountinfo", &mi, &bad), 0);
	assert_int_equal(bad, 0);
	assert_int_equal(mi.count, 6);
	assert_string_equal(mi.entries[5].target, "/mntx");
	mountinfo_free(&mi);

	/* only one type */
	assert_int_equal(mountinfo_read_fstype_at(dirfd, "mountinfo", "proc", &mi, &bad), 0);
	assert_int_equal(mi.count, 1);
	assert_string_equal(mi.entries[0].target, "/proc");
	mountinfo_free(&mi);
	assert_int_equal(mountinfo_read_fstype_at(dirfd, "missing", "proc", &mi, &bad), -ENOENT);

	/* an absolute path with AT_FDCWD */
	snprintf(path, sizeof(path), "%s/mountinfo", dir);
	assert_int_equal(mountinfo_read_at(AT_FDCWD, path, &mi, &bad), 0);
	assert_int_equal(mi.count, 6);
	mountinfo_free(&mi);

	/* a file that cannot be opened: -errno, nothing parsed */
	bad = 99;
	assert_int_equal(mountinfo_read_at(dirfd, "missing", &mi, &bad), -ENOENT);
	assert_int_equal(bad, 0);
	assert_null(mi.entries);

	/* a bad line: -EINVAL and its number */
	assert_int_equal(mountinfo_read_at(dirfd, "bad", &mi, &bad), -EINVAL);
	assert_int_equal(bad, 2);
	assert_null(mi.entries);

	close(dirfd);
	remove_file(dir, "mountinfo");
	remove_file(dir, "bad");
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_proc5_example),
		cmocka_unit_test(test_optional_fields),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_empty_source),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_escapes),
		cmocka_unit_test(test_separator),
		cmocka_unit_test(test_huge_lines),
		cmocka_unit_test(test_parse_fstype),
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_parse_table_stack_reversed),
		cmocka_unit_test(test_parse_table_bad_line),
		cmocka_unit_test(test_empty_table),
		cmocka_unit_test(test_share_a_mount),
		cmocka_unit_test(test_text_ids),
		cmocka_unit_test(test_files_share_a_mount),
		cmocka_unit_test(test_read_fd),
		cmocka_unit_test(test_read_at),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
