#include <cap-ng.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "privs.h"

static const int kept[] = { CAP_SETUID, CAP_SETGID };
/* Writing a map of a namespace another user owns takes CAP_SYS_ADMIN
 * over it, ptrace access and write access to its /proc files; mapping
 * outer uid 0 takes CAP_SETFCAP (verify_root_map, Linux 5.12). */
static const int kept_for_root[] = { CAP_SYS_ADMIN, CAP_SYS_PTRACE, CAP_DAC_OVERRIDE,
				     CAP_SETFCAP };

static int apply_only(const int *caps, int n)
{
	capng_clear(CAPNG_SELECT_CAPS);
	for (int i = 0; i < n; i++)
		capng_update(CAPNG_ADD, CAPNG_EFFECTIVE | CAPNG_PERMITTED, caps[i]);
	return capng_apply(CAPNG_SELECT_CAPS) < 0 ? -EPERM : 0;
}

/* The wanted capabilities the process has in its permitted set. */
static int permitted_of(const int *wanted, int nwanted, int *have)
{
	int n = 0;

	if (capng_get_caps_process() < 0)
		return -EIO;
	for (int i = 0; i < nwanted; i++)
		if (capng_have_capability(CAPNG_PERMITTED, wanted[i]))
			have[n++] = wanted[i];
	return n;
}

int privs_keep_setid(void)
{
	uid_t ruid = getuid();
	gid_t rgid = getgid();
	int wanted[6], have[6], n = 0;

	clearenv();
	for (unsigned i = 0; i < 2; i++)
		wanted[n++] = kept[i];
	for (unsigned i = 0; ruid == 0 && i < 4; i++)
		wanted[n++] = kept_for_root[i];
	/* setuid root: back to the real ids, keeping the permitted set
	 * across the change (the effective set is cleared by it). */
	if (geteuid() != ruid || getegid() != rgid) {
		if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0 || setresgid(rgid, rgid, rgid) < 0 ||
		    setresuid(ruid, ruid, ruid) < 0 || prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
			return -errno;
	}
	/* Every install gives either all of them (root, setuid root, file
	 * capabilities) or none: try all at once, which capset refuses unless
	 * each is permitted; only then read which the process has (reading
	 * costs two parses of /proc/self/status). */
	if (apply_only(wanted, n) == 0)
		return PRIVS_SETUID | PRIVS_SETGID;
	if ((n = permitted_of(wanted, n, have)) < 0)
		return n;
	int r = apply_only(have, n), held = 0;
	for (int i = 0; i < n; i++)
		held |= have[i] == CAP_SETUID ? PRIVS_SETUID : have[i] == CAP_SETGID ? PRIVS_SETGID : 0;
	return r < 0 ? r : held;
}

int privs_setid_held(void)
{
	capng_clear(CAPNG_SELECT_CAPS);
	if (capng_get_caps_process() < 0)
		return -EIO;
	return (capng_have_capability(CAPNG_EFFECTIVE, CAP_SETUID) ? PRIVS_SETUID : 0) |
	       (capng_have_capability(CAPNG_EFFECTIVE, CAP_SETGID) ? PRIVS_SETGID : 0);
}
