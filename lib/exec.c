/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "exec.h"

int exec_status_for_errno(int err)
{
	return (err == ENOENT || err == ENOTDIR || err == ELOOP) ? 127 : 126;
}

int exec_status_from_wait(int wstatus)
{
	if (WIFEXITED(wstatus))
		return WEXITSTATUS(wstatus);
	if (WIFSIGNALED(wstatus))
		return 128 + WTERMSIG(wstatus);
	return 125;
}

pid_t exec_wait(pid_t pid, int *wstatus, int flags)
{
	pid_t r;

	while ((r = waitpid(pid, wstatus, flags)) < 0 && errno == EINTR)
		;
	return r;
}

int exec_command(char *const argv[])
{
	char *shell[2] = { getenv("SHELL"), NULL };

	if (!argv[0]) {
		if (!shell[0] || !*shell[0])
			shell[0] = (char *)"/bin/sh";
		argv = shell;
	}
	execvp(argv[0], argv);
	return exec_status_for_errno(errno);
}

void exec_reset_signals(void)
{
	sigset_t none;

	/* The tools wait for signals by blocking them (sigwaitinfo,
	 * signalfd) and install no handler in a process that execs, so an
	 * empty mask is all there is to undo. Handlers would be reset by
	 * exec anyway; signals the caller ignores (nohup) stay ignored, as
	 * exec(2) and unshare(1) keep them. */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}


/* One name of a --whitelist-env list: [start, start+len). */
static bool env_name_ok(const char *start, size_t len)
{
	return len > 0 && !memchr(start, '=', len);
}

void exec_default_signals(const sigset_t *set)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(set, sig) == 1)
			signal(sig, SIG_DFL);
}

int exec_env_keep_only(const char *keep)
{
	char **saved = NULL;
	size_t n = 0;
	int r = 0;

	/* the values first: clearenv() takes them away */
	for (const char *p = keep; p && *p;) {
		size_t len = strcspn(p, ",");
		char name[256], **grown;
		const char *v;

		if (!env_name_ok(p, len) || len >= sizeof(name)) {
			r = -EINVAL;
			goto out;
		}
		memcpy(name, p, len);
		name[len] = '\0';
		p += len + (p[len] == ',');
		if (!(v = getenv(name)))
			continue;
		if (!(grown = realloc(saved, (n + 2) * sizeof(*saved)))) {
			r = -ENOMEM;
			goto out;
		}
		saved = grown;
		if (!(saved[n] = malloc(len + 1 + strlen(v) + 1))) {
			r = -ENOMEM;
			goto out;
		}
		sprintf(saved[n++], "%s=%s", name, v);
	}
	clearenv();
	/* setenv copies: the saved "NAME=VALUE" stay ours, and are freed */
	for (size_t i = 0; i < n && r == 0; i++) {
		char *eq = strchr(saved[i], '=');

		*eq = '\0';
		if (setenv(saved[i], eq + 1, 1) != 0)
			r = -errno;
	}
out:
	for (size_t i = 0; i < n; i++)
		free(saved[i]);
	free(saved);
	return r;
}
