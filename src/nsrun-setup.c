/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsrun: creating and configuring the namespaces, a step of both modes
 * (see nsrun.h): the helper outside them, unshare, the maps, the clocks,
 * the names, propagation, lo; proc in the first process of a PID
 * namespace. */
#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "helper.h"
#include "inroot.h"
#include "idmap.h"
#include "mapreq.h"
#include "msg.h"
#include "netif.h"
#include "ns.h"
#include "nsrun.h"

static int write_self_maps(const struct nsrun_opts *o, uid_t outer_uid, gid_t outer_gid)
{
	_cleanup_close_ int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	struct idmap_range line[1];
	struct idmap m = IDMAP_ON(line);	/* one line at a time: no heap */
	int r;

	if (o->setgroups >= 0 && (r = idmap_write_setgroups_at(self, o->setgroups)) < 0) {
		nsk_err("/proc/self/setgroups: %s", strerror(-r));
		return r;
	}
	if (o->map_uid) {
		idmap_add(&m, (struct idmap_range){ o->inner_uid, outer_uid, 1 });
		if ((r = idmap_write_at(self, "uid_map", &m)) < 0) {
			nsk_err("/proc/self/uid_map: mapping %u to %u: %s", o->inner_uid, outer_uid,
				strerror(-r));
			return r;
		}
	}
	if (o->map_gid) {
		m.count = 0;
		idmap_add(&m, (struct idmap_range){ o->inner_gid, outer_gid, 1 });
		if ((r = idmap_write_at(self, "gid_map", &m)) < 0) {
			nsk_err("/proc/self/gid_map: mapping %u to %u: %s%s", o->inner_gid, outer_gid,
				strerror(-r), o->setgroups == 1 ? " (needs --setgroups deny)" : "");
			return r;
		}
	}
	return 0;
}

static int write_time_offsets(const struct nsrun_opts *o)
{
	char text[128];
	int n = 0;
	_cleanup_close_ int fd = open("/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC);

	if (o->monotonic)
		n += snprintf(text + n, sizeof(text) - n, "monotonic %lld %ld\n",
			      (long long)o->monotonic_sec, o->monotonic_nsec);
	if (o->boottime)
		n += snprintf(text + n, sizeof(text) - n, "boottime %lld %ld\n",
			      (long long)o->boottime_sec, o->boottime_nsec);
	if (fd < 0 || write(fd, text, n) != n) {
		nsk_err("/proc/self/timens_offsets: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* --verbose: which program writes each map. Without CAP_SETUID
 * (CAP_SETGID) a map of more than our own id is written by newuidmap
 * (newgidmap), as unshare(1) does; else by our helper. */
static void say_map_writers(const struct mapwrite_request *req, const struct idpolicy_caller *c)
{
	const struct idmap *maps[2] = { &req->uid, &req->gid };
	const bool may[2] = { c->may_setuid, c->may_setgid };
	const uint32_t own[2] = { c->uid, c->gid };

	for (int k = 0; k < 2; k++) {
		bool helper = *c->map_helper[k] &&
			      idpolicy_check_capable(maps[k], may[k], own[k]) != IDPOLICY_OK;

		if (maps[k]->count)
			nsk_note("%s: written by %s", k ? "gid_map" : "uid_map",
				 helper ? c->map_helper[k] : "nsrun's helper");
	}
}

/* helper_start, its failure printed. */
static int start_helper(struct helper *h, const struct helper_work *w)
{
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r = helper_start(h, w, &f);

	if (r < 0)
		nsk_err_failure(&f, r);
	return r < 0 ? -1 : 0;
}

/* With maps to write: the requests on this frame, which the helper reads
 * in its copy of it (and of the heap their ranges are on). A function of
 * its own, never inlined, so that a run without maps does not touch (and
 * fault in) the ~6 KiB its locals take (the failure record mostly). */
static __attribute__((noinline)) int start_helper_mapping(const struct nsrun_opts *o,
							   struct helper_work *w, struct helper *h)
{
	struct mapwrite_request req;
	struct idpolicy_caller caller;
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if ((r = mapreq_resolve(&o->maps, &req, &caller, &f)) < 0) {
		nsk_err_failure(&f, r);
	} else {
		w->maps = &req;
		w->caller = &caller;
		if (o->verbose)
			say_map_writers(&req, &caller);
		r = start_helper(h, w);	/* the helper works on its copy of them */
	}
	mapwrite_request_release(&req);
	idpolicy_caller_release(&caller);
	return r < 0 ? -1 : 0;
}

int nsrun_start_helper(const struct nsrun_opts *o, bool persist, struct helper *h)
{
	struct helper_work w = { .persist = persist ? o->persist_path : NULL };

	if (mapreq_wanted(&o->maps))
		return start_helper_mapping(o, &w, h);
	return start_helper(h, &w);
}

/* --owner: the user namespace is owned by whoever creates it, so become
 * that user first (unshare(1) does the same). From here on this process
 * holds no privilege on the host; the helper, forked before, stays root
 * to write the maps. */
static int become_owner(const struct nsrun_opts *o)
{
	if (setgroups(0, NULL) < 0 || setresgid(o->owner_gid, o->owner_gid, o->owner_gid) < 0 ||
	    setresuid(o->owner_uid, o->owner_uid, o->owner_uid) < 0) {
		nsk_err("--owner %u:%u: %s", (unsigned)o->owner_uid, (unsigned)o->owner_gid,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* Unshare and configure, in this process. Prints its own error. */
int nsrun_create_namespaces(const struct nsrun_opts *o, struct helper *h)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	bool persist_mnt = o->persist_path[ns_by_flag(CLONE_NEWNS) - ns_types] != NULL;
	uint64_t outer_mnt_id = 0;
	struct nsk_failure f = NSK_FAILURE_INIT;
	int r;

	if (persist_mnt) {
		_cleanup_close_ int fd = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
		if (fd < 0 || ns_mnt_id(fd, &outer_mnt_id) < 0)
			persist_mnt = false;	/* no ids to compare: nothing to fix */
	}
	if (o->owner && become_owner(o) < 0)
		return -1;
	if (unshare(o->clone_flags) < 0) {
		nsk_err("unshare: %s", strerror(errno));
		return -1;
	}
	if ((r = helper_write_maps(h, getpid(), &f)) < 0) {
		nsk_err_failure(&f, r);
		return -1;
	}
	/* With no files to make, the helper's work is done. */
	if (!h->persists && helper_finish(h, true, NULL) < 0) {
		nsk_err("the id map helper ended without an answer");
		return -1;
	}
	if (persist_mnt && (r = ns_mnt_make_newer_than(outer_mnt_id)) < 0) {
		nsk_err("mount namespace: cannot be persisted: the kernel gave it an id below "
			"ours, and no allowed CPU gives a larger one (per-CPU ids, Linux 6.18)");
		return -1;
	}
	if ((o->map_uid || o->map_gid || o->setgroups >= 0) && write_self_maps(o, uid, gid) < 0)
		return -1;
	if ((o->monotonic || o->boottime) && write_time_offsets(o) < 0)
		return -1;
	if (o->hostname && sethostname(o->hostname, strlen(o->hostname)) < 0) {
		nsk_err("hostname %s: %s", o->hostname, strerror(errno));
		return -1;
	}
	if (o->domainname && setdomainname(o->domainname, strlen(o->domainname)) < 0) {
		nsk_err("domainname %s: %s", o->domainname, strerror(errno));
		return -1;
	}
	if ((o->clone_flags & CLONE_NEWNS) && o->propagation &&
	    mount("none", "/", NULL, o->propagation, NULL) < 0) {
		nsk_err("/: changing propagation: %s", strerror(errno));
		return -1;
	}
	if ((o->clone_flags & CLONE_NEWNET) && !o->no_lo && (r = netif_loopback_up()) < 0) {
		nsk_err("lo: bringing it up: %s", strerror(-r));
		return -1;
	}
	return 0;
}

void nsrun_warn_left(const struct persisted *left)
{
	for (unsigned i = 0; i < left->count; i++)
		nsk_warn("%s: could not remove: %s", left->path[i], nsk_strerror(left->err[i]));
}

int nsrun_finish_helper(struct helper *h, bool keep)
{
	struct persisted left;
	int r = helper_finish(h, keep, &left);

	nsrun_warn_left(&left);
	if (r < 0)
		nsk_err("the namespace file helper: keeping the files: %s", strerror(-r));
	return r;
}

/* The root the command will get (--root), where --mount-proc and
 * --mount-binfmt mount, as unshare(1) mounts them after its chroot: an
 * fd, or AT_FDCWD for ours. */
static int open_cmd_root(const struct nsrun_opts *o)
{
	int fd;

	if (!o->exec.root)
		return AT_FDCWD;
	if ((fd = open(o->exec.root, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		nsk_err("%s: %s", o->exec.root, strerror(errno));
	return fd < 0 ? -1 : fd;
}

/* mount(2) onto dir, a path in the command's root. */
static int mount_for_cmd(int rootfd, const char *dir, const char *src, const char *fstype,
			 unsigned long flags)
{
	if (rootfd == AT_FDCWD)
		return mount(src, dir, fstype, flags, NULL) < 0 ? -errno : 0;
	return inroot_mount(rootfd, dir, src, fstype, flags, NULL);
}

/* In the first process of a new PID namespace (or of the new mount
 * namespace): --mount-proc, in the command's root. */
int nsrun_mount_proc(const struct nsrun_opts *o)
{
	_cleanup_close_ int rootfd = open_cmd_root(o);
	const char *dir = o->mount_proc;
	int r;

	if (rootfd == -1)
		return -1;
	/* Keep the new proc from propagating to the host whatever
	 * --propagation said (unshare(1) does the same). */
	r = mount_for_cmd(rootfd, dir, "none", NULL, MS_PRIVATE | MS_REC);
	if (r < 0 && r != -EINVAL) {
		nsk_err("%s: making it private: %s", dir, strerror(-r));
		return -1;
	}
	if ((r = mount_for_cmd(rootfd, dir, "proc", "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV)) < 0) {
		nsk_err("%s: mounting proc: %s", dir, strerror(-r));
		return -1;
	}
	return 0;
}

/* --mount-binfmt: a binfmt_misc of the new user namespace (Linux 6.7),
 * and -l: one interpreter registered in it. After --mount-proc, whose
 * /proc/sys/fs/binfmt_misc it covers by default. */
int nsrun_mount_binfmt(const struct nsrun_opts *o)
{
	_cleanup_close_ int rootfd = open_cmd_root(o);
	_cleanup_close_ int dirfd = -1, fd = -1;
	const char *dir = o->mount_binfmt;
	int r;

	if (rootfd == -1)
		return -1;
	if ((r = mount_for_cmd(rootfd, dir, "binfmt_misc", "binfmt_misc",
			       MS_NOSUID | MS_NOEXEC | MS_NODEV)) < 0) {
		nsk_err("%s: mounting binfmt_misc: %s", dir,
			r == -EPERM ? "not allowed (a binfmt_misc per user namespace needs "
				      "Linux 6.7)" : strerror(-r));
		return -1;
	}
	if (!o->load_interp)
		return 0;
	if (rootfd != AT_FDCWD)
		dirfd = inroot_open(rootfd, dir, O_PATH | O_DIRECTORY);
	else if ((dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		dirfd = -errno;
	if (dirfd >= 0 && (fd = openat(dirfd, "register", O_WRONLY | O_CLOEXEC)) >= 0 &&
	    write(fd, o->load_interp, strlen(o->load_interp)) >= 0)
		return 0;
	nsk_err("%s/register: %s: %s", dir, o->load_interp, strerror(dirfd < 0 ? -dirfd : errno));
	return -1;
}
