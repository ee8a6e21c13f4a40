/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The seccomp tests' ordinary program: threads, fork and exec, a socket
 * pair, a TCP connection over lo, a pipe, a timer and a poll; prints
 * "workload ok" when every step worked, else the step that failed (and
 * exits 1). Under the default profile it must run as it does without. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(cond, step) do { if (!(cond)) { \
	printf("workload failed: %s: %s\n", step, strerror(errno)); exit(1); } } while (0)

static void *thread_main(void *arg)
{
	int *fd = arg;
	char c = 't';

	return write(fd[1], &c, 1) == 1 ? arg : NULL;
}

static void threads(void)
{
	int fd[2];
	pthread_t t;
	void *ret;
	char c;

	CHECK(pipe2(fd, O_CLOEXEC) == 0, "pipe2");
	CHECK(pthread_create(&t, NULL, thread_main, fd) == 0, "pthread_create");
	CHECK(pthread_join(t, &ret) == 0 && ret, "pthread_join");
	CHECK(read(fd[0], &c, 1) == 1 && c == 't', "read from the thread");
	close(fd[0]);
	close(fd[1]);
}

static void fork_exec(const char *true_path)
{
	int status;
	pid_t pid = fork();

	CHECK(pid >= 0, "fork");
	if (pid == 0) {
		execl(true_path, "true", (char *)NULL);
		_exit(127);
	}
	CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "exec of true");
}

static void socket_pair(void)
{
	int sv[2];
	char buf[4];

	CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) == 0, "socketpair");
	CHECK(send(sv[0], "abc", 3, 0) == 3, "send");
	CHECK(recv(sv[1], buf, sizeof(buf), 0) == 3 && !memcmp(buf, "abc", 3), "recv");
	close(sv[0]);
	close(sv[1]);
}

static void tcp_loopback(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), c, s;
	char buf[4];

	CHECK(l >= 0, "socket");
	CHECK(bind(l, (struct sockaddr *)&a, sizeof(a)) == 0, "bind");
	CHECK(listen(l, 1) == 0 && getsockname(l, (struct sockaddr *)&a, &len) == 0, "listen");
	CHECK((c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) >= 0, "socket");
	CHECK(connect(c, (struct sockaddr *)&a, sizeof(a)) == 0, "connect");
	CHECK((s = accept4(l, NULL, NULL, SOCK_CLOEXEC)) >= 0, "accept4");
	CHECK(write(c, "xyz", 3) == 3 && read(s, buf, 3) == 3 && !memcmp(buf, "xyz", 3), "tcp data");
	close(s);
	close(c);
	close(l);
}

static void timer_poll(void)
{
	struct itimerspec it = { .it_value.tv_nsec = 1000000 };
	int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	struct pollfd p = { .fd = t, .events = POLLIN };

	CHECK(t >= 0 && timerfd_settime(t, 0, &it, NULL) == 0, "timerfd");
	CHECK(poll(&p, 1, 5000) == 1, "poll");
	close(t);
}

int main(int argc, char **argv)
{
	threads();
	fork_exec(argc > 1 ? argv[1] : "/bin/true");
	socket_pair();
	tcp_loopback();
	timer_poll();
	puts("workload ok");
	return 0;
}
