/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"
#include "init.h"
#include "msg.h"

static void test_status_sigmask(void **state)
{
	const char *status = "Name:\tsleep\nSigQ:\t0/1\nSigPnd:\t0000000000000000\n"
			     "SigBlk:\t0000001000004a07\nSigIgn:\t0000000000000001\n"
			     "SigCgt:\t0000000000004002\n";
	uint64_t m = 0;

	assert_int_equal(init_status_sigmask(status, "SigBlk", &m), 0);
	assert_true(m == 0x0000001000004a07ULL);
	assert_int_equal(init_status_sigmask(status, "SigCgt", &m), 0);
	assert_true(m == 0x4002);
	assert_int_equal(init_status_sigmask(status, "SigIgn", &m), 0);
	assert_true(m == 1);
	assert_int_equal(init_status_sigmask(status, "ShdPnd", &m), -ENOENT);
	assert_int_equal(init_status_sigmask("SigBlk:\tzz\n", "SigBlk", &m), -EINVAL);
	/* Found by tests/fuzz/fuzz-status: strtoull took a sign, "0x" and a
	 * text after the digits; "-1" read as every signal blocked. */
	const char *bad[] = { "SigBlk:\t-1\n", "SigBlk:\t0x10\n", "SigBlk:\t+10\n",
			      "SigBlk:\t10 x\n", "SigBlk:\t10000000000000000\n", "SigBlk:\n", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(init_status_sigmask(bad[i], "SigBlk", &m), -EINVAL);
	assert_int_equal(init_status_sigmask("SigBlk:\tFFFFFFFFFFFFFFFF", "SigBlk", &m), 0);
	assert_true(m == UINT64_MAX);
	/* "Sig" alone is not a field name match for "SigBlk" */
	assert_int_equal(init_status_sigmask("SigBlkX:\t1\n", "SigBlk", &m), -ENOENT);
	assert_int_equal(init_release_signal(), SIGRTMIN + 3);
}

static void test_forwarded(void **state)
{
	/* the set DESIGN.md names, and never SIGKILL/SIGSTOP/SIGCHLD */
	int want[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT };

	assert_int_equal(init_forwarded_count, sizeof(want) / sizeof(want[0]));
	for (unsigned i = 0; i < init_forwarded_count; i++)
		assert_int_equal(init_forwarded_signals[i], want[i]);
}

static void test_should_forward(void **state)
{
	/* sent by a process (kill, sigqueue, the pdeath signal): always */
	assert_true(init_should_forward(SI_USER, 0, false));
	assert_true(init_should_forward(SI_QUEUE, INIT_REAP_ALL, false));
	assert_true(init_should_forward(SI_USER, INIT_CHILD_IS_BARE_PID1, true));
	assert_true(init_should_forward(SI_TKILL, INIT_CHILD_IS_BARE_PID1, false));
	/* from the terminal: the command got it already */
	assert_false(init_should_forward(SI_KERNEL, 0, false));
	assert_false(init_should_forward(SI_KERNEL, INIT_REAP_ALL, false));
	assert_false(init_should_forward(SI_KERNEL, 0, true));
	/* ... unless the kernel dropped it for a bare PID 1 with no handler */
	assert_true(init_should_forward(SI_KERNEL, INIT_CHILD_IS_BARE_PID1, false));
	assert_false(init_should_forward(SI_KERNEL, INIT_CHILD_IS_BARE_PID1, true));
}

/* Every signal whose default ends a process and that comes from outside
 * is held back, but not one that is ignored (nohup's HUP), nor a fault's
 * or a child's; the old mask comes back whole. */
static void test_block_ending(void **state)
{
	static const int ending[] = { SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
				      SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGXCPU, SIGSTKFLT };
	static const int not_ending[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGPIPE, SIGCHLD,
					  SIGWINCH, SIGCONT };
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_hup;
	sigset_t none, blocked, old, now;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	assert_int_equal(sigaction(SIGHUP, &ign, &old_hup), 0);
	init_block_ending(&blocked, &old);
	for (unsigned i = 0; i < sizeof(ending) / sizeof(ending[0]); i++)
		assert_true(sigismember(&blocked, ending[i]));
	for (unsigned i = 0; i < sizeof(not_ending) / sizeof(not_ending[0]); i++)
		assert_false(sigismember(&blocked, not_ending[i]));
	assert_false(sigismember(&blocked, SIGHUP));
	sigprocmask(SIG_SETMASK, NULL, &now);
	assert_true(sigismember(&now, SIGTERM));
	assert_false(sigismember(&now, SIGHUP));
	assert_false(sigismember(&old, SIGTERM));
	/* one that comes is noticed, and stays pending until taken */
	assert_false(init_ending_pending(&blocked));
	assert_int_equal(raise(SIGTERM), 0);
	assert_true(init_ending_pending(&blocked));
	{
		struct timespec now0 = { 0, 0 };
		sigset_t term;
		sigemptyset(&term);
		sigaddset(&term, SIGTERM);
		assert_int_equal(sigtimedwait(&term, NULL, &now0), SIGTERM);
	}
	assert_false(init_ending_pending(&blocked));
	/* USR1 as much as TERM: its default ends the process too */
	assert_int_equal(raise(SIGUSR1), 0);
	assert_true(init_ending_pending(&blocked));
	{
		struct timespec now0 = { 0, 0 };
		sigset_t usr1;
		sigemptyset(&usr1);
		sigaddset(&usr1, SIGUSR1);
		assert_int_equal(sigtimedwait(&usr1, NULL, &now0), SIGUSR1);
	}
	assert_false(init_ending_pending(&blocked));
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigprocmask(SIG_SETMASK, NULL, &now);
	assert_false(sigismember(&now, SIGTERM));
	sigaction(SIGHUP, &old_hup, NULL);
}

/* init_hold_ending blocks all of them, an ignored HUP too; the ignored one
 * that comes meanwhile is dropped when the mask is restored (the test
 * lives on), the old mask comes back whole. */
static void test_hold_ending(void **state)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_hup;
	sigset_t none, old, now, pending;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	assert_int_equal(sigaction(SIGHUP, &ign, &old_hup), 0);
	init_hold_ending(&old);
	sigprocmask(SIG_SETMASK, NULL, &now);
	assert_true(sigismember(&now, SIGINT));
	assert_true(sigismember(&now, SIGTERM));
	assert_true(sigismember(&now, SIGQUIT));
	assert_true(sigismember(&now, SIGHUP));
	assert_true(sigismember(&now, SIGUSR1));
	assert_true(sigismember(&now, SIGALRM));
	assert_false(sigismember(&now, SIGPIPE));
	assert_false(sigismember(&old, SIGHUP));
	assert_int_equal(raise(SIGHUP), 0);
	assert_int_equal(sigpending(&pending), 0);
	assert_true(sigismember(&pending, SIGHUP));
	sigprocmask(SIG_SETMASK, &old, NULL);
	assert_int_equal(sigpending(&pending), 0);
	assert_false(sigismember(&pending, SIGHUP));
	sigprocmask(SIG_SETMASK, NULL, &now);
	assert_false(sigismember(&now, SIGHUP));
	assert_false(sigismember(&now, SIGTERM));
	sigaction(SIGHUP, &old_hup, NULL);
}

/* The state of the handshake, from SigBlk alone: masks as nsrun's holders
 * show them (Linux 6.x). */
static void test_status_state(void **state)
{
	/* held: the release, forwarded, ending signals and CHLD */
	assert_int_equal(init_status_state("Name:\tnsrun\nSigBlk:\t0000001008034a07\n"),
			 INIT_STATE_HELD);
	/* the pause in sigwaitinfo: what it waits for (ending, CHLD) unblocked */
	assert_int_equal(init_status_state("SigBlk:\t0000001008020a00\n"), INIT_STATE_PAUSE);
	/* the forwarding init in sigwaitinfo: the release signal alone */
	assert_int_equal(init_status_state("SigBlk:\t0000001000000000\n"), INIT_STATE_OTHER);
	/* without the release signal, nothing of ours */
	assert_int_equal(init_status_state("SigBlk:\t0000000008034a07\n"), INIT_STATE_OTHER);
	assert_int_equal(init_status_state("SigBlk:\t0000000000000000\n"), INIT_STATE_OTHER);
	assert_int_equal(init_status_state("Name:\tx\n"), INIT_STATE_OTHER);
	assert_int_equal(init_status_state("SigBlk:\tzz\n"), INIT_STATE_OTHER);
}

static void test_fdinfo_flags(void **state)
{
	unsigned flags = 0;

	assert_int_equal(init_fdinfo_flags("pos:\t0\nflags:\t02040001\nmnt_id:\t15\n", &flags), 0);
	assert_int_equal(flags, 02040001);
	assert_true(init_is_report_pipe(flags));
	assert_int_equal(init_fdinfo_flags("flags:\t02000000", &flags), 0);
	assert_int_equal(flags, 02000000);
	assert_int_equal(init_fdinfo_flags("pos:\t0\n", &flags), -ENOENT);
	assert_int_equal(init_fdinfo_flags("flags:\tx\n", &flags), -EINVAL);
	assert_int_equal(init_fdinfo_flags("flags:\t019\n", &flags), -EINVAL);
	/* a report pipe: write-only, packet mode, close-on-exec */
	assert_false(init_is_report_pipe(O_WRONLY | O_DIRECT));
	assert_false(init_is_report_pipe(O_WRONLY | O_CLOEXEC));
	assert_false(init_is_report_pipe(O_RDONLY | O_DIRECT | O_CLOEXEC));
	assert_false(init_is_report_pipe(O_RDWR | O_DIRECT | O_CLOEXEC));
	assert_true(init_is_report_pipe(O_WRONLY | O_DIRECT | O_CLOEXEC | O_NONBLOCK));
}

/* The handshake on a process of our own: held (the release blocked), it
 * opens its hold; a releaser finds its report pipe, releases it, and
 * reads what it reports. Then it is held no more. */
static void test_hold_and_release(void **state)
{
	struct init_hold h;
	struct msg m;
	int procfd = open("/proc/self", O_PATH | O_DIRECTORY | O_CLOEXEC);
	int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	int report = -1;
	sigset_t old;

	assert_true(procfd >= 0 && pidfd >= 0);
	sigprocmask(SIG_SETMASK, NULL, &old);
	/* not held yet */
	assert_int_equal(init_release_open(procfd, &report), -EPERM);
	init_hold_block();
	assert_int_equal(init_release_open(procfd, &report), -EPERM);	/* no pipe */
	assert_int_equal(init_hold_open(&h), 0);
	assert_true(h.sigfd >= 0 && h.report_fd >= 0);
	assert_int_equal(init_release_open(procfd, &report), 0);
	assert_true(report >= 0 && (fcntl(report, F_GETFD) & FD_CLOEXEC));
	assert_int_equal(init_release(pidfd), 0);
	assert_int_equal(init_hold_wait(&h), 0);
	assert_int_equal(h.sigfd, -1);
	assert_int_equal(msg_send(h.report_fd, MSG_EXEC_FAILED, 127, "/x: command not found"), 0);
	close(h.report_fd);
	assert_int_equal(msg_recv(report, &m), 0);
	assert_true(m.kind == MSG_EXEC_FAILED && m.value == 127);
	assert_int_equal(msg_recv(report, &m), -EPIPE);
	close(report);
	/* released: held no more */
	assert_int_equal(init_release_open(procfd, &report), -EPERM);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(pidfd);
	close(procfd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_sigmask), cmocka_unit_test(test_forwarded),
		cmocka_unit_test(test_status_state),
		cmocka_unit_test(test_should_forward), cmocka_unit_test(test_fdinfo_flags),
		cmocka_unit_test(test_hold_and_release), cmocka_unit_test(test_block_ending),
		cmocka_unit_test(test_hold_ending),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
