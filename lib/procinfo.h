/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What /proc says about one process: /proc/PID/stat (parent, state,
 * start time, comm) and the NSpid line of /proc/PID/status. Parsers are
 * pure, text in, struct out; readers take the /proc directory fd. */
#pragma once
#include <stdint.h>
#include <sys/types.h>

struct procinfo {
	pid_t pid, ppid;
	char state;			/* R, S, D, T, Z, ... */
	uint64_t starttime;		/* clock ticks after boot */
	char comm[16];			/* the kernel's name (TASK_COMM_LEN) */
};

/* Parse the text of /proc/PID/stat ("42 (a) b) S 1 ... "): the comm may
 * hold spaces and parentheses, so the fields after it are found from its
 * last ')'. 0 or -EINVAL. */
int procinfo_parse_stat(const char *text, struct procinfo *ret);
/* Read /proc/PID/stat under proc_fd (an open /proc; AT_FDCWD with
 * "/proc" meant: pass -1). 0, -ESRCH when the process is gone, -errno. */
int procinfo_read(int proc_fd, pid_t pid, struct procinfo *ret);
/* The PID in its innermost PID namespace: the last number of the NSpid
 * line of a /proc/PID/status text. 0 or -ENOENT/-EINVAL. */
int procinfo_parse_nspid(const char *status_text, pid_t *ret_inner);
