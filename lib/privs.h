/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Running with borrowed privilege (nsmap installed setuid root or with
 * file capabilities cap_setuid,cap_setgid+ep, as newuidmap is). */
#pragma once
#include <sys/types.h>

/* The two capabilities that writing more than one's own id takes. */
#define PRIVS_SETUID 1
#define PRIVS_SETGID 2

/* Called first thing in main: keep only CAP_SETUID and CAP_SETGID (and,
 * for a real root caller, CAP_SYS_ADMIN, CAP_SYS_PTRACE, CAP_DAC_OVERRIDE
 * and CAP_SETFCAP, which writing the maps of a namespace owned by another
 * user, or mapping uid 0, takes), drop every other
 * capability from the effective, permitted and inheritable sets, and, when
 * setuid root made the effective uid differ from the real one, become the
 * real user again while keeping those two: the kernel then sees the
 * caller as the owner of its own namespaces. Clears the environment, from
 * which nothing is read. Returns which of the two it holds (PRIVS_SETUID,
 * PRIVS_SETGID), or -errno. */
int privs_keep_setid(void);
/* The same, and the real uid and gid it read, which it keeps (a caller
 * that needs them then asks no more). */
int privs_keep_setid_ids(uid_t *ret_uid, gid_t *ret_gid);
/* Which of the two the process holds effectively (PRIVS_*), or -errno. */
int privs_setid_held(void);
