/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What a process of ours does so that a container's root cannot use it
 * (DESIGN.md, the security rule): a process the container can see either
 * has the container's credentials, or is non-dumpable and holds no
 * descriptor, root or working directory of the host.
 *
 * Why non-dumpable: a process created by host root inside a new user
 * namespace keeps kuid 0, and the container's root holds CAP_SYS_PTRACE
 * in that namespace; only a non-dumpable process (whose mm belongs to the
 * host's user namespace) is out of its reach, for ptrace and for
 * /proc/PID/{root,cwd,fd,mem,environ} alike. exec(2) and every change of
 * credentials reset the flag, so it is set again after each. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The descriptors a command is given beyond 0, 1 and 2: --preserve-fds N
 * (3 .. 2+N, crun's spelling) and each --keep-fd FD. */
#define FDKEEP_MAX 64
struct fdkeep {
	unsigned preserve;		/* N of --preserve-fds */
	unsigned count;
	int fd[FDKEEP_MAX];		/* --keep-fd, in the order given */
};
#define FDKEEP_INIT { .preserve = 0, .count = 0 }

/* Parse --preserve-fds N into k; -EINVAL for a bad number. Pure. */
int fdkeep_parse_preserve(struct fdkeep *k, const char *arg);
/* Parse --keep-fd FD (a descriptor >= 3) into k; -EINVAL for a bad one,
 * -E2BIG past FDKEEP_MAX. Pure. */
int fdkeep_parse_fd(struct fdkeep *k, const char *arg);
/* Whether fd is one k keeps (0, 1 and 2 always are). Pure. */
bool fdkeep_has(const struct fdkeep *k, int fd);
/* The ranges [first, last] of descriptors >= 3 to close so that only
 * what k keeps stays open, lowest first, into ret (room for size); their
 * number, or -E2BIG when size is too small. The last range ends at
 * ~0U. Pure. */
int fdkeep_close_ranges(const struct fdkeep *k, unsigned (*ret)[2], size_t size);
/* Close every descriptor >= 3 that k (NULL: nothing) does not keep. */
int confine_close_fds(const struct fdkeep *k);
/* The same, sparing fd too (a channel still in use; -1: none). */
int confine_close_fds_but(const struct fdkeep *k, int fd);

/* Make this process non-dumpable (again, after a change of credentials). */
int confine_nondumpable(void);
/* Around a vfork whose child may change its credentials before its exec:
 * the kernel then sets the dumpable flag of the memory the child shares
 * with us to fs.suid_dumpable, which is 1 (dumpable) on some systems, and
 * that flag stays ours once the child has exec'd. confine_dumpable says
 * what it is before the vfork (PR_GET_DUMPABLE, or -errno), and
 * confine_restore_dumpable sets it back in the parent after. */
int confine_dumpable(void);
void confine_restore_dumpable(int was);
/* A process created by host root (or any outside user) in a user
 * namespace whose maps were written from outside runs under an unmapped
 * uid: its host one, outer_uid (its euid before the namespace was made).
 * Once the maps exist, become an id of the namespace: root if uid 0 is
 * mapped, else want_uid (likewise the gid), else the first mapped one;
 * drop supplementary groups where setgroups is allowed. Does nothing when
 * outer_uid is mapped (then it is our uid inside) or nothing is mapped
 * yet. 0, or -errno with f (may be NULL) naming the step that failed
 * ("setresuid"). The change of credentials leaves the process dumpable as
 * fs.suid_dumpable says. */
struct nsk_failure;
int confine_become_mapped(uid_t outer_uid, gid_t outer_gid, uid_t want_uid, gid_t want_gid,
			  struct nsk_failure *f);
/* The inner id to become in a user namespace with map m: 0 if mapped,
 * else want if mapped, else the first range's first id. -ENOENT when the
 * map is empty. Pure. */
struct idmap;
int confine_pick_id(const struct idmap *m, uint32_t want, uint32_t *ret_id);
