/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "mountinfo.h"
#include "parse.h"
#include "readfile.h"

/* The next space-separated field, NUL-terminated in place; fields may be
 * empty (a mount whose source is ""). NULL past the last one. */
static char *next_field(char **cursor)
{
	char *s = *cursor, *end = s;

	if (!s)
		return NULL;
	/* Fields are short: a plain loop beats a strchr call on each. */
	while (*end && *end != ' ')
		end++;
	if (*end) {
		*end = '\0';
		*cursor = end + 1;
	} else {
		*cursor = NULL;
	}
	return s;
}

static bool is_octal(char c)
{
	return c >= '0' && c <= '7';
}

/* Decode the kernel's \ooo escapes (fs/seq_file.c mangle_path) in place. */
static int unescape(char *s)
{
	char *out;

	/* Most fields have no escape: nothing to move before the first. */
	while (*s && *s != '\\')
		s++;
	for (out = s; *s; s++) {
		if (*s != '\\') {
			*out++ = *s;
			continue;
		}
		if (!is_octal(s[1]) || !is_octal(s[2]) || !is_octal(s[3]))
			return -EINVAL;
		int c = (s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0');
		if (c == 0 || c > 255)
			return -EINVAL;
		*out++ = (char)c;
		s += 3;
	}
	*out = '\0';
	return 0;
}

static int parse_int(const char *s, int *ret)
{
	uint64_t v;
	int r = s ? parse_uint(s, INT_MAX, &v) : -EINVAL;

	if (r < 0)
		return -EINVAL;
	*ret = (int)v;
	return 0;
}

static int parse_dev(char *s, unsigned *ret_major, unsigned *ret_minor)
{
	char *colon = s ? strchr(s, ':') : NULL;
	uint32_t major, minor;

	if (!colon)
		return -EINVAL;
	*colon = '\0';
	if (parse_u32(s, &major) < 0 || parse_u32(colon + 1, &minor) < 0)
		return -EINVAL;
	*ret_major = major;
	*ret_minor = minor;
	return 0;
}

/* A path field: present, non-empty, decoded. */
static int parse_path(char *s, const char **ret)
{
	if (!s || !*s || unescape(s) < 0)
		return -EINVAL;
	*ret = s;
	return 0;
}

/* One optional field; unknown tags are ignored, as proc(5) asks. */
static int parse_optional(const char *s, struct mnt_entry *e)
{
	static const struct {
		const char *tag;
		size_t off;
	} tags[] = {
		{ "shared:", offsetof(struct mnt_entry, shared) },
		{ "master:", offsetof(struct mnt_entry, master) },
		{ "propagate_from:", offsetof(struct mnt_entry, propagate_from) },
	};

	if (!*s)
		return -EINVAL;
	if (strcmp(s, "unbindable") == 0) {
		e->unbindable = true;
		return 0;
	}
	for (size_t i = 0; i < ELEMENTSOF(tags); i++) {
		size_t n = strlen(tags[i].tag);
		int *field = (int *)((char *)e + tags[i].off);
		if (strncmp(s, tags[i].tag, n) == 0)
			return (parse_int(s + n, field) < 0 || *field == 0) ? -EINVAL : 0;
	}
	return 0;
}

/* Fields 7 and 8: optional fields up to the "-" separator. They are kept
 * as one string too, with the spaces between them put back. */
static int parse_optional_fields(char **cursor, struct mnt_entry *e)
{
	char *first = NULL, *last = NULL, *f;

	while ((f = next_field(cursor)) && !(f[0] == '-' && f[1] == '\0')) {
		if (parse_optional(f, e) < 0)
			return -EINVAL;
		if (!first)
			first = f;
		last = f;
	}
	if (!f)
		return -EINVAL;	/* no separator */
	for (char *p = first; p && p < last; p++)
		if (*p == '\0')
			*p = ' ';
	e->optional = first ? first : "";
	return 0;
}

int mountinfo_parse_line(char *line, struct mnt_entry *ret)
{
	struct mnt_entry e = { .optional = "" };
	char *cursor = line;
	char *f;

	if (parse_int(next_field(&cursor), &e.id) < 0 ||
	    parse_int(next_field(&cursor), &e.parent_id) < 0 ||
	    parse_dev(next_field(&cursor), &e.major, &e.minor) < 0 ||
	    parse_path(next_field(&cursor), &e.root) < 0 ||
	    parse_path(next_field(&cursor), &e.target) < 0)
		return -EINVAL;
	if (!(f = next_field(&cursor)) || !*f)
		return -EINVAL;
	e.options = f;
	if (parse_optional_fields(&cursor, &e) < 0)
		return -EINVAL;
	if (!(f = next_field(&cursor)) || !*f || unescape(f) < 0)
		return -EINVAL;
	e.fstype = f;
	if (!(f = next_field(&cursor)) || unescape(f) < 0)
		return -EINVAL;
	e.source = f;
	if (!(f = next_field(&cursor)) || !*f || cursor)
		return -EINVAL;	/* missing, or more fields than proc(5) lists */
	e.super_options = f;
	*ret = e;
	return 0;
}

static int append(struct mountinfo *mi, size_t *cap, const struct mnt_entry *e)
{
	if (mi->count == *cap) {
		size_t n = *cap ? *cap * 2 : 64;
		struct mnt_entry *p = reallocarray(mi->entries, n, sizeof(*p));
		if (!p)
			return -ENOMEM;
		mi->entries = p;
		*cap = n;
	}
	mi->entries[mi->count++] = *e;
	return 0;
}

/* Whether the line (without its newline) may be of a filesystem type that
 * begins with PREFIX: its type is the third field from the end (proc(5)),
 * found without parsing the rest. A line too short to tell is kept, for
 * the parser to refuse. */
static bool may_be_type(const char *line, size_t len, const char *prefix)
{
	const char *end = line + len, *p = end;

	for (int spaces = 0; p > line; p--)
		if (p[-1] == ' ' && ++spaces == 3)
			break;
	if (p == line)
		return true;
	return (size_t)(end - p) >= strlen(prefix) && !strncmp(p, prefix, strlen(prefix));
}

int mountinfo_parse_fstype(char *text, const char *fstype_prefix, struct mountinfo *ret,
			   size_t *ret_bad_line)
{
	struct mountinfo mi = { .text = text };
	size_t cap = 0, lineno = 0;
	char *line = text;
	int r = 0;

	*ret_bad_line = 0;
	while (line && *line) {
		char *nl = strchr(line, '\n');
		struct mnt_entry e;

		if (nl)
			*nl = '\0';
		lineno++;
		if (fstype_prefix && !may_be_type(line, nl ? (size_t)(nl - line) : strlen(line),
						  fstype_prefix)) {
			line = nl ? nl + 1 : NULL;
			continue;
		}
		if (mountinfo_parse_line(line, &e) < 0) {
			*ret_bad_line = lineno;
			r = -EINVAL;
			break;
		}
		if ((r = append(&mi, &cap, &e)) < 0)
			break;
		line = nl ? nl + 1 : NULL;
	}
	if (r < 0) {
		mountinfo_free(&mi);
		return r;
	}
	*ret = mi;
	return 0;
}

int mountinfo_parse(char *text, struct mountinfo *ret, size_t *ret_bad_line)
{
	return mountinfo_parse_fstype(text, NULL, ret, ret_bad_line);
}

static int read_fd(int fd, const char *fstype_prefix, struct mountinfo *ret,
		   size_t *ret_bad_line)
{
	char *text;
	int r;

	*ret_bad_line = 0;
	if ((r = readfile_fd_alloc(fd, &text, NULL)) < 0)
		return r;
	return mountinfo_parse_fstype(text, fstype_prefix, ret, ret_bad_line);
}

int mountinfo_read_fd(int fd, struct mountinfo *ret, size_t *ret_bad_line)
{
	return read_fd(fd, NULL, ret, ret_bad_line);
}

int mountinfo_read_fstype_at(int dirfd, const char *path, const char *fstype_prefix,
			     struct mountinfo *ret, size_t *ret_bad_line)
{
	_cleanup_close_ int fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC);

	*ret_bad_line = 0;
	if (fd < 0)
		return -errno;
	return read_fd(fd, fstype_prefix, ret, ret_bad_line);
}

int mountinfo_read_at(int dirfd, const char *path, struct mountinfo *ret, size_t *ret_bad_line)
{
	return mountinfo_read_fstype_at(dirfd, path, NULL, ret, ret_bad_line);
}

void mountinfo_free(struct mountinfo *mi)
{
	free(mi->entries);
	free(mi->text);
	*mi = (struct mountinfo)MOUNTINFO_INIT;
}

const struct mnt_entry *mountinfo_find_id(const struct mountinfo *mi, int id)
{
	for (size_t i = 0; i < mi->count; i++)
		if (mi->entries[i].id == id)
			return &mi->entries[i];
	return NULL;
}

/* The length of mount point TARGET if it contains PATH, else -1. */
static long contains(const char *target, const char *path)
{
	size_t n = strlen(target);

	if (strcmp(target, "/") == 0)
		return path[0] == '/' ? 1 : -1;
	if (strncmp(target, path, n) != 0 || (path[n] != '\0' && path[n] != '/'))
		return -1;
	return (long)n;
}

const struct mnt_entry *mountinfo_find_path(const struct mountinfo *mi, const char *path)
{
	const struct mnt_entry *best = NULL;
	long best_len = -1;

	for (size_t i = 0; i < mi->count; i++) {
		const struct mnt_entry *e = &mi->entries[i];
		long n = contains(e->target, path);

		if (n < 0 || n < best_len)
			continue;
		/* On one mount point, the mount stacked on the other wins;
		 * failing that, the later one (mountinfo is in mount order). */
		if (n == best_len && best->parent_id == e->id)
			continue;
		best = e;
		best_len = n;
	}
	return best;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The id a mountinfo line begins with ("36 35 98:0 ..."), or -EINVAL. */
static int line_id(const char *line, int *ret)
{
	long id = 0;
	const char *p = line;

	for (; *p >= '0' && *p <= '9'; p++) {
		id = id * 10 + (*p - '0');
		if (id > INT_MAX)
			return -EINVAL;
	}
	if (p == line || *p != ' ')
		return -EINVAL;
	*ret = (int)id;
	return 0;
}

int mountinfo_text_ids(const char *text, int *ids, size_t max, size_t *ret_count)
{
	size_t n = 0;
	int r;

	for (const char *line = text; *line;) {
		const char *end = strchrnul(line, '\n');

		if (n == max)
			return -E2BIG;
		if ((r = line_id(line, &ids[n])) < 0)
			return r;
		n++;
		line = *end ? end + 1 : end;
	}
	qsort(ids, n, sizeof(*ids), cmp_int);
	*ret_count = n;
	return 0;
}

int mountinfo_text_has_an_id(const char *text, const int *ids, size_t count)
{
	for (const char *line = text; *line;) {
		const char *end = strchrnul(line, '\n');
		int id, r;

		if ((r = line_id(line, &id)) < 0)
			return r;
		if (bsearch(&id, ids, count, sizeof(*ids), cmp_int))
			return 1;
		line = *end ? end + 1 : end;
	}
	return 0;
}

/* PATH's text into buf when it fits, else into *heap (malloc'd, the
 * caller frees it): *ret points at it. 0 or -errno. */
static int read_table(const char *path, char *buf, size_t size, char **heap, const char **ret)
{
	ssize_t len = readfile_at(AT_FDCWD, path, buf, size);
	int r;

	if (len < 0)
		return (int)len;
	*ret = buf;
	if ((size_t)len < size - 1)
		return 0;
	free(*heap);
	*heap = NULL;
	if ((r = readfile_at_alloc(AT_FDCWD, path, heap, NULL)) < 0)
		return r;
	*ret = *heap;
	return 0;
}

static size_t count_lines(const char *text)
{
	size_t n = 1;

	for (; *text; text++)
		n += *text == '\n';
	return n;
}

int mountinfo_files_share_a_mount(const char *a_path, const char *b_path)
{
	char buf[8192];
	int stack_ids[512], *ids = stack_ids;
	_cleanup_free_ char *heap = NULL;
	_cleanup_free_ int *heap_ids = NULL;
	const char *text;
	size_t count;
	int r;

	if ((r = read_table(a_path, buf, sizeof(buf), &heap, &text)) < 0)
		return r;
	r = mountinfo_text_ids(text, ids, ELEMENTSOF(stack_ids), &count);
	if (r == -E2BIG) {
		size_t max = count_lines(text);

		if (!(heap_ids = calloc(max, sizeof(*heap_ids))))
			return -ENOMEM;
		ids = heap_ids;
		r = mountinfo_text_ids(text, ids, max, &count);
	}
	if (r < 0)
		return r;
	if ((r = read_table(b_path, buf, sizeof(buf), &heap, &text)) < 0)
		return r;
	return mountinfo_text_has_an_id(text, ids, count);
}

bool mountinfo_share_a_mount(const struct mountinfo *a, const struct mountinfo *b)
{
	_cleanup_free_ int *ids = calloc(a->count ? a->count : 1, sizeof(int));

	if (!ids) {
		/* Without memory, the slow way. */
		for (size_t i = 0; i < b->count; i++)
			if (mountinfo_find_id(a, b->entries[i].id))
				return true;
		return false;
	}
	for (size_t i = 0; i < a->count; i++)
		ids[i] = a->entries[i].id;
	qsort(ids, a->count, sizeof(int), cmp_int);
	for (size_t i = 0; i < b->count; i++)
		if (bsearch(&b->entries[i].id, ids, a->count, sizeof(int), cmp_int))
			return true;
	return false;
}

const char *mnt_entry_propagation(const struct mnt_entry *e)
{
	if (e->shared && e->master)
		return "shared,slave";
	if (e->shared)
		return "shared";
	if (e->master)
		return e->unbindable ? "slave,unbindable" : "slave";
	return e->unbindable ? "unbindable" : "private";
}
