/* SPDX-License-Identifier: GPL-2.0-or-later */
/* User and group names as a root's own /etc/passwd and /etc/group define
 * them, read as text: the NSS modules a container's nsswitch.conf names
 * are not ours to load, and its files are not ours to trust (they are
 * opened inside the root, never through a link out of it, and only when
 * they are regular files). */
#pragma once
#include <stddef.h>
#include <stdint.h>

/* The id field (the third) of the first entry named name in text, lines
 * of passwd(5) or group(5) ("name:password:ID:..."). NIS lines ('+', '-')
 * and comments are skipped. 0, IDNAME_ENONAME when no entry has that
 * name, IDNAME_EENTRY when that entry's id is not an id; negated. */
int idname_find(const char *text, size_t len, const char *name, uint32_t *ret_id);

/* The same in the file path (e.g. "/etc/passwd") inside the root rootfd:
 * symbolic links resolve as if rootfd were /. -errno, or negated
 * IDNAME_ENOTFILE, IDNAME_ETOOBIG, IDNAME_ENONAME, IDNAME_EENTRY. */
int idname_lookup(int rootfd, const char *path, const char *name, uint32_t *ret_id);
