/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The minimal init and the hold/release handshake (DESIGN.md, "The init",
 * "Composition").
 *
 * The init forwards INT, TERM, HUP, QUIT, USR1, USR2, WINCH and CONT to the
 * command, reaps every orphan, and returns the command's exit status. A
 * held process waits, before running its command, for the release signal
 * that `nsrun --release` sends with a cookie through a pidfd; it keeps the
 * signal blocked from before its handle is announced, so a release that
 * comes early is pending, not lost.
 *
 * The releaser is not the held process's parent and shares no channel with
 * it, yet must learn whether the command started. So the held process
 * keeps one more descriptor, the write end of a lib/msg pipe (msg_pipe,
 * packet mode) that leads nowhere but to whoever opens it again: the
 * releaser opens it for reading through /proc/PID/fd/N before it sends
 * the release, then reads what the released process reports on it (see
 * src/nsrun-cmd.c, struct nsrun_report). Opening it takes what reading
 * the process's descriptors takes (ptrace's "read" mode: root, or the
 * process's own user while it is dumpable), as killing it takes that
 * user. */
#pragma once
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* The signals the init and nsrun forward to the command. */
extern const int init_forwarded_signals[];
extern const unsigned init_forwarded_count;

/* Hold back the signals that end a process (every one whose default ends
 * it and that comes from outside: INT, TERM, HUP, QUIT, USR1, USR2, ALRM,
 * VTALRM, PROF, IO, PWR, XCPU, STKFLT; not one that is ignored) over a
 * step that must not be cut short: the set blocked into *ret_blocked (for
 * a signalfd that notices them), the mask before into *ret_old. Restoring
 * *ret_old lets one that came meanwhile end the process, as it would
 * have, with the step done. */
void init_block_ending(sigset_t *ret_blocked, sigset_t *ret_old);
/* The same for a step that neither notices them nor undoes anything (a
 * map write): all blocked, without asking which are ignored (one system
 * call instead of fourteen). One that is ignored and comes meanwhile is
 * dropped when *ret_old is restored, as it would have been at once. */
void init_hold_ending(sigset_t *ret_old);
/* Whether one of those held back (init_block_ending's *ret_blocked) has
 * come: a tool that can still undo what it made does, before letting the
 * signal end it. */
bool init_ending_pending(const sigset_t *held);

/* The release signal and the cookie that must accompany it. */
int init_release_signal(void);
#define INIT_RELEASE_COOKIE 0x6e736b72	/* "nskr" */

enum {
	/* Reap every child, not only the command: we are PID 1. */
	INIT_REAP_ALL = 1 << 0,
	/* The child is PID 1 of a new PID namespace with no init of ours:
	 * the kernel drops a signal it has no handler for, so a signal
	 * whose default would end it is turned into SIGKILL, and the exit
	 * status reports the signal that was meant (TERM: 143). */
	INIT_CHILD_IS_BARE_PID1 = 1 << 1,
};

/* Whether to forward a signal that came with si_code to the command.
 * One from the terminal (SI_KERNEL: Ctrl-C, hang-up, resize)
 * went to the whole foreground process group, the command included, and
 * is not sent again; except to a bare PID 1 with no handler for it
 * (child_handles false), for which the kernel dropped it. Pure. */
bool init_should_forward(int si_code, unsigned flags, bool child_handles);
/* Block the forwarded signals and SIGCHLD (before forking the command, so
 * none is lost); the child must call exec_reset_signals() before exec. */
void init_block_signals(void);
/* Forward signals to `child` until it exits; returns the exit status to
 * exit with (its code, or 128+N). */
int init_forward_and_wait(pid_t child, unsigned flags);
/* Block the release signal and the ones that end a held process. */
void init_hold_block(void);
/* What a held process holds while it waits. */
struct init_hold {
	int sigfd;	/* a signalfd of the release and the ending signals */
	int report_fd;	/* the write end of the report pipe, close-on-exec */
};
#define INIT_HOLD_INIT { .sigfd = -1, .report_fd = -1 }
/* Open both (the signalfd in the lowest free slot, the pipe's write end
 * alone in the next): 0, or -errno with nothing left open. */
int init_hold_open(struct init_hold *ret);
/* Wait for the release, and close the signalfd. Returns 0 when released,
 * or 128+N when signal N asked the held process to end first (125 if the
 * wait itself failed). The report pipe stays open: the released process
 * reports through it. */
int init_hold_wait(struct init_hold *h);
/* A process with no command: hold the namespaces, reaping any child,
 * until TERM, INT, HUP or QUIT; returns 128+N. */
int init_pause(void);
/* What one of nsrun's holders is to the hold/release handshake, from the
 * signal mask of its /proc/PID/status text (the kernel's facts, not its
 * name): HELD waits for the release (the release and the ending signals
 * blocked), PAUSE holds the namespaces with no command (waiting in
 * init_pause), OTHER is anything else (a running init, a command). Pure. */
enum init_state { INIT_STATE_OTHER, INIT_STATE_HELD, INIT_STATE_PAUSE };
enum init_state init_status_state(const char *status_text);
/* Before the release: check from its status that the process behind
 * procfd is held, and open again, for reading, its report pipe, found
 * among its descriptors by init_is_report_pipe (the ones it keeps from
 * nsrun's caller crossed nsrun's exec, so none of them is close-on-exec),
 * into *ret_report_fd (close-on-exec). 0; -EPERM if it is not held, or
 * has no such pipe; -EACCES if its descriptors are not ours to see; or
 * -errno. */
int init_release_open(int procfd, int *ret_report_fd);
/* Send the release, with its cookie, through pidfd: 0 or -errno. */
int init_release(int pidfd);
/* Parse a signal mask line ("SigBlk:\t0000000000010000") out of the text
 * of /proc/PID/status. Pure; -ENOENT when the field is missing. */
int init_status_sigmask(const char *status_text, const char *field, uint64_t *ret_mask);
/* The flags of a descriptor (O_CLOEXEC included), out of the text of its
 * /proc/PID/fdinfo/N ("flags:\t02004001", octal). Pure; -ENOENT when the
 * field is missing, -EINVAL when it is not a number. */
int init_fdinfo_flags(const char *fdinfo_text, unsigned *ret_flags);
/* Whether a pipe's descriptor with these flags is a report pipe's write
 * end: write-only, packet mode (O_DIRECT), close-on-exec. Pure. */
bool init_is_report_pipe(unsigned flags);
