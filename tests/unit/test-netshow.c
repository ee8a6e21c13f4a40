/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lib/netshow's readers of the kernel's dumps, fed answers packed here:
 * interfaces and their kinds, addresses as ip(8) writes them, routes of
 * the main table only (rtm_table and RTA_TABLE), multipath, devices'
 * names, the nsid; and messages that are short, of the wrong size or of
 * another table, which are skipped, never read past. */
#include "unit.h"
#include "netshow.h"
#include "rtnl-reply.h"

#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

static void add_link(struct reply *r, int ifindex, const char *name, const char *kind)
{
	struct ifinfomsg ifi = { .ifi_index = ifindex, .ifi_flags = kind ? IFF_UP : 0 };

	reply_add(r, RTM_NEWLINK, NLM_F_MULTI, 1, &ifi, sizeof(ifi));
	rtnl_put_str(&r->m, IFLA_IFNAME, name);
	if (kind) {
		size_t info = rtnl_nest_start(&r->m, IFLA_LINKINFO);
		rtnl_put_str(&r->m, IFLA_INFO_KIND, kind);
		rtnl_nest_end(&r->m, info);
	}
	reply_end(r);
}

static void add_addr(struct reply *r, int ifindex, int family, const char *local,
		     const char *address, unsigned prefix)
{
	struct ifaddrmsg ifa = { .ifa_family = (uint8_t)family, .ifa_prefixlen = (uint8_t)prefix,
				 .ifa_index = (uint32_t)ifindex };
	int text_family = family == AF_INET6 ? AF_INET6 : AF_INET;
	size_t len = family == AF_INET6 ? 16 : 4;
	unsigned char bytes[16];

	reply_add(r, RTM_NEWADDR, NLM_F_MULTI, 1, &ifa, sizeof(ifa));
	if (address) {
		assert_int_equal(inet_pton(text_family, address, bytes), 1);
		rtnl_put(&r->m, IFA_ADDRESS, bytes, len);
	}
	if (local) {
		assert_int_equal(inet_pton(text_family, local, bytes), 1);
		rtnl_put(&r->m, IFA_LOCAL, bytes, len);
	}
	reply_end(r);
}

static int take(struct reply *r, int (*each)(const struct nlmsghdr *h, void *arg), void *arg)
{
	int n = rtnl_dump_take(r->buf, r->len, 1, each, arg);

	r->len = 0;
	return n;
}

static void test_ifaces(void **state)
{
	struct netshow_iface ifs[2];
	struct netshow_ifaces l = { ifs, 2, 0 };
	struct reply r = { .len = 0 };

	add_link(&r, 1, "lo", NULL);
	add_link(&r, 4, "eth0", "veth");
	add_link(&r, 5, "br0", "bridge");	/* past max: counted only */
	assert_int_equal(take(&r, netshow_take_link, &l), 0);
	assert_int_equal(l.count, 3);
	assert_string_equal(ifs[0].name, "lo");
	assert_string_equal(ifs[0].kind, "");
	assert_false(ifs[0].up);
	assert_int_equal(ifs[1].ifindex, 4);
	assert_string_equal(ifs[1].kind, "veth");
	assert_true(ifs[1].up);

	add_addr(&r, 4, AF_INET, "10.0.0.2", "10.0.0.2", 24);
	add_addr(&r, 4, AF_INET, "10.9.9.9", "10.9.9.9", 32);	/* the whole address: no /32 */
	add_addr(&r, 4, AF_INET6, NULL, "fd00::2", 64);		/* IPv6: IFA_ADDRESS alone */
	add_addr(&r, 1, AF_INET, "10.1.0.1", "10.1.0.2", 24);	/* a peer: the prefix is its */
	add_addr(&r, 5, AF_INET, "10.5.0.1", "10.5.0.1", 24);	/* an interface past max */
	add_addr(&r, 4, AF_PACKET, "10.0.0.3", NULL, 24);	/* not read as IPv4 */
	assert_int_equal(take(&r, netshow_take_addr, &l), 0);
	assert_string_equal(ifs[1].addrs, "10.0.0.2/24 10.9.9.9 fd00::2/64");
	assert_string_equal(ifs[0].addrs, "10.1.0.1");
}

static void test_ifaces_hostile(void **state)
{
	struct netshow_iface ifs[2];
	struct netshow_ifaces l = { ifs, 2, 0 };
	struct reply r = { .len = 0 };
	struct nlmsghdr *h = (struct nlmsghdr *)r.buf;

	/* shorter than its struct ifinfomsg: skipped */
	add_link(&r, 4, "eth0", "veth");
	h->nlmsg_len = NLMSG_LENGTH(4);
	r.len = NLMSG_ALIGN(h->nlmsg_len);
	assert_int_equal(take(&r, netshow_take_link, &l), 0);
	assert_int_equal(l.count, 0);
	/* a nested kind whose length runs past its nest: the link without it */
	add_link(&r, 4, "eth0", "veth");
	struct rtattr *name = (struct rtattr *)((char *)h + NLMSG_LENGTH(sizeof(struct ifinfomsg)));
	struct rtattr *info = (struct rtattr *)((char *)name + RTA_ALIGN(name->rta_len));
	((struct rtattr *)RTA_DATA(info))->rta_len = 64;
	assert_int_equal(take(&r, netshow_take_link, &l), 0);
	assert_int_equal(l.count, 1);
	assert_string_equal(ifs[0].name, "eth0");
	assert_string_equal(ifs[0].kind, "");
	/* an address of the wrong length */
	add_addr(&r, 4, AF_INET6, NULL, "fd00::2", 64);
	((struct ifaddrmsg *)NLMSG_DATA(h))->ifa_family = AF_INET;
	assert_int_equal(take(&r, netshow_take_addr, &l), 0);
	assert_string_equal(ifs[0].addrs, "");
}

static void add_route(struct reply *r, int family, const char *dst, unsigned dst_len,
		      const char *gw, int oif, unsigned char table, const uint32_t *rta_table)
{
	struct rtmsg rtm = { .rtm_family = (uint8_t)family, .rtm_dst_len = (uint8_t)dst_len,
			     .rtm_table = table };
	unsigned char bytes[16];
	size_t len = family == AF_INET ? 4 : 16;

	reply_add(r, RTM_NEWROUTE, NLM_F_MULTI, 1, &rtm, sizeof(rtm));
	if (rta_table)
		rtnl_put_u32(&r->m, RTA_TABLE, *rta_table);
	if (dst) {
		assert_int_equal(inet_pton(family, dst, bytes), 1);
		rtnl_put(&r->m, RTA_DST, bytes, len);
	}
	if (gw) {
		assert_int_equal(inet_pton(family, gw, bytes), 1);
		rtnl_put(&r->m, RTA_GATEWAY, bytes, len);
	}
	if (oif)
		rtnl_put_u32(&r->m, RTA_OIF, (uint32_t)oif);
	reply_end(r);
}

static void test_routes(void **state)
{
	struct netshow_route rts[8];
	struct netshow_routes rs = { rts, 8, 0 };
	struct reply r = { .len = 0 };
	uint32_t main_table = RT_TABLE_MAIN, other = 1000;

	add_route(&r, AF_INET, NULL, 0, "10.0.0.1", 4, RT_TABLE_MAIN, NULL);
	add_route(&r, AF_INET, "10.0.0.0", 24, NULL, 4, RT_TABLE_MAIN, NULL);
	add_route(&r, AF_INET, "127.0.0.1", 32, NULL, 1, RT_TABLE_LOCAL, NULL);	/* skipped */
	add_route(&r, AF_INET6, "fd01::", 64, "fd00::1", 4, RT_TABLE_COMPAT, &main_table);
	add_route(&r, AF_INET, "10.7.0.0", 16, NULL, 4, RT_TABLE_COMPAT, &other);	/* skipped */
	add_route(&r, AF_INET, "10.8.0.8", 32, NULL, 9, RT_TABLE_MAIN, NULL);	/* no such dev */
	assert_int_equal(take(&r, netshow_take_route, &rs), 0);
	assert_int_equal(rs.count, 4);
	add_link(&r, 1, "lo", NULL);
	add_link(&r, 4, "eth0", "veth");
	assert_int_equal(take(&r, netshow_take_dev, &rs), 0);
	assert_string_equal(rts[0].dst, "default");
	assert_string_equal(rts[0].gateway, "10.0.0.1");
	assert_string_equal(rts[0].dev, "eth0");
	assert_string_equal(rts[1].dst, "10.0.0.0/24");
	assert_string_equal(rts[1].gateway, "");
	assert_string_equal(rts[2].dst, "fd01::/64");
	assert_string_equal(rts[2].gateway, "fd00::1");
	assert_string_equal(rts[3].dst, "10.8.0.8");
	assert_string_equal(rts[3].dev, "");
}

static void test_routes_multipath_and_hostile(void **state)
{
	struct netshow_route rts[2];
	struct netshow_routes rs = { rts, 2, 0 };
	struct reply r = { .len = 0 };
	struct rtmsg rtm = { .rtm_family = AF_INET, .rtm_table = RT_TABLE_MAIN };
	char hop[32] __attribute__((aligned(4))) = { 0 };
	struct rtnexthop *nh = (struct rtnexthop *)hop;
	struct rtattr *gw = (struct rtattr *)(hop + sizeof(*nh));
	unsigned char addr[4] = { 10, 0, 0, 254 };

	/* the first hop of two: its device and gateway */
	nh->rtnh_len = sizeof(*nh) + RTA_LENGTH(4);
	nh->rtnh_ifindex = 4;
	gw->rta_type = RTA_GATEWAY;
	gw->rta_len = RTA_LENGTH(4);
	memcpy(RTA_DATA(gw), addr, 4);
	memcpy(hop + nh->rtnh_len, hop, nh->rtnh_len);
	reply_add(&r, RTM_NEWROUTE, NLM_F_MULTI, 1, &rtm, sizeof(rtm));
	rtnl_put(&r.m, RTA_MULTIPATH, hop, 2 * nh->rtnh_len);
	reply_end(&r);
	assert_int_equal(take(&r, netshow_take_route, &rs), 0);
	assert_int_equal(rs.count, 1);
	assert_string_equal(rts[0].dst, "default");
	assert_string_equal(rts[0].gateway, "10.0.0.254");
	assert_int_equal(rts[0].ifindex, 4);

	/* a hop longer than the attribute: the route without it */
	nh->rtnh_len = 200;
	reply_add(&r, RTM_NEWROUTE, NLM_F_MULTI, 1, &rtm, sizeof(rtm));
	rtnl_put(&r.m, RTA_MULTIPATH, hop, 16);
	reply_end(&r);
	assert_int_equal(take(&r, netshow_take_route, &rs), 0);
	assert_int_equal(rs.count, 2);
	assert_string_equal(rts[1].gateway, "");
	assert_int_equal(rts[1].ifindex, 0);

	/* RTA_TABLE of the wrong size, a destination of the wrong size */
	rs.count = 0;
	reply_add(&r, RTM_NEWROUTE, NLM_F_MULTI, 1, &rtm, sizeof(rtm));
	rtnl_put(&r.m, RTA_TABLE, addr, 2);
	reply_end(&r);
	assert_int_equal(take(&r, netshow_take_route, &rs), 0);
	assert_int_equal(rs.count, 0);
	rtm.rtm_dst_len = 24;
	reply_add(&r, RTM_NEWROUTE, NLM_F_MULTI, 1, &rtm, sizeof(rtm));
	rtnl_put(&r.m, RTA_DST, addr, 3);
	reply_end(&r);
	assert_int_equal(take(&r, netshow_take_route, &rs), 0);
	assert_string_equal(rts[0].dst, "default");
}

static void test_nsid(void **state)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct netshow_nsid a = { -1, false };
	struct reply r = { .len = 0 };

	reply_add(&r, RTM_NEWNSID, 0, 1, &g, sizeof(g));
	rtnl_put_u32(&r.m, NETNSA_NSID, 3);
	reply_end(&r);
	reply_ack(&r, 1, 0, NULL);
	assert_int_equal(take(&r, netshow_take_nsid, &a), 1);
	assert_true(a.have);
	assert_int_equal(a.nsid, 3);
	/* of the wrong size */
	a.have = false;
	reply_add(&r, RTM_NEWNSID, 0, 1, &g, sizeof(g));
	rtnl_put(&r.m, NETNSA_NSID, "ab", 2);
	reply_end(&r);
	assert_int_equal(take(&r, netshow_take_nsid, &a), 0);
	assert_false(a.have);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ifaces),
		cmocka_unit_test(test_ifaces_hostile),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_routes_multipath_and_hostile),
		cmocka_unit_test(test_nsid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
