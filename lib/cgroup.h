/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgroup layout discovery (DESIGN.md, "cgroups"): which hierarchies are
 * mounted where (unified = v2 only, hybrid = v1 controllers plus v2 at
 * /sys/fs/cgroup/unified, legacy = v1 only), which controllers each holds,
 * and the caller's own cgroup in each; and the one reader of
 * /proc/PID/cgroup with the one answer to "where is this hierarchy
 * mounted", which nsjoin --join-cgroup (lib/cgjoin) uses too. Mounts come
 * from lib/mountinfo; everything here is a pure function of the texts of
 * /proc/self/mountinfo, /proc/PID/cgroup and the v2 root's
 * cgroup.controllers, so it tests without root. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

#include "mountinfo.h"

enum cg_layout { CG_LAYOUT_NONE, CG_LAYOUT_UNIFIED, CG_LAYOUT_HYBRID, CG_LAYOUT_LEGACY };

/* The controllers cgctl knows by name. io is "blkio" on v1. */
enum cg_ctrl {
	CG_CPU, CG_CPUACCT, CG_CPUSET, CG_MEMORY, CG_IO, CG_PIDS, CG_FREEZER, CG_HUGETLB,
	CG_DEVICES, CG_RDMA, CG_MISC, CG_PERF_EVENT, CG_NET_CLS, CG_NET_PRIO, CG_NCTRL
};
#define CG_BIT(c) (1u << (c))

/* The controllers a group is created for by default: those whose files
 * cgctl writes or reads (limits, usage, freezing). */
#define CG_DEFAULT_CTRLS                                                                   \
	(CG_BIT(CG_CPU) | CG_BIT(CG_CPUACCT) | CG_BIT(CG_CPUSET) | CG_BIT(CG_MEMORY) |      \
	 CG_BIT(CG_IO) | CG_BIT(CG_PIDS) | CG_BIT(CG_FREEZER))

/* The v2 name of a controller ("io"), and its v1 name ("blkio"). */
const char *cg_ctrl_name(enum cg_ctrl c);
const char *cg_ctrl_v1_name(enum cg_ctrl c);
/* A controller by its v1 or v2 name; -EINVAL if unknown. */
int cg_ctrl_from_name(const char *name);

/* One line of /proc/PID/cgroup (cgroups(7)): "ID:CONTROLLERS:PATH"; the v2
 * hierarchy's is "0::PATH". */
struct cg_proc_line {
	unsigned id;			/* 0: the v2 hierarchy */
	const char *controllers;	/* "cpu,cpuacct", "name=systemd"; "" for v2 */
	const char *path;		/* "/box" */
};

/* The next line of a /proc/PID/cgroup text at *cursor, split in place;
 * *cursor moves past it. 1 for a line, 0 at the end of the text, -EINVAL
 * for a malformed line (passed over: the next call reads the one after). */
int cg_proc_next(char **cursor, struct cg_proc_line *ret);

/* Whether mount E is of the hierarchy that /proc/PID/cgroup names by
 * CONTROLLERS: for "" a cgroup2 mount; else a cgroup (v1) mount whose super
 * options hold each comma-separated word of it ("cpu,cpuacct",
 * "name=systemd"), as the kernel spells them alike in both files. */
bool cg_mount_holds(const struct mnt_entry *e, const char *controllers);
/* Where the hierarchy named by CONTROLLERS shows cgroup PATH: its first
 * mount, in mount order, whose root is PATH or above it. NULL if none. */
const struct mnt_entry *cg_mount_find(const struct mountinfo *mi, const char *controllers,
				      const char *path);
/* The directory of cgroup PATH under a mount at MOUNT of the hierarchy's
 * ROOT: MOUNT plus PATH less ROOT ("/sys/fs/cgroup/memory/box"). -ENOENT
 * if PATH is not ROOT or below it, -ENAMETOOLONG if it does not fit. */
int cg_mount_dir(const char *mount, const char *root, const char *path, char *buf,
		 size_t size);

#define CG_MAX_HIER 16

struct cg_hier {
	char *mount;		/* where it is mounted */
	char *root;		/* the mount's root inside the hierarchy ("/" usually) */
	char *self;		/* the caller's cgroup in it ("/" until known) */
	char *opts;		/* the mount's super options ("rw,cpu,cpuacct") */
	bool v2;
	unsigned ctrls;		/* CG_BIT()s of the controllers it holds */
	char *name;		/* NAME of a named v1 hierarchy (name=NAME); NULL */
};

struct cg_sys {
	enum cg_layout layout;
	unsigned n;
	struct cg_hier h[CG_MAX_HIER];
	int v2;			/* index of the v2 hierarchy, or -1 */
	int ctrl_hier[CG_NCTRL];	/* index of the hierarchy holding a controller, or -1 */
	bool with_named;	/* also the v1 hierarchies of a name only (cgctl -c
				 * name=NAME); set before cg_sys_parse */
};

void cg_sys_init(struct cg_sys *sys);
void cg_sys_free(struct cg_sys *sys);
/* The hierarchies of the mounts MI and the caller's own cgroup in each,
 * from PROC_CGROUP (the text of /proc/self/cgroup). One entry per
 * hierarchy that holds a controller cgctl knows, and v2; a hierarchy of a
 * name only (name=systemd) only with sys->with_named: cgctl makes groups
 * there when asked by name alone. Each
 * is at the mount that shows the caller's cgroup (cg_mount_find), else at
 * its first mount. -EINVAL for a malformed line of PROC_CGROUP. */
int cg_sys_parse(struct cg_sys *sys, const struct mountinfo *mi, const char *proc_cgroup);
/* The hierarchy of SYS that a /proc/PID/cgroup line names by CONTROLLERS
 * (as cg_mount_holds), or -1. */
int cg_sys_find(const struct cg_sys *sys, const char *controllers);
/* The cgroup of each hierarchy of SYS in a /proc/PID/cgroup TEXT (split in
 * place): ret_path[i] (malloc'ed) for sys->h[i], NULL where TEXT names none.
 * -EINVAL for a malformed line, -ENOMEM; nothing is left allocated then. */
int cg_sys_paths(const struct cg_sys *sys, char *text, char *ret_path[CG_MAX_HIER]);
/* The controllers of a v2 cgroup.controllers text ("cpu io memory\n"),
 * unknown names ignored. */
unsigned cg_parse_controllers(const char *text);
/* Work out the layout and which hierarchy holds each controller (a v1
 * hierarchy wins: on hybrid machines v2 lists only unbound controllers). */
void cg_sys_finish(struct cg_sys *sys);
/* All of the above from this process's /proc and the v2 root; with_named
 * as in struct cg_sys. */
int cg_sys_load(struct cg_sys *sys);
int cg_sys_load_named(struct cg_sys *sys, bool with_named);
/* Whether the controllers CTRLS need the v2 root's cgroup.controllers to
 * be found: a v2 hierarchy exists and one of them is on no v1 hierarchy
 * (on a hybrid layout v2 lists only the controllers v1 left unbound). */
bool cg_sys_needs_v2_list(const struct cg_sys *sys, unsigned ctrls);
/* cg_sys_load_named for a caller that will use the controllers CTRLS
 * only: the v2 root's cgroup.controllers is read only when
 * cg_sys_needs_v2_list says so, else v2 holds no controller in SYS (a
 * hybrid layout whose v1 hierarchies hold them all: one file fewer to
 * open for cgctl's common run, issue 19). */
int cg_sys_load_for(struct cg_sys *sys, bool with_named, unsigned ctrls);

const char *cg_layout_name(enum cg_layout l);

/* Check a group name: components separated by single slashes, none empty,
 * "." or "..", no newline; an optional leading slash. -EINVAL if not. */
int cg_name_check(const char *name);
/* The cgroup path of GROUP in hierarchy h ("": PARENT itself): GROUP itself when it starts
 * with "/", else beneath PARENT ("self" or "self/SUB": the caller's own
 * cgroup there; NULL: the root; "/P": that path). The result is
 * normalised ("/" for the root, no trailing slash). -EINVAL for a bad
 * name, -ENAMETOOLONG if it does not fit, -ENOENT for "self" when the
 * caller's cgroup lies outside its cgroup namespace (shown as "/.."). */
int cg_resolve(const struct cg_hier *h, const char *parent, const char *group, char *buf,
	       size_t size);
/* The directory of cgroup path P in h (cg_mount_dir of its mount);
 * -ENOENT if P is outside what this mount shows. */
int cg_dir(const struct cg_hier *h, const char *path, char *buf, size_t size);
