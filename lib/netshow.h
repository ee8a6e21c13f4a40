/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What a network namespace holds, read through rtnetlink (lib/rtnl) for nsls:
 * its interfaces with their addresses, its routes of the main table, and
 * the id the caller's namespace gives another (RTM_GETNSID). Read only;
 * unlike lib/netlink (vethup's steps) these are dumps of the namespace's
 * whole table, which is what listing it means. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "rtnl.h"

#define NETSHOW_ADDRS_LEN 256

struct netshow_iface {
	int ifindex;
	bool up;
	char name[16];
	char kind[16];			/* "veth", "bridge", "" */
	char addrs[NETSHOW_ADDRS_LEN];	/* "10.0.0.2/24 fd00::2/64", cut to size */
};

struct netshow_route {
	char dst[64];			/* "default", "10.0.0.0/24" */
	char gateway[64];		/* "" when none */
	char dev[16];
	int ifindex;			/* dev's */
};

/* The readers of the answers, one message each, as rtnl_dump's each
 * (always 0: a message of another type, or malformed, is skipped); public
 * for the unit tests and the fuzzer. */
struct netshow_ifaces {
	struct netshow_iface *ret;
	unsigned max, count;		/* count: every link seen, beyond max too */
};
/* An RTM_NEWLINK: the next interface. */
int netshow_take_link(const struct nlmsghdr *h, void *ifaces);
/* An RTM_NEWADDR: appended to the addresses of its interface, if seen. */
int netshow_take_addr(const struct nlmsghdr *h, void *ifaces);
struct netshow_routes {
	struct netshow_route *ret;
	unsigned max, count;
};
/* An RTM_NEWROUTE of the main table: the next route. */
int netshow_take_route(const struct nlmsghdr *h, void *routes);
/* An RTM_NEWLINK: its name for the routes through it. */
int netshow_take_dev(const struct nlmsghdr *h, void *routes);
struct netshow_nsid {
	int32_t nsid;
	bool have;
};
/* An RTM_NEWNSID: its NETNSA_NSID. */
int netshow_take_nsid(const struct nlmsghdr *h, void *nsid);

/* Up to max interfaces of the namespace of sk, in index order: how many
 * there are (possibly more than max), or -errno. */
int netshow_ifaces(struct rtnl *sk, struct netshow_iface *ret, unsigned max);
/* Up to max routes of the main table (IPv4 and IPv6): how many, or -errno. */
int netshow_routes(struct rtnl *sk, struct netshow_route *ret, unsigned max);
/* The id that the namespace of sk gives the network namespace of nsfd:
 * >= 0, -ENOENT when it has none, or -errno. */
int netshow_nsid(struct rtnl *sk, int nsfd);
