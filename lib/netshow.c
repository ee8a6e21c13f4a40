/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netlink/addr.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/nexthop.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "netshow.h"

/* libnl's NLE_* as errno values, near enough for a listing. */
static int nle_errno(int nle)
{
	switch (nle < 0 ? -nle : nle) {
	case NLE_NOMEM: return -ENOMEM;
	case NLE_PERM: return -EPERM;
	case NLE_NOACCESS: return -EACCES;
	case NLE_OBJ_NOTFOUND: return -ENOENT;
	default: return -EIO;
	}
}

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

int netshow_ifaces(struct nl_sock *sk, struct netshow_iface *ret, unsigned max)
{
	struct nl_cache *links = NULL, *addrs = NULL;
	unsigned n = 0;
	int r;

	if ((r = rtnl_link_alloc_cache(sk, AF_UNSPEC, &links)) < 0)
		return nle_errno(r);
	if ((r = rtnl_addr_alloc_cache(sk, &addrs)) < 0) {
		nl_cache_free(links);
		return nle_errno(r);
	}
	for (struct nl_object *o = nl_cache_get_first(links); o; o = nl_cache_get_next(o), n++) {
		struct rtnl_link *l = (struct rtnl_link *)o;
		if (n >= max)
			continue;
		struct netshow_iface *i = &ret[n];
		memset(i, 0, sizeof(*i));
		i->ifindex = rtnl_link_get_ifindex(l);
		i->up = rtnl_link_get_flags(l) & IFF_UP;
		snprintf(i->name, sizeof(i->name), "%s", rtnl_link_get_name(l) ?: "");
		snprintf(i->kind, sizeof(i->kind), "%s", rtnl_link_get_type(l) ?: "");
		for (struct nl_object *a = nl_cache_get_first(addrs); a; a = nl_cache_get_next(a)) {
			struct rtnl_addr *ad = (struct rtnl_addr *)a;
			char text[INET6_ADDRSTRLEN + 8];
			if (rtnl_addr_get_ifindex(ad) != i->ifindex || !rtnl_addr_get_local(ad))
				continue;
			nl_addr2str(rtnl_addr_get_local(ad), text, sizeof(text));
			append(i->addrs, sizeof(i->addrs), text);
		}
	}
	nl_cache_free(addrs);
	nl_cache_free(links);
	/* the cache keeps its own order */
	qsort(ret, n < max ? n : max, sizeof(*ret), cmp_ifindex);
	return (int)n;
}

int netshow_routes(struct nl_sock *sk, struct netshow_route *ret, unsigned max)
{
	struct nl_cache *routes = NULL, *links = NULL;
	unsigned n = 0;
	int r;

	if ((r = rtnl_route_alloc_cache(sk, AF_UNSPEC, 0, &routes)) < 0)
		return nle_errno(r);
	if ((r = rtnl_link_alloc_cache(sk, AF_UNSPEC, &links)) < 0) {
		nl_cache_free(routes);
		return nle_errno(r);
	}
	for (struct nl_object *o = nl_cache_get_first(routes); o; o = nl_cache_get_next(o)) {
		struct rtnl_route *rt = (struct rtnl_route *)o;
		struct nl_addr *dst = rtnl_route_get_dst(rt);
		if (rtnl_route_get_table(rt) != RT_TABLE_MAIN)
			continue;
		if (n++ >= max)
			continue;
		struct netshow_route *e = &ret[n - 1];
		memset(e, 0, sizeof(*e));
		if (!dst || nl_addr_get_prefixlen(dst) == 0)
			snprintf(e->dst, sizeof(e->dst), "default");
		else
			nl_addr2str(dst, e->dst, sizeof(e->dst));
		struct rtnl_nexthop *nh = rtnl_route_nexthop_n(rt, 0);
		if (nh) {
			if (rtnl_route_nh_get_gateway(nh))
				nl_addr2str(rtnl_route_nh_get_gateway(nh), e->gateway,
					    sizeof(e->gateway));
			rtnl_link_i2name(links, rtnl_route_nh_get_ifindex(nh), e->dev,
					 sizeof(e->dev));
		}
	}
	nl_cache_free(links);
	nl_cache_free(routes);
	return (int)n;
}

struct nsid_answer {
	int nsid;
	bool have;
};

static int nsid_valid(struct nl_msg *msg, void *arg)
{
	struct nsid_answer *a = arg;
	struct nlattr *tb[NETNSA_MAX + 1];

	if (nlmsg_parse(nlmsg_hdr(msg), sizeof(struct rtgenmsg), tb, NETNSA_MAX, NULL) == 0 &&
	    tb[NETNSA_NSID]) {
		a->nsid = (int)nla_get_s32(tb[NETNSA_NSID]);
		a->have = true;
	}
	return NL_OK;
}

int netshow_nsid(struct nl_sock *sk, int nsfd)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nsid_answer a = { -1, false };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETNSID, NLM_F_REQUEST);
	int r;

	if (!msg)
		return -ENOMEM;
	if (nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, NETNSA_FD, (uint32_t)nsfd) < 0) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	/* The answer comes without an acknowledgement. Without auto-ack libnl
	 * also skips its sequence check, which would otherwise expect the
	 * acknowledgements it did not get and refuse the next answer. */
	nl_socket_disable_auto_ack(sk);
	r = nl_send_auto(sk, msg);
	nlmsg_free(msg);
	if (r >= 0) {
		nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, nsid_valid, &a);
		r = nl_recvmsgs_default(sk);
		nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_DEFAULT, NULL, NULL);
	}
	nl_socket_enable_auto_ack(sk);
	if (r < 0)
		return nle_errno(r);
	if (!a.have || a.nsid < 0)
		return -ENOENT;
	return a.nsid;
}
