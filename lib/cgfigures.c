/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <stdio.h>
#include <string.h>

#include "cgfigures.h"
#include "cgstate.h"
#include "dl-smartcols.h"
#include "parse.h"

const struct out_column cg_figure_columns[CGF_COUNT] = {
	[CGF_MEM_CURRENT] = { "MEMORY.CURRENT", 0, SCOLS_FL_RIGHT, true,
		"memory in use, bytes" },
	[CGF_MEM_PEAK] = { "MEMORY.PEAK", 0, SCOLS_FL_RIGHT, true,
		"most memory used, bytes" },
	[CGF_MEM_MAX] = { "MEMORY.MAX", 0, SCOLS_FL_RIGHT, true,
		"memory limit, bytes (max: none)" },
	[CGF_SWAP_CURRENT] = { "SWAP.CURRENT", 0, SCOLS_FL_RIGHT, true,
		"swap in use, bytes" },
	[CGF_SWAP_MAX] = { "SWAP.MAX", 0, SCOLS_FL_RIGHT, true,
		"swap limit, bytes (max: none)" },
	[CGF_CPU_USAGE] = { "CPU.USAGE_USEC", 0, SCOLS_FL_RIGHT, true,
		"CPU time used, microseconds" },
	[CGF_CPU_USER] = { "CPU.USER_USEC", 0, SCOLS_FL_RIGHT, true,
		"CPU time in user mode, microseconds" },
	[CGF_CPU_SYSTEM] = { "CPU.SYSTEM_USEC", 0, SCOLS_FL_RIGHT, true,
		"CPU time in the kernel, microseconds" },
	[CGF_THROTTLED] = { "CPU.NR_THROTTLED", 0, SCOLS_FL_RIGHT, true,
		"periods in which the CPU limit held it back" },
	[CGF_THROTTLED_USEC] = { "CPU.THROTTLED_USEC", 0, SCOLS_FL_RIGHT, true,
		"time held back by the CPU limit, microseconds" },
	[CGF_PIDS_CURRENT] = { "PIDS.CURRENT", 0, SCOLS_FL_RIGHT, true,
		"number of processes" },
	[CGF_PIDS_MAX] = { "PIDS.MAX", 0, SCOLS_FL_RIGHT, true,
		"process limit (max: none)" },
	[CGF_FROZEN] = { "FROZEN", 0, SCOLS_FL_RIGHT, true,
		"1 frozen, 0 not" },
	[CGF_PSI_CPU] = { "CPU.PRESSURE", 0, SCOLS_FL_RIGHT, true,
		"CPU pressure: share of time stalled, last 10 s (%)" },
	[CGF_PSI_MEMORY] = { "MEMORY.PRESSURE", 0, SCOLS_FL_RIGHT, true,
		"memory pressure, last 10 s (%)" },
	[CGF_PSI_IO] = { "IO.PRESSURE", 0, SCOLS_FL_RIGHT, true,
		"I/O pressure, last 10 s (%)" },
};


static void set_num(struct cg_figures *f, enum cg_figure i, unsigned long long v)
{
	snprintf(f->v[i], sizeof(f->v[i]), "%llu", v);
	f->have[i] = true;
}

/* FILE of DIR as a number, scaled down by div. */
static void from_file(struct cg_figures *f, enum cg_figure i, const char *dir, const char *file,
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

static void from_stat(struct cg_figures *f, enum cg_figure i, const char *text, const char *name,
		      unsigned long long div)
{
	uint64_t v;

	if (stat_value(text, name, &v))
		set_num(f, i, v / div);
}

static void limit(const struct cgkey_ctx *keys, struct cg_group *g, struct cg_figures *f, enum cg_figure i, const char *key)
{
	if (cgkey_get(keys, key, cg_group_read, g, f->v[i], sizeof(f->v[i])) == 0)
		f->have[i] = true;
}

static void memory(const struct cgkey_ctx *keys, struct cg_group *g, struct cg_figures *f)
{
	bool v1 = keys->v1_ctrls & CG_BIT(CG_MEMORY);
	const char *dir = cg_group_dir_for(g, CG_MEMORY, !v1);
	char buf[64];
	uint64_t all, mem;

	from_file(f, CGF_MEM_CURRENT, dir, v1 ? "memory.usage_in_bytes" : "memory.current", 1);
	from_file(f, CGF_MEM_PEAK, dir, v1 ? "memory.max_usage_in_bytes" : "memory.peak", 1);
	limit(keys, g, f, CGF_MEM_MAX, "memory.max");
	limit(keys, g, f, CGF_SWAP_MAX, "memory.swap.max");
	if (!v1) {
		from_file(f, CGF_SWAP_CURRENT, dir, "memory.swap.current", 1);
	} else if (cg_read_path(dir, "memory.memsw.usage_in_bytes", buf, sizeof(buf)) == 0 &&
		   parse_uint(buf, UINT64_MAX, &all) == 0 && f->have[CGF_MEM_CURRENT] &&
		   parse_uint(f->v[CGF_MEM_CURRENT], UINT64_MAX, &mem) == 0) {
		set_num(f, CGF_SWAP_CURRENT, all > mem ? all - mem : 0);
	}
}

static void cpu(const struct cgkey_ctx *keys, struct cg_group *g, struct cg_figures *f)
{
	bool acct_v1 = keys->v1_ctrls & CG_BIT(CG_CPUACCT);
	bool cpu_v1 = keys->v1_ctrls & CG_BIT(CG_CPU);
	char text[1024];

	if (acct_v1) {
		const char *dir = cg_group_dir_for(g, CG_CPUACCT, false);
		from_file(f, CGF_CPU_USAGE, dir, "cpuacct.usage", 1000);
		from_file(f, CGF_CPU_USER, dir, "cpuacct.usage_user", 1000);
		from_file(f, CGF_CPU_SYSTEM, dir, "cpuacct.usage_sys", 1000);
	} else if (cg_read_path(cg_group_dir_for(g, CG_CORE, true), "cpu.stat", text,
			     sizeof(text)) == 0) {
		from_stat(f, CGF_CPU_USAGE, text, "usage_usec", 1);
		from_stat(f, CGF_CPU_USER, text, "user_usec", 1);
		from_stat(f, CGF_CPU_SYSTEM, text, "system_usec", 1);
	}
	if (cg_read_path(cg_group_dir_for(g, CG_CPU, !cpu_v1), "cpu.stat", text, sizeof(text)) == 0) {
		from_stat(f, CGF_THROTTLED, text, "nr_throttled", 1);
		if (cpu_v1)
			from_stat(f, CGF_THROTTLED_USEC, text, "throttled_time", 1000);
		else
			from_stat(f, CGF_THROTTLED_USEC, text, "throttled_usec", 1);
	}
}

/* "some avg10=1.23 ..." -> "1.23" */
static void pressure(struct cg_group *g, struct cg_figures *f, enum cg_figure i, const char *file)
{
	char text[256];
	float v;

	if (cg_read_path(cg_group_dir_for(g, CG_CORE, true), file, text, sizeof(text)) == 0 &&
	    sscanf(text, "some avg10=%f", &v) == 1) {
		snprintf(f->v[i], sizeof(f->v[i]), "%.2f", (double)v);
		f->have[i] = true;
	}
}

void cg_figures_collect(const struct cgkey_ctx *keys, struct cg_group *g, unsigned want,
			struct cg_figures *f)
{
	bool pids_v1 = keys->v1_ctrls & CG_BIT(CG_PIDS);
	int frozen;

	memset(f, 0, sizeof(*f));
	if (want & CGF_MEMORY)
		memory(keys, g, f);
	if (want & CGF_CPU)
		cpu(keys, g, f);
	if (want & CGF_PIDS) {
		from_file(f, CGF_PIDS_CURRENT, cg_group_dir_for(g, CG_PIDS, !pids_v1),
			  "pids.current", 1);
		limit(keys, g, f, CGF_PIDS_MAX, "pids.max");
	}
	if ((want & CGF_BIT(CGF_FROZEN)) && (frozen = cg_group_frozen(g)) >= 0)
		set_num(f, CGF_FROZEN, (unsigned long long)frozen);
	if (want & CGF_PRESSURE) {
		pressure(g, f, CGF_PSI_CPU, "cpu.pressure");
		pressure(g, f, CGF_PSI_MEMORY, "memory.pressure");
		pressure(g, f, CGF_PSI_IO, "io.pressure");
	}
}

const char *cg_figure_cell(const struct cg_figures *f, enum cg_figure i)
{
	return f->have[i] ? f->v[i] : NULL;
}

