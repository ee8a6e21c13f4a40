/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The floors for bench/nsmap.sh: the least a program can do to map a user
 * namespace, writing setgroups, uid_map and gid_map of /proc/PID with no
 * checks at all; and, with --checked, the same after the steps issue 4
 * requires of nsmap, made as cheaply as a program can and deciding nothing
 * from them: only CAP_SETUID and CAP_SETGID kept (capset), the target
 * opened through a pidfd and checked alive after the reads, the caller's
 * name through NSS, /etc/subuid and /etc/subgid read, the target's user
 * namespace a child of ours and owned by the caller (nsmap(1), RULES:
 * "unless the caller is root: the caller owns that user namespace"), both
 * maps still unwritten; and the writes made with the ending signals
 * blocked (nsmap(1), EXIT STATUS: a signal that comes while the maps are
 * written ends nsmap once they all are). The difference between the two
 * is the price of the rules.
 *
 * --checked is handed the maps' text and decides nothing. --as-tool is the
 * same floor given nsmap's own command line: the options parsed as a tool
 * parses them (getopt_long: --uid=..., option order, abbreviations), the
 * ranges read as numbers, the caller's lines of /etc/subuid and /etc/subgid
 * parsed and each range checked to lie in a grant or be the caller's own
 * id, and the maps' lines formatted: the part of the work the rules ask
 * that --checked leaves to its caller, made as cheaply as libc allows.
 *   nsmap-floor [--checked] PID UID_MAP_TEXT GID_MAP_TEXT
 *   nsmap-floor --as-tool -t PID --uid I:O:C --gid I:O:C */
#define _GNU_SOURCE
#include <linux/capability.h>
#include <sys/syscall.h>
#include <fcntl.h>
#include <getopt.h>
#include <linux/nsfs.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int put(int dir, const char *file, const char *text)
{
	int fd = openat(dir, file, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Read a file whole; its length, -1 if it cannot be read. */
static ssize_t slurp(int dir, const char *file)
{
	char buf[4096];
	ssize_t n, total = 0;
	int fd = openat(dir, file, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	close(fd);
	return total;
}

/* Read a file whole into buf (NUL-terminated); its length, -1 on failure. */
static ssize_t slurp_into(int dir, const char *file, char *buf, size_t size)
{
	ssize_t n, total = 0;
	int fd = openat(dir, file, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((size_t)total < size - 1 && (n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}

static int keep_setid(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3] = { { 0, 0, 0 } };

	d[0].effective = d[0].permitted = 1u << CAP_SETUID | 1u << CAP_SETGID;
	return (int)syscall(SYS_capset, &h, d);
}

struct range { unsigned long inner, outer, count; };

static int parse_range(const char *arg, struct range *r)
{
	char *end;

	r->inner = strtoul(arg, &end, 10);
	if (*end != ':')
		return -1;
	r->outer = strtoul(end + 1, &end, 10);
	if (*end != ':')
		return -1;
	r->count = strtoul(end + 1, &end, 10);
	return *end || !r->count ? -1 : 0;
}

/* NAME of a grant line is the caller: its login name, or its uid in digits
 * (a name that is not all digits is no uid). */
static bool is_caller(const char *name, const struct passwd *pw)
{
	char *end;

	if (!strcmp(name, pw->pw_name))
		return true;
	return *name && strtoul(name, &end, 10) == pw->pw_uid && !*end;
}

/* The range is the caller's own id OWN, or lies in one of the caller's
 * grants in TEXT (lines NAME:FIRST:COUNT). */
static int granted(const struct range *r, unsigned long own, const struct passwd *pw, char *text)
{
	char *save, *line;

	if (r->count == 1 && r->outer == own)
		return 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *first = strchr(line, ':'), *end;
		unsigned long start, count;

		if (!first)
			continue;
		*first++ = '\0';
		start = strtoul(first, &end, 10);
		if (*end != ':')
			continue;
		count = strtoul(end + 1, &end, 10);
		if (is_caller(line, pw) && r->outer >= start && r->outer + r->count <= start + count)
			return 0;
	}
	return -1;
}

/* The ranges --as-tool decides on; NULL for --checked, which decides
 * nothing. */
struct asked {
	const struct range *uid, *gid;
	char *buf;		/* for a grant file's text */
	size_t size;
};

/* Read a grant file and, when asked, decide on it while it is in BUF. */
static int read_grants(const char *file, const struct asked *asked, bool gids,
		       const struct passwd *pw)
{
	if (!asked)
		return slurp(AT_FDCWD, file) < 0 ? -1 : 0;
	if (slurp_into(AT_FDCWD, file, asked->buf, asked->size) < 0)
		return -1;
	return granted(gids ? asked->gid : asked->uid, gids ? getgid() : pw->pw_uid, pw,
		       asked->buf);
}

static int checks(int dir, int pidfd, const struct asked *asked)
{
	struct stat self, parent_st;
	uid_t uid = getuid(), owner;
	struct passwd *pw;
	int ns, parent;

	if (syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 || !(pw = getpwuid(uid)) ||
	    read_grants("/etc/subuid", asked, false, pw) < 0 ||
	    read_grants("/etc/subgid", asked, true, pw) < 0)
		return -1;
	if ((ns = openat(dir, "ns/user", O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	parent = ioctl(ns, NS_GET_PARENT);
	if (parent < 0 || ioctl(ns, NS_GET_OWNER_UID, &owner) < 0)
		return -1;
	close(ns);
	if (stat("/proc/self/ns/user", &self) < 0 || fstat(parent, &parent_st) < 0)
		return -1;
	close(parent);
	if (self.st_ino != parent_st.st_ino || owner != uid)
		return -1;
	if (slurp(dir, "uid_map") != 0 || slurp(dir, "gid_map") != 0)
		return -1;
	return syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 ? -1 : 0;
}

static int put_maps(int dir, const char *uid_map, const char *gid_map)
{
	return put(dir, "setgroups", "deny") < 0 || put(dir, "uid_map", uid_map) < 0 ||
	       put(dir, "gid_map", gid_map) < 0 ? -1 : 0;
}

/* --checked: the same writes with INT, TERM, HUP and QUIT held back. */
static int put_maps_whole(int dir, const char *uid_map, const char *gid_map)
{
	sigset_t ending, old;
	int r;

	sigemptyset(&ending);
	sigaddset(&ending, SIGINT);
	sigaddset(&ending, SIGTERM);
	sigaddset(&ending, SIGHUP);
	sigaddset(&ending, SIGQUIT);
	sigprocmask(SIG_BLOCK, &ending, &old);
	r = put_maps(dir, uid_map, gid_map);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return r;
}

/* --as-tool: nsmap's command line in, the checked floor's steps, and the
 * decisions. */
static int as_tool(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "target", required_argument, NULL, 't' },
		{ "uid", required_argument, NULL, 'u' },
		{ "gid", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 },
	};
	const char *target = NULL;
	struct range uid_range = { 0, 0, 0 }, gid_range = { 0, 0, 0 };
	char uid_map[64], gid_map[64], path[64], grant_text[4096];
	const struct asked asked = { &uid_range, &gid_range, grant_text, sizeof(grant_text) };
	int c, dir, pidfd;

	while ((c = getopt_long(argc, argv, "t:", longopts, NULL)) != -1) {
		if (c == 't')
			target = optarg;
		else if (c != 'u' && c != 'g')
			return 2;
		else if (parse_range(optarg, c == 'u' ? &uid_range : &gid_range) < 0)
			return 2;
	}
	if (!target || !uid_range.count || !gid_range.count || optind != argc || keep_setid() < 0 ||
	    (pidfd = (int)syscall(SYS_pidfd_open, atoi(target), 0)) < 0)
		return 1;
	snprintf(path, sizeof(path), "/proc/%s", target);
	if ((dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    checks(dir, pidfd, &asked) < 0)
		return 1;
	snprintf(uid_map, sizeof(uid_map), "%lu %lu %lu\n", uid_range.inner, uid_range.outer,
		 uid_range.count);
	snprintf(gid_map, sizeof(gid_map), "%lu %lu %lu\n", gid_range.inner, gid_range.outer,
		 gid_range.count);
	return put_maps_whole(dir, uid_map, gid_map) < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
	int checked = argc == 5 && !strcmp(argv[1], "--checked");
	char path[64];
	int dir, pidfd = -1;

	if (argc > 1 && !strcmp(argv[1], "--as-tool"))
		return as_tool(argc - 1, argv + 1);
	argv += checked;
	argc -= checked;
	if (argc != 4)
		return 2;
	if (checked && (keep_setid() < 0 ||
			(pidfd = (int)syscall(SYS_pidfd_open, atoi(argv[1]), 0)) < 0))
		return perror("nsmap-floor"), 1;
	snprintf(path, sizeof(path), "/proc/%s", argv[1]);
	dir = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0 || (checked && checks(dir, pidfd, NULL) < 0) ||
	    (checked ? put_maps_whole : put_maps)(dir, argv[2], argv[3]) < 0) {
		perror("nsmap-floor");
		return 1;
	}
	return 0;
}
