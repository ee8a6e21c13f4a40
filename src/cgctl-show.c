/* cgctl stat and list: figures read from whichever hierarchy holds each
 * controller, shown as a table or JSON through libsmartcols (lib/output). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libsmartcols.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cgctl.h"
#include "cleanup.h"
#include "err.h"
#include "output.h"
#include "parse.h"

enum field {
	F_MEM_CURRENT, F_MEM_PEAK, F_MEM_MAX, F_SWAP_CURRENT, F_SWAP_MAX, F_CPU_USAGE, F_CPU_USER,
	F_CPU_SYSTEM, F_THROTTLED, F_THROTTLED_USEC, F_PIDS_CURRENT, F_PIDS_MAX, F_FROZEN,
	F_PSI_CPU, F_PSI_MEMORY, F_PSI_IO, F_COUNT
};

static const struct out_column stat_cols[F_COUNT] = {
	[F_MEM_CURRENT] = { "MEMORY.CURRENT", 0, SCOLS_FL_RIGHT, true },
	[F_MEM_PEAK] = { "MEMORY.PEAK", 0, SCOLS_FL_RIGHT, true },
	[F_MEM_MAX] = { "MEMORY.MAX", 0, SCOLS_FL_RIGHT, false },
	[F_SWAP_CURRENT] = { "SWAP.CURRENT", 0, SCOLS_FL_RIGHT, true },
	[F_SWAP_MAX] = { "SWAP.MAX", 0, SCOLS_FL_RIGHT, false },
	[F_CPU_USAGE] = { "CPU.USAGE_USEC", 0, SCOLS_FL_RIGHT, true },
	[F_CPU_USER] = { "CPU.USER_USEC", 0, SCOLS_FL_RIGHT, true },
	[F_CPU_SYSTEM] = { "CPU.SYSTEM_USEC", 0, SCOLS_FL_RIGHT, true },
	[F_THROTTLED] = { "CPU.NR_THROTTLED", 0, SCOLS_FL_RIGHT, true },
	[F_THROTTLED_USEC] = { "CPU.THROTTLED_USEC", 0, SCOLS_FL_RIGHT, true },
	[F_PIDS_CURRENT] = { "PIDS.CURRENT", 0, SCOLS_FL_RIGHT, true },
	[F_PIDS_MAX] = { "PIDS.MAX", 0, SCOLS_FL_RIGHT, false },
	[F_FROZEN] = { "FROZEN", 0, SCOLS_FL_RIGHT, true },
	[F_PSI_CPU] = { "CPU.PRESSURE", 0, SCOLS_FL_RIGHT, true },
	[F_PSI_MEMORY] = { "MEMORY.PRESSURE", 0, SCOLS_FL_RIGHT, true },
	[F_PSI_IO] = { "IO.PRESSURE", 0, SCOLS_FL_RIGHT, true },
};

struct figures {
	char v[F_COUNT][32];
	bool have[F_COUNT];
};

static void set_num(struct figures *f, enum field i, unsigned long long v)
{
	snprintf(f->v[i], sizeof(f->v[i]), "%llu", v);
	f->have[i] = true;
}

/* FILE of DIR as a number, scaled down by div. */
static void from_file(struct figures *f, enum field i, const char *dir, const char *file,
		      unsigned long long div)
{
	char buf[64];
	uint64_t v;

	if (cg_read_path(dir, file, buf, sizeof(buf)) == 0 && parse_uint(buf, UINT64_MAX, &v) == 0)
		set_num(f, i, v / div);
}

/* "name value" lines (cpu.stat, cgroup.events). */
static bool stat_value(const char *text, const char *name, uint64_t *ret)
{
	size_t n = strlen(name);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, n) && p[n] == ' ') {
			char num[32];
			size_t len = strcspn(p + n + 1, "\n");
			if (len >= sizeof(num))
				return false;
			memcpy(num, p + n + 1, len);
			num[len] = '\0';
			return parse_uint(num, UINT64_MAX, ret) == 0;
		}
	return false;
}

static void from_stat(struct figures *f, enum field i, const char *text, const char *name,
		      unsigned long long div)
{
	uint64_t v;

	if (stat_value(text, name, &v))
		set_num(f, i, v / div);
}

static void limit(struct cgctl_ctx *c, struct figures *f, enum field i, const char *key)
{
	if (cgkey_get(&c->keys, key, cg_group_read, &c->g, f->v[i], sizeof(f->v[i])) == 0)
		f->have[i] = true;
}

static void memory(struct cgctl_ctx *c, struct figures *f)
{
	bool v1 = c->keys.v1_ctrls & CG_BIT(CG_MEMORY);
	const char *dir = cg_group_dir_for(&c->g, CG_MEMORY, !v1);
	char buf[64];
	uint64_t all, mem;

	from_file(f, F_MEM_CURRENT, dir, v1 ? "memory.usage_in_bytes" : "memory.current", 1);
	from_file(f, F_MEM_PEAK, dir, v1 ? "memory.max_usage_in_bytes" : "memory.peak", 1);
	limit(c, f, F_MEM_MAX, "memory.max");
	limit(c, f, F_SWAP_MAX, "memory.swap.max");
	if (!v1) {
		from_file(f, F_SWAP_CURRENT, dir, "memory.swap.current", 1);
	} else if (cg_read_path(dir, "memory.memsw.usage_in_bytes", buf, sizeof(buf)) == 0 &&
		   parse_uint(buf, UINT64_MAX, &all) == 0 && f->have[F_MEM_CURRENT] &&
		   parse_uint(f->v[F_MEM_CURRENT], UINT64_MAX, &mem) == 0) {
		set_num(f, F_SWAP_CURRENT, all > mem ? all - mem : 0);
	}
}

static void cpu(struct cgctl_ctx *c, struct figures *f)
{
	bool acct_v1 = c->keys.v1_ctrls & CG_BIT(CG_CPUACCT);
	bool cpu_v1 = c->keys.v1_ctrls & CG_BIT(CG_CPU);
	char text[1024];

	if (acct_v1) {
		const char *dir = cg_group_dir_for(&c->g, CG_CPUACCT, false);
		from_file(f, F_CPU_USAGE, dir, "cpuacct.usage", 1000);
		from_file(f, F_CPU_USER, dir, "cpuacct.usage_user", 1000);
		from_file(f, F_CPU_SYSTEM, dir, "cpuacct.usage_sys", 1000);
	} else if (cg_read_path(cg_group_dir_for(&c->g, CG_CORE, true), "cpu.stat", text,
			     sizeof(text)) == 0) {
		from_stat(f, F_CPU_USAGE, text, "usage_usec", 1);
		from_stat(f, F_CPU_USER, text, "user_usec", 1);
		from_stat(f, F_CPU_SYSTEM, text, "system_usec", 1);
	}
	if (cg_read_path(cg_group_dir_for(&c->g, CG_CPU, !cpu_v1), "cpu.stat", text, sizeof(text)) == 0) {
		from_stat(f, F_THROTTLED, text, "nr_throttled", 1);
		if (cpu_v1)
			from_stat(f, F_THROTTLED_USEC, text, "throttled_time", 1000);
		else
			from_stat(f, F_THROTTLED_USEC, text, "throttled_usec", 1);
	}
}

/* "some avg10=1.23 ..." -> "1.23" */
static void pressure(struct cgctl_ctx *c, struct figures *f, enum field i, const char *file)
{
	char text[256];
	float v;

	if (cg_read_path(cg_group_dir_for(&c->g, CG_CORE, true), file, text, sizeof(text)) == 0 &&
	    sscanf(text, "some avg10=%f", &v) == 1) {
		snprintf(f->v[i], sizeof(f->v[i]), "%.2f", (double)v);
		f->have[i] = true;
	}
}

static void collect(struct cgctl_ctx *c, struct figures *f)
{
	bool pids_v1 = c->keys.v1_ctrls & CG_BIT(CG_PIDS);
	int frozen;

	memset(f, 0, sizeof(*f));
	memory(c, f);
	cpu(c, f);
	from_file(f, F_PIDS_CURRENT, cg_group_dir_for(&c->g, CG_PIDS, !pids_v1), "pids.current", 1);
	limit(c, f, F_PIDS_MAX, "pids.max");
	if ((frozen = cg_group_frozen(&c->g)) >= 0)
		set_num(f, F_FROZEN, (unsigned long long)frozen);
	pressure(c, f, F_PSI_CPU, "cpu.pressure");
	pressure(c, f, F_PSI_MEMORY, "memory.pressure");
	pressure(c, f, F_PSI_IO, "io.pressure");
}

static const char *cell(const struct figures *f, enum field i)
{
	return f->have[i] ? f->v[i] : NULL;
}

static int stat_vertical(const struct figures *f)
{
	static const struct out_column cols[] = {
		{ "FIELD", 0, 0, false }, { "VALUE", 0, SCOLS_FL_RIGHT, false },
	};
	struct libscols_table *tb = out_table_new(cols, 2, false, "cgstat");
	char name[32];

	if (!tb)
		return -ENOMEM;
	for (int i = 0; i < F_COUNT; i++) {
		snprintf(name, sizeof(name), "%s", stat_cols[i].name);
		for (char *p = name; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		const char *cells[] = { name, cell(f, (enum field)i) ?: "-" };
		if (out_table_add_row(tb, cells, 2) < 0)
			return -ENOMEM;
	}
	return out_table_print(tb, NULL);
}

static int stat_json(const struct figures *f, const char *group)
{
	struct out_column cols[F_COUNT + 1] = { { "GROUP", 0, 0, false } };
	const char *cells[F_COUNT + 1] = { group };

	memcpy(cols + 1, stat_cols, sizeof(stat_cols));
	for (int i = 0; i < F_COUNT; i++)
		cells[i + 1] = cell(f, (enum field)i);
	struct libscols_table *tb = out_table_new(cols, F_COUNT + 1, true, "cgstat");
	if (!tb || out_table_add_row(tb, cells, F_COUNT + 1) < 0)
		return -ENOMEM;
	return out_table_print(tb, NULL);
}

int cmd_stat(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct figures f;
	int r;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	collect(c, &f);
	r = o->json ? stat_json(&f, o->group) : stat_vertical(&f);
	if (r < 0) {
		nsk_err("output: %s", strerror(-r));
		return EXIT_TOOL_FAILED;
	}
	return 0;
}

/* ---- list ---- */

struct names {
	char **v;
	size_t n, size;
};

static int add_name(struct names *ns, const char *name)
{
	if (ns->n == ns->size) {
		size_t size = ns->size ? ns->size * 2 : 64;
		char **v = realloc(ns->v, size * sizeof(*v));
		if (!v)
			return -ENOMEM;
		ns->v = v;
		ns->size = size;
	}
	return (ns->v[ns->n++] = strdup(name)) ? 0 : -ENOMEM;
}

/* The groups beneath dir, as paths relative to it ("a", "a/b"). */
static int walk(struct names *ns, const char *dir, const char *rel)
{
	char path[4096], sub[4096];
	DIR *d;
	int r = 0;

	snprintf(path, sizeof(path), "%s%s%s", dir, *rel ? "/" : "", rel);
	if (!(d = opendir(path)))
		return errno == ENOENT ? 0 : -errno;
	for (struct dirent *e; (e = readdir(d)) && r == 0;) {
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		if ((r = add_name(ns, sub)) == 0)
			r = walk(ns, dir, sub);
	}
	closedir(d);
	return r;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

enum { L_GROUP, L_MEM, L_MEM_MAX, L_PIDS, L_PIDS_MAX, L_CPU, L_FROZEN, L_COUNT };

static const struct out_column list_cols[L_COUNT] = {
	{ "GROUP", 0, 0, false },
	{ "MEMORY.CURRENT", 0, SCOLS_FL_RIGHT, true },
	{ "MEMORY.MAX", 0, SCOLS_FL_RIGHT, false },
	{ "PIDS.CURRENT", 0, SCOLS_FL_RIGHT, true },
	{ "PIDS.MAX", 0, SCOLS_FL_RIGHT, false },
	{ "CPU.USAGE_USEC", 0, SCOLS_FL_RIGHT, true },
	{ "FROZEN", 0, SCOLS_FL_RIGHT, true },
};

/* One row: the figures of the group base/rel. */
static int list_row(const struct cgctl_opts *o, struct cgctl_ctx *c, struct libscols_table *tb,
		    struct libscols_line **lines, const struct names *ns, size_t i, const char *base)
{
	char name[4096];
	struct figures f;
	struct libscols_line *parent = NULL;
	const char *rel = ns->v[i], *slash = strrchr(rel, '/');
	unsigned mask;

	snprintf(name, sizeof(name), "%s%s%s", base, *base && strcmp(base, "/") ? "/" : "", rel);
	cg_group_free(&c->g);
	if (!(mask = cgctl_hiers(o, &c->sys, ~0u)) ||
	    cg_group_init(&c->g, &c->sys, o->parent, name, mask) < 0 ||
	    cg_group_existing(&c->g) < 0)
		return 0;	/* gone meanwhile */
	collect(c, &f);
	if (o->tree && slash) {
		/* the parent is the nearest earlier name that prefixes this one */
		for (size_t j = i; j-- > 0;)
			if (!strncmp(ns->v[j], rel, (size_t)(slash - rel)) &&
			    ns->v[j][slash - rel] == '\0') {
				parent = lines[j];
				break;
			}
	}
	struct libscols_line *ln = scols_table_new_line(tb, parent);
	if (!ln)
		return -ENOMEM;
	lines[i] = ln;
	const char *cells[L_COUNT] = {
		o->tree ? (slash ? slash + 1 : rel) : name, cell(&f, F_MEM_CURRENT),
		cell(&f, F_MEM_MAX), cell(&f, F_PIDS_CURRENT), cell(&f, F_PIDS_MAX),
		cell(&f, F_CPU_USAGE), cell(&f, F_FROZEN),
	};
	for (int k = 0; k < L_COUNT; k++)
		if (cells[k] && scols_line_set_data(ln, (size_t)k, cells[k]) < 0)
			return -ENOMEM;
	return 0;
}

int cmd_list(const struct cgctl_opts *o, struct cgctl_ctx *c)
{
	struct out_column cols[L_COUNT];
	struct names ns = { 0 };
	int r = 0;

	if (open_existing(o, c) < 0)
		return EXIT_TOOL_FAILED;
	for (unsigned i = 0; i < c->sys.n && r == 0; i++)
		if (c->g.dir[i])
			r = walk(&ns, c->g.dir[i], "");
	/* The same group appears once per hierarchy: keep one. */
	if (ns.n)	/* qsort of no array: NULL, which it may not take */
		qsort(ns.v, ns.n, sizeof(*ns.v), cmp_names);
	size_t n = 0;
	for (size_t i = 0; i < ns.n; i++) {
		if (n && !strcmp(ns.v[n - 1], ns.v[i]))
			free(ns.v[i]);
		else
			ns.v[n++] = ns.v[i];
	}
	ns.n = n;
	memcpy(cols, list_cols, sizeof(cols));
	if (o->tree)
		cols[L_GROUP].flags |= SCOLS_FL_TREE;
	struct libscols_table *tb = out_table_new(cols, L_COUNT, o->json, "cgroups");
	struct libscols_line **lines = calloc(ns.n + 1, sizeof(*lines));
	/* Rows are named as the other subcommands take them: relative to
	 * --parent, so "self" resolves in each hierarchy on its own. */
	for (size_t i = 0; tb && lines && r == 0 && i < ns.n; i++)
		r = list_row(o, c, tb, lines, &ns, i, o->group);
	if (!tb || !lines || r < 0 || out_table_print(tb, NULL) < 0) {
		nsk_err("%s: listing: %s", *o->group ? o->group : "/", strerror(r < 0 ? -r : ENOMEM));
		r = -1;
	}
	free(lines);
	free_names(&ns);
	return r < 0 ? EXIT_TOOL_FAILED : 0;
}
