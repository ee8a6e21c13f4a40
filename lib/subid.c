/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "parse.h"
#include "readfile.h"
#include "subid.h"

/* Split LINE (modified) into exactly three ':'-separated fields. */
static bool split3(char *line, char *field[3])
{
	field[0] = line;
	for (int i = 1; i < 3; i++) {
		char *colon = strchr(field[i - 1], ':');
		if (!colon)
			return false;
		*colon = '\0';
		field[i] = colon + 1;
	}
	return !strchr(field[2], ':');
}

static bool matches(const char *owner, const char *name, uint32_t uid)
{
	uint32_t n;

	if (name && strcmp(owner, name) == 0)
		return true;
	return parse_id(owner, &n) == 0 && n == uid;
}

/* Room for one range more: the array doubled, from 4 up to SUBID_MAX. */
static int grow(struct subid_grants *g)
{
	unsigned capacity = g->capacity ? g->capacity * 2 : 4;
	struct subid_range *ranges;

	if (capacity > SUBID_MAX)
		capacity = SUBID_MAX;
	if (!(ranges = realloc(g->ranges, capacity * sizeof(*ranges))))
		return -ENOMEM;
	g->ranges = ranges;
	g->capacity = capacity;
	return 0;
}

/* One line, without its newline. */
static void parse_line(char *line, const char *name, uint32_t uid, struct subid_grants *g)
{
	char *field[3];
	uint32_t start, count;
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return;
	if (!split3(line, field) || !*field[0] || parse_u32(field[1], &start) < 0 ||
	    parse_u32(field[2], &count) < 0 || count == 0 ||
	    (uint64_t)start + count > UINT32_MAX) {
		g->malformed++;
		return;
	}
	if (!matches(field[0], name, uid))
		return;
	if (g->count >= SUBID_MAX || (g->count == g->capacity && grow(g) < 0)) {
		g->dropped++;
		return;
	}
	g->ranges[g->count++] = (struct subid_range){ start, count };
}

void subid_release(struct subid_grants *g)
{
	free(g->ranges);
	*g = (struct subid_grants)SUBID_EMPTY;
}

void subid_parse(const char *text, const char *name, uint32_t uid, struct subid_grants *ret)
{
	char line[512];

	ret->count = ret->malformed = ret->dropped = 0;
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);

		if (n >= sizeof(line)) {
			ret->malformed++;
		} else {
			memcpy(line, text, n);
			line[n] = '\0';
			parse_line(line, name, uid, ret);
		}
		text += n + (nl ? 1 : 0);
	}
}

/* The text of a file as subid_parse takes it: -EINVAL for a NUL byte
 * (not a text file). */
static int parse_text(const char *text, size_t len, const char *name, uint32_t uid,
		      struct subid_grants *ret)
{
	if (strlen(text) != len)
		return -EINVAL;
	subid_parse(text, name, uid, ret);
	return 0;
}

/* A file longer than the page read first: read again whole. */
static int read_long(int fd, const char *name, uint32_t uid, struct subid_grants *ret)
{
	_cleanup_free_ char *text = NULL;
	size_t len;
	int r;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -errno;
	if ((r = readfile_fd_alloc(fd, &text, &len)) < 0)
		return r;
	return parse_text(text, len, name, uid, ret);
}

int subid_read(const char *path, const char *name, uint32_t uid, struct subid_grants *ret)
{
	/* Most files are a few lines: read into a page of stack; only a
	 * larger one is read again whole, on the heap (whose 16 KiB nsmap's
	 * common path would pay in page faults, bench/nsmap.sh). */
	char small[4096];
	_cleanup_close_ int fd = -1;
	ssize_t n;

	ret->count = ret->malformed = ret->dropped = 0;
	if ((fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC)) < 0)
		return errno == ENOENT ? 0 : -errno;	/* no file: no grants */
	if ((n = readfile_fd(fd, small, sizeof(small))) < 0)
		return (int)n;
	if ((size_t)n + 1 < sizeof(small))
		return parse_text(small, (size_t)n, name, uid, ret);
	return read_long(fd, name, uid, ret);
}

bool subid_covers(const struct subid_grants *g, uint32_t start, uint32_t count)
{
	uint64_t pos = start, end = (uint64_t)start + count;
	bool advanced = true;

	/* Step through the grants that contain pos until the end is
	 * reached, or no grant contains pos. */
	while (pos < end && advanced) {
		advanced = false;
		for (unsigned i = 0; i < g->count && !advanced; i++) {
			const struct subid_range *r = &g->ranges[i];
			uint64_t r_end = (uint64_t)r->start + r->count;

			if (r->start <= pos && pos < r_end) {
				pos = r_end;
				advanced = true;
			}
		}
	}
	return pos >= end;
}
