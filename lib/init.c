/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "exec.h"
#include "init.h"
#include "msg.h"
#include "readfile.h"

const int init_forwarded_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT,
};
const unsigned init_forwarded_count = ELEMENTSOF(init_forwarded_signals);

/* The ones that ask a held or pausing process to end. */
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* Every signal whose default ends a process and that comes from outside
 * it (kill(2), a terminal, a timer), not from a fault of its own code: the
 * ones held back over a step that must not be cut short. Not the real-time
 * signals, which no one sends a tool of ours by chance. */
static const int step_ending_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
	SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGXCPU, SIGSTKFLT,
};

void init_block_ending(sigset_t *ret_blocked, sigset_t *ret_old)
{
	sigemptyset(ret_blocked);
	for (unsigned i = 0; i < ELEMENTSOF(step_ending_signals); i++) {
		struct sigaction sa;
		/* one ignored (nohup's HUP) stays ignored */
		if (sigaction(step_ending_signals[i], NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			continue;
		sigaddset(ret_blocked, step_ending_signals[i]);
	}
	sigprocmask(SIG_BLOCK, ret_blocked, ret_old);
}

void init_hold_ending(sigset_t *ret_old)
{
	sigset_t ending;

	sigemptyset(&ending);
	for (unsigned i = 0; i < ELEMENTSOF(step_ending_signals); i++)
		sigaddset(&ending, step_ending_signals[i]);
	sigprocmask(SIG_BLOCK, &ending, ret_old);
}

bool init_ending_pending(const sigset_t *held)
{
	sigset_t pending;

	if (sigpending(&pending) < 0)
		return false;
	for (unsigned i = 0; i < ELEMENTSOF(step_ending_signals); i++)
		if (sigismember(held, step_ending_signals[i]) &&
		    sigismember(&pending, step_ending_signals[i]))
			return true;
	return false;
}

int init_release_signal(void)
{
	return SIGRTMIN + 3;
}

static void forwarded_set(sigset_t *set)
{
	sigemptyset(set);
	for (unsigned i = 0; i < init_forwarded_count; i++)
		sigaddset(set, init_forwarded_signals[i]);
	sigaddset(set, SIGCHLD);
}

void init_block_signals(void)
{
	sigset_t set;

	forwarded_set(&set);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

static bool default_ends_process(int sig)
{
	return sig != SIGWINCH && sig != SIGCONT && sig != SIGCHLD;
}

/* Whether the process behind procfd has a handler for sig or ignores it. */
static bool handles_signal(int procfd, int sig)
{
	char text[4096];
	uint64_t caught = 0, ignored = 0;

	if (readfile_at(procfd, "status", text, sizeof(text)) <= 0)
		return true;	/* cannot tell: do not escalate */
	init_status_sigmask(text, "SigCgt", &caught);
	init_status_sigmask(text, "SigIgn", &ignored);
	return ((caught | ignored) >> (sig - 1)) & 1;
}

bool init_should_forward(int si_code, unsigned flags, bool child_handles)
{
	if (si_code != SI_KERNEL)
		return true;	/* kill(2) and the like: sent to us alone */
	return (flags & INIT_CHILD_IS_BARE_PID1) && !child_handles;
}

static int forward(pid_t child, int procfd, const siginfo_t *si, unsigned flags, int *meant)
{
	int sig = si->si_signo;
	/* Only a bare PID 1's handlers matter (and cost a read of status). */
	bool bare = (flags & INIT_CHILD_IS_BARE_PID1) && procfd >= 0;
	bool child_handles = bare ? handles_signal(procfd, sig) : false;

	if (!init_should_forward(si->si_code, flags, child_handles))
		return 0;
	if (bare && default_ends_process(sig) && !child_handles) {
		*meant = sig;
		return kill(child, SIGKILL);
	}
	return kill(child, sig);
}

int init_forward_and_wait(pid_t child, unsigned flags)
{
	_cleanup_close_ int procfd = -1;
	sigset_t set;
	int meant = 0;

	if (flags & INIT_CHILD_IS_BARE_PID1) {
		char path[32];
		snprintf(path, sizeof(path), "/proc/%d", (int)child);
		procfd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	}
	forwarded_set(&set);
	for (;;) {
		siginfo_t si;
		int sig = sigwaitinfo(&set, &si);

		if (sig < 0)
			continue;	/* EINTR */
		if (sig != SIGCHLD) {
			forward(child, procfd, &si, flags, &meant);
			continue;
		}
		for (;;) {
			int status;
			pid_t pid = exec_wait((flags & INIT_REAP_ALL) ? -1 : child, &status, WNOHANG);
			if (pid <= 0)
				break;
			if (pid != child)
				continue;
			if (meant && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
				return 128 + meant;
			return exec_status_from_wait(status);
		}
	}
}

static void hold_set(sigset_t *set);

void init_hold_block(void)
{
	sigset_t set;

	hold_set(&set);
	sigprocmask(SIG_BLOCK, &set, NULL);
}

static void hold_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, init_release_signal());
	for (unsigned i = 0; i < ELEMENTSOF(ending_signals); i++)
		sigaddset(set, ending_signals[i]);
}

/* The write end of a new report pipe, alone (a reader opens the pipe
 * again when it needs one), in the lowest free slot. */
static int report_pipe(void)
{
	int fds[2], r = msg_pipe(fds), fd;

	if (r < 0)
		return r;
	close(fds[0]);
	/* The same open file, so still in packet mode. */
	fd = fcntl(fds[1], F_DUPFD_CLOEXEC, 3);
	if (fd < 0 || fd > fds[1]) {
		if (fd >= 0)
			close(fd);
		return fds[1];
	}
	close(fds[1]);
	return fd;
}

int init_hold_open(struct init_hold *ret)
{
	sigset_t set;

	/* A signalfd, not sigwaitinfo(): sigwaitinfo unblocks the signals it
	 * waits for, and `nsrun --release` recognises a held process by the
	 * release signal in its SigBlk. */
	hold_set(&set);
	*ret = (struct init_hold)INIT_HOLD_INIT;
	if ((ret->sigfd = signalfd(-1, &set, SFD_CLOEXEC)) < 0)
		return -errno;
	if ((ret->report_fd = report_pipe()) < 0) {
		int r = ret->report_fd;
		close(TAKE_FD(ret->sigfd));
		return r;
	}
	return 0;
}

int init_hold_wait(struct init_hold *h)
{
	for (;;) {
		struct signalfd_siginfo si;
		ssize_t n = read(h->sigfd, &si, sizeof(si));

		if (n != sizeof(si)) {
			if (n < 0 && errno == EINTR)
				continue;
			close(TAKE_FD(h->sigfd));
			return 125;
		}
		if ((int)si.ssi_signo != init_release_signal()) {
			close(TAKE_FD(h->sigfd));
			return 128 + (int)si.ssi_signo;
		}
		if (si.ssi_code == SI_QUEUE && si.ssi_int == INIT_RELEASE_COOKIE) {
			/* Released once: a second release must find us not held. */
			sigset_t rel;
			sigemptyset(&rel);
			sigaddset(&rel, init_release_signal());
			sigprocmask(SIG_UNBLOCK, &rel, NULL);
			close(TAKE_FD(h->sigfd));
			return 0;
		}
	}
}

int init_pause(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	for (unsigned i = 0; i < ELEMENTSOF(ending_signals); i++)
		sigaddset(&set, ending_signals[i]);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (;;) {
		siginfo_t si;
		int sig = sigwaitinfo(&set, &si);

		if (sig < 0)
			continue;
		if (sig != SIGCHLD)
			return 128 + sig;
		while (exec_wait(-1, NULL, WNOHANG) > 0)
			;
	}
}

/* A mask as the kernel writes it after "SigBlk:": a tab, then 16 hex
 * digits (render_sigset_t), up to the line's end. strtoull would also
 * take a sign ("-1": every signal), "0x" and blanks before them. */
static int parse_sigmask(const char *s, uint64_t *ret_mask)
{
	uint64_t v = 0;
	size_t n;

	s += strspn(s, " \t");
	n = strspn(s, "0123456789abcdefABCDEF");
	if (n == 0 || n > 16 || (s[n] != '\n' && s[n] != '\0'))
		return -EINVAL;
	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);
		v = v << 4 | (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
	}
	*ret_mask = v;
	return 0;
}

int init_status_sigmask(const char *text, const char *field, uint64_t *ret_mask)
{
	size_t flen = strlen(field);

	for (const char *line = text; line && *line; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		if (!strncmp(line, field, flen) && line[flen] == ':')
			return parse_sigmask(line + flen + 1, ret_mask);
	}
	return -ENOENT;
}

int init_fdinfo_flags(const char *text, unsigned *ret_flags)
{
	for (const char *line = text; line && *line; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		if (!strncmp(line, "flags:", 6)) {
			char *end;
			errno = 0;
			unsigned long v = strtoul(line + 6, &end, 8);
			if (errno || end == line + 6 || v > UINT_MAX || (*end && *end != '\n'))
				return -EINVAL;
			*ret_flags = (unsigned)v;
			return 0;
		}
	}
	return -ENOENT;
}

bool init_is_report_pipe(unsigned flags)
{
	return (flags & O_ACCMODE) == O_WRONLY && (flags & O_DIRECT) && (flags & O_CLOEXEC);
}

/* Whether descriptor NAME of the process behind procfd is a report pipe. */
static bool is_report_pipe(int procfd, int fddir, const char *name)
{
	char link[64], path[NAME_MAX + 16], info[512];
	unsigned flags;
	ssize_t n = readlinkat(fddir, name, link, sizeof(link) - 1);

	if (n <= 0)
		return false;
	link[n] = '\0';
	snprintf(path, sizeof(path), "fdinfo/%s", name);
	return !strncmp(link, "pipe:", 5) && readfile_at(procfd, path, info, sizeof(info)) > 0 &&
	       init_fdinfo_flags(info, &flags) == 0 && init_is_report_pipe(flags);
}

/* Open the report pipe of the process behind procfd for reading. */
static int open_report_pipe(int procfd)
{
	int fddir = openat(procfd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fddir < 0 ? NULL : fdopendir(fddir);
	struct dirent *e;
	int r = -EPERM;

	if (!d) {
		r = -errno;
		if (fddir >= 0)
			close(fddir);
		return r;
	}
	while ((e = readdir(d))) {
		char path[NAME_MAX + 16];

		if (e->d_name[0] == '.' || !is_report_pipe(procfd, fddir, e->d_name))
			continue;
		snprintf(path, sizeof(path), "fd/%s", e->d_name);
		r = openat(procfd, path, O_RDONLY | O_CLOEXEC);
		r = r < 0 ? -errno : r;
		break;
	}
	closedir(d);
	return r;
}

int init_release_open(int procfd, int *ret_report_fd)
{
	char text[4096];
	ssize_t n = readfile_at(procfd, "status", text, sizeof(text));
	int fd;

	if (n <= 0)
		return n < 0 ? (int)n : -ESRCH;
	if (init_status_state(text) != INIT_STATE_HELD)
		return -EPERM;
	if ((fd = open_report_pipe(procfd)) < 0)
		return fd;
	*ret_report_fd = fd;
	return 0;
}

int init_release(int pidfd)
{
	int sig = init_release_signal();
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = INIT_RELEASE_COOKIE;
	if (syscall(SYS_pidfd_send_signal, pidfd, sig, &si, 0) < 0)
		return -errno;
	return 0;
}

enum init_state init_status_state(const char *status_text)
{
	uint64_t blocked = 0, ending = 0;

	if (init_status_sigmask(status_text, "SigBlk", &blocked) < 0 ||
	    !((blocked >> (init_release_signal() - 1)) & 1))
		return INIT_STATE_OTHER;
	for (unsigned i = 0; i < ELEMENTSOF(ending_signals); i++)
		ending |= 1ull << (ending_signals[i] - 1);
	/* A held process waits on a signalfd: its whole mask shows. The
	 * pause and the init wait in sigwaitinfo(2), and while they do the
	 * kernel unblocks the set waited for (do_sigtimedwait): the pause
	 * then still shows the forwarded signals it does not wait for (USR1
	 * among them), the forwarding init only the release signal. */
	if ((blocked & ending) == ending)
		return INIT_STATE_HELD;
	if (!(blocked & ending) && ((blocked >> (SIGUSR1 - 1)) & 1))
		return INIT_STATE_PAUSE;
	return INIT_STATE_OTHER;
}
