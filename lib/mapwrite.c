/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/nsfs.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "mapwrite.h"
#include "readfile.h"

void mapwrite_add(struct mapwrite_request *req, bool is_gid, struct idmap_range r)
{
	if (is_gid) {
		req->gid_asked++;
		idmap_add(&req->gid, r);
	} else {
		req->uid_asked++;
		idmap_add(&req->uid, r);
	}
}

void mapwrite_request_copy(struct mapwrite_request *ret, const struct mapwrite_request *req)
{
	*ret = (struct mapwrite_request){ .uid_asked = req->uid_asked, .gid_asked = req->gid_asked,
					  .setgroups = req->setgroups };
	for (unsigned i = 0; i < req->uid.count; i++)
		(void)idmap_add(&ret->uid, req->uid.ranges[i]);
	for (unsigned i = 0; i < req->gid.count; i++)
		(void)idmap_add(&ret->gid, req->gid.ranges[i]);
}

void mapwrite_request_release(struct mapwrite_request *req)
{
	idmap_release(&req->uid);
	idmap_release(&req->gid);
}

void mapwrite_add_root(struct mapwrite_request *req, const struct idpolicy_caller *c)
{
	mapwrite_add(req, false, (struct idmap_range){ 0, c->uid, 1 });
	mapwrite_add(req, true, (struct idmap_range){ 0, c->gid, 1 });
}

static void add_auto_map(struct mapwrite_request *req, bool is_gid, uint32_t own,
			 const struct subid_grants *g)
{
	mapwrite_add(req, is_gid, (struct idmap_range){ 0, own, 1 });
	uint64_t inner = 1;
	for (unsigned i = 0; i < g->count; i++) {
		mapwrite_add(req, is_gid, (struct idmap_range){ (uint32_t)inner, g->ranges[i].start,
								 g->ranges[i].count });
		inner += g->ranges[i].count;
		if (inner > UINT32_MAX)
			inner = UINT32_MAX;	/* the check refuses the overflow */
	}
}

/* The object of a refusal: a map file of the target, or the target. The
 * detail then says why (nsk_fail_detail). */
static void at_file(struct nsk_failure *f, pid_t pid, const char *file)
{
	nsk_fail(f, 0, NULL, "/proc/%d/%s", (int)pid, file);
}

static void at_process(struct nsk_failure *f, pid_t pid)
{
	nsk_fail(f, 0, NULL, "process %d", (int)pid);
}

int mapwrite_add_auto(struct mapwrite_request *req, const struct idpolicy_caller *c,
		      const char *user, struct nsk_failure *f)
{
	_cleanup_subid_ struct subid_grants su = SUBID_EMPTY, sg = SUBID_EMPTY;
	const char *name = *c->name ? c->name : NULL;
	uint32_t uid = c->uid, gid = c->gid;
	int r;

	if (!user && !name && c->privileged) {
		struct passwd *pw = getpwuid(uid);	/* not loaded for root */

		name = pw ? pw->pw_name : NULL;
	}
	if (user && !(name && !strcmp(user, name))) {
		struct passwd *pw = getpwnam(user);

		if (!pw) {
			nsk_fail(f, 0, NULL, "--auto=%s", user);
			return nsk_fail_detail(f, -ENOENT, "no such user");
		}
		if (!c->privileged && pw->pw_uid != c->uid) {
			nsk_fail(f, 0, NULL, "--auto=%s", user);
			return nsk_fail_detail(f, -EPERM, "only root may map another user's ids");
		}
		name = pw->pw_name;
		uid = pw->pw_uid;
		if (c->privileged)
			gid = pw->pw_gid;
	}
	if (!c->privileged) {
		add_auto_map(req, false, uid, &c->subuid);
		add_auto_map(req, true, gid, &c->subgid);
		return 0;
	}
	/* root's policy reads no grants: read the user's now */
	r = idpolicy_user_grants(name, uid, MAPWRITE_SUBUID, MAPWRITE_SUBGID, &su, &sg, f);
	if (r < 0)
		return r;
	add_auto_map(req, false, uid, &su);
	add_auto_map(req, true, gid, &sg);
	return 0;
}

/* ---- the checks ---- */

/* The kernel takes a map in one write of less than a page. A page is
 * 4096 bytes at least, so a map of fewer than 4096 / IDMAP_LINE_MAX lines
 * fits in one whatever its ids; a longer one is formatted to be measured,
 * on the heap (11 KiB on the stack would cost page faults on every run). */
static int check_long_length(pid_t pid, const char *file, const struct idmap *m,
			     struct nsk_failure *f)
{
	size_t size = (size_t)m->count * IDMAP_LINE_MAX + 1;
	_cleanup_free_ char *text = malloc(size);
	long page = sysconf(_SC_PAGESIZE);
	int len;

	if (!text)
		return nsk_fail(f, -ENOMEM, NULL, "/proc/%d/%s", (int)pid, file);
	len = idmap_format(m, text, size);
	if (len >= 0 && len < page)
		return 0;
	at_file(f, pid, file);
	return nsk_fail_detail(f, -E2BIG, "the map is %d bytes of text, more than the kernel "
			       "accepts (%ld)", len, page - 1);
}

static int check_length(pid_t pid, const char *file, const struct idmap *m,
			struct nsk_failure *f)
{
	return m->count * IDMAP_LINE_MAX < 4096 ? 0 : check_long_length(pid, file, m, f);
}

static int check_shape(pid_t pid, const char *file, const struct idmap *m, unsigned asked,
		       struct nsk_failure *f)
{
	char why[160];
	unsigned a, b;
	enum idmap_problem p;

	if (asked > IDMAP_MAX_RANGES) {
		at_file(f, pid, file);
		return nsk_fail_detail(f, -E2BIG, "%u ranges, more than the kernel's limit of %d",
				       asked, IDMAP_MAX_RANGES);
	}
	if (m->count < asked)	/* mapwrite_add found no memory for one */
		return nsk_fail(f, -ENOMEM, NULL, "/proc/%d/%s", (int)pid, file);
	p = idmap_validate(m, &a, &b);
	if (p == IDMAP_OK)
		return check_length(pid, file, m, f);
	idmap_problem_describe(m, p, a, b, why, sizeof(why));
	at_file(f, pid, file);
	return nsk_fail_detail(f, -EINVAL, "%s", why);
}

static bool is_file(int fd, const struct stat *b)
{
	struct stat a;

	return fstat(fd, &a) == 0 && a.st_dev == b->st_dev && a.st_ino == b->st_ino;
}

/* The target must be alive and in a user namespace whose parent is ours
 * (only from there can maps be written); an unprivileged caller must
 * own that namespace. Alive: its /proc directory (bound to the process by
 * target_open) no longer opens anything once it has gone, so the open of
 * ns/user says so, with no check of its own first. */
static int check_userns(const struct target *t, const struct idpolicy_caller *c,
			struct stat *self_ns, struct nsk_failure *f)
{
	_cleanup_close_ int ns = -1, parent = -1;
	struct stat self;
	uid_t owner;

	if ((ns = openat(t->procfd, "ns/user", O_RDONLY | O_CLOEXEC)) < 0) {
		int err = errno;
		struct stat st;

		/* No ptrace access to its namespace: another user's process,
		 * or ours in a namespace someone else owns. */
		if ((err == EACCES || err == EPERM) && !c->privileged && fstat(t->procfd, &st) == 0) {
			at_process(f, t->pid);
			if (st.st_uid != c->uid)
				return nsk_fail_detail(f, -EPERM, "belongs to uid %u, not to uid %u",
						       (unsigned)st.st_uid, c->uid);
			return nsk_fail_detail(f, -EPERM, "its user namespace is not one uid %u owns",
					       c->uid);
		}
		if (err != ENOENT && err != ESRCH)
			return nsk_fail(f, -err, NULL, "/proc/%d/ns/user", (int)t->pid);
		at_process(f, t->pid);
		return nsk_fail_detail(f, -ESRCH, "has exited");
	}
	if (stat("/proc/self/ns/user", &self) < 0)
		return nsk_fail(f, -errno, NULL, "/proc/self/ns/user");
	/* A namespace whose parent is ours is not ours: asked only when its
	 * parent is not, to say which of the two is wrong. */
	parent = ioctl(ns, NS_GET_PARENT);
	if (parent < 0 || !is_file(parent, &self)) {
		at_process(f, t->pid);
		if (is_file(ns, &self))
			return nsk_fail_detail(f, -EPERM, "is in nsmap's own user namespace, not a "
					       "new one");
		return nsk_fail_detail(f, -EPERM, "its user namespace is not a child of nsmap's");
	}
	if (c->privileged) {
		*self_ns = self;
		return 0;
	}
	if (ioctl(ns, NS_GET_OWNER_UID, &owner) < 0)
		return nsk_fail(f, -errno, "its owner", "/proc/%d/ns/user", (int)t->pid);
	if (owner != c->uid) {
		at_process(f, t->pid);
		return nsk_fail_detail(f, -EPERM, "its user namespace belongs to uid %u, not to uid %u",
				       (unsigned)owner, c->uid);
	}
	*self_ns = self;
	return 0;
}

/* The initial user namespace's inode (include/linux/proc_ns.h): every id
 * is mapped there. */
#define PROC_USER_INIT_INO 0xEFFFFFFDU

/* Outer ids must be ids of our own user namespace, each range within one
 * line of our map (the kernel's rule, which it applies only when the map
 * is written). In the initial namespace every id is. */
static int check_mapped_here(pid_t pid, const char *file, const struct idmap *m,
			     const struct stat *self_ns, struct nsk_failure *f)
{
	char own_file[32];
	_cleanup_idmap_ struct idmap own = IDMAP_EMPTY;
	int r;

	if (m->count == 0 || self_ns->st_ino == PROC_USER_INIT_INO)
		return 0;
	snprintf(own_file, sizeof(own_file), "/proc/self/%s", file);
	if ((r = idmap_read_at(AT_FDCWD, own_file, &own)) < 0)
		return nsk_fail(f, r, NULL, "%s", own_file);
	for (unsigned i = 0; i < m->count; i++) {
		char range[40];
		if (idmap_covers(&own, m->ranges[i].outer, m->ranges[i].count))
			continue;
		idmap_range_format(&m->ranges[i], range, sizeof(range));
		at_file(f, pid, file);
		return nsk_fail_detail(f, -EPERM, "range %s: its outer ids are not within one line "
				       "of %s, the ids of nsmap's own user namespace", range,
				       own_file);
	}
	return 0;
}

/* Without the capability, the kernel takes one's own id alone; a map
 * helper installed with privilege (newuidmap) may then write it. */
static int check_capable(pid_t pid, const char *file, const struct idmap *m, bool may,
			 uint32_t own, const char *helper, bool *ret_by_helper,
			 struct nsk_failure *f)
{
	bool gid = file[0] == 'g';

	*ret_by_helper = false;
	if (idpolicy_check_capable(m, may, own) == IDPOLICY_OK)
		return 0;
	if (*helper) {
		*ret_by_helper = true;
		return 0;
	}
	at_file(f, pid, file);
	return nsk_fail_detail(f, -EPERM, "more than your own %s %u needs %s, which nsmap does "
			       "not hold (run it as root, or install it with file capabilities "
			       "cap_setuid,cap_setgid+ep)", gid ? "gid" : "uid", own,
			       gid ? "CAP_SETGID" : "CAP_SETUID");
}

/* Written already: what it holds, for the refusal. */
static int written_already(const struct target *t, const char *file, struct nsk_failure *f)
{
	_cleanup_idmap_ struct idmap now = IDMAP_EMPTY;
	char first[40];
	int r = idmap_read_at(t->procfd, file, &now);

	if (r < 0)
		return nsk_fail(f, r, NULL, "/proc/%d/%s", (int)t->pid, file);
	if (now.count == 0)
		return 0;
	idmap_range_format(&now.ranges[0], first, sizeof(first));
	at_file(f, t->pid, file);
	return nsk_fail_detail(f, -EEXIST, "already written (%s%s); a map is written once", first,
			       now.count > 1 ? ", ..." : "");
}

/* An unwritten map reads as nothing: one byte read tells, and only a
 * written one is read whole (its text, 13 KiB, on the heap). */
static int check_unwritten(const struct target *t, const char *file, struct nsk_failure *f)
{
	char byte[2];
	ssize_t len = readfile_at(t->procfd, file, byte, sizeof(byte));

	if (len < 0)
		return nsk_fail(f, (int)len, NULL, "/proc/%d/%s", (int)t->pid, file);
	return len == 0 ? 0 : written_already(t, file, f);
}

static int check_policy(pid_t pid, const char *file, const struct idmap *m,
			const struct idpolicy_caller *c, bool is_gid, bool *ret_uses_grant,
			struct nsk_failure *f)
{
	unsigned bad;
	char range[40];

	if (idpolicy_check_map(m, c->privileged, is_gid ? c->gid : c->uid,
			       is_gid ? &c->subgid : &c->subuid, &bad,
			       ret_uses_grant) == IDPOLICY_OK)
		return 0;
	idmap_range_format(&m->ranges[bad], range, sizeof(range));
	at_file(f, pid, file);
	return nsk_fail_detail(f, -EPERM, "range %s is neither your own %s %u nor granted to %s%s"
			       "uid %u%s by %s", range, is_gid ? "gid" : "uid",
			       is_gid ? c->gid : c->uid, c->name, *c->name ? " (" : "", c->uid,
			       *c->name ? ")" : "", is_gid ? MAPWRITE_SUBGID : MAPWRITE_SUBUID);
}

static int check_setgroups(const struct target *t, const struct mapwrite_request *req,
			   const struct idpolicy_caller *c, bool gid_uses_grant, int *ret_write,
			   struct nsk_failure *f)
{
	int now = 1, r;	/* now: allow, unless read otherwise */

	if (idpolicy_setgroups(c->privileged, req->gid.count > 0, gid_uses_grant, req->setgroups,
			       ret_write) != IDPOLICY_OK) {
		at_file(f, t->pid, "setgroups");
		return nsk_fail_detail(f, -EPERM, "allow needs a gid range granted by %s (a gid map "
				       "without one needs setgroups denied: CVE-2018-7169)",
				       MAPWRITE_SUBGID);
	}
	if (*ret_write < 0)
		return 0;
	/* deny can always be written while gid_map is not; allow cannot
	 * follow deny */
	if (*ret_write == 1 && (now = idmap_read_setgroups_at(t->procfd)) < 0)
		return nsk_fail(f, now, NULL, "/proc/%d/setgroups", (int)t->pid);
	if (*ret_write == 1 && now == 0) {
		at_file(f, t->pid, "setgroups");
		return nsk_fail_detail(f, -EPERM, "denied already; it cannot be allowed again");
	}
	/* Once gid_map is written setgroups is fixed (user_namespaces(7)). */
	if (req->gid.count == 0 && (r = check_unwritten(t, "gid_map", f)) < 0) {
		if (r != -EEXIST)
			return r;
		at_file(f, t->pid, "setgroups");
		return nsk_fail_detail(f, -EPERM, "gid_map is written already, so setgroups can no "
				       "longer change");
	}
	return 0;
}

int mapwrite_check(const struct target *t, const struct mapwrite_request *req,
		   const struct idpolicy_caller *c, struct mapwrite_plan *ret,
		   struct nsk_failure *f)
{
	bool uid_grant = false, gid_grant = false;
	struct stat self_ns;
	int r;

	ret->setgroups = -1;
	ret->by_helper[0] = ret->by_helper[1] = false;
	if ((r = check_shape(t->pid, "uid_map", &req->uid, req->uid_asked, f)) < 0 ||
	    (r = check_shape(t->pid, "gid_map", &req->gid, req->gid_asked, f)) < 0 ||
	    (r = check_userns(t, c, &self_ns, f)) < 0)
		return r;
	if (req->uid.count && (r = check_unwritten(t, "uid_map", f)) < 0)
		return r;
	if (req->gid.count && (r = check_unwritten(t, "gid_map", f)) < 0)
		return r;
	if ((r = check_policy(t->pid, "uid_map", &req->uid, c, false, &uid_grant, f)) < 0 ||
	    (r = check_policy(t->pid, "gid_map", &req->gid, c, true, &gid_grant, f)) < 0)
		return r;
	/* What the kernel would refuse only at the write, which would leave
	 * the maps written before it: refused here, before any. */
	if ((r = check_capable(t->pid, "uid_map", &req->uid, c->may_setuid, c->uid,
			       c->map_helper[0], &ret->by_helper[0], f)) < 0 ||
	    (r = check_capable(t->pid, "gid_map", &req->gid, c->may_setgid, c->gid,
			       c->map_helper[1], &ret->by_helper[1], f)) < 0 ||
	    (r = check_mapped_here(t->pid, "uid_map", &req->uid, &self_ns, f)) < 0 ||
	    (r = check_mapped_here(t->pid, "gid_map", &req->gid, &self_ns, f)) < 0)
		return r;
	return check_setgroups(t, req, c, gid_grant, &ret->setgroups, f);
}

/* ---- writing ---- */

static int write_failed(pid_t pid, const char *file, int err, struct nsk_failure *f)
{
	if (err == -ESRCH || err == -ENOENT) {
		at_process(f, pid);
		return nsk_fail_detail(f, err, "has exited");
	}
	at_file(f, pid, file);
	if (err == -EPERM)
		nsk_fail_detail(f, err, "the kernel refused it: %s (mapping more than your own "
				"id needs CAP_SETUID and CAP_SETGID: root, or nsmap installed with "
				"file capabilities)", nsk_strerror(err));
	return err;
}

/* Run the map helper prog as shadow's tools are run: prog fd:N INNER
 * OUTER COUNT..., N being the target's /proc directory (no PID to be
 * reused). Its stderr is read into f's detail, its first line only. */
static int run_helper(const struct target *t, const char *prog, const char *file,
		      const struct idmap *m, struct nsk_failure *f)
{
	char *argv[2 + 3 * IDMAP_MAX_RANGES + 1];
	static char nums[3 * IDMAP_MAX_RANGES][12];
	char fdarg[16], said[NSK_DETAIL_MAX] = "";
	int pipefd[2], status, n = 0;
	ssize_t len;
	pid_t pid;

	snprintf(fdarg, sizeof(fdarg), "fd:%d", t->procfd);
	argv[n++] = (char *)prog;
	argv[n++] = fdarg;
	for (unsigned i = 0; i < m->count; i++) {
		const uint32_t v[3] = { m->ranges[i].inner, m->ranges[i].outer, m->ranges[i].count };

		for (int j = 0; j < 3; j++) {
			snprintf(nums[3 * i + (unsigned)j], sizeof(nums[0]), "%u", v[j]);
			argv[n++] = nums[3 * i + (unsigned)j];
		}
	}
	argv[n] = NULL;
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return nsk_fail(f, -errno, "running it", "%s", prog);
	if ((pid = fork()) < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return nsk_fail(f, -errno, "running it", "%s", prog);
	}
	if (pid == 0) {
		/* the target's directory, open across exec; stderr to us */
		/* (redirects the program's fd 2: nothing of ours is printed) */
		if (fcntl(t->procfd, F_SETFD, 0) < 0 || dup2(pipefd[1], 2) < 0)
			_exit(127);
		execv(prog, argv);
		_exit(127);
	}
	close(pipefd[1]);
	len = read(pipefd[0], said, sizeof(said) - 1);
	close(pipefd[0]);
	said[len > 0 ? len : 0] = '\0';
	said[strcspn(said, "\n")] = '\0';
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	at_file(f, t->pid, file);
	return nsk_fail_detail(f, -EPERM, "%s refused it: %s", prog,
			       *said ? said : "(it said nothing)");
}

int mapwrite_apply(const struct target *t, const struct mapwrite_request *req,
		   const struct mapwrite_plan *plan, const struct idpolicy_caller *c,
		   struct nsk_failure *f)
{
	int r;

	/* setgroups before gid_map: the kernel fixes it once gid_map is
	 * written. (newgidmap denies it itself when no grant is used, and
	 * leaves an allow as it is.) */
	if (plan->setgroups >= 0 && !(plan->by_helper[1] && plan->setgroups == 1) &&
	    (r = idmap_write_setgroups_at(t->procfd, plan->setgroups)) < 0)
		return write_failed(t->pid, "setgroups", r, f);
	if (req->uid.count && plan->by_helper[0])
		r = run_helper(t, c->map_helper[0], "uid_map", &req->uid, f);
	else if (req->uid.count && (r = idmap_write_at(t->procfd, "uid_map", &req->uid)) < 0)
		r = write_failed(t->pid, "uid_map", r, f);
	else
		r = 0;
	if (r < 0)
		return r;
	if (req->gid.count && plan->by_helper[1])
		return run_helper(t, c->map_helper[1], "gid_map", &req->gid, f);
	if (req->gid.count && (r = idmap_write_at(t->procfd, "gid_map", &req->gid)) < 0)
		return write_failed(t->pid, "gid_map", r, f);
	return 0;
}
