/* cgroup layout discovery (DESIGN.md, "cgroups"): which hierarchies are
 * mounted where (unified = v2 only, hybrid = v1 controllers plus v2 at
 * /sys/fs/cgroup/unified, legacy = v1 only), which controllers each holds,
 * and the caller's own cgroup in each. The parsers are pure functions of
 * the text of /proc/self/mountinfo, /proc/self/cgroup and the v2 root's
 * cgroup.controllers, so they test without root. */
#pragma once
#include <stdbool.h>
#include <stddef.h>

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

#define CG_MAX_HIER 16

struct cg_hier {
	char *mount;		/* where it is mounted */
	char *root;		/* the mount's root inside the hierarchy ("/" usually) */
	char *self;		/* the caller's cgroup in it ("/" until known) */
	bool v2;
	unsigned ctrls;		/* CG_BIT()s of the controllers it holds */
};

struct cg_sys {
	enum cg_layout layout;
	unsigned n;
	struct cg_hier h[CG_MAX_HIER];
	int v2;			/* index of the v2 hierarchy, or -1 */
	int ctrl_hier[CG_NCTRL];	/* index of the hierarchy holding a controller, or -1 */
};

void cg_sys_init(struct cg_sys *sys);
void cg_sys_free(struct cg_sys *sys);
/* Add the cgroup and cgroup2 mounts of a mountinfo text (one entry per
 * hierarchy; v1 hierarchies with no controller, like name=systemd, are
 * left out). -EINVAL for a malformed cgroup line. */
int cg_parse_mountinfo(const char *text, struct cg_sys *sys);
/* The controllers of a v2 cgroup.controllers text ("cpu io memory\n"),
 * unknown names ignored. */
unsigned cg_parse_controllers(const char *text);
/* Set each hierarchy's self from a /proc/self/cgroup text. -EINVAL for a
 * malformed line. */
int cg_parse_proc_cgroup(const char *text, struct cg_sys *sys);
/* Work out the layout and which hierarchy holds each controller (a v1
 * hierarchy wins: on hybrid machines v2 lists only unbound controllers). */
void cg_sys_finish(struct cg_sys *sys);
/* All of the above from this process's /proc and the v2 root. */
int cg_sys_load(struct cg_sys *sys);

const char *cg_layout_name(enum cg_layout l);

/* Check a group name: components separated by single slashes, none empty,
 * "." or "..", no newline; an optional leading slash. -EINVAL if not. */
int cg_name_check(const char *name);
/* The cgroup path of GROUP in hierarchy h ("": PARENT itself): GROUP itself when it starts
 * with "/", else beneath PARENT ("self" or "self/SUB": the caller's own
 * cgroup there; NULL: the root; "/P": that path). The result is
 * normalised ("/" for the root, no trailing slash). -EINVAL for a bad
 * name, -ENAMETOOLONG if it does not fit. */
int cg_resolve(const struct cg_hier *h, const char *parent, const char *group, char *buf,
	       size_t size);
/* The directory of cgroup path P in h (mount point + P less the mount's
 * root); -ENOENT if P is outside what this mount shows. */
int cg_dir(const struct cg_hier *h, const char *path, char *buf, size_t size);
