#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"
#include "cleanup.h"
#include "readfile.h"

static const struct {
	const char *v2, *v1;
} ctrl_names[CG_NCTRL] = {
	[CG_CPU] = { "cpu", "cpu" },
	[CG_CPUACCT] = { "cpuacct", "cpuacct" },
	[CG_CPUSET] = { "cpuset", "cpuset" },
	[CG_MEMORY] = { "memory", "memory" },
	[CG_IO] = { "io", "blkio" },
	[CG_PIDS] = { "pids", "pids" },
	[CG_FREEZER] = { "freezer", "freezer" },
	[CG_HUGETLB] = { "hugetlb", "hugetlb" },
	[CG_DEVICES] = { "devices", "devices" },
	[CG_RDMA] = { "rdma", "rdma" },
	[CG_MISC] = { "misc", "misc" },
	[CG_PERF_EVENT] = { "perf_event", "perf_event" },
	[CG_NET_CLS] = { "net_cls", "net_cls" },
	[CG_NET_PRIO] = { "net_prio", "net_prio" },
};

const char *cg_ctrl_name(enum cg_ctrl c)
{
	return ctrl_names[c].v2;
}

const char *cg_ctrl_v1_name(enum cg_ctrl c)
{
	return ctrl_names[c].v1;
}

int cg_ctrl_from_name(const char *name)
{
	for (int c = 0; c < CG_NCTRL; c++)
		if (!strcmp(name, ctrl_names[c].v2) || !strcmp(name, ctrl_names[c].v1))
			return c;
	return -EINVAL;
}

const char *cg_layout_name(enum cg_layout l)
{
	static const char *const names[] = { "none", "unified", "hybrid", "legacy" };

	return names[l];
}

void cg_sys_init(struct cg_sys *sys)
{
	memset(sys, 0, sizeof(*sys));
	sys->v2 = -1;
	for (int c = 0; c < CG_NCTRL; c++)
		sys->ctrl_hier[c] = -1;
}

void cg_sys_free(struct cg_sys *sys)
{
	for (unsigned i = 0; i < sys->n; i++) {
		free(sys->h[i].mount);
		free(sys->h[i].root);
		free(sys->h[i].self);
	}
	cg_sys_init(sys);
}

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static char *unescape(const char *s, size_t n)
{
	char *out = malloc(n + 1), *o = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 3 < n && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' && s[i + 2] <= '7' &&
		    s[i + 3] >= '0' && s[i + 3] <= '7') {
			*o++ = (char)((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
			i += 3;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* The controllers named in v1 super options ("rw,cpu,cpuacct"). */
static unsigned v1_ctrls(const char *opts, size_t n)
{
	unsigned mask = 0;
	char word[32];

	while (n > 0) {
		size_t len = strcspn(opts, ",");
		if (len > n)
			len = n;
		if (len < sizeof(word)) {
			memcpy(word, opts, len);
			word[len] = '\0';
			int c = cg_ctrl_from_name(word);
			if (c >= 0)
				mask |= CG_BIT(c);
		}
		opts += len;
		n -= len;
		if (n > 0) {
			opts++;
			n--;
		}
	}
	return mask;
}

/* Field i (0-based, space separated) of a line: start and length. */
static bool field(const char *line, size_t linelen, unsigned i, const char **ret, size_t *ret_len)
{
	const char *p = line, *end = line + linelen;

	for (;;) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		const char *stop = sp ? sp : end;
		if (i == 0) {
			*ret = p;
			*ret_len = (size_t)(stop - p);
			return stop > p;
		}
		if (!sp)
			return false;
		p = sp + 1;
		i--;
	}
}

static bool known_mount(const struct cg_sys *sys, bool v2, unsigned ctrls)
{
	for (unsigned i = 0; i < sys->n; i++)
		if (sys->h[i].v2 == v2 && sys->h[i].ctrls == ctrls && (v2 || ctrls))
			return true;
	return false;
}

static int add_hier(struct cg_sys *sys, const char *mnt, size_t mlen, const char *root,
		    size_t rlen, bool v2, unsigned ctrls)
{
	struct cg_hier *h;

	if (known_mount(sys, v2, ctrls))
		return 0;	/* a second mount of the same hierarchy */
	if (sys->n == CG_MAX_HIER)
		return -E2BIG;
	h = &sys->h[sys->n];
	h->mount = unescape(mnt, mlen);
	h->root = unescape(root, rlen);
	h->self = strdup("/");
	if (!h->mount || !h->root || !h->self) {
		free(h->mount);
		free(h->root);
		free(h->self);
		return -ENOMEM;
	}
	h->v2 = v2;
	h->ctrls = ctrls;
	if (v2)
		sys->v2 = (int)sys->n;
	sys->n++;
	return 0;
}

static int parse_mount_line(const char *line, size_t len, struct cg_sys *sys)
{
	const char *sep = NULL, *root, *mnt, *fstype, *opts;
	size_t rlen, mlen, flen, olen;
	bool v2;

	for (const char *p = line; p + 3 <= line + len; p++)
		if (!memcmp(p, " - ", 3)) {
			sep = p + 3;
			break;
		}
	if (!sep || !field(sep, len - (size_t)(sep - line), 0, &fstype, &flen))
		return -EINVAL;
	v2 = flen == 7 && !memcmp(fstype, "cgroup2", 7);
	if (!v2 && !(flen == 6 && !memcmp(fstype, "cgroup", 6)))
		return 0;
	if (!field(line, len, 3, &root, &rlen) || !field(line, len, 4, &mnt, &mlen) ||
	    !field(sep, len - (size_t)(sep - line), 2, &opts, &olen))
		return -EINVAL;
	if (v2)
		return add_hier(sys, mnt, mlen, root, rlen, true, 0);
	unsigned ctrls = v1_ctrls(opts, olen);
	return ctrls ? add_hier(sys, mnt, mlen, root, rlen, false, ctrls) : 0;
}

/* Call parse_line for each non-empty line of text; stop at its error. */
static int each_line(const char *text, struct cg_sys *sys,
		     int (*parse_line)(const char *line, size_t len, struct cg_sys *sys))
{
	while (*text) {
		size_t len = strcspn(text, "\n");
		int r = len ? parse_line(text, len, sys) : 0;
		if (r < 0)
			return r;
		text += len;
		if (*text)
			text++;
	}
	return 0;
}

int cg_parse_mountinfo(const char *text, struct cg_sys *sys)
{
	return each_line(text, sys, parse_mount_line);
}

unsigned cg_parse_controllers(const char *text)
{
	unsigned mask = 0;
	char word[32];

	while (*text) {
		size_t len = strcspn(text, " \t\n");
		if (len && len < sizeof(word)) {
			memcpy(word, text, len);
			word[len] = '\0';
			int c = cg_ctrl_from_name(word);
			if (c >= 0)
				mask |= CG_BIT(c);
		}
		text += len;
		text += strspn(text, " \t\n");
	}
	return mask;
}

static int set_self(struct cg_hier *h, const char *path, size_t len)
{
	char *s = strndup(path, len);

	if (!s)
		return -ENOMEM;
	free(h->self);
	h->self = s;
	return 0;
}

/* "ID:CONTROLLERS:PATH"; v2 is "0::PATH". */
static int parse_cgroup_line(const char *line, size_t len, struct cg_sys *sys)
{
	const char *c1 = memchr(line, ':', len), *c2;

	if (!c1 || !(c2 = memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - line))))
		return -EINVAL;
	const char *path = c2 + 1;
	size_t plen = len - (size_t)(path - line);
	if (plen == 0 || *path != '/')
		return -EINVAL;
	if (c2 == c1 + 1)
		return sys->v2 >= 0 ? set_self(&sys->h[sys->v2], path, plen) : 0;
	unsigned ctrls = v1_ctrls(c1 + 1, (size_t)(c2 - c1 - 1));
	for (unsigned i = 0; i < sys->n; i++)
		if (!sys->h[i].v2 && ctrls && sys->h[i].ctrls == ctrls)
			return set_self(&sys->h[i], path, plen);
	return 0;
}

int cg_parse_proc_cgroup(const char *text, struct cg_sys *sys)
{
	return each_line(text, sys, parse_cgroup_line);
}

void cg_sys_finish(struct cg_sys *sys)
{
	bool v1 = false;

	for (int c = 0; c < CG_NCTRL; c++)
		sys->ctrl_hier[c] = -1;
	for (unsigned i = 0; i < sys->n; i++)
		for (int c = 0; c < CG_NCTRL; c++)
			if ((sys->h[i].ctrls & CG_BIT(c)) && (sys->ctrl_hier[c] < 0 || !sys->h[i].v2))
				sys->ctrl_hier[c] = (int)i;
	for (unsigned i = 0; i < sys->n; i++)
		v1 |= !sys->h[i].v2;
	if (sys->v2 >= 0)
		sys->layout = v1 ? CG_LAYOUT_HYBRID : CG_LAYOUT_UNIFIED;
	else
		sys->layout = v1 ? CG_LAYOUT_LEGACY : CG_LAYOUT_NONE;
}

/* The whole of a file, or NULL with errno set. */
static char *read_text(const char *path)
{
	char *text;
	int r = readfile_at_alloc(AT_FDCWD, path, &text, NULL);

	if (r < 0) {
		errno = -r;
		return NULL;
	}
	return text;
}

int cg_sys_load(struct cg_sys *sys)
{
	_cleanup_free_ char *mountinfo = read_text("/proc/self/mountinfo");
	_cleanup_free_ char *cgroup = read_text("/proc/self/cgroup");
	int r;

	cg_sys_init(sys);
	if (!mountinfo || !cgroup)
		return -errno;
	if ((r = cg_parse_mountinfo(mountinfo, sys)) < 0 ||
	    (r = cg_parse_proc_cgroup(cgroup, sys)) < 0)
		return r;
	if (sys->v2 >= 0) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/cgroup.controllers", sys->h[sys->v2].mount);
		_cleanup_free_ char *ctrls = read_text(path);
		if (ctrls)
			sys->h[sys->v2].ctrls = cg_parse_controllers(ctrls);
	}
	cg_sys_finish(sys);
	return 0;
}

int cg_name_check(const char *name)
{
	const char *p = name;

	if (!name || !*name || strchr(name, '\n'))
		return -EINVAL;
	if (*p == '/')
		p++;
	if (!*p)
		return 0;	/* "/": the root */
	for (;;) {
		size_t len = strcspn(p, "/");
		if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && !strncmp(p, "..", 2)))
			return -EINVAL;
		p += len;
		if (!*p)
			return 0;
		p++;
	}
}

/* Append "/" + rel (which has no leading slash, may be empty). */
static int join(char *buf, size_t size, const char *rel)
{
	size_t len = strlen(buf);

	if (!*rel)
		return 0;
	if (len > 1 || buf[0] != '/') {
		if (len + 1 >= size)
			return -ENAMETOOLONG;
		buf[len++] = '/';
		buf[len] = '\0';
	}
	if (len + strlen(rel) >= size)
		return -ENAMETOOLONG;
	strcpy(buf + len, rel);
	len = strlen(buf);
	while (len > 1 && buf[len - 1] == '/')
		buf[--len] = '\0';
	return 0;
}

int cg_resolve(const struct cg_hier *h, const char *parent, const char *group, char *buf,
	       size_t size)
{
	int r;

	if ((*group && cg_name_check(group) < 0) || size < 2)
		return -EINVAL;
	strcpy(buf, "/");
	if (*group == '/')
		return join(buf, size, group + 1);
	if (parent && (!strcmp(parent, "self") || !strncmp(parent, "self/", 5))) {
		if ((r = join(buf, size, h->self + 1)) < 0)
			return r;
		parent += 4;
	}
	if (parent && *parent) {
		if (cg_name_check(parent) < 0)
			return -EINVAL;
		if ((r = join(buf, size, parent + (*parent == '/'))) < 0)
			return r;
	}
	return join(buf, size, group);
}

int cg_dir(const struct cg_hier *h, const char *path, char *buf, size_t size)
{
	size_t rlen = strlen(h->root);
	const char *rest;
	int n;

	if (!strcmp(h->root, "/"))
		rest = path;
	else if (!strncmp(path, h->root, rlen) && (path[rlen] == '/' || !path[rlen]))
		rest = path + rlen;
	else
		return -ENOENT;
	if (!strcmp(rest, "/"))
		rest = "";
	n = snprintf(buf, size, "%s%s", h->mount, rest);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}
