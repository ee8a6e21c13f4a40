/* Joining another process's cgroups, in every hierarchy (nsjoin
 * --join-cgroup): each line of /proc/PID/cgroup is matched with the mount
 * of its hierarchy in /proc/self/mountinfo, and the caller writes itself
 * into cgroup.procs there. The parsers are pure functions of the text. */
#pragma once
#include <stddef.h>

struct cgjoin_line {
	unsigned id;			/* 0: the v2 hierarchy */
	const char *controllers;	/* "cpu,cpuacct", "name=systemd", "" */
	const char *path;		/* "/box" */
};

/* Split one line "ID:CONTROLLERS:PATH" of /proc/PID/cgroup, in place.
 * Returns 0 or -EINVAL. */
int cgjoin_parse_line(char *line, struct cgjoin_line *ret);
/* The directory of cgroup PATH of the hierarchy named by CONTROLLERS
 * (v2: id 0) in the mounts described by MOUNTINFO (the text of
 * /proc/self/mountinfo): the mount point plus PATH below the mount's
 * root. -ENOENT when no mount of that hierarchy shows PATH, -ENAMETOOLONG
 * when the result does not fit in SIZE. */
int cgjoin_find_dir(const char *mountinfo, const struct cgjoin_line *cg, char *ret_dir,
		    size_t size);
/* Move the calling process into every cgroup of the process behind PROCFD
 * (a /proc/PID directory fd) that this mount namespace shows. On failure
 * returns -errno and leaves in ret_object the file it concerned. */
int cgjoin_attach(int procfd, char *ret_object, size_t size);
