/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "netshow.h"

static void append(char *buf, size_t size, const char *word)
{
	size_t len = strlen(buf);

	if (len + 1 + strlen(word) < size)
		snprintf(buf + len, size - len, "%s%s", len ? " " : "", word);
}

static int cmp_ifindex(const void *a, const void *b)
{
	const struct netshow_iface *x = a, *y = b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

/* An address attribute of family as text, with "/prefix" unless the
 * prefix is the whole address (as ip(8) and libnl write them): false
 * when it is not an address of that family. */
static bool addr_text(int family, const struct rtattr *a, unsigned prefix, char *buf, size_t size)
{
	size_t len = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	char text[INET6_ADDRSTRLEN];

	if (!a || !len || rtnl_len(a) != len || !inet_ntop(family, rtnl_data(a), text, sizeof(text)))
		return false;
	if (prefix == len * 8)
		snprintf(buf, size, "%s", text);
	else
		snprintf(buf, size, "%s/%u", text, prefix);
	return true;
}

int netshow_take_link(const struct nlmsghdr *h, void *arg)
{
	const struct rtattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1];
	struct netshow_ifaces *l = arg;
	struct ifinfomsg ifi;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX) < 0)
		return 0;
	if (l->count++ >= l->max)
		return 0;
	struct netshow_iface *i = &l->ret[l->count - 1];
	memcpy(&ifi, NLMSG_DATA(h), sizeof(ifi));
	memset(i, 0, sizeof(*i));
	i->ifindex = ifi.ifi_index;
	i->up = ifi.ifi_flags & IFF_UP;
	rtnl_get_str(tb[IFLA_IFNAME], i->name, sizeof(i->name));
	if (tb[IFLA_LINKINFO] && rtnl_nested(tb[IFLA_LINKINFO], 0, info, IFLA_INFO_MAX) == 0)
		rtnl_get_str(info[IFLA_INFO_KIND], i->kind, sizeof(i->kind));
	return 0;
}

int netshow_take_addr(const struct nlmsghdr *h, void *arg)
{
	const struct rtattr *tb[IFA_MAX + 1], *local;
	struct netshow_ifaces *l = arg;
	struct ifaddrmsg ifa;
	unsigned prefix;
	char text[INET6_ADDRSTRLEN + 8];

	if (h->nlmsg_type != RTM_NEWADDR || rtnl_attrs(h, sizeof(ifa), tb, IFA_MAX) < 0)
		return 0;
	memcpy(&ifa, NLMSG_DATA(h), sizeof(ifa));
	/* IFA_LOCAL is the address; IFA_ADDRESS alone (IPv6) too, and beside
	 * a different IFA_LOCAL it is the peer, which the prefix belongs to */
	local = tb[IFA_LOCAL] ?: tb[IFA_ADDRESS];
	prefix = ifa.ifa_prefixlen;
	if (tb[IFA_LOCAL] && tb[IFA_ADDRESS] &&
	    (rtnl_len(tb[IFA_LOCAL]) != rtnl_len(tb[IFA_ADDRESS]) ||
	     memcmp(rtnl_data(tb[IFA_LOCAL]), rtnl_data(tb[IFA_ADDRESS]), rtnl_len(tb[IFA_LOCAL]))))
		prefix = (unsigned)rtnl_len(tb[IFA_LOCAL]) * 8;
	if (!addr_text(ifa.ifa_family, local, prefix, text, sizeof(text)))
		return 0;
	for (unsigned k = 0; k < l->count && k < l->max; k++)
		if (l->ret[k].ifindex == (int)ifa.ifa_index)
			append(l->ret[k].addrs, sizeof(l->ret[k].addrs), text);
	return 0;
}

/* A dump of type with the fixed header body of size bytes. */
static int dump(struct rtnl *sk, uint16_t type, const void *body, size_t size, bool skip_stats,
		int (*each)(const struct nlmsghdr *h, void *arg), void *arg)
{
	char buf[64] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct rtnl_msg m;

	rtnl_msg_start(&m, buf, sizeof(buf), type, 0, body, size);
	if (skip_stats)
		rtnl_put_u32(&m, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return rtnl_dump(sk, &m, each, arg);
}

int netshow_ifaces(struct rtnl *sk, struct netshow_iface *ret, unsigned max)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct ifaddrmsg ifa = { .ifa_family = AF_UNSPEC };
	struct netshow_ifaces l = { ret, max, 0 };
	int r;

	if ((r = dump(sk, RTM_GETLINK, &ifi, sizeof(ifi), true, netshow_take_link, &l)) < 0 ||
	    (r = dump(sk, RTM_GETADDR, &ifa, sizeof(ifa), false, netshow_take_addr, &l)) < 0)
		return r;
	qsort(ret, l.count < max ? l.count : max, sizeof(*ret), cmp_ifindex);
	return (int)l.count;
}

/* The first hop of a multipath route: its device and gateway. */
static void first_hop(const struct rtattr *mp, int family, struct netshow_route *e)
{
	const struct rtattr *tb[RTA_MAX + 1];
	struct rtnexthop nh;

	if (rtnl_len(mp) < sizeof(nh))
		return;
	memcpy(&nh, rtnl_data(mp), sizeof(nh));
	if (nh.rtnh_len < sizeof(nh) || nh.rtnh_len > rtnl_len(mp))
		return;
	e->ifindex = nh.rtnh_ifindex;
	/* its attributes follow it, within rtnh_len */
	if (rtnl_parse((const char *)rtnl_data(mp) + sizeof(nh), nh.rtnh_len - sizeof(nh), tb,
		       RTA_MAX) == 0)
		addr_text(family, tb[RTA_GATEWAY], family == AF_INET ? 32 : 128, e->gateway,
			  sizeof(e->gateway));
}

int netshow_take_route(const struct nlmsghdr *h, void *arg)
{
	const struct rtattr *tb[RTA_MAX + 1];
	struct netshow_routes *rs = arg;
	struct rtmsg rtm;
	uint32_t table, oif;

	if (h->nlmsg_type != RTM_NEWROUTE || rtnl_attrs(h, sizeof(rtm), tb, RTA_MAX) < 0)
		return 0;
	memcpy(&rtm, NLMSG_DATA(h), sizeof(rtm));
	table = rtm.rtm_table;
	/* RTA_TABLE holds the ids that do not fit rtm_table */
	if ((tb[RTA_TABLE] && rtnl_get_u32(tb[RTA_TABLE], &table) < 0) || table != RT_TABLE_MAIN)
		return 0;
	if (rs->count++ >= rs->max)
		return 0;
	struct netshow_route *e = &rs->ret[rs->count - 1];
	memset(e, 0, sizeof(*e));
	if (rtm.rtm_dst_len == 0 ||
	    !addr_text(rtm.rtm_family, tb[RTA_DST], rtm.rtm_dst_len, e->dst, sizeof(e->dst)))
		snprintf(e->dst, sizeof(e->dst), "default");
	addr_text(rtm.rtm_family, tb[RTA_GATEWAY], rtm.rtm_family == AF_INET ? 32 : 128,
		  e->gateway, sizeof(e->gateway));
	if (tb[RTA_OIF] && rtnl_get_u32(tb[RTA_OIF], &oif) == 0)
		e->ifindex = (int)oif;
	else if (tb[RTA_MULTIPATH])
		first_hop(tb[RTA_MULTIPATH], rtm.rtm_family, e);
	return 0;
}

int netshow_take_dev(const struct nlmsghdr *h, void *arg)
{
	const struct rtattr *tb[IFLA_MAX + 1];
	struct netshow_routes *rs = arg;
	struct ifinfomsg ifi;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX) < 0)
		return 0;
	memcpy(&ifi, NLMSG_DATA(h), sizeof(ifi));
	for (unsigned k = 0; k < rs->count && k < rs->max; k++)
		if (rs->ret[k].ifindex && rs->ret[k].ifindex == ifi.ifi_index)
			rtnl_get_str(tb[IFLA_IFNAME], rs->ret[k].dev, sizeof(rs->ret[k].dev));
	return 0;
}

int netshow_routes(struct rtnl *sk, struct netshow_route *ret, unsigned max)
{
	struct rtmsg rtm = { .rtm_family = AF_UNSPEC };
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct netshow_routes rs = { ret, max, 0 };
	int r;

	/* then the devices' names: a dump of the links */
	if ((r = dump(sk, RTM_GETROUTE, &rtm, sizeof(rtm), false, netshow_take_route, &rs)) < 0 ||
	    (r = dump(sk, RTM_GETLINK, &ifi, sizeof(ifi), true, netshow_take_dev, &rs)) < 0)
		return r;
	return (int)rs.count;
}

int netshow_take_nsid(const struct nlmsghdr *h, void *arg)
{
	const struct rtattr *tb[NETNSA_MAX + 1];
	struct netshow_nsid *a = arg;
	uint32_t v;

	if (h->nlmsg_type == RTM_NEWNSID && rtnl_attrs(h, sizeof(struct rtgenmsg), tb, NETNSA_MAX) == 0 &&
	    tb[NETNSA_NSID] && rtnl_get_u32(tb[NETNSA_NSID], &v) == 0) {
		a->nsid = (int32_t)v;
		a->have = true;
	}
	return 0;
}

int netshow_nsid(struct rtnl *sk, int nsfd)
{
	char buf[64] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct netshow_nsid a = { -1, false };
	struct rtnl_msg m;
	int r;

	/* the answer, then the acknowledgement */
	rtnl_msg_start(&m, buf, sizeof(buf), RTM_GETNSID, 0, &g, sizeof(g));
	rtnl_put_u32(&m, NETNSA_FD, (uint32_t)nsfd);
	if ((r = rtnl_call(sk, &m, netshow_take_nsid, &a)) < 0)
		return r;
	if (!a.have || a.nsid < 0)
		return -ENOENT;
	return a.nsid;
}
