/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vethup-floor: the least a program can do to make what
 *     vethup --netns NETNS --name HOST --addr INNER/LEN --host-addr OUTER/LEN
 * makes (IPv4 only), hand-packed raw rtnetlink in three batches, no libnl,
 * no checks beyond the kernel's answers. bench/vethup.sh compares vethup
 * with it.
 *
 *     vethup-floor NETNS_FILE HOST PEER INNER/LEN OUTER/LEN
 *
 * Batches (each one sendmsg, then every ack read):
 *   1. host:   RTM_NEWLINK veth (host end up, peer IFLA_NET_NS_FD) + RTM_GETLINK host
 *   2. host:   RTM_NEWADDR on the host end
 *   3. inside: lo up, peer up, RTM_NEWADDR, default route via OUTER
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct batch {
	char buf[8192] __attribute__((aligned(NLMSG_ALIGNTO)));
	size_t len;
	unsigned count;
	uint32_t seq;
};

static struct nlmsghdr *msg_begin(struct batch *b, int type, int flags, const void *body,
				  size_t size)
{
	struct nlmsghdr *h = (struct nlmsghdr *)(b->buf + b->len);

	memset(h, 0, NLMSG_SPACE(size));
	h->nlmsg_len = NLMSG_LENGTH(size);
	h->nlmsg_type = (uint16_t)type;
	h->nlmsg_flags = (uint16_t)(NLM_F_REQUEST | NLM_F_ACK | flags);
	h->nlmsg_seq = ++b->seq;
	memcpy(NLMSG_DATA(h), body, size);
	return h;
}

static void msg_end(struct batch *b, struct nlmsghdr *h)
{
	b->len += NLMSG_ALIGN(h->nlmsg_len);
	b->count++;
}

static struct rtattr *attr(struct nlmsghdr *h, int type, const void *data, size_t size)
{
	struct rtattr *a = (struct rtattr *)((char *)h + NLMSG_ALIGN(h->nlmsg_len));

	a->rta_type = (unsigned short)type;
	a->rta_len = (unsigned short)RTA_LENGTH(size);
	if (size)
		memcpy(RTA_DATA(a), data, size);
	h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void nest_end(struct nlmsghdr *h, struct rtattr *a)
{
	a->rta_len = (unsigned short)((char *)h + h->nlmsg_len - (char *)a);
}

static int open_nl(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int one = 1, fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return -1;
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return fd;
}

/* Send the batch; read every ack; *ret_link gets IFLA_LINK of a link answer. */
static int commit(int fd, struct batch *b, int *ret_ifindex, int *ret_link)
{
	struct sockaddr_nl k = { .nl_family = AF_NETLINK };
	char buf[32768] __attribute__((aligned(NLMSG_ALIGNTO)));
	unsigned acks = 0;
	int err = 0;

	if (sendto(fd, b->buf, b->len, 0, (struct sockaddr *)&k, sizeof(k)) < 0)
		return -errno;
	while (acks < b->count) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		if (n < 0)
			return -errno;
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		     h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(h);
				if (e->error && !err)
					err = e->error;
				acks++;
			} else if (h->nlmsg_type == RTM_NEWLINK) {
				struct ifinfomsg *ifi = NLMSG_DATA(h);
				int len = (int)IFLA_PAYLOAD(h);
				*ret_ifindex = ifi->ifi_index;
				for (struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len); a = RTA_NEXT(a, len))
					if (a->rta_type == IFLA_LINK)
						*ret_link = *(int *)RTA_DATA(a);
			}
		}
	}
	b->len = 0;
	b->count = 0;
	return err;
}

static void add_link_up(struct batch *b, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_index = ifindex, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };

	msg_end(b, msg_begin(b, RTM_NEWLINK, 0, &ifi, sizeof(ifi)));
}

static void add_addr(struct batch *b, int ifindex, struct in_addr a, int len)
{
	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = (unsigned char)len,
				 .ifa_index = (unsigned)ifindex };
	struct nlmsghdr *h = msg_begin(b, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa));

	attr(h, IFA_LOCAL, &a, sizeof(a));
	attr(h, IFA_ADDRESS, &a, sizeof(a));
	msg_end(b, h);
}

static int parse_cidr(const char *s, struct in_addr *a, int *len)
{
	char text[32];
	const char *slash = strchr(s, '/');

	if (!slash || (size_t)(slash - s) >= sizeof(text))
		return -1;
	memcpy(text, s, (size_t)(slash - s));
	text[slash - s] = '\0';
	*len = atoi(slash + 1);
	return inet_pton(AF_INET, text, a) == 1 ? 0 : -1;
}

int main(int argc, char **argv)
{
	static struct batch b;
	struct ifinfomsg ifi = { .ifi_flags = IFF_UP, .ifi_change = IFF_UP }, peer = { 0 };
	struct rtmsg rtm = { .rtm_family = AF_INET, .rtm_table = RT_TABLE_MAIN,
			     .rtm_protocol = RTPROT_BOOT, .rtm_scope = RT_SCOPE_UNIVERSE,
			     .rtm_type = RTN_UNICAST };
	struct in_addr inner, outer;
	int inner_len, outer_len, host_index = 0, peer_index = 0, r;

	if (argc != 6 || parse_cidr(argv[4], &inner, &inner_len) < 0 ||
	    parse_cidr(argv[5], &outer, &outer_len) < 0) {
		fprintf(stderr, "usage: vethup-floor NETNS_FILE HOST PEER INNER/LEN OUTER/LEN\n");
		return 2;
	}
	int nsfd = open(argv[1], O_RDONLY | O_CLOEXEC), self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	int host = open_nl(), in;
	if (nsfd < 0 || self < 0 || host < 0 || setns(nsfd, CLONE_NEWNET) < 0 ||
	    (in = open_nl()) < 0 || setns(self, CLONE_NEWNET) < 0) {
		perror("vethup-floor: set-up");
		return 1;
	}

	/* 1. the pair, peer born inside; and the host end's index and IFLA_LINK */
	struct nlmsghdr *h = msg_begin(&b, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi));
	attr(h, IFLA_IFNAME, argv[2], strlen(argv[2]) + 1);
	struct rtattr *li = attr(h, IFLA_LINKINFO, NULL, 0);
	attr(h, IFLA_INFO_KIND, "veth", 5);
	struct rtattr *data = attr(h, IFLA_INFO_DATA, NULL, 0);
	struct rtattr *pa = attr(h, VETH_INFO_PEER, &peer, sizeof(peer));
	attr(h, IFLA_IFNAME, argv[3], strlen(argv[3]) + 1);
	attr(h, IFLA_NET_NS_FD, &nsfd, sizeof(nsfd));
	nest_end(h, pa);
	nest_end(h, data);
	nest_end(h, li);
	msg_end(&b, h);
	struct ifinfomsg get = { 0 };
	h = msg_begin(&b, RTM_GETLINK, 0, &get, sizeof(get));
	attr(h, IFLA_IFNAME, argv[2], strlen(argv[2]) + 1);
	msg_end(&b, h);
	if ((r = commit(host, &b, &host_index, &peer_index)) < 0)
		goto fail;

	/* 2. the host address */
	add_addr(&b, host_index, outer, outer_len);
	if ((r = commit(host, &b, &host_index, &peer_index)) < 0)
		goto fail;

	/* 3. inside: lo and the peer up, the address, the default route */
	add_link_up(&b, 1);
	add_link_up(&b, peer_index);
	add_addr(&b, peer_index, inner, inner_len);
	h = msg_begin(&b, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rtm, sizeof(rtm));
	attr(h, RTA_GATEWAY, &outer, sizeof(outer));
	attr(h, RTA_OIF, &peer_index, sizeof(peer_index));
	msg_end(&b, h);
	if ((r = commit(in, &b, &host_index, &peer_index)) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "vethup-floor: %s\n", strerror(-r));
	return 1;
}
