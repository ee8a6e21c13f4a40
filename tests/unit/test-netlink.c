/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The requests lib/netlink builds, checked attribute by attribute without
 * sending them (no root, no kernel): what the integration tests cannot
 * see, e.g. that the peer is born in the namespace by the same request. */
#include "unit.h"
#include "netlink.h"
#include "rtnl-reply.h"

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>

static struct nlmsghdr *msg_at(struct netlink_batch *b, unsigned i)
{
	return (struct nlmsghdr *)(b->buf + b->offset[i]);
}

static struct nlmsghdr *only_msg(struct netlink_batch *b)
{
	assert_int_equal(b->build_err, 0);
	assert_int_equal(b->count, 1);
	/* the whole request, nothing after it */
	assert_int_equal(b->used, NLMSG_ALIGN(msg_at(b, 0)->nlmsg_len));
	return msg_at(b, 0);
}

static uint32_t u32(const struct rtattr *a)
{
	uint32_t v;

	assert_non_null(a);
	assert_int_equal(rtnl_get_u32(a, &v), 0);
	return v;
}

static const char *str(const struct rtattr *a)
{
	assert_non_null(a);
	/* the kernel wants the NUL inside the attribute */
	assert_true(rtnl_len(a) > 0);
	assert_int_equal(((const char *)rtnl_data(a))[rtnl_len(a) - 1], '\0');
	return rtnl_data(a);
}

static void test_veth(void **state)
{
	struct macaddr mac = { { 2, 0, 0, 0, 0, 1 } };
	struct netlink_veth v = { .name = "vh", .peer = "eth0", .peer_netns_fd = 42, .mtu = 1400,
				  .peer_mac = &mac, .master = 7 };
	const struct rtattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1], *data[VETH_INFO_MAX + 1];
	const struct rtattr *ptb[IFLA_MAX + 1];
	struct netlink_batch b;

	netlink_batch_init(&b);
	assert_int_equal(netlink_batch_veth_add(&b, &v), 0);
	struct nlmsghdr *h = only_msg(&b);
	assert_int_equal(h->nlmsg_type, RTM_NEWLINK);
	/* exclusive: an existing name is an error, never reused */
	assert_true(h->nlmsg_flags & NLM_F_CREATE);
	assert_true(h->nlmsg_flags & NLM_F_EXCL);
	struct ifinfomsg *ifi = NLMSG_DATA(h);
	assert_true(ifi->ifi_flags & IFF_UP);
	assert_true(ifi->ifi_change & IFF_UP);
	assert_int_equal(rtnl_attrs(h, sizeof(*ifi), tb, IFLA_MAX), 0);
	assert_string_equal(str(tb[IFLA_IFNAME]), "vh");
	assert_int_equal(u32(tb[IFLA_MTU]), 1400);
	assert_int_equal(u32(tb[IFLA_MASTER]), 7);
	assert_null(tb[IFLA_ADDRESS]);		/* the host end's MAC: random */
	assert_null(tb[IFLA_NET_NS_FD]);	/* the host end stays here */
	assert_int_equal(rtnl_nested(tb[IFLA_LINKINFO], 0, info, IFLA_INFO_MAX), 0);
	assert_string_equal(str(info[IFLA_INFO_KIND]), "veth");
	assert_int_equal(rtnl_nested(info[IFLA_INFO_DATA], 0, data, VETH_INFO_MAX), 0);
	assert_non_null(data[VETH_INFO_PEER]);

	/* the peer: an ifinfomsg, then its attributes */
	const struct ifinfomsg *pifi = rtnl_data(data[VETH_INFO_PEER]);
	assert_false(pifi->ifi_flags & IFF_UP);	/* veth_open would fail: ENOTCONN */
	assert_int_equal(rtnl_nested(data[VETH_INFO_PEER], sizeof(*pifi), ptb, IFLA_MAX), 0);
	assert_string_equal(str(ptb[IFLA_IFNAME]), "eth0");
	assert_int_equal(u32(ptb[IFLA_NET_NS_FD]), 42);
	assert_int_equal(u32(ptb[IFLA_MTU]), 1400);
	assert_int_equal(rtnl_len(ptb[IFLA_ADDRESS]), MAC_LEN);
	assert_memory_equal(rtnl_data(ptb[IFLA_ADDRESS]), mac.bytes, MAC_LEN);
	netlink_batch_free(&b);
}

static void test_addr(void **state)
{
	const struct rtattr *tb[IFA_MAX + 1];
	struct netlink_batch b;
	struct ipaddr a;

	netlink_batch_init(&b);
	assert_int_equal(cidr_parse("fd00::2/64", &a), 0);
	assert_int_equal(netlink_batch_addr_add(&b, 5, &a), 0);
	struct nlmsghdr *h = only_msg(&b);
	struct ifaddrmsg *ifa = NLMSG_DATA(h);
	assert_int_equal(h->nlmsg_type, RTM_NEWADDR);
	assert_true(h->nlmsg_flags & NLM_F_EXCL);
	assert_int_equal(ifa->ifa_family, AF_INET6);
	assert_int_equal(ifa->ifa_prefixlen, 64);
	assert_int_equal(ifa->ifa_index, 5);
	assert_int_equal(rtnl_attrs(h, sizeof(*ifa), tb, IFA_MAX), 0);
	assert_memory_equal(rtnl_data(tb[IFA_LOCAL]), a.bytes, 16);
	/* usable at once: no duplicate address detection */
	uint32_t flags = tb[IFA_FLAGS] ? u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	assert_true(flags & IFA_F_NODAD);
	netlink_batch_free(&b);

	assert_int_equal(cidr_parse("10.0.0.2/24", &a), 0);
	assert_int_equal(netlink_batch_addr_add(&b, 5, &a), 0);
	h = only_msg(&b);
	ifa = NLMSG_DATA(h);
	assert_int_equal(rtnl_attrs(h, sizeof(*ifa), tb, IFA_MAX), 0);
	flags = tb[IFA_FLAGS] ? u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	assert_false(flags & IFA_F_NODAD);
	netlink_batch_free(&b);
}

static void test_route(void **state)
{
	const struct rtattr *tb[RTA_MAX + 1];
	struct netlink_batch b;
	struct ipaddr gw;

	netlink_batch_init(&b);
	assert_int_equal(ipaddr_parse("10.0.0.1", &gw), 0);
	assert_int_equal(netlink_batch_default_route(&b, 3, &gw), 0);
	struct nlmsghdr *h = only_msg(&b);
	struct rtmsg *rtm = NLMSG_DATA(h);
	assert_int_equal(h->nlmsg_type, RTM_NEWROUTE);
	assert_int_equal(rtm->rtm_family, AF_INET);
	assert_int_equal(rtm->rtm_dst_len, 0);
	assert_int_equal(rtm->rtm_table, RT_TABLE_MAIN);
	assert_int_equal(rtnl_attrs(h, sizeof(*rtm), tb, RTA_MAX), 0);
	assert_memory_equal(rtnl_data(tb[RTA_GATEWAY]), gw.bytes, 4);
	assert_int_equal(u32(tb[RTA_OIF]), 3);
	netlink_batch_free(&b);
}

static void test_lookup_and_up(void **state)
{
	const struct rtattr *tb[IFLA_MAX + 1];
	struct netlink_link l;
	struct netlink_batch b;

	netlink_batch_init(&b);
	assert_int_equal(netlink_batch_link_get(&b, "vh", 0, &l), 0);
	assert_int_equal(netlink_batch_link_set_up(&b, NETLINK_LOOPBACK_IFINDEX, false), 1);
	assert_int_equal(b.count, 2);
	struct nlmsghdr *h = msg_at(&b, 0);
	/* one interface by name, never a dump */
	assert_int_equal(h->nlmsg_type, RTM_GETLINK);
	assert_false(h->nlmsg_flags & NLM_F_DUMP);
	assert_int_equal(rtnl_attrs(h, sizeof(struct ifinfomsg), tb, IFLA_MAX), 0);
	assert_string_equal(str(tb[IFLA_IFNAME]), "vh");
	assert_ptr_equal(b.links[0], &l);
	h = msg_at(&b, 1);
	struct ifinfomsg *ifi = NLMSG_DATA(h);
	assert_int_equal(ifi->ifi_index, 1);
	assert_false(ifi->ifi_flags & IFF_UP);
	assert_true(ifi->ifi_change & IFF_UP);
	assert_false(h->nlmsg_flags & NLM_F_CREATE);
	netlink_batch_free(&b);
	assert_int_equal(b.count, 0);
}

static void test_alias(void **state)
{
	const struct rtattr *tb[IFLA_MAX + 1];
	struct netlink_batch b;

	netlink_batch_init(&b);
	assert_int_equal(netlink_batch_link_set_alias(&b, 5, "vethup"), 0);
	struct nlmsghdr *h = only_msg(&b);
	/* a change of an existing link, by index */
	assert_int_equal(h->nlmsg_type, RTM_NEWLINK);
	assert_false(h->nlmsg_flags & NLM_F_CREATE);
	assert_int_equal(((struct ifinfomsg *)NLMSG_DATA(h))->ifi_index, 5);
	assert_int_equal(rtnl_attrs(h, sizeof(struct ifinfomsg), tb, IFLA_MAX), 0);
	assert_string_equal(str(tb[IFLA_IFALIAS]), "vethup");
	netlink_batch_free(&b);
}

static void test_ports_request(void **state)
{
	const struct rtattr *tb[IFLA_MAX + 1];
	char buf[128] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct rtnl_msg m;

	assert_int_equal(netlink_build_ports_request(9, buf, sizeof(buf), &m), 0);
	struct nlmsghdr *h = m.h;
	/* the one dump: the kernel answers with the links whose master is 9 */
	assert_int_equal(h->nlmsg_type, RTM_GETLINK);
	assert_true(h->nlmsg_flags & NLM_F_DUMP);
	assert_int_equal(rtnl_attrs(h, sizeof(struct ifinfomsg), tb, IFLA_MAX), 0);
	assert_int_equal(u32(tb[IFLA_MASTER]), 9);
	assert_null(tb[IFLA_IFNAME]);
	/* a buffer too small is an error, not a request cut short */
	assert_int_equal(netlink_build_ports_request(9, buf, 24, &m), -EMSGSIZE);
}

static void test_batch_full(void **state)
{
	struct netlink_batch b;

	netlink_batch_init(&b);
	for (int i = 0; i < NETLINK_BATCH_MAX; i++)
		assert_int_equal(netlink_batch_link_set_up(&b, i + 1, true), i);
	assert_int_equal(netlink_batch_link_set_up(&b, 99, true), -E2BIG);
	/* a batch that could not be built is not sent (no socket needed) */
	assert_int_equal(netlink_batch_commit(NULL, &b), -E2BIG);
	assert_int_equal(b.failed, -1);
	assert_int_equal(b.count, 0);
}

/* An RTM_NEWLINK answer: vh, index 5, its peer 3, on bridge 7. */
static void add_link_answer(struct reply *r, uint32_t seq)
{
	struct ifinfomsg ifi = { .ifi_index = 5, .ifi_flags = IFF_UP };
	uint8_t mac[MAC_LEN] = { 2, 0, 0, 0, 0, 9 };

	reply_add(r, RTM_NEWLINK, 0, seq, &ifi, sizeof(ifi));
	rtnl_put_str(&r->m, IFLA_IFNAME, "vh");
	rtnl_put_u32(&r->m, IFLA_MTU, 1400);
	rtnl_put_u32(&r->m, IFLA_LINK, 3);
	rtnl_put_u32(&r->m, IFLA_MASTER, 7);
	rtnl_put(&r->m, IFLA_ADDRESS, mac, MAC_LEN);
	rtnl_put_str(&r->m, IFLA_IFALIAS, "vethup");
	size_t info = rtnl_nest_start(&r->m, IFLA_LINKINFO);
	rtnl_put_str(&r->m, IFLA_INFO_KIND, "veth");
	rtnl_nest_end(&r->m, info);
	reply_end(r);
}

static void test_parse_link(void **state)
{
	struct reply r = { .len = 0 };
	struct nlmsghdr *h = (struct nlmsghdr *)r.buf;
	struct netlink_link l;

	add_link_answer(&r, 1);
	assert_int_equal(netlink_parse_link(h, &l), 0);
	assert_int_equal(l.ifindex, 5);
	assert_true(l.up);
	assert_string_equal(l.name, "vh");
	assert_int_equal(l.mtu, 1400);
	assert_int_equal(l.link, 3);
	assert_int_equal(l.master, 7);
	assert_int_equal(l.mac[5], 9);
	assert_string_equal(l.alias, "vethup");
	assert_string_equal(l.kind, "veth");

	/* a u32 of the wrong size: IFLA_MTU is the second attribute */
	struct rtattr *name = (struct rtattr *)((char *)h + NLMSG_LENGTH(sizeof(struct ifinfomsg)));
	struct rtattr *mtu = (struct rtattr *)((char *)name + RTA_ALIGN(name->rta_len));
	assert_int_equal(mtu->rta_type, IFLA_MTU);
	mtu->rta_len = RTA_LENGTH(2);
	assert_int_equal(netlink_parse_link(h, &l), -EBADMSG);
	mtu->rta_len = RTA_LENGTH(4);
	/* a message cut inside its attributes */
	h->nlmsg_len -= 6;
	assert_int_equal(netlink_parse_link(h, &l), -EBADMSG);
	/* shorter than a struct ifinfomsg */
	h->nlmsg_len = NLMSG_LENGTH(8);
	assert_int_equal(netlink_parse_link(h, &l), -EBADMSG);
}

/* A batch of three: a lookup, a change, a change. */
static void three(struct netlink_batch *b, struct netlink_link *l)
{
	netlink_batch_init(b);
	assert_int_equal(netlink_batch_link_get(b, "vh", 0, l), 0);
	assert_int_equal(netlink_batch_link_set_up(b, 5, true), 1);
	assert_int_equal(netlink_batch_link_set_up(b, 6, true), 2);
}

static void test_commit_answers(void **state)
{
	char got[1024] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct reply r = { .len = 0 };
	struct netlink_link l;
	struct netlink_batch b;
	struct rtnl sk;
	int fds[2];

	fake_kernel(&sk, fds);
	three(&b, &l);
	/* first the answers of another request, then ours out of order in
	 * two datagrams, an ack twice, and the second item failing */
	add_link_answer(&r, 999);
	reply_ack(&r, 999, -EPERM, "not ours");
	add_link_answer(&r, 1001);
	reply_ack(&r, 1001, 0, NULL);
	reply_ack(&r, 1001, 0, NULL);
	reply_send(&r, fds[1]);
	reply_ack(&r, 1003, -EBUSY, "later");
	reply_ack(&r, 1002, -EEXIST, "first");
	reply_send(&r, fds[1]);
	assert_int_equal(netlink_batch_commit(&sk, &b), -EEXIST);
	assert_int_equal(b.failed, 1);
	assert_string_equal(b.ext_msg, "first");
	assert_int_equal(b.err[0], 0);
	assert_int_equal(b.err[1], -EEXIST);
	assert_int_equal(b.err[2], -EBUSY);
	assert_false(b.unanswered[1]);
	assert_string_equal(l.name, "vh");
	assert_int_equal(b.count, 0);
	/* sent in one datagram, numbered in order, each asking for an ack */
	ssize_t n = recv(fds[1], got, sizeof(got), MSG_DONTWAIT);
	const struct nlmsghdr *h;
	size_t off = 0;
	uint32_t seq = 1001;
	while (rtnl_next(got, (size_t)n, &off, &h) > 0) {
		assert_int_equal(h->nlmsg_seq, seq++);
		assert_true(h->nlmsg_flags & NLM_F_REQUEST);
		assert_true(h->nlmsg_flags & NLM_F_ACK);
	}
	assert_int_equal(seq, 1004);
	assert_int_equal(recv(fds[1], got, sizeof(got), MSG_DONTWAIT), -1);
	close(fds[1]);
	rtnl_close(&sk);
}

static void test_commit_lost(void **state)
{
	struct reply r = { .len = 0 };
	struct netlink_link l;
	struct netlink_batch b;
	struct rtnl sk;
	int fds[2];

	/* the first item answered, then the conversation ends: the others
	 * were sent and may have been done */
	fake_kernel(&sk, fds);
	three(&b, &l);
	add_link_answer(&r, 1001);
	reply_ack(&r, 1001, 0, NULL);
	reply_send(&r, fds[1]);
	shutdown(fds[1], SHUT_WR);
	assert_int_equal(netlink_batch_commit(&sk, &b), -EPROTO);
	assert_int_equal(b.failed, -1);
	assert_int_equal(b.err[0], 0);
	assert_false(b.unanswered[0]);
	assert_int_equal(b.err[1], -EPROTO);
	assert_true(b.unanswered[1]);
	assert_true(b.unanswered[2]);
	close(fds[1]);
	rtnl_close(&sk);
}

static void test_commit_malformed(void **state)
{
	struct reply r = { .len = 0 };
	struct netlink_link l;
	struct netlink_batch b;
	struct rtnl sk;
	int fds[2];

	/* an ack, then a message whose length runs past the datagram */
	fake_kernel(&sk, fds);
	three(&b, &l);
	reply_ack(&r, 1001, 0, NULL);
	reply_ack(&r, 1002, 0, NULL);
	((struct nlmsghdr *)(r.buf + r.len - NLMSG_LENGTH(sizeof(struct nlmsgerr))))->nlmsg_len += 64;
	reply_send(&r, fds[1]);
	assert_int_equal(netlink_batch_commit(&sk, &b), -EBADMSG);
	assert_false(b.unanswered[0]);
	assert_true(b.unanswered[1]);
	assert_true(b.unanswered[2]);
	assert_int_equal(b.err[2], -EBADMSG);

	/* an NLMSG_ERROR too short to say anything */
	three(&b, &l);
	reply_add(&r, NLMSG_ERROR, 0, 1004, NULL, 0);
	reply_end(&r);
	reply_send(&r, fds[1]);
	assert_int_equal(netlink_batch_commit(&sk, &b), -EBADMSG);
	assert_true(b.unanswered[0]);

	/* a lookup whose answer is malformed fails that item only */
	three(&b, &l);
	add_link_answer(&r, 1007);
	struct nlmsghdr *h = (struct nlmsghdr *)r.buf;
	struct rtattr *name = (struct rtattr *)((char *)h + NLMSG_LENGTH(sizeof(struct ifinfomsg)));
	name->rta_len = 200;
	reply_ack(&r, 1007, 0, NULL);
	reply_ack(&r, 1008, 0, NULL);
	reply_ack(&r, 1009, 0, NULL);
	reply_send(&r, fds[1]);
	assert_int_equal(netlink_batch_commit(&sk, &b), -EBADMSG);
	assert_int_equal(b.failed, 0);
	assert_false(b.unanswered[0]);
	close(fds[1]);
	rtnl_close(&sk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_veth),
		cmocka_unit_test(test_addr),
		cmocka_unit_test(test_route),
		cmocka_unit_test(test_lookup_and_up),
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_ports_request),
		cmocka_unit_test(test_batch_full),
		cmocka_unit_test(test_parse_link),
		cmocka_unit_test(test_commit_answers),
		cmocka_unit_test(test_commit_lost),
		cmocka_unit_test(test_commit_malformed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
