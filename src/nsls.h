/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsls: one view of every container and namespace on the host (lsns(8),
 * ps and `ip netns list` in one). Shared between its files:
 *   nsls.c         main: the options, then one of the views
 *   nsls-opts.c    the command line, --help, the columns of each view
 *   nsls-scan.c    /proc and the caller's nsfs mounts -> processes grouped
 *                  into containers (the kernel's facts only)
 *   nsls-cells.c   the cells of one container (maps, cgroup, links, root)
 *   nsls-views.c   the container view, --namespaces and --tree
 *   nsls-detail.c  -t: everything about one container */
#pragma once
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "cgfigures.h"
#include "cgroup.h"
#include "cgkeys.h"
#include "ns.h"
#include "output.h"

enum nsls_view { VIEW_CONTAINERS, VIEW_NAMESPACES, VIEW_TREE, VIEW_DETAIL };

struct nsls_opts {
	enum nsls_view view;
	const char *target;		/* -t: PID, PID:INODE or "-" */
	struct out_opts out;		/* -o, --output-all, -n, -r, -J, -l, -u, -W */
	unsigned ns_types;		/* -N TYPE: bits of ns_types; 0: all */
};

/* A process as /proc shows it. */
struct nsls_proc {
	pid_t pid, ppid;
	uid_t uid;
	uint64_t start;
	char comm[16];
	uint64_t ns[NS_TYPE_MAX];	/* inodes, ns_types order */
	int container;			/* index in the scan's containers; -1: the host's */
};

/* A namespace persisted to a file (a bind mount of nsfs in our mountinfo). */
struct nsls_nsfs {
	char *path;
	unsigned type;			/* index in ns_types */
	uint64_t inode;
	bool claimed;			/* a container with a process holds it */
};

/* Processes sharing one set of namespaces that is not the caller's. */
struct nsls_container {
	uint64_t ns[NS_TYPE_MAX];
	unsigned own;			/* bit i: ns_types[i] differs from the caller's */
	size_t key;			/* its first process (index in procs) */
	unsigned nprocs;
	int parent;			/* --tree: the container it is nested in; -1 */
	int nsfs_only;			/* a row for a persisted file alone: its index; -1 */
};

/* The figures of one set of cgroups, read once (key: their paths). */
struct nsls_figures {
	char *key;
	struct cg_figures fig;
};

struct nsls_scan {
	struct nsls_proc *procs;	/* sorted by namespace set, then start */
	size_t nprocs;
	struct nsls_container *cts;
	size_t ncts;
	struct nsls_nsfs *files;
	size_t nfiles;
	uint64_t self_ns[NS_TYPE_MAX];
	unsigned unreadable;		/* processes whose namespaces we may not see */
	struct cg_sys sys;
	struct cgkey_ctx keys;
	bool have_sys;
	struct nsls_figures *figs;
	size_t nfig, figcap;
};

/* Room for one more element of size elem in the array *v (n used of
 * *cap): 0 or -ENOMEM. */
int nsls_grow(void **v, size_t n, size_t *cap, size_t elem);

int nsls_parse_args(int argc, char **argv, struct nsls_opts *o);

int nsls_scan(struct nsls_scan *s);
void nsls_scan_free(struct nsls_scan *s);
/* The container of a process, by pid: its index, or -1. */
int nsls_container_of(const struct nsls_scan *s, pid_t pid);
/* The persisted files of namespace type t with this inode, comma separated
 * into buf; "" when none. */
void nsls_nsfs_paths(const struct nsls_scan *s, unsigned type, uint64_t inode, char *buf,
		     size_t size);

/* The container view's columns. */
enum ct_col {
	CT_PID, CT_HANDLE, CT_NS, CT_STATE, CT_NPROCS, CT_USER, CT_UIDMAP, CT_GIDMAP, CT_CGROUP,
	CT_MEM, CT_MEMMAX, CT_PIDS, CT_PIDSMAX, CT_LINKS, CT_ROOT, CT_HOSTNAME, CT_NSFS,
	CT_COMMAND, CT_COUNT
};
extern const struct out_column nsls_ct_columns[CT_COUNT];

/* The namespace view's columns (lsns's). */
enum ns_col {
	NS_NS, NS_TYPE, NS_PATH, NS_NPROCS, NS_PID, NS_PPID, NS_COMMAND, NS_UID, NS_USER,
	NS_NETNSID, NS_NSFS, NS_PNS, NS_ONS, NS_COUNT
};
extern const struct out_column nsls_ns_columns[NS_COUNT];

/* What could not be read, said once per kind at the end (stderr). */
enum nsls_note { NOTE_PROCS, NOTE_NET, NOTE_UTS, NOTE_MAPS, NOTE_ROOT, NOTE_CGROUP, NOTE_COUNT };
struct nsls_notes {
	unsigned count[NOTE_COUNT];
	int err[NOTE_COUNT];
};
void nsls_note(struct nsls_notes *n, enum nsls_note kind, int err);
void nsls_notes_print(const struct nsls_notes *n, const struct nsls_scan *s);

/* Cells of container i for the selected columns (cells[k] for sel->ids[k],
 * NULL: empty), kept in store. false: its first process is gone since the
 * scan, and there is no row. */
#define CELL_SIZE 512
bool nsls_ct_cells(struct nsls_scan *s, size_t i, const struct out_selection *sel,
		   char store[][CELL_SIZE], const char **cells, struct nsls_notes *notes);
/* A process's command line (NUL separated arguments joined by spaces), or
 * its comm in brackets when it has none. */
void nsls_cmdline(pid_t pid, const char *comm, char *buf, size_t size);

int nsls_view_containers(const struct nsls_opts *o, struct nsls_scan *s);
int nsls_view_namespaces(const struct nsls_opts *o, struct nsls_scan *s);
int nsls_view_detail(const struct nsls_opts *o, struct nsls_scan *s);
