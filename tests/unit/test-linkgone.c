/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "unit.h"
#include "linkgone.h"

/* Append one message of type with an ifinfomsg for ifindex (and len bytes
 * of ifinfomsg at most) to buf at *off. */
static void put_family(char *buf, size_t *off, int type, int family, int ifindex, size_t len)
{
	struct nlmsghdr *h = (struct nlmsghdr *)(buf + *off);
	struct ifinfomsg ifi = { .ifi_family = (unsigned char)family, .ifi_index = ifindex };

	if (len > sizeof(ifi))
		len = sizeof(ifi);
	memset(h, 0, NLMSG_SPACE(sizeof(ifi)));
	h->nlmsg_type = (unsigned short)type;
	h->nlmsg_len = NLMSG_LENGTH(len);
	memcpy(NLMSG_DATA(h), &ifi, len);
	*off += NLMSG_ALIGN(h->nlmsg_len);
}

static void put(char *buf, size_t *off, int type, int ifindex, size_t len)
{
	put_family(buf, off, type, AF_UNSPEC, ifindex, len);
}

static void test_has_dellink(void **state)
{
	char buf[1024] __attribute__((aligned(NLMSG_ALIGNTO)));
	size_t off = 0;

	/* the deletion among other notifications */
	put(buf, &off, RTM_NEWLINK, 7, sizeof(struct ifinfomsg));
	put(buf, &off, RTM_DELLINK, 6, sizeof(struct ifinfomsg));
	put(buf, &off, RTM_DELLINK, 7, sizeof(struct ifinfomsg));
	assert_true(linkgone_has_dellink(buf, off, 7));
	assert_true(linkgone_has_dellink(buf, off, 6));
	/* not this interface, or not a deletion */
	assert_false(linkgone_has_dellink(buf, off, 8));
	off = 0;
	put(buf, &off, RTM_NEWLINK, 7, sizeof(struct ifinfomsg));
	assert_false(linkgone_has_dellink(buf, off, 7));
	/* a port leaving its bridge (AF_BRIDGE) is not the link going */
	off = 0;
	put_family(buf, &off, RTM_DELLINK, AF_BRIDGE, 7, sizeof(struct ifinfomsg));
	assert_false(linkgone_has_dellink(buf, off, 7));
	/* a message too short to hold an ifinfomsg is not read past */
	off = 0;
	put(buf, &off, RTM_DELLINK, 7, 2);
	assert_false(linkgone_has_dellink(buf, off, 7));
	/* a datagram cut short, and an empty one */
	off = 0;
	put(buf, &off, RTM_DELLINK, 7, sizeof(struct ifinfomsg));
	assert_false(linkgone_has_dellink(buf, NLMSG_HDRLEN, 7));
	assert_false(linkgone_has_dellink(buf, 0, 7));
}

static void test_wait_times_out(void **state)
{
	int fd = linkgone_open();

	assert_true(fd >= 0);
	/* no interface has index 0: nothing comes */
	assert_int_equal(linkgone_wait(fd, 0, 20, -1), -ETIME);
	close(fd);
	assert_int_equal(linkgone_wait(-1, 0, 20, -1), -EBADF);
}

/* A readable stop_fd ends the wait at once, without a limit too. */
static void test_wait_stopped(void **state)
{
	int fd = linkgone_open(), stop[2];

	assert_true(fd >= 0);
	assert_int_equal(pipe(stop), 0);
	assert_int_equal(linkgone_wait(fd, 0, 20, stop[0]), -ETIME);
	assert_int_equal(write(stop[1], "x", 1), 1);
	assert_int_equal(linkgone_wait(fd, 0, -1, stop[0]), -EINTR);
	close(stop[0]);
	close(stop[1]);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_has_dellink),
		cmocka_unit_test(test_wait_times_out),
		cmocka_unit_test(test_wait_stopped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
