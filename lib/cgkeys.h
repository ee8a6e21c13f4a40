/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgroup keys (DESIGN.md, "cgroups"): a limit has one spelling, the v2 key
 * (memory.max=256M) or a cgctl flag (--memory 256M), translated to the v1
 * files where the controller lives on v1:
 *
 *   memory.max       memory.limit_in_bytes        (max: -1)
 *   memory.high      memory.soft_limit_in_bytes
 *   memory.swap.max  memory.memsw.limit_in_bytes  (memory + swap)
 *   cpu.max          cpu.cfs_period_us, cpu.cfs_quota_us
 *   cpu.weight       cpu.shares                   (the runc/crun conversion)
 *   cpuset.cpus/mems, pids.max                    (same name)
 *   io.max           blkio.throttle.{read,write}_{bps,iops}_device
 *   cgroup.freeze    freezer.state                (FROZEN/THAWED)
 *
 * Any other key whose prefix names a controller (memory.oom_control,
 * hugetlb.2MB.max, ...) is a raw key, written as given. Values are checked
 * and normalised here, before anything is created, so a bad one changes
 * nothing. Pure functions: no file is touched. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cgroup.h"
#include "errcode.h"	/* CGKEY_E*: errors beyond errno values */

/* v1 byte counters read back at least this when unlimited (-1 written):
 * PAGE_COUNTER_MAX pages, rounded to the page size. */
#define CGKEY_V1_UNLIMITED 0x7ffffffffffff000ULL

/* The controller of cgroup.* files: v2's core, present without any. */
#define CG_CORE (-1)

/* Where the controllers are: which are on v1, which on v2, whether a v2
 * hierarchy exists at all (for cgroup.* files). */
struct cgkey_ctx {
	unsigned v1_ctrls, v2_ctrls;
	bool have_v2;
};
void cgkey_ctx_from_sys(const struct cg_sys *sys, struct cgkey_ctx *ret);

/* One file write a setting turns into. */
struct cg_write {
	int ctrl;		/* enum cg_ctrl, or CG_CORE */
	bool v2;		/* the file is in the v2 hierarchy */
	bool plus_memory;	/* v1 memsw: add the group's current memory.limit_in_bytes */
	bool keep_swap;		/* v1 memory limit: move memsw along, keeping the swap allowance */
	char file[64];
	char value[160];
};

#define CGKEY_MAX_WRITES 4

/* What else the same request sets, for the v1 memory+swap counter. */
struct cgkey_batch {
	const char *memory_max;	/* the memory.max value, or NULL */
	bool swap_set;		/* memory.swap.max is set too */
};

/* Translate KEY=VALUE. batch (may be NULL): the rest of the request; on
 * v1, memory.swap.max needs the memory limit, and memory.max alone keeps
 * the swap allowance (v2's meaning) by moving memsw with it. Fills up to
 * CGKEY_MAX_WRITES writes, in the order to make them; returns how many,
 * or -CGKEY_E* / -EINVAL. *ret_ctrl: the controller the key needs. */
int cgkey_translate(const struct cgkey_ctx *ctx, const char *key, const char *value,
		    const struct cgkey_batch *batch, struct cg_write *out, int *ret_ctrl);

/* The controller a key needs (CG_CORE for cgroup.*), or -CGKEY_EUNKNOWN;
 * from the key's name alone (ctx may be NULL). */
int cgkey_ctrl(const struct cgkey_ctx *ctx, const char *key);
/* What a key's value should look like, for messages ("SIZE or max"). */
const char *cgkey_expects(const char *key);
/* Word err, an error that cgkey_translate or cgkey_get returned for KEY,
 * in f's detail: "bad value (expected a number or max)", "the memory
 * controller is not available"; an errno value keeps its own text.
 * Returns err. */
struct nsk_failure;
int cgkey_explain(struct nsk_failure *f, int err, const char *key);

/* Flag values to v2 values. --cpus 1.5 -> cpu.max "150000 100000". */
int cgkey_cpus(const char *s, char *buf, size_t size);
/* --io-max 8:0:rbps=1M,wiops=100 -> io.max "8:0 rbps=1048576 wiops=100". */
int cgkey_io_flag(const char *s, char *buf, size_t size);

/* cpu.shares -> cpu.weight as runc and crun convert it, and its inverse
 * (rounded up, so a weight survives the round trip). */
uint64_t cgkey_weight_to_shares(uint64_t weight);
uint64_t cgkey_shares_to_weight(uint64_t shares);
/* A CPU or memory node list: "0-3,5". */
bool cgkey_list_ok(const char *s);

/* Reading a key back in its v2 form. read(ud, ctrl, v2, file, buf, size)
 * reads one file of the group (trailing newline removed) and returns 0 or
 * -errno. Writes the value into out. */
typedef int (*cgkey_reader)(void *ud, int ctrl, bool v2, const char *file, char *buf,
			    size_t size);
int cgkey_get(const struct cgkey_ctx *ctx, const char *key, cgkey_reader read, void *ud,
	      char *out, size_t size);
/* A v1 byte limit in v2 form: "max" for the "unlimited" value. */
void cgkey_v1_size_to_v2(const char *v1, char *buf, size_t size);
