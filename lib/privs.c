/* SPDX-License-Identifier: GPL-2.0-or-later */
/* privs: through capget(2)/capset(2) themselves, which is all this needs:
 * nsmap runs this on every call, and a library that reads
 * /proc/self/status twice to learn what one system call says costs more
 * than the rest of the run (bench/nsmap.sh). */
#include <errno.h>
#include <linux/capability.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "privs.h"

static const int kept[] = { CAP_SETUID, CAP_SETGID };
/* Writing a map of a namespace another user owns takes CAP_SYS_ADMIN
 * over it, ptrace access and write access to its /proc files; mapping
 * outer uid 0 takes CAP_SETFCAP (verify_root_map, Linux 5.12). */
static const int kept_for_root[] = { CAP_SYS_ADMIN, CAP_SYS_PTRACE, CAP_DAC_OVERRIDE,
				     CAP_SETFCAP };

struct capsets {
	uint64_t effective, permitted, inheritable;
};

static int get_caps(struct capsets *ret)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &h, d) < 0)
		return -errno;
	ret->effective = d[0].effective | (uint64_t)d[1].effective << 32;
	ret->permitted = d[0].permitted | (uint64_t)d[1].permitted << 32;
	ret->inheritable = d[0].inheritable | (uint64_t)d[1].inheritable << 32;
	return 0;
}

/* Effective and permitted: exactly these; inheritable: none. */
static int apply_only(const int *caps, int n)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3] = { { 0, 0, 0 } };

	for (int i = 0; i < n; i++) {
		d[caps[i] / 32].effective |= 1u << (caps[i] % 32);
		d[caps[i] / 32].permitted |= 1u << (caps[i] % 32);
	}
	return syscall(SYS_capset, &h, d) < 0 ? -EPERM : 0;
}

/* The wanted capabilities the process has in its permitted set. */
static int permitted_of(const int *wanted, int nwanted, int *have)
{
	struct capsets s;
	int n = 0, r = get_caps(&s);

	if (r < 0)
		return r;
	for (int i = 0; i < nwanted; i++)
		if (s.permitted & (uint64_t)1 << wanted[i])
			have[n++] = wanted[i];
	return n;
}

int privs_keep_setid(void)
{
	uid_t uid;
	gid_t gid;

	return privs_keep_setid_ids(&uid, &gid);
}

int privs_keep_setid_ids(uid_t *ret_uid, gid_t *ret_gid)
{
	uid_t ruid, euid, suid;
	gid_t rgid, egid, sgid;
	int wanted[6], have[6], n = 0;

	/* all three of each in one call (they cannot fail: EFAULT only) */
	getresuid(&ruid, &euid, &suid);
	getresgid(&rgid, &egid, &sgid);
	*ret_uid = ruid;
	*ret_gid = rgid;
	clearenv();
	for (unsigned i = 0; i < 2; i++)
		wanted[n++] = kept[i];
	for (unsigned i = 0; ruid == 0 && i < 4; i++)
		wanted[n++] = kept_for_root[i];
	/* setuid root: back to the real ids, keeping the permitted set
	 * across the change (the effective set is cleared by it). */
	if (euid != ruid || egid != rgid) {
		if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0 || setresgid(rgid, rgid, rgid) < 0 ||
		    setresuid(ruid, ruid, ruid) < 0 || prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0)
			return -errno;
	}
	/* Every install gives either all of them (root, setuid root, file
	 * capabilities) or none: try all at once, which capset refuses unless
	 * each is permitted; only then read which the process has. */
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
	struct capsets s;
	int r = get_caps(&s);

	if (r < 0)
		return r;
	return (s.effective & (uint64_t)1 << CAP_SETUID ? PRIVS_SETUID : 0) |
	       (s.effective & (uint64_t)1 << CAP_SETGID ? PRIVS_SETGID : 0);
}
