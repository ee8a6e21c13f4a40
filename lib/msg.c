/* SPDX-License-Identifier: GPL-2.0-or-later */
/* msg: one frame for the handshakes of our processes (see msg.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"

int msg_encode(const struct msg *m, unsigned char *buf, size_t size)
{
	size_t len = strnlen(m->text, MSG_TEXT_MAX);
	int32_t head[2] = { m->kind, m->value };

	if (m->kind < 1 || m->kind > MSG_KIND_MAX || len >= MSG_TEXT_MAX ||
	    size < MSG_HEADER_SIZE + len)
		return -EINVAL;
	memcpy(buf, head, MSG_HEADER_SIZE);
	memcpy(buf + MSG_HEADER_SIZE, m->text, len);
	return (int)(MSG_HEADER_SIZE + len);
}

int msg_decode(const unsigned char *buf, size_t len, struct msg *ret)
{
	int32_t head[2];
	size_t text_len;

	if (len < MSG_HEADER_SIZE || len > MSG_WIRE_MAX)
		return -EBADMSG;
	memcpy(head, buf, MSG_HEADER_SIZE);
	text_len = len - MSG_HEADER_SIZE;
	if (head[0] < 1 || head[0] > MSG_KIND_MAX ||
	    memchr(buf + MSG_HEADER_SIZE, '\0', text_len))
		return -EBADMSG;
	ret->kind = head[0];
	ret->value = head[1];
	memcpy(ret->text, buf + MSG_HEADER_SIZE, text_len);
	ret->text[text_len] = '\0';
	return 0;
}

int msg_channel(int ret_fds[2])
{
	return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ret_fds) < 0 ? -errno : 0;
}

int msg_pipe(int ret_fds[2])
{
	return pipe2(ret_fds, O_DIRECT | O_CLOEXEC) < 0 ? -errno : 0;
}

/* write(2) to a pipe with no reader raises SIGPIPE: hold it blocked and
 * take it back, so that a pipe fails with EPIPE as send(MSG_NOSIGNAL)
 * does (one already pending is left as it was). */
static ssize_t write_nosignal(int fd, const void *buf, size_t n)
{
	static const struct timespec now = { 0, 0 };
	sigset_t pipe_set, old, pending;
	bool was_pending;
	ssize_t r;
	int err;

	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	r = write(fd, buf, n);
	err = errno;
	if (r < 0 && err == EPIPE && !was_pending)
		while (sigtimedwait(&pipe_set, NULL, &now) < 0 && errno == EINTR)
			;
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = err;
	return r;
}

int msg_send(int fd, int kind, int value, const char *text)
{
	struct msg m = { .kind = kind, .value = value };
	unsigned char buf[MSG_WIRE_MAX];
	int n;

	if (text)
		snprintf(m.text, sizeof(m.text), "%s", text);	/* a longer line is cut */
	if ((n = msg_encode(&m, buf, sizeof(buf))) < 0)
		return n;
	for (;;) {
		ssize_t sent = send(fd, buf, (size_t)n, MSG_NOSIGNAL);

		if (sent < 0 && errno == ENOTSOCK)
			sent = write_nosignal(fd, buf, (size_t)n);

		if (sent == n)
			return 0;
		if (sent < 0 && errno == EINTR)
			continue;
		return sent < 0 ? -errno : -EIO;
	}
}

int msg_recv(int fd, struct msg *ret)
{
	unsigned char buf[MSG_WIRE_MAX + 1];

	for (;;) {
		/* MSG_TRUNC: the real length, so that a longer one is refused. */
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_TRUNC);

		/* A pipe in packet mode: one message a read, a longer one cut
		 * to sizeof(buf) and so refused all the same. */
		if (n < 0 && errno == ENOTSOCK)
			n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == ECONNRESET ? -EPIPE : -errno;
		if (n == 0)
			return -EPIPE;	/* we never send an empty message */
		return msg_decode(buf, (size_t)n, ret);
	}
}

bool msg_peer_failed(int r, const struct msg *m)
{
	return r == -EPIPE || (r == -EPROTO && m && m->kind == MSG_FAILED);
}

int msg_expect(int fd, int kind, struct msg *ret)
{
	int r = msg_recv(fd, ret);

	if (r < 0)
		return r;
	return ret->kind == kind ? 0 : -EPROTO;
}
