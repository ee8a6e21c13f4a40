/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsmap run as newuidmap or newgidmap (by that name: a link, or make
 * install --enable-shadow-compat): shadow's command line, rules, messages
 * and exit statuses, so that a distribution or a user can swap them in.
 *
 *   newuidmap PID|fd:N UID LOWERUID COUNT [UID LOWERUID COUNT]...
 *   newgidmap PID|fd:N GID LOWERGID COUNT [GID LOWERGID COUNT]...
 *
 * Shadow's rules, not nsmap's: the caller must have a passwd entry whose
 * uid is its real uid and (unless login.defs sets GRANT_AUX_GROUP_SUBIDS)
 * whose gid is its real gid; the target (the owner of /proc/PID) must have
 * the caller's uid and real gid; each range is either within the caller's
 * /etc/subuid (subgid) grants or the caller's own id alone — root too.
 * newgidmap denies setgroups unless some range came from a subgid grant
 * (CVE-2018-7169). Every failure prints one line and exits 1, as shadow. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "idmap.h"
#include "logindefs.h"
#include "mapwrite.h"
#include "nsmap.h"
#include "parse.h"
#include "readfile.h"
#include "subid.h"
#include "target.h"

#define LOGIN_DEFS "/etc/login.defs"

struct shadow_run {
	bool is_gid;
	const char *prog;		/* "newuidmap" or "newgidmap" */
	const char *kind;		/* "uid" or "gid" */
};

/* One line on stderr, shadow's own words; then exit 1. */
__attribute__((format(printf, 2, 3), noreturn))
static void die(const struct shadow_run *s, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", s->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_FAILURE);
}

__attribute__((noreturn))
static void usage(const struct shadow_run *s)
{
	fprintf(stderr, "usage: %s [<pid>|fd:<pidfd>] <%s> <lower%s> <count> "
		"[ <%s> <lower%s> <count> ] ... \n", s->prog, s->kind, s->kind, s->kind, s->kind);
	exit(EXIT_FAILURE);
}

/* fd:N — an open /proc/PID directory of the caller's: the same process
 * as the pidfd we open for its PID (a reused PID has another /proc/PID
 * dentry, so another inode). */
static int open_from_fd(const char *num, struct target *t)
{
	uint32_t fd;
	char link[64], path[64];
	pid_t pid;
	ssize_t n;
	struct stat given, ours;

	if (parse_u32(num, &fd) < 0 || fd > INT_MAX)
		return -EINVAL;
	snprintf(link, sizeof(link), "/proc/self/fd/%u", fd);
	if ((n = readlink(link, path, sizeof(path) - 1)) < 0)
		return -errno;
	path[n] = '\0';
	if (strncmp(path, "/proc/", 6) != 0 || parse_pid(path + 6, &pid) < 0)
		return -EINVAL;
	if (target_open_pid(t, pid) < 0 || fstat((int)fd, &given) < 0 ||
	    fstat(t->procfd, &ours) < 0)
		return -ESRCH;
	return given.st_dev == ours.st_dev && given.st_ino == ours.st_ino ? 0 : -ESRCH;
}

static void open_shadow_target(const struct shadow_run *s, const char *arg, struct target *t)
{
	pid_t pid;

	if (strncmp(arg, "fd:", 3) == 0 && arg[3]) {
		if (open_from_fd(arg + 3, t) < 0)
			usage(s);
	} else if (parse_pid(arg, &pid) < 0 || target_open_pid(t, pid) < 0) {
		usage(s);
	}
}

static bool grant_aux_group_subids(void)
{
	_cleanup_free_ char *text = NULL;
	size_t len;

	if (readfile_at_alloc(AT_FDCWD, LOGIN_DEFS, &text, &len) < 0)
		return false;
	return logindefs_bool(text, len, "GRANT_AUX_GROUP_SUBIDS");
}

/* The caller's passwd entry must be its real ids, and the target its. */
static void check_owner(const struct shadow_run *s, const struct passwd *pw, const struct target *t)
{
	struct stat st;
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (fstat(t->procfd, &st) < 0)
		die(s, "Could not stat directory for target process: %s", strerror(errno));
	if (uid != pw->pw_uid || (!grant_aux_group_subids() && gid != pw->pw_gid) ||
	    pw->pw_uid != st.st_uid || gid != st.st_gid)
		die(s, "Target process %d is owned by a different user: uid:%lu pw_uid:%lu "
		    "st_uid:%lu, gid:%lu pw_gid:%lu st_gid:%lu", (int)t->pid, (unsigned long)uid,
		    (unsigned long)pw->pw_uid, (unsigned long)st.st_uid, (unsigned long)gid,
		    (unsigned long)pw->pw_gid, (unsigned long)st.st_gid);
}

/* The caller's grants: the file must exist (shadow opens it). */
static void load_grants(const struct shadow_run *s, const struct passwd *pw,
			struct subid_grants *g)
{
	const char *path = s->is_gid ? MAPWRITE_SUBGID : MAPWRITE_SUBUID;
	int r;

	if (access(path, R_OK) < 0)
		die(s, "cannot open %s: %s", path, strerror(errno));
	if ((r = subid_read(path, pw->pw_name, pw->pw_uid, g)) < 0)
		die(s, "cannot open %s: %s", path, strerror(-r));
}

/* The ranges of argv, "ID LOWERID COUNT" triples, as shadow parses them:
 * decimal, each end within 32 bits. */
static void parse_ranges(const struct shadow_run *s, int argc, char **argv, struct idmap *m)
{
	if (argc <= 0)
		usage(s);
	if (argc % 3)
		usage(s);	/* shadow says more, on three lines; the usage says it all */
	if (argc / 3 > IDMAP_MAX_RANGES)
		die(s, "write to %s_map failed: %s", s->kind, strerror(EINVAL));
	m->count = 0;
	for (int i = 0; i < argc; i += 3) {
		uint64_t v[3];

		for (int j = 0; j < 3; j++)
			if (parse_uint(argv[i + j], UINT64_MAX, &v[j]) < 0)
				usage(s);
		if (v[0] > UINT_MAX || v[1] > UINT_MAX || v[2] > UINT_MAX ||
		    v[0] + v[2] > UINT_MAX || v[1] + v[2] > UINT_MAX)
			die(s, "subuid overflow detected.");
		if (idmap_add(m, (struct idmap_range){ .inner = (uint32_t)v[0], .outer = (uint32_t)v[1],
						       .count = (uint32_t)v[2] }) < 0)
			die(s, "write to %s_map failed: %s", s->kind, strerror(ENOMEM));
	}
}

/* Each range is granted, or the caller's own id alone (newgidmap: its
 * real gid). Whether some range used a grant: then setgroups may stay. */
static bool verify_ranges(const struct shadow_run *s, const struct idmap *m,
			  const struct subid_grants *g, uint32_t own)
{
	bool used_grant = false;

	for (unsigned i = 0; i < m->count; i++) {
		const struct idmap_range *r = &m->ranges[i];

		if (r->count && subid_covers(g, r->outer, r->count))
			used_grant = true;
		else if (!(r->count == 1 && r->outer == own))
			die(s, "%s range [%lu-%lu) -> [%lu-%lu) not allowed", s->kind,
			    (unsigned long)r->inner, (unsigned long)r->inner + r->count,
			    (unsigned long)r->outer, (unsigned long)r->outer + r->count);
	}
	return used_grant;
}

/* newgidmap: setgroups "deny" unless a grant was used, written only when
 * it is not already (the file takes one write); shadow warns and goes on
 * on a kernel without the file. */
static int plan_setgroups(const struct shadow_run *s, const struct target *t, bool used_grant)
{
	int now;

	if (!s->is_gid || used_grant)
		return -1;
	now = idmap_read_setgroups_at(t->procfd);
	if (now == -ENOENT) {
		fprintf(stderr, "%s: kernel doesn't support setgroups restrictions\n", s->prog);
		return -1;
	}
	if (now < 0)
		die(s, "couldn't open process setgroups: %s", strerror(-now));
	return now == 0 ? -1 : 0;
}

int nsmap_shadow_main(int argc, char **argv, bool is_gid)
{
	const struct shadow_run s = { is_gid, is_gid ? "newgidmap" : "newuidmap",
				      is_gid ? "gid" : "uid" };
	const char *file = is_gid ? "gid_map" : "uid_map";
	static struct subid_grants grants;
	static struct idmap map;
	struct target t = TARGET_INIT;
	struct passwd *pw;
	int setgroups, r;

	if (argc < 2)
		usage(&s);
	open_shadow_target(&s, argv[1], &t);
	if (!(pw = getpwuid(getuid())))
		die(&s, "Cannot determine your user name.");
	check_owner(&s, pw, &t);
	load_grants(&s, pw, &grants);
	parse_ranges(&s, argc - 2, argv + 2, &map);
	setgroups = plan_setgroups(&s, &t, verify_ranges(&s, &map, &grants,
							 is_gid ? getgid() : pw->pw_uid));
	if (setgroups == 0 && (r = idmap_write_setgroups_at(t.procfd, false)) < 0)
		die(&s, "failed to setgroups deny policy: %s", nsk_strerror(r));
	if ((r = idmap_write_at(t.procfd, file, &map)) < 0)
		die(&s, "write to %s failed: %s", file, nsk_strerror(r));
	return EXIT_SUCCESS;
}
