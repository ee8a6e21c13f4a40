/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "fmt.h"
#include "idmap.h"
#include "parse.h"
#include "readfile.h"

int idmap_parse_range(const char *s, struct idmap_range *ret)
{
	char buf[64];
	char *first, *second;
	uint32_t inner, outer, count;
	int r;

	if (!s || strlen(s) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, s);
	first = strchr(buf, ':');
	if (!first)
		return -EINVAL;
	*first++ = '\0';
	second = strchr(first, ':');
	if (!second)
		return -EINVAL;
	*second++ = '\0';
	if ((r = parse_u32(buf, &inner)) < 0 || (r = parse_u32(first, &outer)) < 0 ||
	    (r = parse_u32(second, &count)) < 0)
		return r;
	ret->inner = inner;
	ret->outer = outer;
	ret->count = count;
	return 0;
}

/* Room for one range more: the array doubled (from 4, up to the kernel's
 * limit), moved to the heap when it was the owner's. */
static int grow(struct idmap *m)
{
	unsigned capacity = m->capacity ? m->capacity * 2 : 4;
	struct idmap_range *ranges;

	if (capacity > IDMAP_MAX_RANGES)
		capacity = IDMAP_MAX_RANGES;
	ranges = m->heap ? realloc(m->ranges, capacity * sizeof(*ranges))
			 : malloc(capacity * sizeof(*ranges));
	if (!ranges)
		return -ENOMEM;
	if (!m->heap && m->count)
		memcpy(ranges, m->ranges, m->count * sizeof(*ranges));
	m->ranges = ranges;
	m->capacity = capacity;
	m->heap = true;
	return 0;
}

int idmap_add(struct idmap *m, struct idmap_range r)
{
	int e;

	if (m->count >= IDMAP_MAX_RANGES)
		return -E2BIG;
	if (m->count == m->capacity && (e = grow(m)) < 0)
		return e;
	m->ranges[m->count++] = r;
	return 0;
}

void idmap_release(struct idmap *m)
{
	if (m->heap)
		free(m->ranges);
	*m = (struct idmap){ .count = 0 };
}

static bool overlaps(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
	return (uint64_t)a < (uint64_t)b + blen && (uint64_t)b < (uint64_t)a + alen;
}

enum idmap_problem idmap_validate(const struct idmap *m, unsigned *ret_a, unsigned *ret_b)
{
	if (m->count > IDMAP_MAX_RANGES) {
		*ret_a = *ret_b = IDMAP_MAX_RANGES;
		return IDMAP_TOO_MANY;
	}
	for (unsigned i = 0; i < m->count; i++) {
		const struct idmap_range *a = &m->ranges[i];

		*ret_a = *ret_b = i;
		if (a->count == 0)
			return IDMAP_ZERO_COUNT;
		/* The kernel refuses a range whose last id would be 2^32-1
		 * or beyond: (uid_t)-1 is never a valid id. */
		if ((uint64_t)a->inner + a->count > UINT32_MAX ||
		    (uint64_t)a->outer + a->count > UINT32_MAX)
			return IDMAP_OVERFLOW;
		for (unsigned j = 0; j < i; j++) {
			const struct idmap_range *b = &m->ranges[j];
			*ret_a = j;
			*ret_b = i;
			if (overlaps(a->inner, a->count, b->inner, b->count))
				return IDMAP_INNER_OVERLAP;
			if (overlaps(a->outer, a->count, b->outer, b->count))
				return IDMAP_OUTER_OVERLAP;
		}
	}
	return IDMAP_OK;
}

const char *idmap_problem_text(enum idmap_problem p)
{
	switch (p) {
	case IDMAP_OK: return "valid";
	case IDMAP_ZERO_COUNT: return "maps no id (count 0)";
	case IDMAP_OVERFLOW: return "runs past the largest id 4294967294";
	case IDMAP_INNER_OVERLAP: return "overlap on the inner side";
	case IDMAP_OUTER_OVERLAP: return "overlap on the outer side";
	case IDMAP_TOO_MANY: return "more than 340 ranges (the kernel's limit)";
	}
	return "invalid";
}

void idmap_range_format(const struct idmap_range *r, char *buf, size_t size)
{
	snprintf(buf, size, "%u:%u:%u", r->inner, r->outer, r->count);
}

/* "INNER OUTER COUNT\n" at buf (IDMAP_LINE_MAX bytes of room): its length.
 * No printf: a map write is on every run's path (lib/fmt.h). */
static size_t format_line(const struct idmap_range *r, char *buf)
{
	size_t n = fmt_u32(buf, r->inner);

	buf[n++] = ' ';
	n += fmt_u32(buf + n, r->outer);
	buf[n++] = ' ';
	n += fmt_u32(buf + n, r->count);
	buf[n++] = '\n';
	return n;
}

int idmap_format(const struct idmap *m, char *buf, size_t size)
{
	size_t len = 0;

	if (size == 0)
		return -ENOSPC;
	buf[0] = '\0';
	for (unsigned i = 0; i < m->count; i++) {
		char line[IDMAP_LINE_MAX];
		size_t n = format_line(&m->ranges[i], line);

		/* the line and the NUL after it, as snprintf would need */
		if (n >= size - len) {
			buf[len] = '\0';
			return -ENOSPC;
		}
		memcpy(buf + len, line, n);
		len += n;
		buf[len] = '\0';
	}
	return (int)len;
}

static int write_file_at(int dirfd, const char *file, const char *text, size_t len)
{
	_cleanup_close_ int fd = openat(dirfd, file, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, text, len);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

/* Lines formatted on the stack; a longer map's text (up to 11 KiB) is
 * allocated instead, so that the common write does not reach three pages
 * deeper into the stack, each a page fault (bench/nsmap.sh). */
#define WRITE_STACK_LINES 8

static int write_formatted(int procfd, const char *file, const struct idmap *m, char *text,
			   size_t size)
{
	int len = idmap_format(m, text, size);

	return len < 0 ? len : write_file_at(procfd, file, text, (size_t)len);
}

static int write_long(int procfd, const char *file, const struct idmap *m)
{
	size_t size = (size_t)m->count * IDMAP_LINE_MAX + 1;
	_cleanup_free_ char *text = malloc(size);

	return text ? write_formatted(procfd, file, m, text, size) : -ENOMEM;
}

int idmap_write_at(int procfd, const char *file, const struct idmap *m)
{
	char text[WRITE_STACK_LINES * IDMAP_LINE_MAX + 1];

	if (m->count > WRITE_STACK_LINES)
		return write_long(procfd, file, m);
	return write_formatted(procfd, file, m, text, sizeof(text));
}

int idmap_write_setgroups_at(int procfd, bool allow)
{
	const char *text = allow ? "allow" : "deny";

	return write_file_at(procfd, "setgroups", text, strlen(text));
}

void idmap_problem_describe(const struct idmap *m, enum idmap_problem p, unsigned a, unsigned b,
			    char *buf, size_t size)
{
	char ra[40] = "", rb[40] = "";

	if (a < m->count)
		idmap_range_format(&m->ranges[a], ra, sizeof(ra));
	if (b < m->count)
		idmap_range_format(&m->ranges[b], rb, sizeof(rb));
	switch (p) {
	case IDMAP_INNER_OVERLAP:
		snprintf(buf, size, "ranges %s and %s overlap", ra, rb);
		return;
	case IDMAP_OUTER_OVERLAP:
		snprintf(buf, size, "ranges %s and %s overlap on the outer side", ra, rb);
		return;
	case IDMAP_ZERO_COUNT:
	case IDMAP_OVERFLOW:
		snprintf(buf, size, "range %s %s", ra, idmap_problem_text(p));
		return;
	default:
		snprintf(buf, size, "%s", idmap_problem_text(p));
	}
}

/* The next unsigned number of a line, skipping blanks. */
static int next_number(const char **p, uint32_t *ret)
{
	char num[16];
	size_t n = 0;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	while (isdigit((unsigned char)**p)) {
		/* longer than any id: refused, not cut into two numbers */
		if (n + 1 >= sizeof(num))
			return -ERANGE;
		num[n++] = *(*p)++;
	}
	num[n] = '\0';
	return parse_u32(num, ret);
}

int idmap_parse_text(const char *text, struct idmap *ret)
{
	const char *p = text;

	ret->count = 0;
	while (*p) {
		struct idmap_range r;
		int e;

		if (next_number(&p, &r.inner) < 0 || next_number(&p, &r.outer) < 0 ||
		    next_number(&p, &r.count) < 0)
			return -EINVAL;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '\n' && *p != '\0')
			return -EINVAL;
		if (*p == '\n')
			p++;
		if ((e = idmap_add(ret, r)) < 0)
			return e;
	}
	return 0;
}

int idmap_read_at(int procfd, const char *file, struct idmap *ret)
{
	/* 340 lines of three 10-digit columns the kernel pads to 11 */
	_cleanup_free_ char *text = malloc(IDMAP_MAX_RANGES * 40 + 1);
	ssize_t len;

	if (!text)
		return -ENOMEM;
	len = readfile_at(procfd, file, text, IDMAP_MAX_RANGES * 40 + 1);
	if (len < 0)
		return (int)len;
	return idmap_parse_text(text, ret);
}

int idmap_read_setgroups_at(int procfd)
{
	char text[16];
	ssize_t len = readfile_at(procfd, "setgroups", text, sizeof(text));

	if (len < 0)
		return (int)len;
	if (!strcmp(text, "allow\n") || !strcmp(text, "allow"))
		return 1;
	if (!strcmp(text, "deny\n") || !strcmp(text, "deny"))
		return 0;
	return -EINVAL;
}

bool idmap_maps_outer(const struct idmap *m, uint32_t outer)
{
	for (unsigned i = 0; i < m->count; i++)
		if (outer >= m->ranges[i].outer &&
		    outer - m->ranges[i].outer < m->ranges[i].count)
			return true;
	return false;
}

bool idmap_covers(const struct idmap *m, uint32_t first, uint32_t count)
{
	uint64_t last = (uint64_t)first + count - 1;

	if (count == 0)
		return false;
	for (unsigned i = 0; i < m->count; i++) {
		const struct idmap_range *r = &m->ranges[i];
		if (first >= r->inner && last < (uint64_t)r->inner + r->count)
			return true;
	}
	return false;
}
