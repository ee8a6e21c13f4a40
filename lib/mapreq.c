/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mapreq: nsrun's id map options as one mapwrite request (see mapreq.h). */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "mapreq.h"
#include "parse.h"
#include "privs.h"

/* unshare's older form: OUTER,INNER,COUNT. */
static int parse_comma_range(const char *s, struct idmap_range *ret)
{
	char buf[64], *inner, *count;
	int r;

	if (strlen(s) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, s);
	if (!(inner = strchr(buf, ',')))
		return -EINVAL;
	*inner++ = '\0';
	if (!(count = strchr(inner, ',')))
		return -EINVAL;
	*count++ = '\0';
	if ((r = parse_u32(buf, &ret->outer)) < 0 || (r = parse_u32(inner, &ret->inner)) < 0 ||
	    (r = parse_u32(count, &ret->count)) < 0)
		return r;
	return 0;
}

int mapreq_add_range(struct mapreq *m, bool is_gid, const char *arg)
{
	static const char *const words[] = { "auto", "subids", "all", NULL };
	static const unsigned sources[] = { MAPREQ_AUTO, MAPREQ_SUBIDS, MAPREQ_ALL };
	struct idmap_range r;
	int i = parse_choice(arg, words), e;

	if (i >= 0) {
		m->sources[is_gid] |= sources[i];
		return 0;
	}
	e = strchr(arg, ',') ? parse_comma_range(arg, &r) : idmap_parse_range(arg, &r);
	if (e == 0)
		mapwrite_add(&m->req, is_gid, r);
	return e < 0 ? -EINVAL : 0;
}

void mapreq_add_source(struct mapreq *m, enum mapreq_source s)
{
	m->sources[0] |= s;
	m->sources[1] |= s;
}

bool mapreq_wanted(const struct mapreq *m)
{
	return m->sources[0] || m->sources[1] || m->req.uid_asked || m->req.gid_asked ||
	       m->own[0] || m->own[1];
}

void mapreq_add_own(struct mapreq *m, bool map_uid, uint32_t inner_uid, bool map_gid,
		    uint32_t inner_gid, int setgroups)
{
	m->own[0] = map_uid;
	m->own_inner[0] = inner_uid;
	m->own[1] = map_gid;
	m->own_inner[1] = inner_gid;
	if (setgroups >= 0)
		m->req.setgroups = setgroups;
}

/* ---- carving one id pair out of a range ---- */

static bool within(uint32_t id, uint32_t start, uint32_t count)
{
	return id >= start && (uint64_t)id < (uint64_t)start + count;
}

/* The k-th id of a run from start that skips skip (when it lies in it). */
static uint32_t nth_skipping(uint32_t start, uint32_t k, bool skips, uint32_t skip)
{
	uint64_t id = (uint64_t)start + k;

	return (uint32_t)(skips && id >= skip ? id + 1 : id);
}

void mapreq_carve(struct idmap_range r, uint32_t inner, uint32_t outer,
		  struct idmap_range ret[3], unsigned *ret_n)
{
	bool in_skips = within(inner, r.inner, r.count);
	bool out_skips = within(outer, r.outer, r.count);
	uint32_t count = r.count - (in_skips || out_skips ? 1 : 0);
	/* where each side jumps over its id: the cuts, in order */
	uint32_t cut[2] = { in_skips ? inner - r.inner : count, out_skips ? outer - r.outer : count };
	uint32_t lo = cut[0] < cut[1] ? cut[0] : cut[1], hi = cut[0] < cut[1] ? cut[1] : cut[0];
	uint32_t bounds[4] = { 0, lo < count ? lo : count, hi < count ? hi : count, count };

	/* carved, its pieces would wrap around past 2^32 - 1 into ids the
	 * caller never named, which the check might then take */
	if ((uint64_t)r.inner + r.count > UINT32_MAX || (uint64_t)r.outer + r.count > UINT32_MAX) {
		ret[0] = r;
		*ret_n = 1;
		return;
	}
	*ret_n = 0;
	for (int i = 0; i < 3; i++) {
		uint32_t k = bounds[i], len = bounds[i + 1] - bounds[i];

		if (len == 0)
			continue;
		ret[(*ret_n)++] = (struct idmap_range){
			.inner = nth_skipping(r.inner, k, in_skips, inner),
			.outer = nth_skipping(r.outer, k, out_skips, outer),
			.count = len,
		};
	}
}

/* ---- resolving for a caller ---- */

static const char *const map_option[2] = { "--map-users", "--map-groups" };

/* The caller's grants for one kind (*ret): loaded by idpolicy for an
 * ordinary caller; read now for root, whose policy needs none, into read. */
static int caller_grants(const struct mapreq *m, const struct idpolicy_caller *c, int kind,
			 struct subid_grants *read, const struct subid_grants **ret,
			 struct nsk_failure *f)
{
	_cleanup_subid_ struct subid_grants other = SUBID_EMPTY;
	const char *name = *c->name ? c->name : NULL;
	struct passwd *pw;

	if (!c->privileged) {
		*ret = kind ? &c->subgid : &c->subuid;
		return 0;
	}
	*ret = read;
	if (!name && (pw = getpwuid(c->uid)))
		name = pw->pw_name;
	return idpolicy_user_grants(name, c->uid, m->subid_path[0], m->subid_path[1],
				    kind ? &other : read, kind ? read : &other, f);
}

/* auto and subids: the first range granted, at 0 or at its own ids. */
static int add_granted(const struct mapreq *m, const struct idpolicy_caller *c, int kind,
		       struct mapwrite_request *req, struct nsk_failure *f)
{
	_cleanup_subid_ struct subid_grants read = SUBID_EMPTY;
	const struct subid_grants *g;
	unsigned s = m->sources[kind];
	int r;

	if (!(s & (MAPREQ_AUTO | MAPREQ_SUBIDS)))
		return 0;
	if ((r = caller_grants(m, c, kind, &read, &g, f)) < 0)
		return r;
	if (g->count == 0) {
		nsk_fail(f, 0, NULL, "%s %s", map_option[kind], s & MAPREQ_AUTO ? "auto" : "subids");
		return nsk_fail_detail(f, -ENOENT, "%s grants uid %u no range", m->subid_path[kind],
				       c->uid);
	}
	if (s & MAPREQ_AUTO)
		mapwrite_add(req, kind, (struct idmap_range){ 0, g->ranges[0].start, g->ranges[0].count });
	if (s & MAPREQ_SUBIDS)
		mapwrite_add(req, kind, (struct idmap_range){ g->ranges[0].start, g->ranges[0].start,
							       g->ranges[0].count });
	return 0;
}

/* all: every id of our namespace, at its own ids. */
static int add_all(int kind, struct mapwrite_request *req, struct nsk_failure *f)
{
	static const char *const file[2] = { "uid_map", "gid_map" };
	_cleanup_idmap_ struct idmap ours = IDMAP_EMPTY;
	_cleanup_close_ int self = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int r = self < 0 ? -errno : idmap_read_at(self, file[kind], &ours);

	if (r < 0)
		return nsk_fail(f, r, "reading our map", "/proc/self/%s", file[kind]);
	for (unsigned i = 0; i < ours.count; i++)
		mapwrite_add(req, kind, (struct idmap_range){ ours.ranges[i].inner,
							       ours.ranges[i].inner, ours.ranges[i].count });
	return 0;
}

/* The own id first, and every other range without it. */
static void put_own_first(const struct mapreq *m, int kind, struct mapwrite_request *req)
{
	struct idmap *map = kind ? &req->gid : &req->uid;
	uint32_t inner = m->own_inner[kind], outer = kind ? getegid() : geteuid();
	unsigned *asked = kind ? &req->gid_asked : &req->uid_asked;

	if (!m->own[kind])
		return;
	/* the ranges so far moved out (their array with them), the map anew */
	_cleanup_idmap_ struct idmap rest = *map;
	*map = (struct idmap)IDMAP_EMPTY;
	*asked = 0;
	mapwrite_add(req, kind, (struct idmap_range){ inner, outer, 1 });
	for (unsigned i = 0; i < rest.count; i++) {
		struct idmap_range pieces[3];
		unsigned n;

		mapreq_carve(rest.ranges[i], inner, outer, pieces, &n);
		for (unsigned j = 0; j < n; j++)
			mapwrite_add(req, kind, pieces[j]);
	}
}

/* The first executable NAME in $PATH (or the default path), into buf;
 * "" when there is none. */
static void find_in_path(const char *name, char *buf, size_t size)
{
	const char *path = getenv("PATH");

	buf[0] = '\0';
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		size_t len = strcspn(p, ":");

		/* an empty entry is the working directory: not for this */
		if (len && (size_t)snprintf(buf, size, "%.*s/%s", (int)len, p, name) < size &&
		    buf[0] == '/' && access(buf, X_OK) == 0)
			return;
		buf[0] = '\0';
		p += len + (p[len] == ':');
	}
}

/* An unprivileged caller without CAP_SETUID (CAP_SETGID) has shadow's
 * newuidmap (newgidmap) write what the kernel would refuse it, as
 * unshare(1) does. */
static void find_map_helpers(struct idpolicy_caller *c)
{
	c->map_helper[0][0] = c->map_helper[1][0] = '\0';
	if (c->privileged)
		return;
	if (!c->may_setuid)
		find_in_path("newuidmap", c->map_helper[0], sizeof(c->map_helper[0]));
	if (!c->may_setgid)
		find_in_path("newgidmap", c->map_helper[1], sizeof(c->map_helper[1]));
}

int mapreq_resolve(const struct mapreq *m, struct mapwrite_request *ret,
		   struct idpolicy_caller *ret_caller, struct nsk_failure *f)
{
	int r;

	mapwrite_request_copy(ret, &m->req);
	if ((r = idpolicy_caller_load(ret_caller, getuid(), getgid(), m->subid_path[0],
				      m->subid_path[1], f)) < 0)
		return r;
	if ((r = privs_setid_held()) < 0)
		return nsk_fail(f, r, "reading our capabilities", NULL);
	ret_caller->may_setuid = r & PRIVS_SETUID;
	ret_caller->may_setgid = r & PRIVS_SETGID;
	find_map_helpers(ret_caller);
	for (int kind = 0; kind < 2; kind++) {
		if ((r = add_granted(m, ret_caller, kind, ret, f)) < 0)
			return r;
		if ((m->sources[kind] & MAPREQ_ALL) && (r = add_all(kind, ret, f)) < 0)
			return r;
		put_own_first(m, kind, ret);
	}
	return 0;
}
