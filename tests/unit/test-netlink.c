/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The requests lib/netlink builds, checked attribute by attribute without
 * sending them (no root, no kernel): what the integration tests cannot
 * see, e.g. that the peer is born in the namespace by the same request. */
#include "unit.h"
#include "netlink.h"

#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

static struct nlmsghdr *only_msg(struct netlink_batch *b)
{
	assert_int_equal(b->build_err, 0);
	assert_int_equal(b->count, 1);
	return nlmsg_hdr(b->msgs[0]);
}

static void test_veth(void **state)
{
	struct macaddr mac = { { 2, 0, 0, 0, 0, 1 } };
	struct netlink_veth v = { .name = "vh", .peer = "eth0", .peer_netns_fd = 42, .mtu = 1400,
				  .peer_mac = &mac, .master = 7 };
	struct nlattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1], *data[VETH_INFO_MAX + 1];
	struct nlattr *ptb[IFLA_MAX + 1];
	struct netlink_batch b;

	netlink_batch_init(&b);
	assert_int_equal(netlink_batch_veth_add(&b, &v), 0);
	struct nlmsghdr *h = only_msg(&b);
	assert_int_equal(h->nlmsg_type, RTM_NEWLINK);
	/* exclusive: an existing name is an error, never reused */
	assert_true(h->nlmsg_flags & NLM_F_CREATE);
	assert_true(h->nlmsg_flags & NLM_F_EXCL);
	struct ifinfomsg *ifi = nlmsg_data(h);
	assert_true(ifi->ifi_flags & IFF_UP);
	assert_true(ifi->ifi_change & IFF_UP);
	assert_int_equal(nlmsg_parse(h, sizeof(*ifi), tb, IFLA_MAX, NULL), 0);
	assert_string_equal(nla_get_string(tb[IFLA_IFNAME]), "vh");
	assert_int_equal(nla_get_u32(tb[IFLA_MTU]), 1400);
	assert_int_equal(nla_get_u32(tb[IFLA_MASTER]), 7);
	assert_null(tb[IFLA_ADDRESS]);		/* the host end's MAC: random */
	assert_null(tb[IFLA_NET_NS_FD]);	/* the host end stays here */
	assert_int_equal(nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL), 0);
	assert_string_equal(nla_get_string(info[IFLA_INFO_KIND]), "veth");
	assert_int_equal(nla_parse_nested(data, VETH_INFO_MAX, info[IFLA_INFO_DATA], NULL), 0);
	assert_non_null(data[VETH_INFO_PEER]);

	/* the peer: an ifinfomsg, then its attributes */
	struct ifinfomsg *pifi = nla_data(data[VETH_INFO_PEER]);
	assert_false(pifi->ifi_flags & IFF_UP);	/* veth_open would fail: ENOTCONN */
	struct nlattr *pattrs = (struct nlattr *)((char *)pifi + NLMSG_ALIGN(sizeof(*pifi)));
	int plen = nla_len(data[VETH_INFO_PEER]) - (int)NLMSG_ALIGN(sizeof(*pifi));
	assert_int_equal(nla_parse(ptb, IFLA_MAX, pattrs, plen, NULL), 0);
	assert_string_equal(nla_get_string(ptb[IFLA_IFNAME]), "eth0");
	assert_int_equal(nla_get_u32(ptb[IFLA_NET_NS_FD]), 42);
	assert_int_equal(nla_get_u32(ptb[IFLA_MTU]), 1400);
	assert_int_equal(nla_len(ptb[IFLA_ADDRESS]), MAC_LEN);
	assert_memory_equal(nla_data(ptb[IFLA_ADDRESS]), mac.bytes, MAC_LEN);
	netlink_batch_free(&b);
}

static void test_addr(void **state)
{
	struct nlattr *tb[IFA_MAX + 1];
	struct netlink_batch b;
	struct ipaddr a;

	netlink_batch_init(&b);
	assert_int_equal(cidr_parse("fd00::2/64", &a), 0);
	assert_int_equal(netlink_batch_addr_add(&b, 5, &a), 0);
	struct nlmsghdr *h = only_msg(&b);
	struct ifaddrmsg *ifa = nlmsg_data(h);
	assert_int_equal(h->nlmsg_type, RTM_NEWADDR);
	assert_true(h->nlmsg_flags & NLM_F_EXCL);
	assert_int_equal(ifa->ifa_family, AF_INET6);
	assert_int_equal(ifa->ifa_prefixlen, 64);
	assert_int_equal(ifa->ifa_index, 5);
	assert_int_equal(nlmsg_parse(h, sizeof(*ifa), tb, IFA_MAX, NULL), 0);
	assert_memory_equal(nla_data(tb[IFA_LOCAL]), a.bytes, 16);
	/* usable at once: no duplicate address detection */
	uint32_t flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	assert_true(flags & IFA_F_NODAD);
	netlink_batch_free(&b);

	assert_int_equal(cidr_parse("10.0.0.2/24", &a), 0);
	assert_int_equal(netlink_batch_addr_add(&b, 5, &a), 0);
	h = only_msg(&b);
	ifa = nlmsg_data(h);
	assert_int_equal(nlmsg_parse(h, sizeof(*ifa), tb, IFA_MAX, NULL), 0);
	flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	assert_false(flags & IFA_F_NODAD);
	netlink_batch_free(&b);
}

static void test_route(void **state)
{
	struct nlattr *tb[RTA_MAX + 1];
	struct netlink_batch b;
	struct ipaddr gw;

	netlink_batch_init(&b);
	assert_int_equal(ipaddr_parse("10.0.0.1", &gw), 0);
	assert_int_equal(netlink_batch_default_route(&b, 3, &gw), 0);
	struct nlmsghdr *h = only_msg(&b);
	struct rtmsg *rtm = nlmsg_data(h);
	assert_int_equal(h->nlmsg_type, RTM_NEWROUTE);
	assert_int_equal(rtm->rtm_family, AF_INET);
	assert_int_equal(rtm->rtm_dst_len, 0);
	assert_int_equal(rtm->rtm_table, RT_TABLE_MAIN);
	assert_int_equal(nlmsg_parse(h, sizeof(*rtm), tb, RTA_MAX, NULL), 0);
	assert_memory_equal(nla_data(tb[RTA_GATEWAY]), gw.bytes, 4);
	assert_int_equal(nla_get_u32(tb[RTA_OIF]), 3);
	netlink_batch_free(&b);
}

static void test_lookup_and_up(void **state)
{
	struct nlattr *tb[IFLA_MAX + 1];
	struct netlink_link l;
	struct netlink_batch b;

	netlink_batch_init(&b);
	assert_int_equal(netlink_batch_link_get(&b, "vh", 0, &l), 0);
	assert_int_equal(netlink_batch_link_set_up(&b, NETLINK_LOOPBACK_IFINDEX, false), 1);
	assert_int_equal(b.count, 2);
	struct nlmsghdr *h = nlmsg_hdr(b.msgs[0]);
	/* one interface by name, never a dump */
	assert_int_equal(h->nlmsg_type, RTM_GETLINK);
	assert_false(h->nlmsg_flags & NLM_F_DUMP);
	assert_int_equal(nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL), 0);
	assert_string_equal(nla_get_string(tb[IFLA_IFNAME]), "vh");
	assert_ptr_equal(b.links[0], &l);
	h = nlmsg_hdr(b.msgs[1]);
	struct ifinfomsg *ifi = nlmsg_data(h);
	assert_int_equal(ifi->ifi_index, 1);
	assert_false(ifi->ifi_flags & IFF_UP);
	assert_true(ifi->ifi_change & IFF_UP);
	assert_false(h->nlmsg_flags & NLM_F_CREATE);
	netlink_batch_free(&b);
	assert_int_equal(b.count, 0);
}

static void test_alias(void **state)
{
	struct nlattr *tb[IFLA_MAX + 1];
	struct netlink_batch b;

	netlink_batch_init(&b);
	assert_int_equal(netlink_batch_link_set_alias(&b, 5, "vethup"), 0);
	struct nlmsghdr *h = only_msg(&b);
	/* a change of an existing link, by index */
	assert_int_equal(h->nlmsg_type, RTM_NEWLINK);
	assert_false(h->nlmsg_flags & NLM_F_CREATE);
	assert_int_equal(((struct ifinfomsg *)nlmsg_data(h))->ifi_index, 5);
	assert_int_equal(nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL), 0);
	assert_string_equal(nla_get_string(tb[IFLA_IFALIAS]), "vethup");
	netlink_batch_free(&b);
}

static void test_ports_request(void **state)
{
	struct nlattr *tb[IFLA_MAX + 1];
	struct nl_msg *msg;

	assert_int_equal(netlink_build_ports_request(9, &msg), 0);
	struct nlmsghdr *h = nlmsg_hdr(msg);
	/* the one dump: the kernel answers with the links whose master is 9 */
	assert_int_equal(h->nlmsg_type, RTM_GETLINK);
	assert_true(h->nlmsg_flags & NLM_F_DUMP);
	assert_int_equal(nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL), 0);
	assert_int_equal(nla_get_u32(tb[IFLA_MASTER]), 9);
	assert_null(tb[IFLA_IFNAME]);
	nlmsg_free(msg);
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
