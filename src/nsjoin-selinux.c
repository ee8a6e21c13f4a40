/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nsjoin -Z, --follow-context: the command is exec'd in the SELinux
 * context of the target, as nsenter(1) does. Built only with
 * --with-selinux (libselinux); without it the option is refused. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "err.h"
#include "nsjoin.h"

#ifdef HAVE_SELINUX
#include <selinux/selinux.h>

#include "readfile.h"

bool nsjoin_have_selinux(void)
{
	return true;
}

int nsjoin_follow_context(int procfd, pid_t pid)
{
	char con[4096];
	ssize_t n;

	if (is_selinux_enabled() <= 0)
		return 0;
	/* attr/current through the target's /proc directory (what
	 * getpidcon(3) reads by PID, which may have been reused since) */
	n = readfile_at(procfd, "attr/current", con, sizeof(con));
	if (n <= 0) {
		nsk_err("process %d: its SELinux context: %s", (int)pid,
			n < 0 ? strerror((int)-n) : "empty");
		return -1;
	}
	con[strcspn(con, "\n")] = '\0';
	if (setexeccon(con) < 0) {
		nsk_err("SELinux context %s: setting it for the command: %s", con, strerror(errno));
		return -1;
	}
	return 0;
}
#else
bool nsjoin_have_selinux(void)
{
	return false;
}

int nsjoin_follow_context(int procfd, pid_t pid)
{
	(void)procfd;
	(void)pid;
	return 0;
}
#endif
