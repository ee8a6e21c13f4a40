/* Joining another process's cgroups, in every hierarchy (nsjoin
 * --join-cgroup): each line of /proc/PID/cgroup is matched with the mount
 * of its hierarchy that shows that cgroup (lib/cgroup: cg_proc_next,
 * cg_mount_find), and the caller writes itself into cgroup.procs there.
 * Every hierarchy counts, a named one (name=systemd) too. */
#pragma once
#include <stddef.h>

#include "mountinfo.h"

/* Move the calling process into every cgroup of the process behind PROCFD
 * (a /proc/PID directory fd) that this mount namespace shows. On failure
 * returns -errno and leaves in ret_object the file it concerned. */
int cgjoin_attach(int procfd, char *ret_object, size_t size);
/* The same with the mounts MI (cgjoin_attach reads /proc/self/mountinfo). */
int cgjoin_attach_mounts(int procfd, const struct mountinfo *mi, char *ret_object,
			 size_t size);
