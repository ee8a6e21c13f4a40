/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cleanup.h"
#include "netlink.h"

int netlink_open(struct rtnl *ret)
{
	return rtnl_open(ret);
}

int netlink_open_in(int netns_fd, struct rtnl *ret)
{
	_cleanup_close_ int self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	int r;

	ret->fd = -1;
	if (self < 0)
		return -errno;
	if (setns(netns_fd, CLONE_NEWNET) < 0)
		return -errno;
	r = netlink_open(ret);
	if (setns(self, CLONE_NEWNET) < 0) {
		r = -errno;
		netlink_close(ret);
	}
	return r;
}

void netlink_close(struct rtnl *sk)
{
	rtnl_close(sk);
}

void netlink_batch_init(struct netlink_batch *b)
{
	/* not the request buffer: each request clears what it packs */
	memset(b, 0, offsetof(struct netlink_batch, buf));
	b->failed = -1;
}

void netlink_batch_free(struct netlink_batch *b)
{
	b->count = 0;
	b->used = 0;
}

/* Start the next request of b in m: false (with build_err set) when the
 * batch is full. */
static bool batch_start(struct netlink_batch *b, struct rtnl_msg *m, uint16_t type,
			uint16_t flags, const void *body, size_t size)
{
	if (b->count == NETLINK_BATCH_MAX) {
		if (!b->build_err)
			b->build_err = -E2BIG;
		return false;
	}
	rtnl_msg_start(m, b->buf + b->used, sizeof(b->buf) - b->used, type, flags, body, size);
	return true;
}

/* Append the request packed in m (started by batch_start) as an item. */
static int batch_push(struct netlink_batch *b, struct rtnl_msg *m, struct netlink_link *ret)
{
	int len = rtnl_msg_end(m);

	if (len < 0) {
		if (!b->build_err)
			b->build_err = len;
		return len;
	}
	b->offset[b->count] = (uint32_t)b->used;
	b->used += (size_t)len;
	b->links[b->count] = ret;
	b->err[b->count] = 0;
	return (int)b->count++;
}

/* One end of a pair: its name, MTU and MAC. */
static void put_end(struct rtnl_msg *m, const char *name, unsigned mtu, const struct macaddr *mac)
{
	rtnl_put_str(m, IFLA_IFNAME, name);
	if (mtu)
		rtnl_put_u32(m, IFLA_MTU, mtu);
	if (mac)
		rtnl_put(m, IFLA_ADDRESS, mac->bytes, MAC_LEN);
}

int netlink_batch_veth_add(struct netlink_batch *b, const struct netlink_veth *v)
{
	/* The host end is up from birth (the kernel applies the flags once
	 * the pair is linked). The peer cannot be: it is opened before it
	 * knows its other end, and veth_open() then fails with ENOTCONN; it
	 * is brought up inside. */
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };
	struct ifinfomsg peer = { .ifi_family = AF_UNSPEC };
	struct rtnl_msg m;
	size_t info, data, end;

	if (!batch_start(b, &m, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi)))
		return -E2BIG;
	put_end(&m, v->name, v->mtu, v->mac);
	if (v->master)
		rtnl_put_u32(&m, IFLA_MASTER, (uint32_t)v->master);
	info = rtnl_nest_start(&m, IFLA_LINKINFO);
	rtnl_put_str(&m, IFLA_INFO_KIND, "veth");
	data = rtnl_nest_start(&m, IFLA_INFO_DATA);
	/* VETH_INFO_PEER: an ifinfomsg, then the peer's attributes */
	end = rtnl_nest_start(&m, VETH_INFO_PEER);
	rtnl_put_raw(&m, &peer, sizeof(peer));
	put_end(&m, v->peer, v->mtu, v->peer_mac);
	/* The peer is born in the target namespace: it never exists on this
	 * side, not even for a moment. */
	rtnl_put_u32(&m, IFLA_NET_NS_FD, (uint32_t)v->peer_netns_fd);
	rtnl_nest_end(&m, end);
	rtnl_nest_end(&m, data);
	rtnl_nest_end(&m, info);
	return batch_push(b, &m, NULL);
}

int netlink_batch_bridge_add(struct netlink_batch *b, const char *name)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };
	struct rtnl_msg m;
	size_t info;

	if (!batch_start(b, &m, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi)))
		return -E2BIG;
	rtnl_put_str(&m, IFLA_IFNAME, name);
	info = rtnl_nest_start(&m, IFLA_LINKINFO);
	rtnl_put_str(&m, IFLA_INFO_KIND, "bridge");
	rtnl_nest_end(&m, info);
	return batch_push(b, &m, NULL);
}

int netlink_batch_link_get(struct netlink_batch *b, const char *name, int ifindex,
			   struct netlink_link *ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct rtnl_msg m;

	/* Not a dump: the kernel answers with this one interface
	 * (rtnl_getlink looks it up by index or IFLA_IFNAME). */
	if (!batch_start(b, &m, RTM_GETLINK, 0, &ifi, sizeof(ifi)))
		return -E2BIG;
	if (!ifindex)
		rtnl_put_str(&m, IFLA_IFNAME, name);
	rtnl_put_u32(&m, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return batch_push(b, &m, ret);
}

int netlink_batch_link_set_up(struct netlink_batch *b, int ifindex, bool up)
{
	/* RTM_NEWLINK without NLM_F_CREATE changes an existing link. */
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex,
				 .ifi_flags = up ? IFF_UP : 0, .ifi_change = IFF_UP };
	struct rtnl_msg m;

	if (!batch_start(b, &m, RTM_NEWLINK, 0, &ifi, sizeof(ifi)))
		return -E2BIG;
	return batch_push(b, &m, NULL);
}

int netlink_batch_link_set_alias(struct netlink_batch *b, int ifindex, const char *alias)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct rtnl_msg m;

	if (!batch_start(b, &m, RTM_NEWLINK, 0, &ifi, sizeof(ifi)))
		return -E2BIG;
	rtnl_put_str(&m, IFLA_IFALIAS, alias);
	return batch_push(b, &m, NULL);
}

int netlink_batch_link_del(struct netlink_batch *b, const char *name, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct rtnl_msg m;

	if (!batch_start(b, &m, RTM_DELLINK, 0, &ifi, sizeof(ifi)))
		return -E2BIG;
	if (!ifindex)
		rtnl_put_str(&m, IFLA_IFNAME, name);
	return batch_push(b, &m, NULL);
}

static size_t addr_len(int family)
{
	return family == AF_INET ? 4 : 16;
}

static int batch_addr(struct netlink_batch *b, int ifindex, const struct ipaddr *a, bool add)
{
	/* Without duplicate address detection an IPv6 address is usable at
	 * once instead of "tentative" for a second or more. */
	struct ifaddrmsg ifa = { .ifa_family = (uint8_t)a->family, .ifa_prefixlen = (uint8_t)a->prefix,
				 .ifa_flags = add && a->family == AF_INET6 ? IFA_F_NODAD : 0,
				 .ifa_index = (uint32_t)ifindex };
	struct rtnl_msg m;

	if (!batch_start(b, &m, add ? RTM_NEWADDR : RTM_DELADDR,
			 add ? NLM_F_CREATE | NLM_F_EXCL : 0, &ifa, sizeof(ifa)))
		return -E2BIG;
	rtnl_put(&m, IFA_LOCAL, a->bytes, addr_len(a->family));
	/* the kernel takes IFA_ADDRESS for the prefix's network (IPv4) and
	 * for the address itself (IPv6), as ip(8) sends both */
	rtnl_put(&m, IFA_ADDRESS, a->bytes, addr_len(a->family));
	return batch_push(b, &m, NULL);
}

int netlink_batch_addr_add(struct netlink_batch *b, int ifindex, const struct ipaddr *a)
{
	return batch_addr(b, ifindex, a, true);
}

int netlink_batch_addr_del(struct netlink_batch *b, int ifindex, const struct ipaddr *a)
{
	return batch_addr(b, ifindex, a, false);
}

int netlink_batch_default_route(struct netlink_batch *b, int ifindex, const struct ipaddr *gw)
{
	struct rtmsg rtm = { .rtm_family = (uint8_t)gw->family, .rtm_table = RT_TABLE_MAIN,
			     .rtm_protocol = RTPROT_BOOT, .rtm_scope = RT_SCOPE_UNIVERSE,
			     .rtm_type = RTN_UNICAST };
	struct rtnl_msg m;

	if (!batch_start(b, &m, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rtm, sizeof(rtm)))
		return -E2BIG;
	rtnl_put(&m, RTA_GATEWAY, gw->bytes, addr_len(gw->family));
	rtnl_put_u32(&m, RTA_OIF, (uint32_t)ifindex);
	return batch_push(b, &m, NULL);
}

/* An optional u32 attribute into *ret: 0, or -EBADMSG for a wrong size. */
static int get_u32(const struct rtattr *a, void *ret)
{
	uint32_t v;
	int r;

	if (!a)
		return 0;
	if ((r = rtnl_get_u32(a, &v)) == 0)
		memcpy(ret, &v, sizeof(v));
	return r;
}

int netlink_parse_link(const struct nlmsghdr *h, struct netlink_link *ret)
{
	const struct rtattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1];
	struct ifinfomsg ifi;
	int r;

	memset(ret, 0, sizeof(*ret));
	if ((r = rtnl_attrs(h, sizeof(ifi), tb, IFLA_MAX)) < 0)
		return r;
	memcpy(&ifi, NLMSG_DATA(h), sizeof(ifi));
	ret->ifindex = ifi.ifi_index;
	ret->up = ifi.ifi_flags & IFF_UP;
	rtnl_get_str(tb[IFLA_IFNAME], ret->name, sizeof(ret->name));
	rtnl_get_str(tb[IFLA_IFALIAS], ret->alias, sizeof(ret->alias));
	if ((r = get_u32(tb[IFLA_MTU], &ret->mtu)) < 0 || (r = get_u32(tb[IFLA_LINK], &ret->link)) < 0 ||
	    (r = get_u32(tb[IFLA_MASTER], &ret->master)) < 0)
		return r;
	if (tb[IFLA_ADDRESS] && rtnl_len(tb[IFLA_ADDRESS]) == MAC_LEN)
		memcpy(ret->mac, rtnl_data(tb[IFLA_ADDRESS]), MAC_LEN);
	if (tb[IFLA_LINKINFO]) {
		if ((r = rtnl_nested(tb[IFLA_LINKINFO], 0, info, IFLA_INFO_MAX)) < 0)
			return r;
		rtnl_get_str(info[IFLA_INFO_KIND], ret->kind, sizeof(ret->kind));
	}
	return 0;
}

/* One answer: a lookup's link, or the acknowledgement that ends an item. */
static int take_answer(struct netlink_batch *b, const struct nlmsghdr *h, uint32_t first_seq,
		       unsigned *acked)
{
	uint32_t i = h->nlmsg_seq - first_seq;
	struct rtnl_ack ack;
	int r;

	if (i >= b->count || b->answered[i])
		return 0;	/* not ours, or past its end */
	if (h->nlmsg_type == RTM_NEWLINK && b->links[i]) {
		if ((r = netlink_parse_link(h, b->links[i])) < 0 && !b->err[i])
			b->err[i] = r;
	} else if (h->nlmsg_type == NLMSG_ERROR) {
		if ((r = rtnl_parse_ack(h, &ack)) < 0)
			return r;
		b->answered[i] = true;
		/* answers come in request order: a later item's explanation
		 * is not the first failure's */
		if (ack.error && !b->err[i]) {
			b->err[i] = ack.error;
			if (ack.ext_msg && (b->failed < 0 || (int)i < b->failed))
				snprintf(b->ext_msg, sizeof(b->ext_msg), "%.*s", (int)ack.ext_len,
					 ack.ext_msg);
		}
		(*acked)++;
	}
	if (b->err[i] && (b->failed < 0 || (int)i < b->failed))
		b->failed = (int)i;
	return 0;
}

int netlink_batch_take(struct netlink_batch *b, const void *buf, size_t len, uint32_t first_seq,
		       unsigned *acked)
{
	const struct nlmsghdr *h;
	size_t off = 0;
	int r;

	while ((r = rtnl_next(buf, len, &off, &h)) > 0)
		if ((r = take_answer(b, h, first_seq, acked)) < 0)
			return r;
	return r;
}

/* Number the requests from the socket's next sequence number on, send
 * them in one sendmsg(): 0 or -errno. */
static int send_all(struct rtnl *sk, struct netlink_batch *b, uint32_t *ret_first_seq)
{
	*ret_first_seq = sk->seq + 1;
	for (unsigned i = 0; i < b->count; i++)
		((struct nlmsghdr *)(b->buf + b->offset[i]))->nlmsg_seq = rtnl_next_seq(sk);
	return rtnl_send(sk, b->buf, b->used);
}

static int receive_all(struct rtnl *sk, struct netlink_batch *b, uint32_t first_seq)
{
	char buf[RTNL_RECV_SIZE] __attribute__((aligned(NLMSG_ALIGNTO)));
	unsigned acked = 0;
	int r = 0;

	while (r == 0 && acked < b->count) {
		ssize_t n = rtnl_recv(sk, buf, sizeof(buf));
		r = n < 0 ? (int)n : netlink_batch_take(b, buf, (size_t)n, first_seq, &acked);
	}
	return r;
}

int netlink_batch_commit(struct rtnl *sk, struct netlink_batch *b)
{
	uint32_t first_seq;
	int r = b->build_err;
	bool sent = false;

	b->failed = -1;
	b->ext_msg[0] = '\0';
	memset(b->answered, 0, sizeof(b->answered));
	memset(b->unanswered, 0, sizeof(b->unanswered));
	if (r == 0 && b->count) {
		r = send_all(sk, b, &first_seq);
		sent = r == 0;
		if (sent)
			r = receive_all(sk, b, first_seq);
	}
	/* Unsent, or its answers lost: no item counts as done but those
	 * acknowledged, and one that was sent and not answered may have
	 * been done. */
	for (unsigned i = 0; r < 0 && i < b->count; i++) {
		if (b->answered[i])
			continue;
		b->unanswered[i] = sent;
		if (!b->err[i])
			b->err[i] = r;
	}
	netlink_batch_free(b);
	b->build_err = 0;
	if (r < 0)
		return r;
	return b->failed < 0 ? 0 : b->err[b->failed];
}

int netlink_build_ports_request(int master, void *buf, size_t size, struct rtnl_msg *ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };

	rtnl_msg_start(ret, buf, size, RTM_GETLINK, NLM_F_DUMP, &ifi, sizeof(ifi));
	rtnl_put_u32(ret, IFLA_MASTER, (uint32_t)master);
	rtnl_put_u32(ret, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return rtnl_msg_end(ret) < 0 ? ret->err : 0;
}

struct ports {
	int master;
	struct netlink_link *ret;
	unsigned max, count;
};

static int take_port(const struct nlmsghdr *h, void *arg)
{
	struct ports *p = arg;
	struct netlink_link l;

	/* a kernel that did not filter sends every link: keep ours */
	if (h->nlmsg_type != RTM_NEWLINK || netlink_parse_link(h, &l) < 0 || l.master != p->master)
		return 0;
	if (p->count < p->max)
		p->ret[p->count] = l;
	p->count++;
	return 0;
}

int netlink_link_ports(struct rtnl *sk, int master, struct netlink_link *ret, unsigned max)
{
	char buf[128] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct ports p = { master, ret, max, 0 };
	struct rtnl_msg m;
	int r = netlink_build_ports_request(master, buf, sizeof(buf), &m);

	if (r < 0 || (r = rtnl_dump(sk, &m, take_port, &p)) < 0)
		return r;
	return (int)p.count;
}
