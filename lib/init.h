/* The minimal init and the hold/release handshake (DESIGN.md, "The init",
 * "Composition").
 *
 * The init forwards INT, TERM, HUP, QUIT, USR1, USR2, WINCH and CONT to the
 * command, reaps every orphan, and returns the command's exit status. A
 * held process waits, before running its command, for the release signal
 * that `nsrun --release` sends with a cookie through a pidfd; it keeps the
 * signal blocked from before its handle is announced, so a release that
 * comes early is pending, not lost. */
#pragma once
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* The signals the init and nsrun forward to the command. */
extern const int init_forwarded_signals[];
extern const unsigned init_forwarded_count;

/* Hold back the signals that end a process (INT, TERM, HUP, QUIT; not one
 * that is ignored) over a step that must not be cut short: the set blocked
 * into *ret_blocked (for a signalfd that notices them), the mask before
 * into *ret_old. Restoring *ret_old lets one that came meanwhile end the
 * process, as it would have, with the step done. */
void init_block_ending(sigset_t *ret_blocked, sigset_t *ret_old);
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
/* The descriptor a held process waits on (a signalfd of the release and
 * the ending signals): >= 0, or -errno. */
int init_hold_open(void);
/* Wait on it (and close it) for the release. Returns 0 when released, or
 * 128+N when signal N asked the held process to end first. */
int init_hold_wait(int fd);
/* A process with no command: hold the namespaces, reaping any child,
 * until TERM, INT, HUP or QUIT; returns 128+N. */
int init_pause(void);
/* Send the release to a held process, after checking from its status
 * that it is one: -EPERM if not held (SigBlk lacks the release signal). */
int init_release(int pidfd, int procfd);
/* What one of nsrun's holders is to the hold/release handshake, from the
 * signal mask of its /proc/PID/status text (the kernel's facts, not its
 * name): HELD waits for the release (the release and the ending signals
 * blocked), PAUSE holds the namespaces with no command (waiting in
 * init_pause), OTHER is anything else (a running init, a command). Pure. */
enum init_state { INIT_STATE_OTHER, INIT_STATE_HELD, INIT_STATE_PAUSE };
enum init_state init_status_state(const char *status_text);
/* Parse a signal mask line ("SigBlk:\t0000000000010000") out of the text
 * of /proc/PID/status. Pure; -ENOENT when the field is missing. */
int init_status_sigmask(const char *status_text, const char *field, uint64_t *ret_mask);
