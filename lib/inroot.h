/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Paths inside a root directory that is not ours: a container image or
 * a joined mount namespace's root, where any component may be a link put
 * there to lead out. openat2(RESOLVE_IN_ROOT) resolves them as if that
 * directory were /, and a mount is made through the fd it found (a magic
 * link naming exactly that directory), never through the path again. */
#pragma once

/* An fd of path inside the root rootfd, opened with flags (O_CLOEXEC is
 * added); no magic links are followed. The fd, or -errno. */
int inroot_open(int rootfd, const char *path, int flags);
/* mount(2) onto path inside rootfd. 0, or -errno. */
int inroot_mount(int rootfd, const char *path, const char *src, const char *fstype,
		 unsigned long flags, const char *data);
