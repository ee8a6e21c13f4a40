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

