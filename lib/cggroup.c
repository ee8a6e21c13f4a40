/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cggroup.h"
#include "cleanup.h"
#include "err.h"
#include "parse.h"
#include "readfile.h"

int cg_write_at(int dirfd, const char *file, const char *value)
{
	_cleanup_close_ int fd = openat(dirfd, file, O_WRONLY | O_CLOEXEC);
	size_t len = strlen(value);

	if (fd < 0)
		return -errno;
	/* A control file takes a value in a single write. */
	ssize_t n = write(fd, value, len);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

int cg_read_at(int dirfd, const char *file, char *buf, size_t size)
{
	ssize_t len = readfile_at(dirfd, file, buf, size);

	if (len < 0)
		return (int)len;
	while (len > 0 && buf[len - 1] == '\n')
		len--;
	buf[len] = '\0';
	return 0;
}

/* DIR/FILE opened by its full path: one open instead of two. */
static int join_path(const char *dir, const char *file, char *path, size_t size)
{
	if (!dir)
		return -ENOENT;
	int n = snprintf(path, size, "%s/%s", dir, file);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int cg_write_path(const char *dir, const char *file, const char *value)
{
	char path[4096];
	int r = join_path(dir, file, path, sizeof(path));

	return r < 0 ? r : cg_write_at(AT_FDCWD, path, value);
}

int cg_read_path(const char *dir, const char *file, char *buf, size_t size)
{
	char path[4096];
	int r = join_path(dir, file, path, sizeof(path));

	return r < 0 ? r : cg_read_at(AT_FDCWD, path, buf, size);
}

/* The whole of DIR/FILE, malloc'd, without the trailing newline. */
static int read_path_alloc(const char *dir, const char *file, char **ret)
{
	char path[4096];
	size_t len;
	int r = join_path(dir, file, path, sizeof(path));

	if (r < 0 || (r = readfile_at_alloc(AT_FDCWD, path, ret, &len)) < 0)
		return r;
	while (len > 0 && (*ret)[len - 1] == '\n')
		(*ret)[--len] = '\0';
	return 0;
}

int cg_group_read(void *ud, int ctrl, bool v2, const char *file, char *buf, size_t size)
{
	return cg_read_path(cg_group_dir_for(ud, ctrl, v2), file, buf, size);
}

unsigned cg_hiers_for(const struct cg_sys *sys, unsigned ctrls)
{
	unsigned mask = 0;

	for (unsigned i = 0; i < sys->n; i++)
		if (sys->h[i].v2 || (sys->h[i].ctrls & ctrls))
			mask |= 1u << i;
	return mask;
}

unsigned cg_hiers_of(const struct cg_sys *sys, unsigned ctrls, const char *const *names,
		     unsigned nnames)
{
	unsigned mask = 0;

	for (unsigned i = 0; i < sys->n; i++) {
		const struct cg_hier *h = &sys->h[i];
		bool named = false;

		for (unsigned k = 0; h->name && k < nnames; k++)
			named |= !strcmp(h->name, names[k]);
		if (named || (h->ctrls & ctrls))
			mask |= 1u << i;
	}
	/* v2 lists every controller it has, bound elsewhere or not: only
	 * those that live there count */
	if (sys->v2 >= 0) {
		mask &= ~(1u << sys->v2);
		for (int c = 0; c < CG_NCTRL; c++)
			if ((ctrls & CG_BIT(c)) && sys->ctrl_hier[c] == sys->v2)
				mask |= 1u << sys->v2;
	}
	return mask;
}

/* How much of dir, the directory of group NAME beneath PARENT in h, is the
 * parent's directory: the part that must exist before the group is made
 * (the mount's, when the name is absolute or the parent is above what the
 * mount shows). */
static size_t parent_len(const struct cg_hier *h, const char *parent, const char *name,
			 const char *dir)
{
	char path[4096], pdir[4096];
	size_t n = strlen(h->mount);

	if (*name == '/' || cg_resolve(h, parent, "", path, sizeof(path)) < 0 ||
	    cg_dir(h, path, pdir, sizeof(pdir)) < 0)
		return n;
	if (strlen(pdir) > n && !strncmp(pdir, dir, strlen(pdir)))
		n = strlen(pdir);
	return n;
}

int cg_group_init(struct cg_group *g, const struct cg_sys *sys, const char *parent,
		  const char *name, unsigned mask)
{
	char path[4096], dir[4096];
	int r;

	memset(g, 0, sizeof(*g));
	g->sys = sys;
	for (unsigned i = 0; i < sys->n; i++) {
		if (!(mask & (1u << i)))
			continue;
		if ((r = cg_resolve(&sys->h[i], parent, name, path, sizeof(path))) < 0)
			return r;
		if (cg_dir(&sys->h[i], path, dir, sizeof(dir)) < 0)
			continue;	/* not visible through this mount */
		g->path[i] = strdup(path);
		g->dir[i] = strdup(dir);
		if (!g->path[i] || !g->dir[i])
			return -ENOMEM;
		g->base[i] = parent_len(&sys->h[i], parent, name, dir);
	}
	return 0;
}

int cg_group_at_place(struct cg_group *g, const struct cg_sys *sys, const struct cg_place *place)
{
	char dir[4096];

	memset(g, 0, sizeof(*g));
	g->sys = sys;
	for (unsigned i = 0; i < sys->n; i++) {
		if (!place->path[i] || cg_dir(&sys->h[i], place->path[i], dir, sizeof(dir)) < 0)
			continue;	/* not visible through this mount */
		g->path[i] = strdup(place->path[i]);
		g->dir[i] = strdup(dir);
		if (!g->path[i] || !g->dir[i]) {
			cg_group_free(g);
			return -ENOMEM;
		}
		g->base[i] = strlen(dir);	/* nothing of it is ours to make */
	}
	return 0;
}

void cg_group_free(struct cg_group *g)
{
	for (unsigned i = 0; i < CG_MAX_HIER; i++) {
		free(g->path[i]);
		free(g->dir[i]);
	}
	for (unsigned i = 0; i < g->nmade; i++)
		free(g->made[i]);
	for (unsigned i = 0; i < g->nenabled; i++)
		free(g->enabled[i].dir);
	cg_group_clear_left(g);
	memset(g, 0, sizeof(*g));
}

void cg_group_clear_left(struct cg_group *g)
{
	for (unsigned i = 0; i < g->nleft; i++)
		free(g->left[i].path);
	g->nleft = 0;
}

void cg_group_note_left(struct cg_group *g, const char *dir, const char *file, int err,
		      bool changed)
{
	struct cg_left *l = &g->left[g->nleft];

	if (g->nleft == CG_MAX_MADE ||
	    asprintf(&l->path, "%s%s%s", dir, file ? "/" : "", file ? file : "") < 0)
		return;
	l->err = err;
	l->changed = changed;
	g->nleft++;
}

static void drop(struct cg_group *g, unsigned i)
{
	free(g->path[i]);
	free(g->dir[i]);
	g->path[i] = g->dir[i] = NULL;
	g->base[i] = 0;
}

int cg_group_existing(struct cg_group *g, struct nsk_failure *f)
{
	bool any = false;

	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i])
			continue;
		if (access(g->dir[i], F_OK) == 0)
			any = true;
		else if (errno == ENOENT)
			drop(g, i);
		else
			return cg_fail_at(f, -errno, g->dir[i], NULL);
	}
	return any ? 0 : -ENOENT;
}

bool cg_group_complete(const struct cg_group *g)
{
	for (unsigned i = 0; i < g->sys->n; i++)
		if (g->dir[i] && access(g->dir[i], F_OK) < 0)
			return false;
	return true;
}

const char *cg_group_dir_for(const struct cg_group *g, int ctrl, bool v2)
{
	if (v2 || ctrl == CG_CORE)
		return g->sys->v2 >= 0 ? g->dir[g->sys->v2] : NULL;
	int i = g->sys->ctrl_hier[ctrl];
	return i >= 0 ? g->dir[i] : NULL;
}

int cg_fail_at(struct nsk_failure *f, int err, const char *dir, const char *file)
{
	return nsk_fail(f, err, NULL, "%s%s%s", dir ? dir : "", file ? "/" : "", file ? file : "");
}

/* v1 cpuset: a new group starts with empty cpus and mems and can hold no
 * process until they are set; take the parent's. */
static int cpuset_init(const char *dir, struct nsk_failure *f)
{
	static const char *const files[] = { "cpuset.cpus", "cpuset.mems" };
	char parent[4096], value[4096];
	char *slash;
	int r;

	snprintf(parent, sizeof(parent), "%s", dir);
	if ((slash = strrchr(parent, '/')))
		*slash = '\0';
	for (int i = 0; i < 2; i++) {
		if ((r = cg_read_path(parent, files[i], value, sizeof(value))) < 0 ||
		    (r = cg_write_path(dir, files[i], value)) < 0)
			return cg_fail_at(f, r, dir, files[i]);
	}
	return 0;
}

/* mkdir one directory; 1 if this call made it (recorded), 0 if it existed. */
static int mkdir_one(struct cg_group *g, bool is_cpuset, const char *dir, struct nsk_failure *f)
{
	int r;

	if (mkdir(dir, 0755) < 0) {
		if (errno == EEXIST)
			return 0;
		/* ENOENT: the caller makes the parents, and says which */
		return errno == ENOENT ? -ENOENT : cg_fail_at(f, -errno, dir, NULL);
	}
	if (g->nmade == CG_MAX_MADE || !(g->made[g->nmade] = strdup(dir))) {
		rmdir(dir);
		return cg_fail_at(f, -ENOMEM, dir, NULL);
	}
	g->nmade++;
	if (is_cpuset && (r = cpuset_init(dir, f)) < 0)
		return r;
	return 1;
}

/* Exclusive: the group's own mkdir must be the one that makes it. */
static int mkdir_checked(struct cg_group *g, bool is_cpuset, const char *dir, bool exclusive,
			 struct nsk_failure *f)
{
	int r = mkdir_one(g, is_cpuset, dir, f);

	if (r == 0 && exclusive)
		return cg_fail_at(f, -EEXIST, dir, NULL);
	return r < 0 ? r : 0;
}

/* mkdir -p of dir below its parent's directory (g->base[h]), never of
 * the parent itself or above it. A parent that names nothing is a
 * mistake (a typo, a parent gone), not a request to make it, and making
 * it would put cgroups where the caller never said (at a hierarchy's
 * root, for --parent /typo): the first mkdir below it then fails with
 * ENOENT, -CGGROUP_ENOPARENT with f naming the parent. The failing mkdir
 * is the check, so the common run, whose parents exist, makes no other
 * system call for it (issue 19). */
static int mkdir_p(struct cg_group *g, unsigned h, const char *dir, bool exclusive,
		   struct nsk_failure *f)
{
	char buf[4096];
	size_t base = g->base[h];
	bool is_cpuset = !g->sys->h[h].v2 && (g->sys->h[h].ctrls & CG_BIT(CG_CPUSET));
	int r;

	/* The parents usually exist: one mkdir is then the whole job. */
	if ((r = mkdir_checked(g, is_cpuset, dir, exclusive, f)) != -ENOENT)
		return r;
	if (base >= strlen(dir))
		return cg_fail_at(f, r, dir, NULL);
	snprintf(buf, sizeof(buf), "%s", dir);
	for (char *p = buf + base + 1; p;) {
		char *slash = strchr(p, '/');
		if (slash)
			*slash = '\0';
		if ((r = mkdir_checked(g, is_cpuset, buf, exclusive && !slash, f)) < 0) {
			if (r == -ENOENT && p == buf + base + 1) {
				buf[base] = '\0';	/* the parent itself */
				return cg_fail_at(f, -CGGROUP_ENOPARENT, buf, NULL);
			}
			if (r == -ENOENT)	/* a directory made here went away meanwhile */
				cg_fail_at(f, r, buf, NULL);
			return r;
		}
		if (slash)
			*slash = '/';
		p = slash ? slash + 1 : NULL;
	}
	return 0;
}

/* Remove the directories made since made[n], deepest first; one that
 * cannot go stays recorded, for the caller's undo to name. */
static void unmake_since(struct cg_group *g, unsigned n)
{
	while (g->nmade > n && (rmdir(g->made[g->nmade - 1]) == 0 || errno == ENOENT))
		free(g->made[--g->nmade]);
}

int cg_group_create(struct cg_group *g, bool exclusive, struct nsk_failure *f)
{
	unsigned made_before = g->nmade;
	int r;

	/* Exclusive: the group's own mkdir must be the one that makes it
	 * (EEXIST otherwise), so only what this run made is ever undone. */
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i] || !strcmp(g->path[i], "/") ||
		    (r = mkdir_p(g, i, g->dir[i], exclusive, f)) == 0)
			continue;
		/* a parent missing in one hierarchy: none is made in the others */
		if (r == -CGGROUP_ENOPARENT)
			unmake_since(g, made_before);
		return r;
	}
	return 0;
}

static bool word_in(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; (p = strstr(p, word)); p += n)
		if ((p == text || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0' || p[n] == '\n'))
			return true;
	return false;
}

static int enable_one(struct cg_group *g, const char *dir, int ctrl, struct nsk_failure *f)
{
	char have[512], cmd[40];
	int r;

	if ((r = cg_read_path(dir, "cgroup.subtree_control", have, sizeof(have))) < 0)
		return nsk_fail(f, r, "enabling controllers", "%s/cgroup.subtree_control", dir);
	if (word_in(have, cg_ctrl_name(ctrl)))
		return 0;
	snprintf(cmd, sizeof(cmd), "+%s", cg_ctrl_name(ctrl));
	/* EBUSY: this cgroup holds processes, and the record names it */
	if ((r = cg_write_path(dir, "cgroup.subtree_control", cmd)) < 0)
		return nsk_fail(f, r, "enabling controllers", "%s", dir);
	/* recorded, so that a failure later in this run disables it again */
	unsigned n = g->nenabled;
	if (n == CG_MAX_MADE || !(g->enabled[n].dir = strdup(dir))) {
		cmd[0] = '-';
		cg_write_path(dir, "cgroup.subtree_control", cmd);
		return nsk_fail(f, -ENOMEM, "enabling controllers", "%s/cgroup.subtree_control", dir);
	}
	g->enabled[n].ctrl = ctrl;
	g->nenabled++;
	return 0;
}

int cg_group_enable(struct cg_group *g, unsigned ctrls, struct nsk_failure *f)
{
	int v2 = g->sys->v2;
	char buf[4096];
	int r;

	if (v2 < 0 || !g->dir[v2] || !ctrls)
		return 0;
	snprintf(buf, sizeof(buf), "%s", g->dir[v2]);
	char *last = strrchr(buf, '/');
	/* Every ancestor from the mount's root down to the group's parent. */
	for (char *p = buf + strlen(g->sys->h[v2].mount); p && p <= last; p = strchr(p + 1, '/')) {
		char saved = *p;
		*p = '\0';
		for (int c = 0; c < CG_NCTRL; c++)
			if ((ctrls & CG_BIT(c)) && (r = enable_one(g, buf, c, f)) < 0)
				return r;
		*p = saved;
	}
	return 0;
}

/* The value a file had before cg_group_apply wrote it. */
struct saved {
	const char *dir, *file;
	const char *value;	/* what the write puts there */
	char *old;		/* NULL: unreadable (write-only), not restored */
	unsigned write;		/* the index of the write that changes it */
	bool restored;
};

static bool made_by_us(const struct cg_group *g, const char *dir)
{
	for (unsigned i = 0; i < g->nmade; i++)
		if (!strcmp(g->made[i], dir))
			return true;
	return false;
}

/* A file that has no value to read back (write-only: kernfs refuses to
 * open it for reading), which cannot be restored. Any other failure to
 * read an old value fails the writes before the first one: all or nothing
 * could not be kept. */
static bool unreadable(int err)
{
	return err == -EACCES || err == -EINVAL;
}

/* Read the old value of every file a write changes; -ENOENT (nothing
 * written yet) when one is missing. v1 memory.limit_in_bytes alone moves
 * memsw with it (write_keeping_swap), so memsw is kept too. A group this
 * run made has nothing to restore: a file missing there fails its own
 * write with ENOENT, and what was written before goes with the group
 * when the caller undoes it, as a failed run does (no check first: the
 * common run, in a group it made, makes no system call beyond its writes,
 * issue 19). */
static int save_old(struct cg_group *g, const struct cg_write *w, unsigned i, struct saved *s,
		    unsigned *ns, struct nsk_failure *f)
{
	const char *dir = cg_group_dir_for(g, w->ctrl, w->v2);
	int r;

	if (!dir)
		return nsk_fail(f, -ENOENT, NULL, "%s", w->file);
	if (made_by_us(g, dir))
		return 0;
	s[*ns] = (struct saved){ dir, w->file, w->value, NULL, i, false };
	if ((r = read_path_alloc(dir, w->file, &s[*ns].old)) < 0 && !unreadable(r))
		return cg_fail_at(f, r, dir, w->file);
	(*ns)++;
	if (w->keep_swap) {
		s[*ns] = (struct saved){ dir, "memory.memsw.limit_in_bytes", NULL, NULL, i, false };
		if ((r = read_path_alloc(dir, s[*ns].file, &s[*ns].old)) == 0)
			(*ns)++;
		else if (r != -ENOENT && !unreadable(r))	/* ENOENT: no swap accounting */
			return cg_fail_at(f, r, dir, s[*ns].file);
	}
	return 0;
}

/* io.max and blkio.throttle.*: one device per line, and one device per
 * write; a device the write added goes back to no limit. */
static int restore_devices(const struct saved *s)
{
	bool v2 = !strcmp(s->file, "io.max");
	size_t dlen = s->value ? strcspn(s->value, " ") : 0;
	bool listed = false;
	char text[256];
	int r = 0, r1;

	for (const char *p = s->old; *p; p += strcspn(p, "\n"), p += *p == '\n') {
		size_t len = strcspn(p, "\n");
		if (len == 0 || len >= sizeof(text))
			continue;
		memcpy(text, p, len);
		text[len] = '\0';
		listed |= dlen && !strncmp(text, s->value, dlen) && text[dlen] == ' ';
		if ((r1 = cg_write_path(s->dir, s->file, text)) < 0 && r == 0)
			r = r1;
	}
	if (!listed && dlen && dlen < 64) {
		snprintf(text, sizeof(text), "%.*s %s", (int)dlen, s->value,
			 v2 ? "rbps=max wbps=max riops=max wiops=max" : "0");
		if ((r1 = cg_write_path(s->dir, s->file, text)) < 0 && r == 0)
			r = r1;
	}
	return r;
}

static int restore_one(const struct saved *s)
{
	if (!strcmp(s->file, "io.max") || !strncmp(s->file, "blkio.throttle.", 15))
		return restore_devices(s);
	return cg_write_path(s->dir, s->file, s->old);
}

/* Write back the old values of the files the writes before `done` may
 * have changed, last first. The kernel may want an order (v1: memory
 * limit <= memsw limit at every step), so what fails is tried once more
 * after the rest; what fails again is noted in g->left. */
static void restore(struct cg_group *g, struct saved *s, unsigned ns, unsigned done)
{
	int r = 0;

	for (int pass = 0; pass < 2; pass++)
		for (unsigned i = ns; i-- > 0;)
			if (s[i].write < done && s[i].old && !s[i].restored)
				s[i].restored = (r = restore_one(&s[i])) == 0;
	for (unsigned i = ns; i-- > 0;)
		if (s[i].write < done && s[i].old && !s[i].restored)
			cg_group_note_left(g, s[i].dir, s[i].file, r, true);
}

static int read_u64(const char *dir, const char *file, uint64_t *ret)
{
	char buf[32];
	int r = cg_read_path(dir, file, buf, sizeof(buf));

	if (r < 0)
		return r;
	return parse_uint(buf, UINT64_MAX, ret) < 0 ? -EINVAL : 0;
}

/* v1 memory.limit_in_bytes alone: memsw (memory + swap) moves with it so
 * the swap allowance stays what it was, as memory.max leaves swap.max on
 * v2; the kernel wants limit <= memsw at every step. */
static int write_keeping_swap(const char *dir, const struct cg_write *w, struct nsk_failure *f)
{
	static const char *const memsw_file = "memory.memsw.limit_in_bytes";
	uint64_t limit, memsw, want;
	char text[32];
	int r;

	if (read_u64(dir, memsw_file, &memsw) < 0 || memsw >= CGKEY_V1_UNLIMITED ||
	    read_u64(dir, "memory.limit_in_bytes", &limit) < 0) {
		/* no swap limit to keep */
		r = cg_write_path(dir, w->file, w->value);
		return r < 0 ? cg_fail_at(f, r, dir, w->file) : 0;
	}
	if (!strcmp(w->value, "-1"))
		want = UINT64_MAX;
	else if (parse_uint(w->value, UINT64_MAX, &want) < 0)
		return cg_fail_at(f, -EINVAL, dir, w->file);
	uint64_t swap = memsw > limit ? memsw - limit : 0;
	if (want > UINT64_MAX - swap || want == UINT64_MAX)
		snprintf(text, sizeof(text), "-1");
	else
		snprintf(text, sizeof(text), "%llu", (unsigned long long)(want + swap));
	if (want > limit && (r = cg_write_path(dir, memsw_file, text)) < 0)
		return cg_fail_at(f, r, dir, memsw_file);
	if ((r = cg_write_path(dir, w->file, w->value)) < 0)
		return cg_fail_at(f, r, dir, w->file);
	if (want <= limit && (r = cg_write_path(dir, memsw_file, text)) < 0)
		return cg_fail_at(f, r, dir, memsw_file);
	return 0;
}

static int write_one(struct cg_group *g, const struct cg_write *w, struct nsk_failure *f)
{
	const char *dir = cg_group_dir_for(g, w->ctrl, w->v2);
	char value[64];
	const char *v = w->value;
	uint64_t a, b;
	int r;

	if (w->plus_memory) {
		/* v1 memsw = memory limit + swap */
		if ((r = cg_read_path(dir, "memory.limit_in_bytes", value, sizeof(value))) < 0)
			return cg_fail_at(f, r, dir, w->file);
		if (parse_uint(value, UINT64_MAX, &a) < 0 || parse_uint(w->value, UINT64_MAX, &b) < 0)
			return cg_fail_at(f, -EINVAL, dir, w->file);
		snprintf(value, sizeof(value), "%llu", (unsigned long long)(a + b < a ? UINT64_MAX : a + b));
		v = value;
	}
	/* A v1 memory group this run made has no swap limit to keep: the
	 * kernel starts each one unlimited (limits are not inherited on v1). */
	if (w->keep_swap && !made_by_us(g, dir))
		return write_keeping_swap(dir, w, f);
	if ((r = cg_write_path(dir, w->file, v)) < 0)
		return cg_fail_at(f, r, dir, w->file);
	return 0;
}

int cg_group_apply(struct cg_group *g, const struct cg_write *w, unsigned n,
		   struct nsk_failure *f)
{
	_cleanup_free_ struct saved *s = calloc(2 * (size_t)n + 1, sizeof(*s));
	unsigned ns = 0;
	int r = 0;

	if (!s)
		return nsk_fail(f, -ENOMEM, NULL, NULL);
	for (unsigned i = 0; i < n && r == 0; i++)
		r = save_old(g, &w[i], i, s, &ns, f);
	for (unsigned i = 0; i < n && r == 0; i++) {
		r = write_one(g, &w[i], f);
		/* v1 refuses memory.limit_in_bytes above memsw.limit_in_bytes:
		 * when the memsw write that follows raises it, make it first. */
		if (r == -EINVAL && i + 1 < n && !strcmp(w[i].file, "memory.limit_in_bytes") &&
		    !strcmp(w[i + 1].file, "memory.memsw.limit_in_bytes")) {
			if ((r = write_one(g, &w[i + 1], f)) == 0)
				r = write_one(g, &w[i], f);
			i++;	/* both done, or both to restore */
		}
		if (r < 0)
			restore(g, s, ns, i + 1);
	}
	for (unsigned i = 0; i < ns; i++)
		free(s[i].old);
	return r;
}

/* Controllers this run enabled are disabled again, deepest first, once
 * the directories are gone; EBUSY means a child group has them enabled
 * in turn (it came to rely on them meanwhile): they stay. */
int cg_group_undo(struct cg_group *g)
{
	int r = 0;

	for (unsigned i = g->nmade; i-- > 0;) {
		if (rmdir(g->made[i]) == 0 || errno == ENOENT)
			continue;
		if (r == 0)
			r = -errno;
		cg_group_note_left(g, g->made[i], NULL, -errno, false);
	}
	for (unsigned i = g->nenabled; i-- > 0;) {
		char cmd[40];
		int r1;
		snprintf(cmd, sizeof(cmd), "-%s", cg_ctrl_name(g->enabled[i].ctrl));
		r1 = cg_write_path(g->enabled[i].dir, "cgroup.subtree_control", cmd);
		if (r1 == 0 || r1 == -ENOENT || r1 == -EBUSY)
			continue;
		cg_group_note_left(g, g->enabled[i].dir, "cgroup.subtree_control", r1, true);
		if (r == 0)
			r = r1;
	}
	cg_group_keep_enabled(g);
	return r;
}

void cg_group_keep_enabled(struct cg_group *g)
{
	for (unsigned i = 0; i < g->nenabled; i++)
		free(g->enabled[i].dir);
	g->nenabled = 0;
}

void cg_group_forget_made(struct cg_group *g, const char *dir)
{
	for (unsigned i = 0; i < g->nmade; i++)
		if (!strcmp(g->made[i], dir)) {
			free(g->made[i]);
			memmove(&g->made[i], &g->made[i + 1], (g->nmade - i - 1) * sizeof(g->made[0]));
			g->nmade--;
			return;
		}
}

static int join_where(struct cg_group *g, pid_t pid, bool with_v2, struct nsk_failure *f)
{
	char text[16];
	int r;

	snprintf(text, sizeof(text), "%d", (int)pid);
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i] || (!with_v2 && g->sys->h[i].v2))
			continue;
		if ((r = cg_write_path(g->dir[i], "cgroup.procs", text)) < 0)
			return cg_fail_at(f, r, g->dir[i], NULL);
	}
	return 0;
}

int cg_group_join(struct cg_group *g, pid_t pid, struct nsk_failure *f)
{
	return join_where(g, pid, true, f);
}

int cg_group_join_v1(struct cg_group *g, pid_t pid, struct nsk_failure *f)
{
	return join_where(g, pid, false, f);
}

int cg_place_of(const struct cg_sys *sys, pid_t pid, struct cg_place *ret)
{
	_cleanup_free_ char *text = NULL;
	char path[64];
	int r;

	memset(ret, 0, sizeof(*ret));
	snprintf(path, sizeof(path), "/proc/%d/cgroup", (int)pid);
	if ((r = readfile_at_alloc(AT_FDCWD, path, &text, NULL)) < 0)
		return r;
	return cg_sys_paths(sys, text, ret->path);
}

void cg_place_free(struct cg_place *p)
{
	for (unsigned i = 0; i < CG_MAX_HIER; i++)
		free(p->path[i]);
	memset(p, 0, sizeof(*p));
}

int cg_group_unjoin(struct cg_group *g, pid_t pid, const struct cg_place *place,
		    struct nsk_failure *f)
{
	struct cg_place now;
	char text[16], dir[4096];
	int r = cg_place_of(g->sys, pid, &now);

	if (r < 0)
		return nsk_fail(f, r, NULL, "/proc/%d/cgroup", (int)pid);
	snprintf(text, sizeof(text), "%d", (int)pid);
	for (unsigned i = 0; i < g->sys->n && r == 0; i++) {
		/* only where the join moved it: it is in the group now */
		if (!g->dir[i] || !place->path[i] || !now.path[i] ||
		    strcmp(now.path[i], g->path[i]) || !strcmp(place->path[i], g->path[i]))
			continue;
		if ((r = cg_dir(&g->sys->h[i], place->path[i], dir, sizeof(dir))) < 0 ||
		    (r = cg_write_path(dir, "cgroup.procs", text)) < 0)
			cg_fail_at(f, r, r == -ENOENT ? place->path[i] : dir, NULL);
	}
	cg_place_free(&now);
	return r;
}
