#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "exec.h"
#include "init.h"
#include "readfile.h"

const int init_forwarded_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT,
};
const unsigned init_forwarded_count = ELEMENTSOF(init_forwarded_signals);

/* The ones that ask a held or pausing process to end. */
static const int ending_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

void init_block_ending(sigset_t *ret_blocked, sigset_t *ret_old)
{
	sigemptyset(ret_blocked);
	for (unsigned i = 0; i < ELEMENTSOF(ending_signals); i++) {
		struct sigaction sa;
		/* one ignored (nohup's HUP) stays ignored */
		if (sigaction(ending_signals[i], NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			continue;
		sigaddset(ret_blocked, ending_signals[i]);
	}
	sigprocmask(SIG_BLOCK, ret_blocked, ret_old);
}

bool init_ending_pending(const sigset_t *held)
{
	sigset_t pending;

	if (sigpending(&pending) < 0)
		return false;
	for (unsigned i = 0; i < ELEMENTSOF(ending_signals); i++)
		if (sigismember(held, ending_signals[i]) && sigismember(&pending, ending_signals[i]))
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

int init_hold_open(void)
{
	sigset_t set;
	int fd;

	/* A signalfd, not sigwaitinfo(): sigwaitinfo unblocks the signals it
	 * waits for, and `nsrun --release` recognises a held process by the
	 * release signal in its SigBlk. */
	hold_set(&set);
	fd = signalfd(-1, &set, SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

int init_hold_wait(int fd)
{
	for (;;) {
		struct signalfd_siginfo si;
		ssize_t n = read(fd, &si, sizeof(si));

		if (n != sizeof(si)) {
			if (n < 0 && errno == EINTR)
				continue;
			close(fd);
			return 125;
		}
		if ((int)si.ssi_signo != init_release_signal()) {
			close(fd);
			return 128 + (int)si.ssi_signo;
		}
		if (si.ssi_code == SI_QUEUE && si.ssi_int == INIT_RELEASE_COOKIE) {
			/* Released once: a second release must find us not held. */
			sigset_t rel;
			sigemptyset(&rel);
			sigaddset(&rel, init_release_signal());
			sigprocmask(SIG_UNBLOCK, &rel, NULL);
			close(fd);
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

int init_release(int pidfd, int procfd)
{
	char text[4096];
	int sig = init_release_signal();
	ssize_t n = readfile_at(procfd, "status", text, sizeof(text));
	siginfo_t si;

	if (n <= 0)
		return n < 0 ? (int)n : -ESRCH;
	if (init_status_state(text) != INIT_STATE_HELD)
		return -EPERM;
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
