/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A cgroup across hierarchies: one group name lives as one directory in
 * each hierarchy that holds a controller it needs (on hybrid machines the
 * v1 controller hierarchies plus v2). Creating, limiting, joining,
 * freezing, killing, waiting for and removing it, with a record of what
 * this run made so a failure undoes exactly that (STYLE.md, iproute2).
 * Functions return 0 or -errno, with the failure record f (may be NULL)
 * naming the file or directory concerned. What happens to the processes
 * in it (freeze, kill, wait) is cgstate. */
#pragma once
#include <stdbool.h>
#include <sys/types.h>

#include "cgkeys.h"
#include "cgroup.h"

struct nsk_failure;

#define CG_MAX_MADE 64

/* What a failed step or its undo could not set right. */
struct cg_left {
	char *path;		/* a directory left behind, or a file left changed */
	int err;		/* -errno */
	bool changed;		/* a file whose old value could not be written back */
};

struct cg_group {
	const struct cg_sys *sys;
	char *path[CG_MAX_HIER];	/* cgroup path per hierarchy; NULL: not used */
	char *dir[CG_MAX_HIER];		/* its directory */
	size_t base[CG_MAX_HIER];	/* dir[i] up to here is the parent's directory
					 * (the mount's for an absolute name), which
					 * cg_group_create never makes */
	char *made[CG_MAX_MADE];	/* directories this run created, in order */
	unsigned nmade;
	struct {			/* controllers this run enabled, in order */
		char *dir;		/* in this cgroup's subtree_control */
		int ctrl;
	} enabled[CG_MAX_MADE];
	unsigned nenabled;
	struct cg_left left[CG_MAX_MADE];	/* see cg_group_undo, cg_group_remove */
	unsigned nleft;
};

/* Write VALUE to FILE of the directory dirfd (one write, as the kernel
 * wants) / read FILE into buf without the trailing newline. */
int cg_write_at(int dirfd, const char *file, const char *value);
int cg_read_at(int dirfd, const char *file, char *buf, size_t size);
/* The same by the directory's path (dir NULL: -ENOENT). */
int cg_write_path(const char *dir, const char *file, const char *value);
int cg_read_path(const char *dir, const char *file, char *buf, size_t size);
/* FILE of the group's directory in the hierarchy of ctrl (as
 * cg_group_dir_for): a cgkey_reader, ud being the struct cg_group. */
int cg_group_read(void *ud, int ctrl, bool v2, const char *file, char *buf, size_t size);
/* Fill f for DIR/FILE (FILE may be NULL: the directory); returns err. */
int cg_fail_at(struct nsk_failure *f, int err, const char *dir, const char *file);

/* The hierarchies (bit i: sys->h[i]) a group needing ctrls lives in: v2
 * when present, and every v1 hierarchy holding one of ctrls. */
unsigned cg_hiers_for(const struct cg_sys *sys, unsigned ctrls);
/* The hierarchies of exactly these controllers (cgcreate -g CTRLS:...):
 * v2 only if it holds one of ctrls, each v1 hierarchy holding one of
 * them, and each named hierarchy (sys->with_named) whose NAME is one of
 * the nnames names. */
unsigned cg_hiers_of(const struct cg_sys *sys, unsigned ctrls, const char *const *names,
		     unsigned nnames);

/* Resolve the group's paths in the hierarchies of mask (parent and name as
 * cg_resolve takes them). -EINVAL for a bad name. */
int cg_group_init(struct cg_group *g, const struct cg_sys *sys, const char *parent,
		  const char *name, unsigned mask);
void cg_group_free(struct cg_group *g);
/* Keep only the hierarchies where the group's directory exists; -ENOENT
 * if none; another -errno, with f (may be NULL) naming the directory, when
 * one cannot be looked at (taking it for absent would have delete report
 * success and leave it). */
int cg_group_existing(struct cg_group *g, struct nsk_failure *f);
/* Whether the directory exists in every hierarchy of the group. */
bool cg_group_complete(const struct cg_group *g);

/* mkdir -p beneath the parent in every hierarchy, recording what was
 * made; on v1 a new cpuset group gets its parent's cpus and mems. The
 * parent (cg_group_init's, or the root for an absolute name) must exist:
 * -CGGROUP_ENOPARENT, f naming the first one missing in hierarchy order,
 * and nothing left made (what this call made in the hierarchies before
 * is removed again). exclusive: -EEXIST if the group itself exists
 * anywhere. */
int cg_group_create(struct cg_group *g, bool exclusive, struct nsk_failure *f);
/* v2: enable ctrls in cgroup.subtree_control of every ancestor of the
 * group, down from the hierarchy root, recording each enable this run
 * made. -EBUSY when the no-internal-processes rule refuses (f names the
 * cgroup with processes). */
int cg_group_enable(struct cg_group *g, unsigned ctrls, struct nsk_failure *f);
/* Make the writes, all or nothing: reads first the old value of every
 * file of a directory this run did not make (-ENOENT if one is missing,
 * nothing written), and when a write fails writes the old values back,
 * last first. A directory this run made has no old values: a file
 * missing there fails its write (-ENOENT), and the values written there
 * go with the directory when the caller undoes the run (cg_group_undo).
 * A value that could not be written back is added to g->left; f names
 * the file that failed. */
int cg_group_apply(struct cg_group *g, const struct cg_write *w, unsigned n,
		   struct nsk_failure *f);
/* Undo what this run made: the directories it created, deepest first,
 * then the controllers it enabled (EBUSY ignored: a child group uses
 * them). Returns the first failure; every directory left behind and
 * every enable left is in g->left. */
int cg_group_undo(struct cg_group *g);
/* The run succeeded as far as the ancestors go: cg_group_undo removes
 * the directories only, and leaves the controllers enabled. */
void cg_group_keep_enabled(struct cg_group *g);
/* Empty g->left once reported. */
void cg_group_clear_left(struct cg_group *g);
/* Note DIR/FILE (FILE may be NULL) in g->left as left behind (a
 * directory) or left changed (a file); past CG_MAX_MADE the rest go
 * unnamed. */
void cg_group_note_left(struct cg_group *g, const char *dir, const char *file, int err,
			bool changed);
/* dir is gone (removed by other means): undo must not rmdir it again. */
void cg_group_forget_made(struct cg_group *g, const char *dir);
/* The directory of the group in the hierarchy of ctrl (CG_CORE: v2). */
const char *cg_group_dir_for(const struct cg_group *g, int ctrl, bool v2);

/* Move pid (0: the caller) into the group in every hierarchy. */
int cg_group_join(struct cg_group *g, pid_t pid, struct nsk_failure *f);
/* The same in the v1 hierarchies only (v2 placed it: lib/cgfork). */
int cg_group_join_v1(struct cg_group *g, pid_t pid, struct nsk_failure *f);

/* Where a process is: its cgroup path in each hierarchy of sys, from
 * /proc/PID/cgroup (NULL where it does not say). */
struct cg_place {
	char *path[CG_MAX_HIER];
};
int cg_place_of(const struct cg_sys *sys, pid_t pid, struct cg_place *ret);
void cg_place_free(struct cg_place *p);
/* The group a process is in (place, of cg_place_of), to read its files
 * (cg_figures_collect, cgkey_get): each hierarchy's path and directory,
 * existing, never made. 0 or -ENOMEM. */
int cg_group_at_place(struct cg_group *g, const struct cg_sys *sys, const struct cg_place *place);
/* Move pid back from the group to where it was (place), in each
 * hierarchy where it is now in the group. f names the directory on
 * failure. */
int cg_group_unjoin(struct cg_group *g, pid_t pid, const struct cg_place *place,
		    struct nsk_failure *f);
