/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "msg.h"

static void test_round_trip(void **state)
{
	struct msg m = { .kind = MSG_RESULT, .value = -EINVAL, .text = "/run/x: exists" }, got;
	unsigned char buf[MSG_WIRE_MAX];
	int n = msg_encode(&m, buf, sizeof(buf));

	assert_int_equal(n, MSG_HEADER_SIZE + (int)strlen(m.text));
	memset(&got, 'x', sizeof(got));
	assert_int_equal(msg_decode(buf, (size_t)n, &got), 0);
	assert_int_equal(got.kind, MSG_RESULT);
	assert_int_equal(got.value, -EINVAL);
	assert_string_equal(got.text, "/run/x: exists");

	/* no text: just the header, and an empty text back */
	m = (struct msg){ .kind = MSG_HOLDER, .value = 4242 };
	assert_int_equal(msg_encode(&m, buf, sizeof(buf)), MSG_HEADER_SIZE);
	assert_int_equal(msg_decode(buf, MSG_HEADER_SIZE, &got), 0);
	assert_true(got.kind == MSG_HOLDER && got.value == 4242 && got.text[0] == '\0');

	/* the longest text */
	memset(m.text, 'a', MSG_TEXT_MAX - 1);
	m.text[MSG_TEXT_MAX - 1] = '\0';
	assert_int_equal(msg_encode(&m, buf, sizeof(buf)), MSG_WIRE_MAX);
	assert_int_equal(msg_decode(buf, MSG_WIRE_MAX, &got), 0);
	assert_int_equal(strlen(got.text), MSG_TEXT_MAX - 1);
}

static void test_encode_refusals(void **state)
{
	struct msg m = { .kind = 0 };
	unsigned char buf[MSG_WIRE_MAX];

	assert_int_equal(msg_encode(&m, buf, sizeof(buf)), -EINVAL);
	m.kind = MSG_KIND_MAX + 1;
	assert_int_equal(msg_encode(&m, buf, sizeof(buf)), -EINVAL);
	m.kind = MSG_GO;
	assert_int_equal(msg_encode(&m, buf, MSG_HEADER_SIZE - 1), -EINVAL);
	memset(m.text, 'a', sizeof(m.text));	/* no NUL: too long */
	assert_int_equal(msg_encode(&m, buf, sizeof(buf)), -EINVAL);
}

static void test_decode_refusals(void **state)
{
	struct msg m = { .kind = MSG_READY, .text = "abc" }, got;
	unsigned char buf[MSG_WIRE_MAX + 8];
	int n = msg_encode(&m, buf, sizeof(buf));
	int32_t kind;

	assert_int_equal(msg_decode(buf, 0, &got), -EBADMSG);
	assert_int_equal(msg_decode(buf, MSG_HEADER_SIZE - 1, &got), -EBADMSG);
	assert_int_equal(msg_decode(buf, MSG_WIRE_MAX + 1, &got), -EBADMSG);
	buf[MSG_HEADER_SIZE + 1] = '\0';	/* a NUL inside the text */
	assert_int_equal(msg_decode(buf, (size_t)n, &got), -EBADMSG);
	const int32_t bad_kinds[] = { 0, -1, MSG_KIND_MAX + 1 };
	for (unsigned i = 0; i < 3; i++) {
		kind = bad_kinds[i];
		memcpy(buf, &kind, sizeof(kind));
		assert_int_equal(msg_decode(buf, MSG_HEADER_SIZE, &got), -EBADMSG);
	}
}

/* Over a real channel: messages keep their bounds, a peer's end reads as
 * -EPIPE, a send to it fails with EPIPE (and no SIGPIPE). */
/* Who reports a failed exchange: the peer when it ended or said it
 * failed, this side for its own failure (tests/faults found it silent). */
static void test_peer_failed(void **state)
{
	struct msg failed = { .kind = MSG_FAILED }, other = { .kind = MSG_GO };

	(void)state;
	assert_true(msg_peer_failed(-EPIPE, NULL));
	assert_true(msg_peer_failed(-EPROTO, &failed));
	assert_false(msg_peer_failed(-EPROTO, &other));
	assert_false(msg_peer_failed(-EPROTO, NULL));
	assert_false(msg_peer_failed(-EIO, &failed));
	assert_false(msg_peer_failed(-ENOMEM, NULL));
}

static void test_channel(void **state)
{
	int fds[2], status;
	struct msg m;
	pid_t child;

	assert_int_equal(msg_channel(fds), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		close(fds[0]);
		if (msg_send(fds[1], MSG_HOLDER, 77, NULL) < 0 ||
		    msg_send(fds[1], MSG_READY, 0, "ready") < 0 || msg_expect(fds[1], MSG_GO, &m) < 0)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	assert_int_equal(msg_recv(fds[0], &m), 0);
	assert_true(m.kind == MSG_HOLDER && m.value == 77);
	assert_int_equal(msg_expect(fds[0], MSG_GO, &m), -EPROTO);
	assert_true(m.kind == MSG_READY && !strcmp(m.text, "ready"));
	assert_int_equal(msg_send(fds[0], MSG_GO, 0, NULL), 0);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(msg_recv(fds[0], &m), -EPIPE);
	assert_int_equal(msg_send(fds[0], MSG_GO, 0, NULL), -EPIPE);
	close(fds[0]);

	/* a message longer than ours is refused, not cut */
	char big[MSG_WIRE_MAX + 16];
	memset(big, 'x', sizeof(big));
	int32_t kind = MSG_RESULT;
	memcpy(big, &kind, sizeof(kind));
	assert_int_equal(msg_channel(fds), 0);
	assert_int_equal(send(fds[1], big, sizeof(big), 0), (int)sizeof(big));
	assert_int_equal(msg_recv(fds[0], &m), -EBADMSG);
	close(fds[0]);
	close(fds[1]);
}

/* Over a pipe in packet mode, and through /proc/self/fd as --release
 * opens it: one message a read, the writers' end reads as -EPIPE, a send
 * with no reader fails with EPIPE (no SIGPIPE), a longer one is refused. */
static void test_pipe(void **state)
{
	char path[64], big[MSG_WIRE_MAX + 16];
	int fds[2], again;
	int32_t kind = MSG_RESULT;
	struct msg m;

	assert_int_equal(msg_pipe(fds), 0);
	assert_true(fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
	assert_true(fcntl(fds[1], F_GETFD) & FD_CLOEXEC);
	/* the write end alone stays; a reader opens the pipe again */
	close(fds[0]);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fds[1]);
	again = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(again >= 0);
	assert_int_equal(msg_send(fds[1], MSG_RESULT, 127, "/x: command not found"), 0);
	assert_int_equal(msg_send(fds[1], MSG_GO, 3, NULL), 0);
	assert_int_equal(msg_recv(again, &m), 0);
	assert_true(m.kind == MSG_RESULT && m.value == 127);
	assert_string_equal(m.text, "/x: command not found");
	assert_int_equal(msg_recv(again, &m), 0);
	assert_true(m.kind == MSG_GO && m.value == 3 && !*m.text);
	memset(big, 'x', sizeof(big));
	memcpy(big, &kind, sizeof(kind));
	assert_int_equal(write(fds[1], big, sizeof(big)), (int)sizeof(big));
	assert_int_equal(msg_recv(again, &m), -EBADMSG);
	close(fds[1]);
	assert_int_equal(msg_recv(again, &m), -EPIPE);
	close(again);

	/* no reader left: EPIPE, and this process is still here */
	assert_int_equal(msg_pipe(fds), 0);
	close(fds[0]);
	assert_int_equal(msg_send(fds[1], MSG_GO, 0, NULL), -EPIPE);
	sigset_t pending;
	sigpending(&pending);
	assert_false(sigismember(&pending, SIGPIPE));
	close(fds[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_encode_refusals),
		cmocka_unit_test(test_decode_refusals),
		cmocka_unit_test(test_peer_failed),
		cmocka_unit_test(test_channel),
		cmocka_unit_test(test_pipe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
