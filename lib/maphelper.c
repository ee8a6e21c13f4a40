#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "maphelper.h"
#include "privs.h"
#include "target.h"

int maphelper_add_range(struct maphelper_request *m, bool is_gid, const char *arg)
{
	struct idmap_range r;
	int e = idmap_parse_range(arg, &r);

	if (e == 0)
		mapwrite_add(&m->req, is_gid, r);
	return e;
}

bool maphelper_wanted(const struct maphelper_request *m)
{
	return m->auto_map || m->req.uid_asked || m->req.gid_asked;
}

void maphelper_add_own(struct maphelper_request *m, bool map_uid, uint32_t inner_uid,
		       bool map_gid, uint32_t inner_gid, int setgroups)
{
	if (map_uid)
		mapwrite_add(&m->req, false, (struct idmap_range){ inner_uid, geteuid(), 1 });
	if (map_gid)
		mapwrite_add(&m->req, true, (struct idmap_range){ inner_gid, getegid(), 1 });
	if (setgroups >= 0)
		m->req.setgroups = setgroups;
}

/* The complete request: ranges, plus --map-auto resolved for the caller. */
static int build(const struct maphelper_request *m, struct mapwrite_request *req,
		 struct idpolicy_caller *c)
{
	const char *path;
	char msg[512];
	int r = idpolicy_caller_load(c, getuid(), getgid(), MAPWRITE_SUBUID, MAPWRITE_SUBGID,
				     &path);

	if (r < 0) {
		nsk_err("%s: %s", path, strerror(-r));
		return -1;
	}
	if ((r = privs_setid_held()) < 0) {
		nsk_err("reading our capabilities: %s", strerror(-r));
		return -1;
	}
	c->may_setuid = r & PRIVS_SETUID;
	c->may_setgid = r & PRIVS_SETGID;
	*req = m->req;
	if (m->auto_map && mapwrite_add_auto(req, c, NULL, msg, sizeof(msg)) < 0) {
		nsk_err("%s", msg);
		return -1;
	}
	return 0;
}

static _Noreturn void helper_main(const struct mapwrite_request *req,
				  const struct idpolicy_caller *c, int from_caller, int to_caller)
{
	struct target t = TARGET_INIT;
	struct mapwrite_plan plan;
	char msg[512];
	pid_t pid;
	int result;

	if (read(from_caller, &pid, sizeof(pid)) != sizeof(pid))
		_exit(1);	/* the caller gave up (unshare failed): it said why */
	result = target_open_pid(&t, pid);
	if (result < 0)
		snprintf(msg, sizeof(msg), "process %d: %s", (int)pid, target_strerror(result));
	else if ((result = mapwrite_check(&t, req, c, &plan, msg, sizeof(msg))) == 0)
		result = mapwrite_apply(&t, req, &plan, msg, sizeof(msg));
	if (result < 0)
		nsk_err("%s", msg);
	if (write(to_caller, &result, sizeof(result)) != sizeof(result))
		_exit(1);
	_exit(result < 0);
}

static int wait_helper(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int maphelper_unshare(int clone_flags, const struct maphelper_request *m)
{
	struct mapwrite_request req;	/* ~8 KiB and ~6 KiB: the stack holds them */
	struct idpolicy_caller caller;
	int down[2], up[2], result = -1;
	pid_t helper, self = getpid();

	if (!maphelper_wanted(m)) {
		if (unshare(clone_flags) == 0)
			return 0;
		nsk_err("unshare: %s", strerror(errno));
		return -1;
	}
	if (build(m, &req, &caller) < 0)
		return -1;
	if (pipe2(down, O_CLOEXEC) < 0 || pipe2(up, O_CLOEXEC) < 0) {
		nsk_err("pipe: %s", strerror(errno));
		return -1;
	}
	helper = fork();
	if (helper < 0) {
		nsk_err("fork: %s", strerror(errno));
		return -1;
	}
	if (helper == 0) {
		close(down[1]);
		close(up[0]);
		helper_main(&req, &caller, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	if (unshare(clone_flags) < 0) {
		nsk_err("unshare: %s", strerror(errno));
	} else if (write(down[1], &self, sizeof(self)) != sizeof(self) ||
		   read(up[0], &result, sizeof(result)) != sizeof(result)) {
		nsk_err("the id map helper ended without an answer");
		result = -1;
	}	/* a result < 0 from the helper: it said why */
	close(down[1]);
	close(up[0]);
	if (wait_helper(helper) < 0)
		result = -1;
	return result < 0 ? -1 : 0;
}
