/* mapreq: nsrun's id map options as one mapwrite request (see mapreq.h). */
#include <errno.h>
#include <unistd.h>

#include "err.h"
#include "mapreq.h"
#include "privs.h"

int mapreq_add_range(struct mapreq *m, bool is_gid, const char *arg)
{
	struct idmap_range r;
	int e = idmap_parse_range(arg, &r);

	if (e == 0)
		mapwrite_add(&m->req, is_gid, r);
	return e;
}

bool mapreq_wanted(const struct mapreq *m)
{
	return m->auto_map || m->req.uid_asked || m->req.gid_asked;
}

void mapreq_add_own(struct mapreq *m, bool map_uid, uint32_t inner_uid, bool map_gid,
		    uint32_t inner_gid, int setgroups)
{
	if (map_uid)
		mapwrite_add(&m->req, false, (struct idmap_range){ inner_uid, geteuid(), 1 });
	if (map_gid)
		mapwrite_add(&m->req, true, (struct idmap_range){ inner_gid, getegid(), 1 });
	if (setgroups >= 0)
		m->req.setgroups = setgroups;
}

int mapreq_resolve(const struct mapreq *m, struct mapwrite_request *ret,
		   struct idpolicy_caller *ret_caller, struct nsk_failure *f)
{
	int r = idpolicy_caller_load(ret_caller, getuid(), getgid(), MAPWRITE_SUBUID,
				     MAPWRITE_SUBGID, f);

	if (r < 0)
		return r;
	if ((r = privs_setid_held()) < 0)
		return nsk_fail(f, r, "reading our capabilities", NULL);
	ret_caller->may_setuid = r & PRIVS_SETUID;
	ret_caller->may_setgid = r & PRIVS_SETGID;
	*ret = m->req;
	if (m->auto_map && (r = mapwrite_add_auto(ret, ret_caller, NULL, f)) < 0)
		return r;
	return 0;
}
