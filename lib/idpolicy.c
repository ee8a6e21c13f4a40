/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <pwd.h>
#include <string.h>

#include "err.h"
#include "fmt.h"
#include "idpolicy.h"

enum idpolicy_verdict idpolicy_check_map(const struct idmap *m, bool privileged, uint32_t own,
					 const struct subid_grants *grants, unsigned *ret_range,
					 bool *ret_uses_grant)
{
	*ret_uses_grant = false;
	for (unsigned i = 0; i < m->count; i++) {
		const struct idmap_range *r = &m->ranges[i];

		/* The grants first, as newgidmap checks them: a gid the
		 * files grant counts as a grant even if it is our own. */
		if (!privileged && subid_covers(grants, r->outer, r->count)) {
			*ret_uses_grant = true;
			continue;
		}
		if (privileged || (r->count == 1 && r->outer == own))
			continue;
		*ret_range = i;
		return IDPOLICY_NOT_GRANTED;
	}
	return IDPOLICY_OK;
}

enum idpolicy_verdict idpolicy_check_capable(const struct idmap *m, bool may, uint32_t own)
{
	if (may || m->count == 0 ||
	    (m->count == 1 && m->ranges[0].count == 1 && m->ranges[0].outer == own))
		return IDPOLICY_OK;
	return IDPOLICY_NEEDS_CAP;
}

enum idpolicy_verdict idpolicy_setgroups(bool privileged, bool gid_map, bool gid_uses_grant,
					 int requested, int *ret_write)
{
	*ret_write = requested;
	if (privileged || !gid_map || gid_uses_grant)
		return IDPOLICY_OK;
	if (requested == 1)
		return IDPOLICY_SETGROUPS_ALLOW;
	*ret_write = 0;
	return IDPOLICY_OK;
}

int idpolicy_user_grants(const char *name, uint32_t uid, const char *subuid_path,
			 const char *subgid_path, struct subid_grants *ret_subuid,
			 struct subid_grants *ret_subgid, struct nsk_failure *f)
{
	int r;

	if ((r = subid_read(subuid_path, name, uid, ret_subuid)) < 0)
		return nsk_fail(f, r, NULL, "%s", subuid_path);
	if ((r = subid_read(subgid_path, name, uid, ret_subgid)) < 0)
		return nsk_fail(f, r, NULL, "%s", subgid_path);
	return 0;
}

void idpolicy_caller_release(struct idpolicy_caller *c)
{
	subid_release(&c->subuid);
	subid_release(&c->subgid);
}

int idpolicy_caller_load(struct idpolicy_caller *c, uint32_t uid, uint32_t gid,
			 const char *subuid_path, const char *subgid_path, struct nsk_failure *f)
{
	struct passwd *pw;

	c->privileged = uid == 0;
	c->uid = uid;
	c->gid = gid;
	c->name[0] = '\0';
	c->subuid = c->subgid = (struct subid_grants)SUBID_EMPTY;
	c->map_helper[0][0] = c->map_helper[1][0] = '\0';	/* the caller sets it */
	/* root's policy reads no grants, so it needs no name (NSS is the
	 * dearest step of a map write; mapwrite_add_auto looks it up) */
	if (c->privileged)
		return 0;
	pw = getpwuid(uid);
	/* a name longer than any login name is none: cut, it could be another's */
	if (pw && !fmt_copy(c->name, sizeof(c->name), pw->pw_name))
		c->name[0] = '\0';
	return idpolicy_user_grants(*c->name ? c->name : NULL, uid, subuid_path, subgid_path,
				    &c->subuid, &c->subgid, f);
}
