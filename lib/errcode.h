/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/'s own error codes: one registry for every module, so that no two
 * codes can ever be equal. A lib function returns 0 (or a count) on
 * success, and on failure -errno or the negated code of this enum; the
 * codes are numbered above every errno (the kernel's stay below its
 * MAX_ERRNO, 4095), and their texts live in lib/err.c, nsk_strerror().
 * A module's codes keep its prefix; a new code goes at the end of its
 * module's group, with its text in err.c. A header only, so that a module
 * that returns codes need not pull in the message functions. */
#pragma once

enum nsk_errcode {
	NSK_ERRCODE_FIRST = 4096,

	/* target: the handle protocol */
	TARGET_ENOHANDLE = NSK_ERRCODE_FIRST,	/* nothing given and stdin is a terminal */
	TARGET_EEMPTY,		/* stdin ended without a handle */
	TARGET_ESYNTAX,		/* not PID or PID:INODE */
	TARGET_ESTALE,		/* the PID's pidfs inode is not the handle's */
	TARGET_ENOPIDFS,	/* PID:INODE needs pidfs (Linux 6.9) */

	/* cgkeys: limit keys (cgkey_explain words them for one key) */
	CGKEY_EUNKNOWN,		/* no such key */
	CGKEY_EVALUE,		/* the value does not fit the key */
	CGKEY_ENOCTRL,		/* the key's controller is not mounted/available */

	/* cggroup: a group across hierarchies */
	CGGROUP_ENOPARENT,	/* the parent of a relative group does not exist */

	/* netaddr: network values from the command line */
	NETADDR_ESYNTAX,	/* not an IPv4 or IPv6 address */
	NETADDR_ENOPREFIX,	/* a CIDR without "/PREFIX" */
	NETADDR_EPREFIX,	/* prefix length out of range for the family */
	NETADDR_EUNSPEC,	/* 0.0.0.0 or :: */
	NETADDR_EMULTICAST,	/* a multicast address where a host is meant */
	NETADDR_EBROADCAST,	/* the broadcast address of its IPv4 subnet */
	NETADDR_EMACSYNTAX,	/* not six hex pairs separated by ':' */
	NETADDR_EMACMULTI,	/* group bit set: not a unicast MAC */
	NETADDR_EMACZERO,	/* 00:00:00:00:00:00 */
	NETADDR_ENAMEEMPTY,	/* "" */
	NETADDR_ENAMELONG,	/* more than 15 bytes */
	NETADDR_ENAMECHAR,	/* '/', ':', whitespace, or "." / ".." */

	/* procmask: masking a fresh proc or sysfs */
	PROCMASK_ENOTNULL,	/* /dev/null is not the null device (1:3) */
	PROCMASK_ENOTPROC,	/* the directory is not the root of a proc */
	PROCMASK_ENOTSYSFS,	/* the directory is not the root of a sysfs */
	PROCMASK_EKIND,		/* neither a regular file nor a directory */

	/* persist: namespace files */
	PERSIST_ENOTOURS,	/* does not hold the namespace it was said to hold */

	/* idname: names in a root's /etc/passwd and /etc/group */
	IDNAME_ENONAME,		/* no entry of that name */
	IDNAME_EENTRY,		/* the entry's id field is not an id */
	IDNAME_ENOTFILE,	/* the file is not a regular file */
	IDNAME_ETOOBIG,		/* larger than any real passwd or group file */

	/* dl: optional libraries opened at run time */
	DL_ELOAD,		/* the library cannot be opened */
	DL_ESYMBOL,		/* it lacks a function we call (too old) */
	DL_ENOTLOADED,		/* used before the tool opened it */

	NSK_ERRCODE_END		/* one past the last code */
};
