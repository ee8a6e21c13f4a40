/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Joining another process's cgroups, in every hierarchy (nsjoin
 * --join-cgroup): each line of /proc/PID/cgroup is matched with the mount
 * of its hierarchy that shows that cgroup (lib/cgroup: cg_proc_next,
 * cg_mount_find), and the caller writes itself into cgroup.procs there.
 * Every hierarchy counts, a named one (name=systemd) too. */
#pragma once
#include "mountinfo.h"

/* Move the calling process into every cgroup of the process behind PROCFD
 * (a /proc/PID directory fd) that this mount namespace shows. 0, or
 * -errno with f (may be NULL) naming the file it concerned. */
struct nsk_failure;
int cgjoin_attach(int procfd, struct nsk_failure *f);
/* The same with the mounts MI (cgjoin_attach reads /proc/self/mountinfo). */
int cgjoin_attach_mounts(int procfd, const struct mountinfo *mi, struct nsk_failure *f);
