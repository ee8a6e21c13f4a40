#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cggroup.h"
#include "cleanup.h"
#include "parse.h"

int cg_write_at(int dirfd, const char *file, const char *value)
{
	_cleanup_close_ int fd = openat(dirfd, file, O_WRONLY | O_CLOEXEC);
	size_t len = strlen(value);

	if (fd < 0)
		return -errno;
	/* A control file takes a value in a single write. */
	ssize_t n = write(fd, value, len);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

int cg_read_at(int dirfd, const char *file, char *buf, size_t size)
{
	_cleanup_close_ int fd = openat(dirfd, file, O_RDONLY | O_CLOEXEC);
	size_t len = 0;

	if (fd < 0)
		return -errno;
	while (len + 1 < size) {
		ssize_t n = read(fd, buf + len, size - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	while (len > 0 && buf[len - 1] == '\n')
		len--;
	buf[len] = '\0';
	return 0;
}

static int write_path(const char *dir, const char *file, const char *value)
{
	_cleanup_close_ int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);

	return dfd < 0 ? -errno : cg_write_at(dfd, file, value);
}

static int read_path(const char *dir, const char *file, char *buf, size_t size)
{
	_cleanup_close_ int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);

	return dfd < 0 ? -errno : cg_read_at(dfd, file, buf, size);
}

unsigned cg_hiers_for(const struct cg_sys *sys, unsigned ctrls)
{
	unsigned mask = 0;

	for (unsigned i = 0; i < sys->n; i++)
		if (sys->h[i].v2 || (sys->h[i].ctrls & ctrls))
			mask |= 1u << i;
	return mask;
}

int cg_group_init(struct cg_group *g, const struct cg_sys *sys, const char *parent,
		  const char *name, unsigned mask)
{
	char path[4096], dir[4096];
	int r;

	memset(g, 0, sizeof(*g));
	g->sys = sys;
	for (unsigned i = 0; i < sys->n; i++) {
		if (!(mask & (1u << i)))
			continue;
		if ((r = cg_resolve(&sys->h[i], parent, name, path, sizeof(path))) < 0)
			return r;
		if (cg_dir(&sys->h[i], path, dir, sizeof(dir)) < 0)
			continue;	/* not visible through this mount */
		g->path[i] = strdup(path);
		g->dir[i] = strdup(dir);
		if (!g->path[i] || !g->dir[i])
			return -ENOMEM;
	}
	return 0;
}

void cg_group_free(struct cg_group *g)
{
	for (unsigned i = 0; i < CG_MAX_HIER; i++) {
		free(g->path[i]);
		free(g->dir[i]);
	}
	for (unsigned i = 0; i < g->nmade; i++)
		free(g->made[i]);
	memset(g, 0, sizeof(*g));
}

static void drop(struct cg_group *g, unsigned i)
{
	free(g->path[i]);
	free(g->dir[i]);
	g->path[i] = g->dir[i] = NULL;
}

int cg_group_existing(struct cg_group *g)
{
	bool any = false;

	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i])
			continue;
		if (access(g->dir[i], F_OK) < 0)
			drop(g, i);
		else
			any = true;
	}
	return any ? 0 : -ENOENT;
}

bool cg_group_complete(const struct cg_group *g)
{
	for (unsigned i = 0; i < g->sys->n; i++)
		if (g->dir[i] && access(g->dir[i], F_OK) < 0)
			return false;
	return true;
}

const char *cg_group_dir_for(const struct cg_group *g, int ctrl, bool v2)
{
	if (v2 || ctrl == CG_CORE)
		return g->sys->v2 >= 0 ? g->dir[g->sys->v2] : NULL;
	int i = g->sys->ctrl_hier[ctrl];
	return i >= 0 ? g->dir[i] : NULL;
}

static void fail_at(struct cg_group *g, const char *dir, const char *file)
{
	if (snprintf(g->failing, sizeof(g->failing), "%s%s%s", dir, file ? "/" : "",
		     file ? file : "") < 0)
		g->failing[0] = '\0';
}

/* v1 cpuset: a new group starts with empty cpus and mems and can hold no
 * process until they are set; take the parent's. */
static int cpuset_init(struct cg_group *g, const char *dir)
{
	static const char *const files[] = { "cpuset.cpus", "cpuset.mems" };
	char parent[4096], value[4096];
	char *slash;
	int r;

	snprintf(parent, sizeof(parent), "%s", dir);
	if ((slash = strrchr(parent, '/')))
		*slash = '\0';
	for (int i = 0; i < 2; i++) {
		if ((r = read_path(parent, files[i], value, sizeof(value))) < 0 ||
		    (r = write_path(dir, files[i], value)) < 0) {
			fail_at(g, dir, files[i]);
			return r;
		}
	}
	return 0;
}

static int mkdir_p(struct cg_group *g, unsigned h, const char *dir, bool exclusive)
{
	char buf[4096];
	size_t base = strlen(g->sys->h[h].mount);
	bool is_cpuset = !g->sys->h[h].v2 && (g->sys->h[h].ctrls & CG_BIT(CG_CPUSET));
	int r;

	snprintf(buf, sizeof(buf), "%s", dir);
	for (char *p = buf + base + 1; p;) {
		char *slash = strchr(p, '/');
		if (slash)
			*slash = '\0';
		if (mkdir(buf, 0755) == 0) {
			if (g->nmade == CG_MAX_MADE || !(g->made[g->nmade] = strdup(buf))) {
				rmdir(buf);
				return -ENOMEM;
			}
			g->nmade++;
			if (is_cpuset && (r = cpuset_init(g, buf)) < 0)
				return r;
		} else if (errno != EEXIST || (exclusive && !slash)) {
			fail_at(g, buf, NULL);
			return -errno;
		}
		if (slash)
			*slash = '/';
		p = slash ? slash + 1 : NULL;
	}
	return 0;
}

int cg_group_create(struct cg_group *g, bool exclusive)
{
	int r;

	/* Exclusive: the group's own mkdir must be the one that makes it
	 * (EEXIST otherwise), so only what this run made is ever undone. */
	for (unsigned i = 0; i < g->sys->n; i++)
		if (g->dir[i] && strcmp(g->path[i], "/") &&
		    (r = mkdir_p(g, i, g->dir[i], exclusive)) < 0)
			return r;
	return 0;
}

static bool word_in(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; (p = strstr(p, word)); p += n)
		if ((p == text || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0' || p[n] == '\n'))
			return true;
	return false;
}

static int enable_one(struct cg_group *g, const char *dir, int ctrl)
{
	char have[512], cmd[40];
	int r;

	if ((r = read_path(dir, "cgroup.subtree_control", have, sizeof(have))) < 0) {
		fail_at(g, dir, "cgroup.subtree_control");
		return r;
	}
	if (word_in(have, cg_ctrl_name(ctrl)))
		return 0;
	snprintf(cmd, sizeof(cmd), "+%s", cg_ctrl_name(ctrl));
	if ((r = write_path(dir, "cgroup.subtree_control", cmd)) < 0) {
		fail_at(g, dir, NULL);	/* EBUSY: this cgroup holds processes */
		return r;
	}
	return 0;
}

int cg_group_enable(struct cg_group *g, unsigned ctrls)
{
	int v2 = g->sys->v2;
	char buf[4096];
	int r;

	if (v2 < 0 || !g->dir[v2] || !ctrls)
		return 0;
	snprintf(buf, sizeof(buf), "%s", g->dir[v2]);
	char *last = strrchr(buf, '/');
	/* Every ancestor from the mount's root down to the group's parent. */
	for (char *p = buf + strlen(g->sys->h[v2].mount); p && p <= last; p = strchr(p + 1, '/')) {
		char saved = *p;
		*p = '\0';
		for (int c = 0; c < CG_NCTRL; c++)
			if ((ctrls & CG_BIT(c)) && (r = enable_one(g, buf, c)) < 0)
				return r;
		*p = saved;
	}
	return 0;
}

static int check_exists(struct cg_group *g, const struct cg_write *w)
{
	const char *dir = cg_group_dir_for(g, w->ctrl, w->v2);
	char path[4096];

	if (!dir) {
		snprintf(g->failing, sizeof(g->failing), "%s", w->file);
		return -ENOENT;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, w->file);
	if (access(path, F_OK) < 0) {
		fail_at(g, dir, w->file);
		return -errno;
	}
	return 0;
}

static int read_u64(const char *dir, const char *file, uint64_t *ret)
{
	char buf[32];
	int r = read_path(dir, file, buf, sizeof(buf));

	if (r < 0)
		return r;
	return parse_uint(buf, UINT64_MAX, ret) < 0 ? -EINVAL : 0;
}

/* v1 memory.limit_in_bytes alone: memsw (memory + swap) moves with it so
 * the swap allowance stays what it was, as memory.max leaves swap.max on
 * v2; the kernel wants limit <= memsw at every step. */
static int write_keeping_swap(struct cg_group *g, const char *dir, const struct cg_write *w)
{
	static const char *const memsw_file = "memory.memsw.limit_in_bytes";
	uint64_t limit, memsw, want;
	char text[32];
	int r;

	if (read_u64(dir, memsw_file, &memsw) < 0 || memsw >= CGKEY_V1_UNLIMITED ||
	    read_u64(dir, "memory.limit_in_bytes", &limit) < 0)
		return write_path(dir, w->file, w->value);	/* no swap limit to keep */
	if (!strcmp(w->value, "-1"))
		want = UINT64_MAX;
	else if (parse_uint(w->value, UINT64_MAX, &want) < 0)
		return -EINVAL;
	uint64_t swap = memsw > limit ? memsw - limit : 0;
	if (want > UINT64_MAX - swap || want == UINT64_MAX)
		snprintf(text, sizeof(text), "-1");
	else
		snprintf(text, sizeof(text), "%llu", (unsigned long long)(want + swap));
	if (want > limit) {
		if ((r = write_path(dir, memsw_file, text)) < 0) {
			fail_at(g, dir, memsw_file);
			return r;
		}
		return write_path(dir, w->file, w->value);
	}
	if ((r = write_path(dir, w->file, w->value)) < 0)
		return r;
	if ((r = write_path(dir, memsw_file, text)) < 0)
		fail_at(g, dir, memsw_file);
	return r;
}

static int write_one(struct cg_group *g, const struct cg_write *w)
{
	const char *dir = cg_group_dir_for(g, w->ctrl, w->v2);
	char value[64];
	const char *v = w->value;
	uint64_t a, b;
	int r;

	if (w->plus_memory) {
		/* v1 memsw = memory limit + swap */
		if ((r = read_path(dir, "memory.limit_in_bytes", value, sizeof(value))) < 0)
			return r;
		if (parse_uint(value, UINT64_MAX, &a) < 0 || parse_uint(w->value, UINT64_MAX, &b) < 0)
			return -EINVAL;
		snprintf(value, sizeof(value), "%llu", (unsigned long long)(a + b < a ? UINT64_MAX : a + b));
		v = value;
	}
	r = w->keep_swap ? write_keeping_swap(g, dir, w) : write_path(dir, w->file, v);
	if (r < 0 && !g->failing[0])
		fail_at(g, dir, w->file);
	return r;
}

int cg_group_apply(struct cg_group *g, const struct cg_write *w, unsigned n)
{
	int r;

	for (unsigned i = 0; i < n; i++)
		if ((r = check_exists(g, &w[i])) < 0)
			return r;
	for (unsigned i = 0; i < n; i++) {
		g->failing[0] = '\0';
		r = write_one(g, &w[i]);
		/* v1 refuses memory.limit_in_bytes above memsw.limit_in_bytes:
		 * when the memsw write that follows raises it, make it first. */
		if (r == -EINVAL && i + 1 < n && !strcmp(w[i].file, "memory.limit_in_bytes") &&
		    !strcmp(w[i + 1].file, "memory.memsw.limit_in_bytes")) {
			if ((r = write_one(g, &w[i + 1])) == 0 && (r = write_one(g, &w[i])) == 0)
				i++;
		}
		if (r < 0)
			return r;
	}
	return 0;
}

/* Controllers enabled in ancestors that existed before stay enabled:
 * another group may have come to rely on them meanwhile, and disabling
 * would take them away from it (or fail with EBUSY). */
void cg_group_undo(struct cg_group *g)
{
	for (unsigned i = g->nmade; i-- > 0;)
		if (rmdir(g->made[i]) < 0 && errno != ENOENT)
			fprintf(stderr, "%s: warning: %s: left behind: %s\n",
				program_invocation_short_name, g->made[i], strerror(errno));
}

int cg_group_join(struct cg_group *g, pid_t pid)
{
	char text[16];
	int r;

	snprintf(text, sizeof(text), "%d", (int)pid);
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i])
			continue;
		if ((r = write_path(g->dir[i], "cgroup.procs", text)) < 0) {
			fail_at(g, g->dir[i], NULL);
			return r;
		}
	}
	return 0;
}

/* Whether dir or a descendant holds a process (v1: walk cgroup.procs). */
static int v1_populated(const char *dir)
{
	char buf[64];
	int r = read_path(dir, "cgroup.procs", buf, sizeof(buf));

	if (r < 0)
		return r == -ENOENT ? 0 : r;
	if (buf[0])
		return 1;
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	struct dirent *e;
	while ((e = readdir(d)) && r == 0) {
		char sub[4096];
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		r = v1_populated(sub);
	}
	closedir(d);
	return r;
}

static int v2_populated(const char *dir)
{
	char buf[256];
	int r = read_path(dir, "cgroup.events", buf, sizeof(buf));

	if (r < 0)
		return r == -ENOENT ? 0 : r;
	return strstr(buf, "populated 1") != NULL;
}

int cg_group_populated(struct cg_group *g)
{
	for (unsigned i = 0; i < g->sys->n; i++) {
		if (!g->dir[i])
			continue;
		int r = g->sys->h[i].v2 ? v2_populated(g->dir[i]) : v1_populated(g->dir[i]);
		if (r != 0) {
			fail_at(g, g->dir[i], NULL);
			return r;
		}
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
		if (!dir || (r = read_path(dir, "freezer.state", buf, sizeof(buf))) < 0)
			return dir ? r : -ENOENT;
		return !strcmp(buf, "FROZEN");
	}
	dir = cg_group_dir_for(g, CG_CORE, true);
	if (!dir || (r = read_path(dir, "cgroup.events", buf, sizeof(buf))) < 0)
		return dir ? r : -ENOENT;
	return strstr(buf, "frozen 1") != NULL;
}

int cg_group_freeze(struct cg_group *g, bool freeze)
{
	struct cgkey_ctx ctx = ctx_of(g);
	struct cg_write w[CGKEY_MAX_WRITES];
	int ctrl, r, n = cgkey_translate(&ctx, "cgroup.freeze", freeze ? "1" : "0", NULL, w, &ctrl);

	if (n < 0)
		return n;
	if ((r = cg_group_apply(g, w, (unsigned)n)) < 0)
		return r;
	/* v1 passes through FREEZING; v2 reports "frozen 1" once every task
	 * stopped. Thawing takes effect at once. */
	for (int i = 0; freeze && i < 2000; i++) {
		if ((r = cg_group_frozen(g)) != 0)
			return r < 0 ? r : 0;
		if (i && ctx.v1_ctrls & CG_BIT(CG_FREEZER))
			cg_group_apply(g, w, (unsigned)n);	/* v1: ask again */
		sleep_ms(5);
	}
	return freeze ? -ETIME : 0;
}

/* Send sig to every process of dir and its descendants; count them. */
static int signal_tree(const char *dir, int sig, unsigned *count)
{
	char buf[65536];
	int r = read_path(dir, "cgroup.procs", buf, sizeof(buf));

	if (r < 0)
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

int cg_group_kill(struct cg_group *g, int sig)
{
	const char *v2dir = cg_group_dir_for(g, CG_CORE, true);
	int frozen = cg_group_frozen(g);
	/* A group frozen by its owner stays frozen for other signals (they
	 * are delivered on thaw); KILL needs the thaw on v1 to take effect. */
	bool can_freeze = frozen >= 0 && !(frozen == 1 && sig != SIGKILL);
	int r;

	if (sig == SIGKILL && v2dir && write_path(v2dir, "cgroup.kill", "1") == 0 &&
	    cg_group_wait_empty(g, 200) == 0)
		return 0;
	/* Freeze so that nothing forks between reading the list and the
	 * signal; v1-frozen tasks die only once thawed, hence the loop. */
	for (int round = 0; round < 100; round++) {
		if (can_freeze && (r = cg_group_freeze(g, true)) < 0)
			return r;
		unsigned n = signal_all(g, sig);
		if (can_freeze && (r = cg_group_freeze(g, false)) < 0)
			return r;
		if (sig != SIGKILL || n == 0)
			return 0;
		if (cg_group_wait_empty(g, 100) == 0)
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

int cg_group_wait_empty(struct cg_group *g, long timeout_ms)
{
	const char *v2dir = cg_group_dir_for(g, CG_CORE, true);
	bool v2_only = g->sys->layout == CG_LAYOUT_UNIFIED;
	_cleanup_close_ int ino = -1;
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	char path[4096];
	int r;

	/* v2: the kernel signals "populated 0" on cgroup.events; with v1
	 * hierarchies too, they are polled as well. */
	if (v2dir && (ino = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) >= 0) {
		snprintf(path, sizeof(path), "%s/cgroup.events", v2dir);
		if (inotify_add_watch(ino, path, IN_MODIFY) < 0)
			closep(&ino);
	}
	for (;;) {
		if ((r = cg_group_populated(g)) <= 0)
			return r;
		long left = deadline < 0 ? -1 : deadline - now_ms();
		if (deadline >= 0 && left <= 0)
			return -ETIME;
		long step = (ino >= 0 && v2_only) ? left : 20;
		if (step < 0 || (left >= 0 && step > left))
			step = left < 0 ? 20 : left;
		if (ino >= 0 && v2_only) {
			struct pollfd pfd = { .fd = ino, .events = POLLIN };
			char ev[4096];
			if (poll(&pfd, 1, step > 1000000 ? 1000000 : (int)step) > 0)
				while (read(ino, ev, sizeof(ev)) > 0)
					;
		} else {
			sleep_ms(step);
		}
	}
}

/* rmdir dir's descendants then dir; an empty cgroup may stay busy for a
 * moment after its last process exited, so EBUSY is retried briefly. */
static int remove_tree(struct cg_group *g, const char *dir)
{
	DIR *d = opendir(dir);
	int r = 0;

	if (!d)
		return errno == ENOENT ? 0 : -errno;
	struct dirent *e;
	while ((e = readdir(d)) && r == 0) {
		char sub[4096];
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		r = remove_tree(g, sub);
	}
	closedir(d);
	if (r < 0)
		return r;
	for (int i = 0; rmdir(dir) < 0; i++) {
		if (errno == ENOENT)
			return 0;
		if (errno != EBUSY || i == 50) {
			fail_at(g, dir, NULL);
			return -errno;
		}
		sleep_ms(10);
	}
	return 0;
}

int cg_group_remove(struct cg_group *g)
{
	int r;

	for (unsigned i = 0; i < g->sys->n; i++)
		if (g->dir[i] && strcmp(g->path[i], "/") && (r = remove_tree(g, g->dir[i])) < 0)
			return r;
	return 0;
}
