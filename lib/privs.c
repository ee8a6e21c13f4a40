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

int privs_keep_setid(void)
{
	const capng_type_t sets = CAPNG_EFFECTIVE | CAPNG_PERMITTED;
	uid_t ruid = getuid();
	gid_t rgid = getgid();
	bool root = ruid == 0;
	int have[6], n = 0;

	clearenv();
	if (capng_get_caps_process() < 0)
		return -EIO;
	for (unsigned i = 0; i < 2; i++)
		if (capng_have_capability(CAPNG_PERMITTED, kept[i]))
			have[n++] = kept[i];
	for (unsigned i = 0; root && i < 4; i++)
		if (capng_have_capability(CAPNG_PERMITTED, kept_for_root[i]))
			have[n++] = kept_for_root[i];
	/* setuid root: back to the real ids, keeping the permitted set
	 * across the change (the effective set is cleared by it). */
	if (geteuid() != ruid || getegid() != rgid) {
		if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0 || setresgid(rgid, rgid, rgid) < 0 ||
		    setresuid(ruid, ruid, ruid) < 0 || prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
			return -errno;
	}
	capng_clear(CAPNG_SELECT_CAPS);
	for (int i = 0; i < n; i++)
		capng_update(CAPNG_ADD, sets, have[i]);
	if (capng_apply(CAPNG_SELECT_CAPS) < 0)
		return -EPERM;
	return 0;
}

bool privs_have_setid(void)
{
	capng_clear(CAPNG_SELECT_CAPS);
	if (capng_get_caps_process() < 0)
		return false;
	return capng_have_capability(CAPNG_EFFECTIVE, CAP_SETUID) &&
	       capng_have_capability(CAPNG_EFFECTIVE, CAP_SETGID);
}
