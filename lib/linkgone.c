/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <limits.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "linkgone.h"

int linkgone_open(void)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK, .nl_groups = RTMGRP_LINK };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		int r = -errno;
		close(fd);
		return r;
	}
	return fd;
}

int linkgone_has_dellink(const void *buf, size_t len, int ifindex)
{
	const struct nlmsghdr *h = buf;

	for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
		const struct ifinfomsg *ifi = NLMSG_DATA(h);
		/* AF_BRIDGE: a port leaving its bridge, not the link going */
		if (h->nlmsg_type == RTM_DELLINK && h->nlmsg_len >= NLMSG_LENGTH(sizeof(*ifi)) &&
		    ifi->ifi_family == AF_UNSPEC && ifi->ifi_index == ifindex)
			return 1;
	}
	return 0;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Read what is queued on fd: 1 when it held the deletion, 0 when not
 * (or nothing was left), -errno. */
static int drain(int fd, int ifindex)
{
	/* 8 KiB: a link notification is about 1.5 KiB */
	char buf[8192] __attribute__((aligned(NLMSG_ALIGNTO)));

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EAGAIN ? 0 : -errno;
		if (linkgone_has_dellink(buf, (size_t)n, ifindex))
			return 1;
	}
}

int linkgone_wait(int fd, int ifindex, long timeout_ms, int stop_fd)
{
	long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;

	for (;;) {
		int r = drain(fd, ifindex);
		if (r == -ENOBUFS) {
			/* notifications were lost: ask whether it is still there */
			char name[IF_NAMESIZE];
			if (!if_indextoname((unsigned)ifindex, name))
				return errno == ENXIO || errno == ENODEV ? 0 : -errno;
			r = 0;
		}
		if (r != 0)
			return r > 0 ? 0 : r;
		long left = deadline < 0 ? -1 : deadline - now_ms();
		if (deadline >= 0 && left <= 0)
			return -ETIME;
		struct pollfd pfd[2] = { { .fd = fd, .events = POLLIN },
					 { .fd = stop_fd, .events = POLLIN } };
		if (poll(pfd, stop_fd >= 0 ? 2 : 1, left < 0 || left > INT_MAX ? -1 : (int)left) < 0 &&
		    errno != EINTR)
			return -errno;
		if (stop_fd >= 0 && pfd[1].revents)
			return -EINTR;
	}
}
