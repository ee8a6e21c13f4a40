/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <linux/nsfs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "ns.h"
#include "parse.h"

#ifndef NSFS_MAGIC
#define NSFS_MAGIC 0x6e736673
#endif

const struct ns_type ns_types[] = {
	{ "user", "user", 'U', CLONE_NEWUSER, NULL },
	{ "cgroup", "cgroup", 'C', CLONE_NEWCGROUP, NULL },
	{ "ipc", "ipc", 'i', CLONE_NEWIPC, NULL },
	{ "uts", "uts", 'u', CLONE_NEWUTS, NULL },
	{ "net", "net", 'n', CLONE_NEWNET, NULL },
	{ "pid", "pid", 'p', CLONE_NEWPID, "pid_for_children" },
	{ "mnt", "mount", 'm', CLONE_NEWNS, NULL },
	{ "time", "time", 'T', CLONE_NEWTIME, "time_for_children" },
};
const unsigned ns_type_count = ELEMENTSOF(ns_types);
_Static_assert(ELEMENTSOF(ns_types) == NS_TYPE_MAX, "NS_TYPE_MAX is the size of ns_types");

const struct ns_type *ns_by_option(const char *option)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (!strcmp(ns_types[i].option, option))
			return &ns_types[i];
	return NULL;
}

const struct ns_type *ns_by_short_option(int c)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (c > 0 && ns_types[i].short_option == c)
			return &ns_types[i];
	return NULL;
}

const struct ns_type *ns_by_proc_name(const char *name)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (!strcmp(ns_types[i].proc_name, name))
			return &ns_types[i];
	return NULL;
}

const struct ns_type *ns_by_flag(int clone_flag)
{
	for (unsigned i = 0; i < ns_type_count; i++)
		if (ns_types[i].clone_flag == clone_flag)
			return &ns_types[i];
	return NULL;
}

bool ns_is_nsfs(const char *path)
{
	struct statfs sfs;

	return statfs(path, &sfs) == 0 && sfs.f_type == NSFS_MAGIC;
}

int ns_ids_at(int procfd, bool for_children, struct ns_id ret[NS_TYPE_MAX])
{
	for (unsigned i = 0; i < ns_type_count; i++) {
		const struct ns_type *t = &ns_types[i];
		char path[64];
		struct stat st;

		snprintf(path, sizeof(path), "ns/%s",
			 for_children && t->children_name ? t->children_name : t->proc_name);
		ret[i] = (struct ns_id){ 0, 0 };
		if (fstatat(procfd, path, &st, 0) == 0)
			ret[i] = (struct ns_id){ st.st_dev, st.st_ino };
		else if (errno != ENOENT)
			return -errno;
	}
	return 0;
}

bool ns_file_holds(const char *path, const struct ns_id *id)
{
	struct stat st;

	return id->ino != 0 && ns_is_nsfs(path) && lstat(path, &st) == 0 &&
	       st.st_dev == id->dev && st.st_ino == id->ino;
}

static int ns_unpersist_file(const char *path, unsigned made);

/* Whether dir is /run/netns, iproute2's directory of named network
 * namespaces (ip/ipnetns.c, NETNS_RUN_DIR), however it is written
 * (/var/run/netns, relative; it need not exist): its parent resolves to
 * /run and its name is "netns". */
static bool is_netns_run_dir(const char *dir)
{
	char parent[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(dir, '/');

	if (!slash)
		snprintf(parent, sizeof(parent), ".");
	else if (slash == dir)
		snprintf(parent, sizeof(parent), "/");
	else
		snprintf(parent, sizeof(parent), "%.*s", (int)(slash - dir), dir);
	return !strcmp(slash ? slash + 1 : dir, "netns") && realpath(parent, real) &&
	       !strcmp(real, "/run");
}

/* Undo make_netns_dir. A directory another process has put a file or a
 * mount in since is theirs too, and stays: that is no error. */
static int unmake_netns_dir(const char *dir)
{
	if (umount2(dir, UMOUNT_NOFOLLOW) < 0 && errno != EINVAL)
		return errno == EBUSY ? 0 : -errno;
	if (rmdir(dir) < 0 && errno != ENOENT)
		return errno == ENOTEMPTY || errno == EEXIST ? 0 : -errno;
	return 0;
}

/* Make the missing directory dir as `ip netns add` makes /run/netns
 * (ip/ipnetns.c, netns_add): a mount of its own, shared, so that a file
 * unmounted there in one mount namespace is unmounted in every namespace
 * that has a copy of it, freeing the network namespace. 0 (*ret_made: we
 * made it; not when it appeared meanwhile), or -errno with nothing left. */
static int make_netns_dir(const char *dir, bool *ret_made)
{
	int r;

	*ret_made = false;
	if (mkdir(dir, 0755) < 0)
		return errno == EEXIST ? 0 : -errno;
	if (mount(dir, dir, NULL, MS_BIND | MS_REC, NULL) < 0) {
		r = -errno;
		rmdir(dir);
		return r;
	}
	if (mount(NULL, dir, NULL, MS_SHARED | MS_REC, NULL) < 0) {
		r = -errno;
		(void)unmake_netns_dir(dir);
		return r;
	}
	*ret_made = true;
	return 0;
}

/* Create PATH exclusively, making its directory first where that is a
 * missing /run/netns (ret_made |= NS_MADE_DIR). */
static int create_file(const char *path, unsigned *ret_made)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	bool made_dir = false;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0444);
	int r = fd < 0 ? -errno : 0;

	if (r == -ENOENT && slash && slash != path &&
	    snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path) < (int)sizeof(dir) &&
	    is_netns_run_dir(dir)) {
		if ((r = make_netns_dir(dir, &made_dir)) < 0)
			return r;
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0444);
		r = fd < 0 ? -errno : 0;
		if (r < 0 && made_dir)
			(void)unmake_netns_dir(dir);
	}
	if (r < 0)
		return r;
	close(fd);
	*ret_made = NS_MADE_FILE | (made_dir ? NS_MADE_DIR : 0);
	return 0;
}

/* Create PATH, or accept an existing empty regular file. */
static int persist_target(const char *path, unsigned *ret_made)
{
	struct stat st;
	int r = create_file(path, ret_made);

	if (r != -EEXIST)
		return r;
	*ret_made = 0;
	if (ns_is_nsfs(path))
		return -EBUSY;		/* holds a namespace already */
	if (lstat(path, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode) || st.st_size != 0)
		return -EEXIST;
	return 0;
}

/* The record of a failed step of ns_persist on PATH. */
static int persist_failed(const struct ns_type *t, const char *path, const char *step, int r,
			  struct nsk_failure *f)
{
	char what[NSK_STEP_MAX];

	if (r == -EBUSY || r == -EEXIST) {
		nsk_fail(f, r, NULL, "%s", path);
		return nsk_fail_detail(f, r, r == -EBUSY ? "holds a namespace already"
							: "exists and is not an empty file");
	}
	/* The kernel refuses to bind a mount namespace into itself or one
	 * it can reach (its loop check, see ns_mnt_make_newer_than). */
	if (r == -EINVAL && t->clone_flag == CLONE_NEWNS) {
		snprintf(what, sizeof(what), "%s of a mount namespace", step);
		nsk_fail(f, r, what, "%s", path);
		return nsk_fail_detail(f, r, "%s (the file must be on a private mount outside the "
				       "new namespace)", nsk_strerror(r));
	}
	snprintf(what, sizeof(what), "%s of the %s namespace", step, t->proc_name);
	return nsk_fail(f, r, what, "%s", path);
}

int ns_persist(pid_t pid, const struct ns_type *t, bool for_children, const char *path,
	       unsigned *ret_made, struct nsk_failure *f)
{
	char src[64];
	unsigned made = 0;
	int r;

	snprintf(src, sizeof(src), "/proc/%d/ns/%s", (int)pid,
		 for_children && t->children_name ? t->children_name : t->proc_name);
	if ((r = persist_target(path, &made)) < 0)
		return persist_failed(t, path, "create", r, f);
	if (mount(src, path, NULL, MS_BIND, NULL) < 0) {
		r = -errno;
		(void)ns_unpersist_file(path, made);
		return persist_failed(t, path, "bind mount", r, f);
	}
	*ret_made = made;
	return 0;
}

/* Remove what ns_persist made beside the bind mount: the file, then its
 * directory. */
static int ns_unpersist_file(const char *path, unsigned made)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if ((made & NS_MADE_FILE) && unlink(path) < 0)
		return -errno;
	if (!(made & NS_MADE_DIR) || !slash || slash == path)
		return 0;
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	/* never another directory, whoever says we made it (a report that
	 * nsrun --release reads) */
	return is_netns_run_dir(dir) ? unmake_netns_dir(dir) : 0;
}

int ns_unpersist(const char *path, unsigned made)
{
	int r = 0, r2;

	if (umount2(path, MNT_DETACH) < 0)
		r = -errno;
	if ((r2 = ns_unpersist_file(path, made)) < 0 && r == 0)
		r = r2;
	return r;
}

#ifndef NS_GET_MNTNS_ID
#define NS_GET_MNTNS_ID _IOR(0xb7, 0x5, uint64_t)
#endif

int ns_mnt_id(int fd, uint64_t *ret)
{
	return ioctl(fd, NS_GET_MNTNS_ID, ret) < 0 ? -errno : 0;
}

static int own_mnt_id(uint64_t *ret)
{
	_cleanup_close_ int fd = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);

	return fd < 0 ? -errno : ns_mnt_id(fd, ret);
}

int ns_mnt_make_newer_than(uint64_t outer_id)
{
	cpu_set_t allowed, one;
	uint64_t id;
	int r = own_mnt_id(&id);

	if (r < 0 || id > outer_id)
		return 0;	/* no ids (old kernel: no batches), or fine */
	if (sched_getaffinity(0, sizeof(allowed), &allowed) < 0)
		return -errno;
	for (int cpu = 0; cpu < CPU_SETSIZE && id <= outer_id; cpu++) {
		if (!CPU_ISSET(cpu, &allowed))
			continue;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		if (sched_setaffinity(0, sizeof(one), &one) < 0 || unshare(CLONE_NEWNS) < 0 ||
		    own_mnt_id(&id) < 0)
			break;
	}
	sched_setaffinity(0, sizeof(allowed), &allowed);
	return id > outer_id ? 0 : -ELOOP;
}

int ns_inodes_of(pid_t pid, uint64_t ret_inode[NS_TYPE_MAX])
{
	char path[64];
	struct stat st;
	int n = 0;

	for (unsigned i = 0; i < ns_type_count; i++) {
		snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)pid, ns_types[i].proc_name);
		ret_inode[i] = 0;
		if (stat(path, &st) == 0) {
			ret_inode[i] = st.st_ino;
			n++;
		} else if (errno == ENOENT && i == 0) {
			return -ESRCH;	/* every process has a user namespace */
		}
	}
	return n;
}

int ns_related_inode(int fd, bool parent, uint64_t *ret)
{
	_cleanup_close_ int rel = ioctl(fd, parent ? NS_GET_PARENT : NS_GET_USERNS);
	struct stat st;

	if (rel < 0)
		return -errno;
	if (fstat(rel, &st) < 0)
		return -errno;
	*ret = st.st_ino;
	return 0;
}

int ns_parent_fd(int fd)
{
	int up = ioctl(fd, NS_GET_PARENT);

	return up < 0 ? -errno : up;
}

int ns_uts_hostname(int utsfd, char *buf, size_t size)
{
	_cleanup_close_ int self = open("/proc/thread-self/ns/uts", O_RDONLY | O_CLOEXEC);
	struct utsname u;
	int r = 0;

	if (self < 0)
		return -errno;
	if (setns(utsfd, CLONE_NEWUTS) < 0)
		return -errno;
	if (uname(&u) < 0)
		r = -errno;
	if (setns(self, CLONE_NEWUTS) < 0)
		return -errno;
	if (r == 0)
		snprintf(buf, size, "%s", u.nodename);
	return r;
}

int ns_parse_name(const char *name, unsigned *ret_type, uint64_t *ret_inode)
{
	const char *colon;
	char type[16], num[24];
	const struct ns_type *t;
	size_t len;

	if (*name == '/')
		name++;
	colon = strchr(name, ':');
	if (!colon || (size_t)(colon - name) >= sizeof(type) || colon[1] != '[')
		return -EINVAL;
	memcpy(type, name, (size_t)(colon - name));
	type[colon - name] = '\0';
	len = strcspn(colon + 2, "]");
	if (len == 0 || len >= sizeof(num) || strcmp(colon + 2 + len, "]"))
		return -EINVAL;
	memcpy(num, colon + 2, len);
	num[len] = '\0';
	if (!(t = ns_by_proc_name(type)) || parse_uint(num, UINT64_MAX, ret_inode) < 0)
		return -EINVAL;
	*ret_type = (unsigned)(t - ns_types);
	return 0;
}
