/* SPDX-License-Identifier: GPL-2.0-or-later */
/* caps: capability names and sets through the kernel's own interface
 * (capget/capset, prctl for the bounding and ambient sets), no library:
 * a run that changes no capability pays nothing for them, and one that
 * does pays a few system calls (issue 19's figures: loading libcap-ng
 * cost more than the rest of a short run). */
#include <ctype.h>
#include <errno.h>
#include <linux/capability.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "caps.h"

/* The names of capabilities(7), without "cap_", by number. */
static const char *const cap_names[] = {
	[CAP_CHOWN] = "chown",
	[CAP_DAC_OVERRIDE] = "dac_override",
	[CAP_DAC_READ_SEARCH] = "dac_read_search",
	[CAP_FOWNER] = "fowner",
	[CAP_FSETID] = "fsetid",
	[CAP_KILL] = "kill",
	[CAP_SETGID] = "setgid",
	[CAP_SETUID] = "setuid",
	[CAP_SETPCAP] = "setpcap",
	[CAP_LINUX_IMMUTABLE] = "linux_immutable",
	[CAP_NET_BIND_SERVICE] = "net_bind_service",
	[CAP_NET_BROADCAST] = "net_broadcast",
	[CAP_NET_ADMIN] = "net_admin",
	[CAP_NET_RAW] = "net_raw",
	[CAP_IPC_LOCK] = "ipc_lock",
	[CAP_IPC_OWNER] = "ipc_owner",
	[CAP_SYS_MODULE] = "sys_module",
	[CAP_SYS_RAWIO] = "sys_rawio",
	[CAP_SYS_CHROOT] = "sys_chroot",
	[CAP_SYS_PTRACE] = "sys_ptrace",
	[CAP_SYS_PACCT] = "sys_pacct",
	[CAP_SYS_ADMIN] = "sys_admin",
	[CAP_SYS_BOOT] = "sys_boot",
	[CAP_SYS_NICE] = "sys_nice",
	[CAP_SYS_RESOURCE] = "sys_resource",
	[CAP_SYS_TIME] = "sys_time",
	[CAP_SYS_TTY_CONFIG] = "sys_tty_config",
	[CAP_MKNOD] = "mknod",
	[CAP_LEASE] = "lease",
	[CAP_AUDIT_WRITE] = "audit_write",
	[CAP_AUDIT_CONTROL] = "audit_control",
	[CAP_SETFCAP] = "setfcap",
	[CAP_MAC_OVERRIDE] = "mac_override",
	[CAP_MAC_ADMIN] = "mac_admin",
	[CAP_SYSLOG] = "syslog",
	[CAP_WAKE_ALARM] = "wake_alarm",
	[CAP_BLOCK_SUSPEND] = "block_suspend",
	[CAP_AUDIT_READ] = "audit_read",
	[CAP_PERFMON] = "perfmon",
	[CAP_BPF] = "bpf",
	[CAP_CHECKPOINT_RESTORE] = "checkpoint_restore",
};
#define NAMED_CAPS ((int)(sizeof(cap_names) / sizeof(cap_names[0])))

int caps_last_cap(void)
{
	static int last = -1;
	FILE *f;

	if (last >= 0)
		return last;
	f = fopen("/proc/sys/kernel/cap_last_cap", "re");
	if (!f || fscanf(f, "%d", &last) != 1)
		last = CAP_LAST_CAP;
	if (f)
		fclose(f);
	if (last > 63)
		last = 63;
	return last;
}

const char *caps_name(int cap)
{
	/* a capability newer than this table: by number, as the kernel has it */
	static char unnamed[16];

	if (cap >= 0 && cap < NAMED_CAPS && cap_names[cap])
		return cap_names[cap];
	snprintf(unnamed, sizeof(unnamed), "%d", cap);
	return unnamed;
}

/* A capability by its name without "cap_", in lower case. */
static int cap_by_name(const char *name)
{
	for (int cap = 0; cap < NAMED_CAPS; cap++)
		if (cap_names[cap] && !strcmp(cap_names[cap], name))
			return cap;
	return -EINVAL;
}

static int parse_one(const char *name, capmask_t *mask)
{
	char lower[64];
	size_t n = strlen(name);
	int cap;

	if (!strcasecmp(name, "ALL")) {
		*mask = CAPS_ALL;
		return 0;
	}
	if (!strncasecmp(name, "cap_", 4))
		name += 4, n -= 4;
	if (n == 0 || n >= sizeof(lower))
		return -EINVAL;
	for (size_t i = 0; i <= n; i++)
		lower[i] = (char)tolower((unsigned char)name[i]);
	cap = cap_by_name(lower);
	if (cap < 0 || cap > 63)
		return -EINVAL;
	*mask |= (capmask_t)1 << cap;
	return 0;
}

int caps_parse(const char *s, capmask_t *mask, char *bad, size_t badlen)
{
	char buf[1024];
	char *save = NULL;

	if (!s || !*s || strlen(s) >= sizeof(buf)) {
		snprintf(bad, badlen, "%s", s ? s : "");
		return -EINVAL;
	}
	strcpy(buf, s);
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (parse_one(tok, mask) < 0) {
			snprintf(bad, badlen, "%s", tok);
			return -EINVAL;
		}
	if (s[strlen(s) - 1] == ',' || s[0] == ',' || strstr(s, ",,")) {
		snprintf(bad, badlen, "%s", s);
		return -EINVAL;
	}
	return 0;
}

/* ---- the sets ---- */

static int get_permitted(capmask_t *ret)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &h, d) < 0)
		return -errno;
	*ret = d[0].permitted | (capmask_t)d[1].permitted << 32;
	return 0;
}

/* Effective, permitted and inheritable: exactly keep. */
static int set_process(capmask_t keep)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	for (int i = 0; i < _LINUX_CAPABILITY_U32S_3; i++)
		d[i].effective = d[i].permitted = d[i].inheritable = (uint32_t)(keep >> (32 * i));
	return syscall(SYS_capset, &h, d) < 0 ? -errno : 0;
}

/* The ambient set: exactly keep (each is permitted and inheritable by
 * now, as the kernel wants). */
static int set_ambient(capmask_t keep, int last)
{
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0)
		return -errno;
	for (int cap = 0; cap <= last; cap++)
		if ((keep & ((capmask_t)1 << cap)) &&
		    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
			return -errno;
	return 0;
}

/* The bounding set: keep, by dropping the rest (it can only shrink). */
static int set_bounding(capmask_t keep, int last)
{
	for (int cap = 0; cap <= last; cap++)
		if (!(keep & ((capmask_t)1 << cap)) && prctl(PR_CAPBSET_READ, cap, 0, 0, 0) > 0 &&
		    prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
			return -errno;
	return 0;
}

int caps_apply(capmask_t drop, capmask_t add, enum caps_select which, int *ret_cap)
{
	int last = caps_last_cap(), r;
	capmask_t permitted = 0, keep = 0;

	if ((r = get_permitted(&permitted)) < 0)
		return r;
	/* What the process may pass on today: permitted and in the bounding
	 * set (a capability outside the bounding set is lost at exec). */
	for (int cap = 0; cap <= last; cap++) {
		capmask_t bit = (capmask_t)1 << cap;
		bool held = (permitted & bit) && prctl(PR_CAPBSET_READ, cap, 0, 0, 0) > 0;

		if ((add & bit) && !held) {
			*ret_cap = cap;
			return -EPERM;
		}
		if ((held && !(drop & bit)) || (add & bit))
			keep |= bit;
	}
	*ret_cap = -1;
	/* the bounding set first: dropping from it takes CAP_SETPCAP, which
	 * the process set may be about to lose */
	if (which != CAPS_PROCESS && (r = set_bounding(keep, last)) < 0)
		return r == -EPERM || r == -EINVAL ? -EPERM : r;
	if (which == CAPS_BOUNDING)
		return 0;
	if ((r = set_process(keep)) < 0 || (r = set_ambient(keep, last)) < 0)
		return r == -EINVAL ? -EPERM : r;
	return 0;
}
