/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgstate.h"
#include "cleanup.h"
#include "err.h"
#include "init.h"
#include "parse.h"
#include "readfile.h"

/* Whether the group open at dirfd or a descendant holds a process (v1 has
 * no populated flag: walk cgroup.procs). kernfs counts a directory's
 * subdirectories in its link count, so a leaf costs no readdir. */
static int v1_populated_at(int dirfd)
{
	char buf[64];
	struct stat st;
	int r = cg_read_at(dirfd, "cgroup.procs", buf, sizeof(buf));

	if (r < 0)
		return r == -ENOENT ? 0 : r;
	if (buf[0])
		return 1;
	if (fstat(dirfd, &st) < 0)
		return -errno;
	if (st.st_nlink <= 2)
		return 0;
	int listfd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = listfd >= 0 ? fdopendir(listfd) : NULL;
	if (!d) {
		r = errno == ENOENT ? 0 : -errno;
		if (listfd >= 0)
			close(listfd);
		return r;
	}
	struct dirent *e;
	while ((e = readdir(d)) && r == 0) {
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		_cleanup_close_ int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		r = sub >= 0 ? v1_populated_at(sub) : errno == ENOENT ? 0 : -errno;
	}
	closedir(d);
	return r;
}

static int v1_populated(const char *dir)
{
	_cleanup_close_ int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? 0 : -errno;
	return v1_populated_at(fd);
}

static int v2_populated(const char *dir)
{
	char buf[256];
	int r = cg_read_path(dir, "cgroup.events", buf, sizeof(buf));

	if (r < 0)
		return r == -ENOENT ? 0 : r;
	return strstr(buf, "populated 1") != NULL;
}

int cg_group_populated_joined(struct cg_group *g, struct nsk_failure *f)
{
	const char *v2dir = cg_group_dir_for(g, CG_CORE, true);
	int r;

	if (!v2dir)
		return cg_group_populated(g, f);
	if ((r = v2_populated(v2dir)) != 0)
		cg_fail_at(f, r, v2dir, NULL);
	return r;
}

int cg_group_populated(struct cg_group *g, struct nsk_failure *f)
{
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i])
			continue;
		int r = g->sys->h[i].v2 ? v2_populated(g->dir[i]) : v1_populated(g->dir[i]);
		if (r != 0)
			return cg_fail_at(f, r, g->dir[i], NULL);
	}
	return 0;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static struct cgkey_ctx ctx_of(const struct cg_group *g)
{
	struct cgkey_ctx ctx;

	cgkey_ctx_from_sys(g->sys, &ctx);
	return ctx;
}

int cg_group_frozen(struct cg_group *g)
{
	struct cgkey_ctx ctx = ctx_of(g);
	const char *dir;
	char buf[256];
	int r;

	if (ctx.v1_ctrls & CG_BIT(CG_FREEZER)) {
		dir = cg_group_dir_for(g, CG_FREEZER, false);
		if (!dir || (r = cg_read_path(dir, "freezer.state", buf, sizeof(buf))) < 0)
			return dir ? r : -ENOENT;
		return !strcmp(buf, "FROZEN");
	}
	dir = cg_group_dir_for(g, CG_CORE, true);
	if (!dir || (r = cg_read_path(dir, "cgroup.events", buf, sizeof(buf))) < 0)
		return dir ? r : -ENOENT;
	return strstr(buf, "frozen 1") != NULL;
}

int cg_group_freeze(struct cg_group *g, bool freeze, struct nsk_failure *f)
{
	struct cgkey_ctx ctx = ctx_of(g);
	struct cg_write w[CGKEY_MAX_WRITES];
	int ctrl, r, n = cgkey_translate(&ctx, "cgroup.freeze", freeze ? "1" : "0", NULL, w, &ctrl);

	if (n < 0)
		return n;
	if ((r = cg_group_apply(g, w, (unsigned)n, f)) < 0)
		return r;
	/* v1 passes through FREEZING; v2 reports "frozen 1" once every task
	 * stopped. Thawing takes effect at once. */
	for (int i = 0; freeze && i < 2000; i++) {
		if ((r = cg_group_frozen(g)) > 0)
			return 0;
		if (r < 0)
			break;
		if (i && ctx.v1_ctrls & CG_BIT(CG_FREEZER))
			cg_group_apply(g, w, (unsigned)n, NULL);	/* v1: ask again */
		sleep_ms(5);
	}
	if (!freeze)
		return 0;
	/* not frozen in time: leave it running, as it was */
	cg_group_freeze(g, false, NULL);
	return r < 0 ? r : -ETIME;
}

/* Send sig to every process of dir and its descendants; count them. */
static int signal_tree(const char *dir, int sig, unsigned *count)
{
	_cleanup_free_ char *buf = NULL;
	char path[4096];
	int r;

	/* whole: a buffer of any fixed size could cut the last PID short */
	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	if ((r = readfile_at_alloc(AT_FDCWD, path, &buf, NULL)) < 0)
		return r == -ENOENT ? 0 : r;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		pid_t pid;
		if (parse_pid(line, &pid) == 0 && kill(pid, sig) == 0)
			(*count)++;
	}
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char sub[4096];
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		signal_tree(sub, sig, count);
	}
	closedir(d);
	return 0;
}

static unsigned signal_all(struct cg_group *g, int sig)
{
	unsigned count = 0;

	for (unsigned i = 0; i < g->sys->n; i++)
		if (g->dir[i])
			signal_tree(g->dir[i], sig, &count);
	return count;
}

int cg_group_kill(struct cg_group *g, int sig, struct nsk_failure *f)
{
	const char *v2dir = cg_group_dir_for(g, CG_CORE, true);
	int frozen = cg_group_frozen(g);
	/* A group frozen by its owner stays frozen for other signals (they
	 * are delivered on thaw); KILL needs the thaw on v1 to take effect. */
	bool can_freeze = frozen >= 0 && !(frozen == 1 && sig != SIGKILL);
	int r;

	if (sig == SIGKILL && v2dir && cg_write_path(v2dir, "cgroup.kill", "1") == 0 &&
	    cg_group_wait_empty(g, 200, NULL) == 0)
		return 0;
	/* Freeze so that nothing forks between reading the list and the
	 * signal; v1-frozen tasks die only once thawed, hence the loop. */
	for (int round = 0; round < 100; round++) {
		sigset_t held, mask;
		unsigned n;

		/* a signal that ends us acts only once the group is thawed */
		r = 0;
		init_block_ending(&held, &mask);
		if (can_freeze && (r = cg_group_freeze(g, true, f)) < 0) {
			cg_group_freeze(g, false, NULL);	/* never leave it frozen */
			sigprocmask(SIG_SETMASK, &mask, NULL);
			return r;
		}
		n = signal_all(g, sig);
		if (can_freeze && (r = cg_group_freeze(g, false, f)) < 0)
			cg_group_freeze(g, false, NULL);	/* once more */
		sigprocmask(SIG_SETMASK, &mask, NULL);	/* thawed: a held signal acts now */
		if (r < 0)
			return r;
		if (sig != SIGKILL || n == 0)
			return 0;
		if (cg_group_wait_empty(g, 100, f) == 0)
			return 0;
	}
	return -EBUSY;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The next pause of a poll: short at first, since a killed group usually
 * empties within a millisecond or two, then up to 20 ms. */
static long next_pause(long *pause_ms, long left)
{
	long p = *pause_ms;

	*pause_ms = p >= 10 ? 20 : p * 2;
	return left >= 0 && left < p ? left : p;
}

/* Wait up to wait_ms (-1: no limit) for cgroup.events behind fd to change.
 * kernfs wakes poll() with POLLPRI on a change since the last read; an
 * inotify watch would do too, but closing an inotify instance waits for
 * an SRCU grace period (milliseconds), longer than most waits here. */
static void wait_event(int fd, long wait_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLPRI };
	char buf[256];

	if (poll(&pfd, 1, wait_ms < 0 || wait_ms > INT_MAX ? -1 : (int)wait_ms) > 0)
		(void)!pread(fd, buf, sizeof(buf), 0);	/* re-arms the event */
}

int cg_group_wait_empty(struct cg_group *g, long timeout_ms, struct nsk_failure *f)
{
	const char *v2dir = cg_group_dir_for(g, CG_CORE, true);
	bool v2_only = g->sys->layout == CG_LAYOUT_UNIFIED;
	_cleanup_close_ int events = -1;
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms, pause_ms = 1;
	char path[4096], buf[256];
	int r;

	if ((r = cg_group_populated(g, f)) <= 0)
		return r;
	/* "populated 0" comes as an event on cgroup.events of v2 (the unified
	 * hierarchy of a hybrid layout too); v1 hierarchies have no such
	 * event, so with them it only wakes the poll early. The file is read
	 * once after opening, so that a change from then on wakes poll(). */
	if (v2dir) {
		snprintf(path, sizeof(path), "%s/cgroup.events", v2dir);
		if ((events = open(path, O_RDONLY | O_CLOEXEC)) >= 0)
			(void)!pread(events, buf, sizeof(buf), 0);
	}
	for (;;) {
		if ((r = cg_group_populated(g, f)) <= 0)
			return r;
		long left = deadline < 0 ? -1 : deadline - now_ms();
		if (deadline >= 0 && left <= 0)
			return -ETIME;
		long wait_ms = v2_only && events >= 0 ? left : next_pause(&pause_ms, left);
		if (events >= 0)
			wait_event(events, wait_ms);
		else
			sleep_ms(wait_ms);
	}
}

/* dir cannot go: name it (f: the first; g->left: each). */
static int left(struct cg_group *g, const char *dir, int r, struct nsk_failure *f)
{
	if (g->nleft == 0)
		cg_fail_at(f, r, dir, NULL);
	cg_group_note_left(g, dir, NULL, r, false);
	return r;
}

/* rmdir dir, its descendants first if it has any (the common empty leaf
 * costs one rmdir); an empty cgroup may stay busy for a moment after its
 * last process exited, so EBUSY is retried briefly. A child that cannot
 * go does not stop its siblings; dir itself is then left (not named). */
static int remove_tree(struct cg_group *g, const char *dir, struct nsk_failure *f)
{
	int r = 0, r1;

	if (rmdir(dir) == 0 || errno == ENOENT)
		return 0;
	if (errno != EBUSY && errno != ENOTEMPTY)
		return left(g, dir, -errno, f);
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : left(g, dir, -errno, f);
	struct dirent *e;
	while ((e = readdir(d))) {
		char sub[4096];
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		if ((r1 = remove_tree(g, sub, f)) < 0 && r == 0)
			r = r1;
	}
	closedir(d);
	if (r < 0)
		return r;
	long pause_ms = 1, waited_ms = 0;
	while (rmdir(dir) < 0) {
		if (errno == ENOENT)
			return 0;
		if (errno != EBUSY || waited_ms >= 500)
			return left(g, dir, -errno, f);
		long p = next_pause(&pause_ms, -1);
		sleep_ms(p);
		waited_ms += p;
	}
	return 0;
}

int cg_group_remove_empty(struct cg_group *g)
{
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i] || !strcmp(g->path[i], "/"))
			continue;
		if (rmdir(g->dir[i]) < 0 && errno != ENOENT)
			return -errno;
		cg_group_forget_made(g, g->dir[i]);
	}
	return 0;
}

int cg_group_remove(struct cg_group *g, struct nsk_failure *f)
{
	int r = 0, r1;

	/* every hierarchy, even after one failed (libcgroup's cgdelete
	 * stops at the first and says nothing of the rest) */
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i] || !strcmp(g->path[i], "/"))
			continue;
		if ((r1 = remove_tree(g, g->dir[i], f)) < 0) {
			if (r == 0)
				r = r1;
			continue;
		}
		cg_group_forget_made(g, g->dir[i]);
	}
	return r;
}
