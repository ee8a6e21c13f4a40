/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The messages that our own processes exchange (nsrun and its helper,
 * its holder, its command): one frame and one pair of functions for every
 * handshake. A channel is a SOCK_SEQPACKET socket pair, so that each send
 * is one message even with several writers, a peer that ended reads as
 * the end of the channel, and a send to it fails with EPIPE rather than
 * killing the sender before it can undo anything. */
#pragma once
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum msg_kind {
	MSG_FAILED = 1,	/* the sender failed (and said why) */
	MSG_HOLDER,	/* value: the PID of the process that holds the namespaces */
	MSG_READY,	/* ready: waiting for the go */
	MSG_GO,		/* go on */
	/* Requests to the helper (lib/helper.h) and its reply. */
	MSG_WRITE_MAPS,	/* write the uid/gid maps of PID value */
	MSG_PERSIST,	/* bind mount the namespaces of PID value to their files */
	MSG_KEEP,	/* keep what was made, and end */
	MSG_UNDO,	/* undo what was made, answer for each file left, and end */
	MSG_RESULT,	/* value: 0 or -errno; text: why it failed */
	/* The report of nsrun's detached or released command: nothing but
	 * the end of the channel when the exec succeeds (src/nsrun-cmd.c). */
	MSG_EXEC_FAILED,	/* value: the exit status (125, 126, 127); text: why */
	MSG_NSFILE,	/* before it: a namespace file (value: its type and more) */
	MSG_KIND_MAX = MSG_NSFILE,
};

/* Room for the text of a message, its NUL included. */
#define MSG_TEXT_MAX 512

struct msg {
	int kind;			/* enum msg_kind */
	int value;
	char text[MSG_TEXT_MAX];	/* "" or one line, without the tool's name */
};

/* On the wire: kind and value (32 bits each, this machine's order: both
 * ends are the same program), then the text's bytes, no NUL. */
#define MSG_HEADER_SIZE 8
#define MSG_WIRE_MAX (MSG_HEADER_SIZE + MSG_TEXT_MAX - 1)

/* Write m into buf (MSG_WIRE_MAX is enough). Pure: the length, or
 * -EINVAL for an unknown kind or a text too long. */
int msg_encode(const struct msg *m, unsigned char *buf, size_t size);
/* Read one message of len bytes. Pure: 0, or -EBADMSG when it is too
 * short or too long, of an unknown kind, or its text holds a NUL. */
int msg_decode(const unsigned char *buf, size_t len, struct msg *ret);

/* A new channel, both ends close-on-exec: 0 or -errno. */
int msg_channel(int ret_fds[2]);
/* A one-way channel: a pipe in packet mode (O_DIRECT, pipe(2)), so that
 * each send is one message there too, read end ret_fds[0], write end
 * ret_fds[1], both close-on-exec: 0 or -errno. Unlike a socket, it can be
 * opened again through /proc/PID/fd/N by whoever may read that process's
 * descriptors (and a message to a reader is at most PIPE_BUF: atomic). */
int msg_pipe(int ret_fds[2]);
/* Send one message (text NULL: none) on a channel or a pipe's write end:
 * 0, or -errno (-EPIPE when the peer has ended; never SIGPIPE). */
int msg_send(int fd, int kind, int value, const char *text);
/* Receive one message from a channel or a pipe's read end: 0, -EPIPE
 * when every peer has ended, -EBADMSG for one that is not ours, or
 * -errno. */
int msg_recv(int fd, struct msg *ret);
/* Receive one message and require its kind: 0, or -EPROTO for another
 * kind (*ret holds it: MSG_FAILED, for one), or msg_recv's error. */
int msg_expect(int fd, int kind, struct msg *ret);
/* After a send or receive failed with r (m: the message received, or
 * NULL): true when the peer ended or said it failed, so that it printed
 * why; false when the failure is this side's own, which it must report. */
bool msg_peer_failed(int r, const struct msg *m);
