/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netlink/addr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/route.h>
#include <netlink/socket.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cleanup.h"
#include "netlink.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* libnl returns its own codes (NLE_*); our callers speak errno. */
static int nl_errno(int nle)
{
	switch (nle < 0 ? -nle : nle) {
	case 0: return 0;
	case NLE_NOMEM: return -ENOMEM;
	case NLE_INVAL: return -EINVAL;
	case NLE_RANGE: return -ERANGE;
	case NLE_OBJ_NOTFOUND: return -ENODEV;
	case NLE_EXIST: return -EEXIST;
	case NLE_PERM: return -EPERM;
	case NLE_NOACCESS: return -EACCES;
	case NLE_BUSY: return -EBUSY;
	case NLE_OPNOTSUPP: return -EOPNOTSUPP;
	default: return -EIO;
	}
}

int netlink_open(struct nl_sock **ret)
{
	struct nl_sock *sk = nl_socket_alloc();
	int one = 1, r;

	*ret = NULL;
	if (!sk)
		return -ENOMEM;
	r = nl_connect(sk, NETLINK_ROUTE);
	if (r < 0) {
		nl_socket_free(sk);
		return nl_errno(r);
	}
	/* Short acknowledgements (no copy of the request) and the kernel's
	 * own explanation of an error (extended ack); both are hints, so a
	 * kernel without them is not an error. */
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	*ret = sk;
	return 0;
}

int netlink_open_in(int netns_fd, struct nl_sock **ret)
{
	_cleanup_close_ int self = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	int r;

	*ret = NULL;
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

void netlink_close(struct nl_sock **sk)
{
	if (*sk)
		nl_socket_free(*sk);
	*sk = NULL;
}

void netlink_batch_init(struct netlink_batch *b)
{
	memset(b, 0, sizeof(*b));
	b->failed = -1;
}

void netlink_batch_free(struct netlink_batch *b)
{
	for (unsigned i = 0; i < b->count; i++)
		nlmsg_free(b->msgs[i]);
	b->count = 0;
}

/* Append a built request (r: the libnl result of building it). */
static int batch_push(struct netlink_batch *b, int r, struct nl_msg *msg, struct netlink_link *ret)
{
	if (r < 0 || !msg) {
		r = r < 0 ? nl_errno(r) : -ENOMEM;
	} else if (b->count == NETLINK_BATCH_MAX) {
		nlmsg_free(msg);
		r = -E2BIG;
	}
	if (r < 0) {
		if (!b->build_err)
			b->build_err = r;
		return r;
	}
	b->msgs[b->count] = msg;
	b->links[b->count] = ret;
	b->err[b->count] = 0;
	return (int)b->count++;
}

static struct nl_addr *mac_addr(const struct macaddr *m)
{
	return nl_addr_build(AF_LLC, m->bytes, MAC_LEN);
}

/* Set the name, MTU and MAC of one end of a pair. */
static int link_setup(struct rtnl_link *l, const char *name, unsigned mtu,
		      const struct macaddr *mac)
{
	rtnl_link_set_name(l, name);
	if (mtu)
		rtnl_link_set_mtu(l, mtu);
	if (mac) {
		struct nl_addr *a = mac_addr(mac);
		if (!a)
			return -ENOMEM;
		rtnl_link_set_addr(l, a);
		nl_addr_put(a);
	}
	return 0;
}

int netlink_batch_veth_add(struct netlink_batch *b, const struct netlink_veth *v)
{
	struct rtnl_link *l = rtnl_link_veth_alloc(), *peer;
	struct nl_msg *msg = NULL;
	int r;

	if (!l)
		return batch_push(b, -NLE_NOMEM, NULL, NULL);
	peer = rtnl_link_veth_get_peer(l);
	r = link_setup(l, v->name, v->mtu, v->mac);
	if (r == 0)
		r = link_setup(peer, v->peer, v->mtu, v->peer_mac);
	if (r == 0) {
		/* The peer is born in the target namespace: it never
		 * exists on this side, not even for a moment. */
		rtnl_link_set_ns_fd(peer, v->peer_netns_fd);
		if (v->master)
			rtnl_link_set_master(l, v->master);
		/* The host end is up from birth (the kernel applies the
		 * flags once the pair is linked). The peer cannot be: it is
		 * opened before it knows its other end, and veth_open()
		 * then fails with ENOTCONN; it is brought up inside. */
		rtnl_link_set_flags(l, IFF_UP);
		r = rtnl_link_build_add_request(l, NLM_F_CREATE | NLM_F_EXCL, &msg);
	} else {
		r = -NLE_NOMEM;
	}
	/* rtnl_link_veth_get_peer() took a reference (libnl >= 3.5); the
	 * link drops its own on the peer when it is freed. */
	rtnl_link_put(peer);
	rtnl_link_put(l);
	return batch_push(b, r, msg, NULL);
}

int netlink_batch_bridge_add(struct netlink_batch *b, const char *name)
{
	struct rtnl_link *l = rtnl_link_alloc();
	struct nl_msg *msg = NULL;
	int r;

	if (!l)
		return batch_push(b, -NLE_NOMEM, NULL, NULL);
	rtnl_link_set_name(l, name);
	rtnl_link_set_flags(l, IFF_UP);
	r = rtnl_link_set_type(l, "bridge");
	if (r >= 0)
		r = rtnl_link_build_add_request(l, NLM_F_CREATE | NLM_F_EXCL, &msg);
	rtnl_link_put(l);
	return batch_push(b, r, msg, NULL);
}

int netlink_batch_link_get(struct netlink_batch *b, const char *name, int ifindex,
			   struct netlink_link *ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	int r = -NLE_NOMEM;

	/* Not a dump: the kernel answers with this one interface
	 * (rtnl_getlink looks it up by index or IFLA_IFNAME). */
	if (msg && nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) == 0 &&
	    (ifindex || nla_put_string(msg, IFLA_IFNAME, name) == 0) &&
	    nla_put_u32(msg, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS) == 0)
		r = 0;
	if (r < 0 && msg) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return batch_push(b, r, msg, ret);
}

/* Append the change of an existing link that l describes, and put l. */
static int batch_link_change(struct netlink_batch *b, struct rtnl_link *l)
{
	struct nl_msg *msg = NULL;
	/* RTM_NEWLINK without NLM_F_CREATE changes an existing link. */
	int r = rtnl_link_build_add_request(l, 0, &msg);

	rtnl_link_put(l);
	return batch_push(b, r, msg, NULL);
}

int netlink_batch_link_set_up(struct netlink_batch *b, int ifindex, bool up)
{
	struct rtnl_link *l = rtnl_link_alloc();

	if (!l)
		return batch_push(b, -NLE_NOMEM, NULL, NULL);
	rtnl_link_set_ifindex(l, ifindex);
	if (up)
		rtnl_link_set_flags(l, IFF_UP);
	else
		rtnl_link_unset_flags(l, IFF_UP);
	return batch_link_change(b, l);
}

int netlink_batch_link_set_alias(struct netlink_batch *b, int ifindex, const char *alias)
{
	struct rtnl_link *l = rtnl_link_alloc();

	if (!l)
		return batch_push(b, -NLE_NOMEM, NULL, NULL);
	rtnl_link_set_ifindex(l, ifindex);
	rtnl_link_set_ifalias(l, alias);
	return batch_link_change(b, l);
}

int netlink_batch_link_del(struct netlink_batch *b, const char *name, int ifindex)
{
	struct rtnl_link *l = rtnl_link_alloc();
	struct nl_msg *msg = NULL;
	int r;

	if (!l)
		return batch_push(b, -NLE_NOMEM, NULL, NULL);
	if (ifindex)
		rtnl_link_set_ifindex(l, ifindex);
	else
		rtnl_link_set_name(l, name);
	r = rtnl_link_build_delete_request(l, &msg);
	rtnl_link_put(l);
	return batch_push(b, r, msg, NULL);
}

static struct nl_addr *ip_addr(const struct ipaddr *a, unsigned prefix)
{
	struct nl_addr *n = nl_addr_build(a->family, a->bytes, a->family == AF_INET ? 4 : 16);

	if (n)
		nl_addr_set_prefixlen(n, (int)prefix);
	return n;
}

static int build_addr(int ifindex, const struct ipaddr *a, bool add, struct nl_msg **ret)
{
	struct rtnl_addr *ra = rtnl_addr_alloc();
	struct nl_addr *local = ip_addr(a, a->prefix);
	int r = -NLE_NOMEM;

	if (ra && local) {
		rtnl_addr_set_ifindex(ra, ifindex);
		rtnl_addr_set_family(ra, a->family);
		rtnl_addr_set_prefixlen(ra, (int)a->prefix);
		r = rtnl_addr_set_local(ra, local);
	}
	/* Without duplicate address detection an IPv6 address is usable
	 * at once instead of "tentative" for a second or more. */
	if (r >= 0 && a->family == AF_INET6)
		rtnl_addr_set_flags(ra, IFA_F_NODAD);
	if (r >= 0)
		r = add ? rtnl_addr_build_add_request(ra, NLM_F_CREATE | NLM_F_EXCL, ret)
			: rtnl_addr_build_delete_request(ra, 0, ret);
	if (local)
		nl_addr_put(local);
	if (ra)
		rtnl_addr_put(ra);
	return r;
}

int netlink_batch_addr_add(struct netlink_batch *b, int ifindex, const struct ipaddr *a)
{
	struct nl_msg *msg = NULL;
	int r = build_addr(ifindex, a, true, &msg);

	return batch_push(b, r, msg, NULL);
}

int netlink_batch_addr_del(struct netlink_batch *b, int ifindex, const struct ipaddr *a)
{
	struct nl_msg *msg = NULL;
	int r = build_addr(ifindex, a, false, &msg);

	return batch_push(b, r, msg, NULL);
}

int netlink_batch_default_route(struct netlink_batch *b, int ifindex, const struct ipaddr *gw)
{
	struct rtnl_route *rt = rtnl_route_alloc();
	struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
	struct ipaddr any = { .family = gw->family };
	struct nl_addr *dst = ip_addr(&any, 0), *via = ip_addr(gw, gw->family == AF_INET ? 32 : 128);
	struct nl_msg *msg = NULL;
	int r = -NLE_NOMEM;

	if (rt && nh && dst && via) {
		rtnl_route_set_family(rt, (uint8_t)gw->family);
		rtnl_route_set_table(rt, RT_TABLE_MAIN);
		rtnl_route_set_protocol(rt, RTPROT_BOOT);
		rtnl_route_set_scope(rt, RT_SCOPE_UNIVERSE);
		rtnl_route_set_type(rt, RTN_UNICAST);
		r = rtnl_route_set_dst(rt, dst);
	}
	if (r >= 0) {
		rtnl_route_nh_set_ifindex(nh, ifindex);
		rtnl_route_nh_set_gateway(nh, via);
		rtnl_route_add_nexthop(rt, nh);	/* the route owns nh now */
		nh = NULL;
		r = rtnl_route_build_add_request(rt, NLM_F_CREATE | NLM_F_EXCL, &msg);
	}
	if (nh)
		rtnl_route_nh_free(nh);
	if (dst)
		nl_addr_put(dst);
	if (via)
		nl_addr_put(via);
	if (rt)
		rtnl_route_put(rt);
	return batch_push(b, r, msg, NULL);
}

/* Fill *ret from an RTM_NEWLINK answer to a lookup. */
static int parse_link(struct nlmsghdr *h, struct netlink_link *ret)
{
	struct nlattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1];
	struct ifinfomsg *ifi = nlmsg_data(h);
	int r = nlmsg_parse(h, sizeof(*ifi), tb, IFLA_MAX, NULL);

	if (r < 0)
		return nl_errno(r);
	memset(ret, 0, sizeof(*ret));
	ret->ifindex = ifi->ifi_index;
	ret->up = ifi->ifi_flags & IFF_UP;
	if (tb[IFLA_IFNAME])
		snprintf(ret->name, sizeof(ret->name), "%s", nla_get_string(tb[IFLA_IFNAME]));
	if (tb[IFLA_MTU])
		ret->mtu = nla_get_u32(tb[IFLA_MTU]);
	if (tb[IFLA_LINK])
		ret->link = (int)nla_get_u32(tb[IFLA_LINK]);
	if (tb[IFLA_MASTER])
		ret->master = (int)nla_get_u32(tb[IFLA_MASTER]);
	if (tb[IFLA_IFALIAS])
		snprintf(ret->alias, sizeof(ret->alias), "%s", nla_get_string(tb[IFLA_IFALIAS]));
	if (tb[IFLA_ADDRESS] && nla_len(tb[IFLA_ADDRESS]) == MAC_LEN)
		memcpy(ret->mac, nla_data(tb[IFLA_ADDRESS]), MAC_LEN);
	if (tb[IFLA_LINKINFO] && nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO], NULL) == 0 &&
	    info[IFLA_INFO_KIND])
		snprintf(ret->kind, sizeof(ret->kind), "%s", nla_get_string(info[IFLA_INFO_KIND]));
	return 0;
}

/* Keep the kernel's explanation of an error, when it gave one. */
static void save_ext_msg(struct netlink_batch *b, struct nlmsghdr *h, uint32_t i)
{
	struct nlmsgerr *e = nlmsg_data(h);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t off = sizeof(*e);

	/* answers come in request order: a later item's error is no
	 * longer the first */
	if (!(h->nlmsg_flags & NLM_F_ACK_TLVS) || (b->failed >= 0 && (int)i > b->failed))
		return;
	if (!(h->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	if ((size_t)nlmsg_datalen(h) < off ||
	    nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)((char *)e + off),
		      nlmsg_datalen(h) - (int)off, NULL) < 0 ||
	    !tb[NLMSGERR_ATTR_MSG])
		return;
	snprintf(b->ext_msg, sizeof(b->ext_msg), "%s", nla_get_string(tb[NLMSGERR_ATTR_MSG]));
}

static int send_all(struct nl_sock *sk, struct netlink_batch *b, uint32_t *ret_first_seq)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct iovec iov[NETLINK_BATCH_MAX];
	struct msghdr mh = { .msg_name = &kernel, .msg_namelen = sizeof(kernel), .msg_iov = iov };

	for (unsigned i = 0; i < b->count; i++) {
		struct nlmsghdr *h = nlmsg_hdr(b->msgs[i]);
		/* port, sequence number, NLM_F_REQUEST and NLM_F_ACK */
		nl_complete_msg(sk, b->msgs[i]);
		iov[i].iov_base = h;
		iov[i].iov_len = h->nlmsg_len;
	}
	mh.msg_iovlen = b->count;
	*ret_first_seq = nlmsg_hdr(b->msgs[0])->nlmsg_seq;
	while (sendmsg(nl_socket_get_fd(sk), &mh, 0) < 0)
		if (errno != EINTR)
			return -errno;
	return 0;
}

/* One answer: a lookup's link, or the acknowledgement that ends an item. */
static void take_answer(struct netlink_batch *b, struct nlmsghdr *h, uint32_t first_seq,
			unsigned *acked)
{
	uint32_t i = h->nlmsg_seq - first_seq;

	if (i >= b->count)
		return;		/* not ours */
	if (h->nlmsg_type == RTM_NEWLINK && b->links[i]) {
		b->err[i] = parse_link(h, b->links[i]);
	} else if (h->nlmsg_type == NLMSG_ERROR) {
		struct nlmsgerr *e = nlmsg_data(h);
		b->answered[i] = true;
		if (e->error && !b->err[i]) {
			b->err[i] = e->error;
			save_ext_msg(b, h, i);
		}
		(*acked)++;
	}
	if (b->err[i] && (b->failed < 0 || (int)i < b->failed))
		b->failed = (int)i;
}

static int receive_all(struct nl_sock *sk, struct netlink_batch *b, uint32_t first_seq)
{
	unsigned acked = 0;
	char buf[32768] __attribute__((aligned(NLMSG_ALIGNTO)));

	while (acked < b->count) {
		ssize_t n = recv(nl_socket_get_fd(sk), buf, sizeof(buf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		     h = NLMSG_NEXT(h, n))
			take_answer(b, h, first_seq, &acked);
	}
	return 0;
}

int netlink_batch_commit(struct nl_sock *sk, struct netlink_batch *b)
{
	uint32_t first_seq;
	int r = b->build_err;

	b->failed = -1;
	b->ext_msg[0] = '\0';
	bool sent = false;

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

int netlink_build_ports_request(int master, struct nl_msg **ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETLINK, NLM_F_DUMP);

	*ret = NULL;
	if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, IFLA_MASTER, (uint32_t)master) < 0 ||
	    nla_put_u32(msg, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS) < 0) {
		if (msg)
			nlmsg_free(msg);
		return -ENOMEM;
	}
	*ret = msg;
	return 0;
}

/* One part of the dump's answer: 1 when it was the last, 0 for more. */
static int take_ports(struct nlmsghdr *h, ssize_t n, uint32_t seq, int master,
		      struct netlink_link *ret, unsigned max, int *count)
{
	struct netlink_link l;

	for (; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
		if (h->nlmsg_seq != seq)
			continue;	/* not ours */
		if (h->nlmsg_type == NLMSG_DONE)
			return 1;
		if (h->nlmsg_type == NLMSG_ERROR) {
			int e = ((struct nlmsgerr *)nlmsg_data(h))->error;
			*count = e ? e : *count;
			return 1;
		}
		/* a kernel that did not filter sends every link: keep ours */
		if (h->nlmsg_type != RTM_NEWLINK || parse_link(h, &l) < 0 || l.master != master)
			continue;
		if ((unsigned)*count < max)
			ret[*count] = l;
		(*count)++;
	}
	return 0;
}

int netlink_link_ports(struct nl_sock *sk, int master, struct netlink_link *ret, unsigned max)
{
	char buf[32768] __attribute__((aligned(NLMSG_ALIGNTO)));
	struct nl_msg *msg;
	uint32_t seq;
	int count = 0, r = netlink_build_ports_request(master, &msg);

	if (r < 0)
		return r;
	do
		r = nl_send_auto(sk, msg);	/* completes it: port, sequence number */
	while (r == -NLE_INTR);
	seq = nlmsg_hdr(msg)->nlmsg_seq;
	nlmsg_free(msg);
	if (r < 0)
		return nl_errno(r);
	for (r = 0; r == 0;) {
		ssize_t n = recv(nl_socket_get_fd(sk), buf, sizeof(buf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		r = take_ports((struct nlmsghdr *)buf, n, seq, master, ret, max, &count);
	}
	return count;
}
