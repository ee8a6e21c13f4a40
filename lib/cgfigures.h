/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The figures of a cgroup as `cgctl stat` shows them (memory, CPU, pids,
 * freezing, pressure), read from whichever hierarchy holds each
 * controller: cgctl's stat and list, and nsls's containers. */
#pragma once
#include <stdbool.h>

#include "cggroup.h"
#include "cgkeys.h"
#include "output.h"

enum cg_figure {
	CGF_MEM_CURRENT, CGF_MEM_PEAK, CGF_MEM_MAX, CGF_SWAP_CURRENT, CGF_SWAP_MAX, CGF_CPU_USAGE, CGF_CPU_USER,
	CGF_CPU_SYSTEM, CGF_THROTTLED, CGF_THROTTLED_USEC, CGF_PIDS_CURRENT, CGF_PIDS_MAX, CGF_FROZEN,
	CGF_PSI_CPU, CGF_PSI_MEMORY, CGF_PSI_IO, CGF_COUNT
};

/* Their columns: "MEMORY.CURRENT" ...; numbers are JSON numbers, a
 * limit's "max" JSON null (lib/output). */
extern const struct out_column cg_figure_columns[CGF_COUNT];

struct cg_figures {
	char v[CGF_COUNT][32];
	bool have[CGF_COUNT];
};
/* Which figures to read, by the files they come from. */
#define CGF_BIT(i) (1u << (i))
#define CGF_MEMORY                                                                         \
	(CGF_BIT(CGF_MEM_CURRENT) | CGF_BIT(CGF_MEM_PEAK) | CGF_BIT(CGF_MEM_MAX) |           \
	 CGF_BIT(CGF_SWAP_CURRENT) | CGF_BIT(CGF_SWAP_MAX))
#define CGF_CPU                                                                            \
	(CGF_BIT(CGF_CPU_USAGE) | CGF_BIT(CGF_CPU_USER) | CGF_BIT(CGF_CPU_SYSTEM) |           \
	 CGF_BIT(CGF_THROTTLED) | CGF_BIT(CGF_THROTTLED_USEC))
#define CGF_PIDS (CGF_BIT(CGF_PIDS_CURRENT) | CGF_BIT(CGF_PIDS_MAX))
#define CGF_PRESSURE (CGF_BIT(CGF_PSI_CPU) | CGF_BIT(CGF_PSI_MEMORY) | CGF_BIT(CGF_PSI_IO))
#define CGF_ALL (CGF_BIT(CGF_COUNT) - 1)

/* Read the figures of group g that want names (CGF_BIT()s; a group of
 * them read together, e.g. CGF_MEMORY, counts as one) and that can be
 * read; the others stay unset. */
void cg_figures_collect(const struct cgkey_ctx *keys, struct cg_group *g, unsigned want,
			struct cg_figures *f);
/* A figure's text, or NULL when unset. */
const char *cg_figure_cell(const struct cg_figures *f, enum cg_figure i);
