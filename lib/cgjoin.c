#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgjoin.h"
#include "cleanup.h"
#include "parse.h"
#include "readfile.h"

int cgjoin_parse_line(char *line, struct cgjoin_line *ret)
{
	char *c1 = strchr(line, ':');
	char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	uint32_t id;

	if (!c2 || c2[1] != '/')
		return -EINVAL;
	*c1 = *c2 = '\0';
	if (parse_u32(line, &id) < 0)
		return -EINVAL;
	/* v2 has no controller list; every v1 hierarchy has one. */
	if ((id == 0) != (c1[1] == '\0'))
		return -EINVAL;
	ret->id = id;
	ret->controllers = c1 + 1;
	ret->path = c2 + 1;
	return 0;
}

/* Whether every comma-separated word of WANT is a word of OPTS. */
static bool words_in(const char *want, const char *opts, size_t optslen)
{
	while (*want) {
		size_t n = strcspn(want, ",");
		bool found = false;

		for (const char *o = opts; o < opts + optslen;) {
			size_t m = strcspn(o, ", \n");
			if (m == n && !strncmp(o, want, n))
				found = true;
			o += m + 1;
		}
		if (!found)
			return false;
		want += n + (want[n] == ',');
	}
	return true;
}

/* Copy field (ended by space or newline) into out, decoding the octal
 * escapes mountinfo uses for space, tab, newline and backslash. */
static int unescape(const char *f, char *out, size_t size)
{
	size_t n = 0;

	while (*f && *f != ' ' && *f != '\n') {
		char c = *f++;
		if (c == '\\' && f[0] >= '0' && f[0] <= '3' && f[1] >= '0' && f[1] <= '7' &&
		    f[2] >= '0' && f[2] <= '7') {
			c = (char)((f[0] - '0') * 64 + (f[1] - '0') * 8 + (f[2] - '0'));
			f += 3;
		}
		if (n + 1 >= size)
			return -ENAMETOOLONG;
		out[n++] = c;
	}
	out[n] = '\0';
	return 0;
}

static const char *next_field(const char *s)
{
	s = strchr(s, ' ');
	return s ? s + 1 : NULL;
}

/* PATH relative to ROOT ("" for ROOT itself), or NULL when outside it. */
static const char *below(const char *path, const char *root)
{
	size_t n = strlen(root);

	if (!strcmp(root, "/"))
		return path;
	if (strncmp(path, root, n) || (path[n] != '\0' && path[n] != '/'))
		return NULL;
	return path + n;
}

/* One mountinfo line: does it mount this hierarchy, showing cg->path? */
static int match_line(const char *line, const char *end, const struct cgjoin_line *cg,
		      char *ret_dir, size_t size)
{
	char root[4096], point[4096];
	const char *f = line, *sep, *type, *opts, *rest;

	for (int i = 0; i < 3 && f; i++)
		f = next_field(f);
	if (!f || unescape(f, root, sizeof(root)) < 0 || !(f = next_field(f)) ||
	    unescape(f, point, sizeof(point)) < 0)
		return -ENOENT;
	sep = strstr(f, " - ");
	if (!sep || sep > end)
		return -ENOENT;
	type = sep + 3;
	opts = next_field(type) ? next_field(next_field(type)) : NULL;
	if (!opts || opts > end)
		return -ENOENT;
	if (cg->id == 0 ? strncmp(type, "cgroup2 ", 8) != 0
			: (strncmp(type, "cgroup ", 7) != 0 ||
			   !words_in(cg->controllers, opts, (size_t)(end - opts))))
		return -ENOENT;
	rest = below(cg->path, root);
	if (!rest)
		return -ENOENT;
	if ((size_t)snprintf(ret_dir, size, "%s%s", point, rest) >= size)
		return -ENAMETOOLONG;
	return 0;
}

int cgjoin_find_dir(const char *mountinfo, const struct cgjoin_line *cg, char *ret_dir,
		    size_t size)
{
	for (const char *line = mountinfo; line && *line;) {
		const char *end = strchr(line, '\n');
		int r;

		if (!end)
			end = line + strlen(line);
		r = match_line(line, end, cg, ret_dir, size);
		if (r != -ENOENT)
			return r;
		line = *end ? end + 1 : NULL;
	}
	return -ENOENT;
}

static int attach_one(const char *dir, char *ret_object, size_t size)
{
	_cleanup_close_ int fd = -1;

	snprintf(ret_object, size, "%s/cgroup.procs", dir);
	fd = open(ret_object, O_WRONLY | O_CLOEXEC);
	/* "0" names the writer itself, in v1 and v2 alike. */
	if (fd < 0 || write(fd, "0", 1) != 1)
		return -errno;
	return 0;
}

int cgjoin_attach(int procfd, char *ret_object, size_t size)
{
	_cleanup_free_ char *cgroups = NULL, *mounts = NULL;
	char *save = NULL, dir[4096];
	int r;

	snprintf(ret_object, size, "cgroup");
	if ((r = readfile_at_alloc(procfd, "cgroup", &cgroups, NULL)) < 0)
		return r;
	snprintf(ret_object, size, "/proc/self/mountinfo");
	if ((r = readfile_at_alloc(AT_FDCWD, "/proc/self/mountinfo", &mounts, NULL)) < 0)
		return r;
	for (char *line = strtok_r(cgroups, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct cgjoin_line cg;

		if (cgjoin_parse_line(line, &cg) < 0)
			continue;
		r = cgjoin_find_dir(mounts, &cg, dir, sizeof(dir));
		if (r == -ENOENT)
			continue;	/* a hierarchy not mounted here */
		if (r < 0) {
			snprintf(ret_object, size, "%s", cg.path);
			return r;
		}
		if ((r = attach_one(dir, ret_object, size)) < 0)
			return r;
	}
	return 0;
}
