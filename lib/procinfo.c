/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "procinfo.h"
#include "readfile.h"

int procinfo_parse_stat(const char *text, struct procinfo *ret)
{
	const char *open = strchr(text, '('), *close = strrchr(text, ')');
	unsigned long long start;
	int pid, ppid, n = 0;
	char state;

	if (!open || !close || close < open || sscanf(text, "%d (", &pid) != 1)
		return -EINVAL;
	/* state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
	 * cmajflt utime stime cutime cstime priority nice num_threads
	 * itrealvalue starttime (proc_pid_stat(5)) */
	if (sscanf(close + 1, " %c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu%n",
		   &state, &ppid, &start, &n) != 3 || n == 0)
		return -EINVAL;
	size_t len = (size_t)(close - open - 1);
	if (len >= sizeof(ret->comm))
		len = sizeof(ret->comm) - 1;
	memcpy(ret->comm, open + 1, len);
	ret->comm[len] = '\0';
	ret->pid = pid;
	ret->ppid = ppid;
	ret->state = state;
	ret->starttime = start;
	return 0;
}

int procinfo_read(int proc_fd, pid_t pid, struct procinfo *ret)
{
	char path[32], text[1024];
	ssize_t n;

	snprintf(path, sizeof(path), proc_fd < 0 ? "/proc/%d/stat" : "%d/stat", (int)pid);
	n = readfile_at(proc_fd < 0 ? AT_FDCWD : proc_fd, path, text, sizeof(text));
	if (n == -ENOENT)
		return -ESRCH;
	if (n < 0)
		return (int)n;
	return procinfo_parse_stat(text, ret);
}

int procinfo_parse_nspid(const char *status_text, pid_t *ret_inner)
{
	const char *line = strstr(status_text, "\nNSpid:");
	const char *end, *last;
	char num[16];

	if (!line)
		return -ENOENT;
	line += strlen("\nNSpid:");
	end = line + strcspn(line, "\n");
	while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	last = end;
	while (last > line && last[-1] != ' ' && last[-1] != '\t')
		last--;
	if (last == end || (size_t)(end - last) >= sizeof(num))
		return -EINVAL;
	memcpy(num, last, (size_t)(end - last));
	num[end - last] = '\0';
	return parse_pid(num, ret_inner);
}
