/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A process's name as ps shows it: its comm (PR_SET_NAME) and its command
 * line, rewritten in place in the memory of main's argv (the kernel reads
 * /proc/PID/cmdline from there), so that nsrun's holder shows as
 * "nsrun-held CMD..." and its init as "nsrun-init CMD...". nsls does not
 * rely on it: it reads the kernel's facts. */
#pragma once
#include <stddef.h>

struct proctitle {
	char *start;		/* argv[0]; NULL: nothing to rewrite */
	size_t size;		/* up to the end of the last argument's NUL */
};

/* Record the argv area of main(argc, argv), and copy the strings of keep
 * (a NULL-terminated tail of argv: what must outlive a rewrite) with
 * their pointer array into one block: *ret_keep, which lives as long as
 * the process and is never freed (the first call's, when it fits, is
 * this module's static storage; a larger or later one is malloc'd). 0 or
 * -ENOMEM (nothing recorded then). */
int proctitle_init(struct proctitle *pt, int argc, char **argv, char **keep, char ***ret_keep);
/* NAME, then each word of args (may be NULL), NUL separated, in a buffer
 * of size bytes; what does not fit is cut, the rest zeroed, the last byte
 * always NUL. Pure. */
void proctitle_format(char *buf, size_t size, const char *name, char *const *args);
/* comm NAME (cut to 15 bytes) and the command line proctitle_format
 * writes into the recorded area; nothing when none was recorded. */
void proctitle_set(const struct proctitle *pt, const char *name, char *const *args);
