/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Capability lists and sets, through the kernel's own interface. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A capability set as a bit mask (bit N = capability N). */
typedef uint64_t capmask_t;
#define CAPS_ALL (~(capmask_t)0)

/* Parse "net_admin,CAP_SYS_ADMIN" or "ALL" (case insensitive, "cap_"
 * prefix optional) and OR it into *mask. On an unknown name returns
 * -EINVAL and points *ret_bad at it (within a copy owned by the caller's
 * buffer `bad`, of size badlen). */
int caps_parse(const char *s, capmask_t *mask, char *bad, size_t badlen);
/* The highest capability number this kernel knows. */
int caps_last_cap(void);
/* Apply --cap-drop/--cap-add to the calling process just before exec: the
 * bounding, effective, permitted, inheritable and ambient sets all become
 * (what it has, or nothing when ALL is dropped) - drop + add, so that the
 * command keeps exactly that set whether it runs as root or not. Adding a
 * capability the process does not hold fails with -EPERM and *ret_cap
 * naming it. */
enum caps_select {
	CAPS_ALL_SETS,	/* all five */
	CAPS_BOUNDING,	/* the bounding set only */
	CAPS_PROCESS,	/* all but the bounding set */
};
/* Changing the bounding set needs CAP_SETPCAP, which a change of uid
 * clears from the effective set: a caller that changes uid applies
 * CAPS_BOUNDING before and CAPS_PROCESS after (with PR_SET_KEEPCAPS). */
int caps_apply(capmask_t drop, capmask_t add, enum caps_select which, int *ret_cap);
/* "cap_net_admin" for a number. */
const char *caps_name(int cap);
