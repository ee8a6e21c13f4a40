/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "errcode.h"
#include "idname.h"
#include "inroot.h"
#include "parse.h"
#include "readfile.h"

/* Larger than any real passwd or group file; a bound on what a container
 * can make us read. */
#define IDNAME_FILE_MAX (16u << 20)

/* The id of one line if its first field is name: 1 and *ret_id set, 0
 * when it is another name's, or negated IDNAME_EENTRY. */
static int match_line(const char *line, size_t len, const char *name, uint32_t *ret_id)
{
	size_t n = strlen(name);
	const char *pw, *id, *end = line + len;
	char buf[16];

	if (len <= n || memcmp(line, name, n) != 0 || line[n] != ':')
		return 0;
	pw = line + n + 1;
	id = memchr(pw, ':', (size_t)(end - pw));
	if (!id)
		return -IDNAME_EENTRY;
	id++;
	const char *id_end = memchr(id, ':', (size_t)(end - id));
	size_t id_len = (size_t)((id_end ? id_end : end) - id);

	if (id_len == 0 || id_len >= sizeof(buf))
		return -IDNAME_EENTRY;
	memcpy(buf, id, id_len);
	buf[id_len] = '\0';
	return parse_id(buf, ret_id) < 0 ? -IDNAME_EENTRY : 1;
}

int idname_find(const char *text, size_t len, const char *name, uint32_t *ret_id)
{
	const char *p = text, *end = text + len;

	/* A name that cannot be a field matches nothing. */
	if (!*name || strpbrk(name, ":\n"))
		return -IDNAME_ENONAME;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t line_len = (size_t)((nl ? nl : end) - p);

		if (line_len && *p != '#' && *p != '+' && *p != '-') {
			int r = match_line(p, line_len, name, ret_id);

			if (r != 0)
				return r < 0 ? r : 0;
		}
		p += line_len + 1;
	}
	return -IDNAME_ENONAME;
}

/* path inside rootfd, for reading: a regular file, never a FIFO or a
 * device a container put there to make us block or read forever. */
static int open_in_root(int rootfd, const char *path)
{
	int fd = inroot_open(rootfd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	int r;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0)
		r = -errno;
	else if (!S_ISREG(st.st_mode))
		r = -IDNAME_ENOTFILE;
	else if (st.st_size > IDNAME_FILE_MAX)
		r = -IDNAME_ETOOBIG;
	else
		return fd;
	close(fd);
	return r;
}

int idname_lookup(int rootfd, const char *path, const char *name, uint32_t *ret_id)
{
	_cleanup_close_ int fd = open_in_root(rootfd, path);
	_cleanup_free_ char *text = NULL;
	size_t len;
	int r;

	if (fd < 0)
		return fd;
	if ((r = readfile_fd_alloc(fd, &text, &len)) < 0)
		return r;
	if (len > IDNAME_FILE_MAX)
		return -IDNAME_ETOOBIG;
	return idname_find(text, len, name, ret_id);
}
