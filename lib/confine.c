/* SPDX-License-Identifier: GPL-2.0-or-later */
/* confine: a process of ours that a container can see gives it nothing of
 * the host (see confine.h). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "cleanup.h"
#include "confine.h"
#include "err.h"
#include "idmap.h"
#include "parse.h"

int fdkeep_parse_preserve(struct fdkeep *k, const char *arg)
{
	uint32_t n;

	/* Descriptors are ints: 3 + N must still be one. */
	if (parse_u32(arg, &n) < 0 || n > INT32_MAX - 3)
		return -EINVAL;
	k->preserve = n;
	return 0;
}

int fdkeep_parse_fd(struct fdkeep *k, const char *arg)
{
	uint32_t fd;

	if (parse_u32(arg, &fd) < 0 || fd < 3 || fd > INT32_MAX)
		return -EINVAL;
	if (k->count >= FDKEEP_MAX)
		return -E2BIG;
	k->fd[k->count++] = (int)fd;
	return 0;
}

bool fdkeep_has(const struct fdkeep *k, int fd)
{
	if (fd >= 0 && fd <= 2)
		return true;
	if (!k || fd < 0)
		return false;
	if ((unsigned)fd - 3 < k->preserve)
		return true;
	for (unsigned i = 0; i < k->count; i++)
		if (k->fd[i] == fd)
			return true;
	return false;
}

/* Descriptors are counted in 64 bits here: a kept INT32_MAX (--keep-fd
 * 2147483647) has a successor that an int cannot hold. */

/* The smallest descriptor >= from that k keeps, or -1. */
static int64_t next_kept(const struct fdkeep *k, int64_t from)
{
	int64_t best = -1;

	if (k && k->preserve && from < 3 + (int64_t)k->preserve)
		best = from < 3 ? 3 : from;
	for (unsigned i = 0; k && i < k->count; i++)
		if (k->fd[i] >= from && (best < 0 || k->fd[i] < best))
			best = k->fd[i];
	return best;
}

/* The first descriptor after the run of kept ones that starts at fd:
 * --preserve-fds N is one run, stepped over at once (N may be 2^31). */
static int64_t kept_run_end(const struct fdkeep *k, int64_t fd)
{
	int64_t end = fd + 1;
	bool grew = true;

	while (grew) {
		grew = false;
		if (k->preserve && end >= 3 && end < 3 + (int64_t)k->preserve) {
			end = 3 + (int64_t)k->preserve;
			grew = true;
		}
		for (unsigned i = 0; i < k->count; i++)
			if (k->fd[i] == end) {
				end++;
				grew = true;
			}
	}
	return end;
}

int fdkeep_close_ranges(const struct fdkeep *k, unsigned (*ret)[2], size_t size)
{
	size_t n = 0;
	int64_t from = 3;

	for (;;) {
		int64_t kept = next_kept(k, from);

		if (kept != from) {	/* a gap: from .. kept-1, or to the end */
			if (n >= size)
				return -E2BIG;
			ret[n][0] = (unsigned)from;
			ret[n][1] = kept < 0 ? ~0U : (unsigned)(kept - 1);
			n++;
		}
		if (kept < 0)
			return (int)n;
		from = kept_run_end(k, kept);
	}
}

int confine_close_fds_but(const struct fdkeep *k, int fd)
{
	unsigned ranges[FDKEEP_MAX + 2][2];
	int n = fdkeep_close_ranges(k, ranges, FDKEEP_MAX + 2);

	if (n < 0)
		return n;
	for (int i = 0; i < n; i++) {
		unsigned first = ranges[i][0], last = ranges[i][1];

		/* fd splits its range in two */
		if (fd >= 0 && (unsigned)fd >= first && (unsigned)fd <= last) {
			if ((unsigned)fd > first && close_range(first, (unsigned)fd - 1, 0) < 0)
				return -errno;
			if ((unsigned)fd == last)
				continue;
			first = (unsigned)fd + 1;
		}
		if (close_range(first, last, 0) < 0)
			return -errno;
	}
	return 0;
}

int confine_close_fds(const struct fdkeep *k)
{
	return confine_close_fds_but(k, -1);
}

int confine_nondumpable(void)
{
	return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0 ? -errno : 0;
}

int confine_dumpable(void)
{
	int r = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);

	return r < 0 ? -errno : r;
}

void confine_restore_dumpable(int was)
{
	if (was >= 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != was)
		(void)prctl(PR_SET_DUMPABLE, was, 0, 0, 0);
}

int confine_pick_id(const struct idmap *m, uint32_t want, uint32_t *ret_id)
{
	if (m->count == 0)
		return -ENOENT;
	if (idmap_covers(m, 0, 1))
		*ret_id = 0;
	else if (idmap_covers(m, want, 1))
		*ret_id = want;
	else
		*ret_id = m->ranges[0].inner;
	return 0;
}

int confine_become_mapped(uid_t outer_uid, gid_t outer_gid, uid_t want_uid, gid_t want_gid,
			  struct nsk_failure *f)
{
	_cleanup_idmap_ struct idmap uid_map = IDMAP_EMPTY, gid_map = IDMAP_EMPTY;
	struct idmap *uids = &uid_map, *gids = &gid_map;
	_cleanup_close_ int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	uint32_t uid, gid;
	int r;

	if (self < 0)
		return nsk_fail(f, -errno, "reading its maps", NULL);
	if ((r = idmap_read_at(self, "uid_map", uids)) < 0)
		return nsk_fail(f, r, "reading its maps", NULL);
	/* Our own map shows outer ids as the parent namespace sees them,
	 * where outer_uid was measured. */
	if (uids->count == 0 || idmap_maps_outer(uids, outer_uid))
		return 0;
	if ((r = idmap_read_at(self, "gid_map", gids)) < 0)
		return nsk_fail(f, r, "reading its maps", NULL);
	if (confine_pick_id(gids, want_gid, &gid) == 0 && !idmap_maps_outer(gids, outer_gid)) {
		if (setresgid(gid, gid, gid) < 0)
			return nsk_fail(f, -errno, "setresgid", NULL);
		/* The host's supplementary groups go too where setgroups is
		 * allowed; where it is denied, they are unmapped anyway. */
		(void)setgroups(0, NULL);
	}
	confine_pick_id(uids, want_uid, &uid);
	if (setresuid(uid, uid, uid) < 0)
		return nsk_fail(f, -errno, "setresuid", NULL);
	return 0;
}
