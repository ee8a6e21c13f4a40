/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rtnetlink for vethup, packed by hand (lib/rtnl): requests are sent in
 * batches, several in one sendmsg(), with every acknowledgement read back
 * and matched by its sequence number, so that a whole step costs one
 * round trip.
 * Interfaces are only ever looked up by name or index (RTM_GETLINK with
 * IFLA_IFNAME, never a dump of every link), so the cost does not grow with
 * the number of interfaces in a namespace; the one dump, of the ports of
 * one bridge, is filtered by the kernel. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "netaddr.h"
#include "rtnl.h"

/* A routing netlink socket in the caller's network namespace (*ret is
 * the caller's, nothing is allocated: vethup's start stays a bare
 * program's). */
int netlink_open(struct rtnl *ret);
/* A socket in the network namespace of netns_fd: the calling thread
 * enters it, creates the socket (which stays bound to that namespace,
 * netlink(7)) and returns to its own. -errno; if the return fails the
 * thread is left in the other namespace and the caller must exit. */
int netlink_open_in(int netns_fd, struct rtnl *ret);
/* Close it if it is open (RTNL_CLOSED, or closed: nothing). */
void netlink_close(struct rtnl *sk);

/* What a lookup learns about an interface. */
struct netlink_link {
	int ifindex;
	int link;		/* IFLA_LINK: a veth's peer's ifindex (in its namespace) */
	int master;		/* IFLA_MASTER: its bridge's ifindex; 0: none */
	unsigned mtu;
	bool up;
	uint8_t mac[MAC_LEN];
	char name[IFNAME_MAX + 1];
	char kind[16];		/* IFLA_INFO_KIND: "veth", "bridge", "" */
	char alias[64];		/* IFLA_IFALIAS (cut to size), or "" */
};

/* A veth pair, the peer born in another namespace; the host end up. */
struct netlink_veth {
	const char *name, *peer;
	int peer_netns_fd;
	unsigned mtu;				/* 0: the kernel's default */
	const struct macaddr *mac, *peer_mac;	/* NULL: random */
	int master;				/* bridge ifindex; 0: none */
};

/* The loopback interface has index 1 in every network namespace
 * (LOOPBACK_IFINDEX, include/net/net_namespace.h). */
#define NETLINK_LOOPBACK_IFINDEX 1

#define NETLINK_BATCH_MAX 32
/* Room for the requests of a batch (a veth's is about 200 bytes). */
#define NETLINK_BATCH_BYTES 8192
/* Requests sent together; item i's result is in err[i] (0 or -errno)
 * and, for a lookup, in *links[i]. */
struct netlink_batch {
	unsigned count;
	int build_err;				/* the first failure to build */
	size_t used;				/* bytes of buf the requests fill */
	uint32_t offset[NETLINK_BATCH_MAX];	/* where item i's request starts in buf */
	struct netlink_link *links[NETLINK_BATCH_MAX];
	int err[NETLINK_BATCH_MAX];
	/* Sent, but its answer was lost (a receive that failed): the kernel
	 * may have done it, and an undo must try (err holds the failure). */
	bool unanswered[NETLINK_BATCH_MAX];
	bool answered[NETLINK_BATCH_MAX];	/* private: its ack came */
	int failed;				/* index of the first failed item, or -1 */
	char ext_msg[128];			/* the kernel's extack text for it, or "" */
	char buf[NETLINK_BATCH_BYTES] __attribute__((aligned(NLMSG_ALIGNTO)));
};

void netlink_batch_init(struct netlink_batch *b);
/* Each adder returns the item's index, or -errno (then also recorded in
 * build_err, so callers may check once, at commit). */
int netlink_batch_veth_add(struct netlink_batch *b, const struct netlink_veth *v);
/* A bridge, created up. */
int netlink_batch_bridge_add(struct netlink_batch *b, const char *name);
int netlink_batch_link_get(struct netlink_batch *b, const char *name, int ifindex,
			   struct netlink_link *ret);
/* Set or clear IFF_UP of an existing link. */
int netlink_batch_link_set_up(struct netlink_batch *b, int ifindex, bool up);
/* Set the alias (IFLA_IFALIAS, ip-link(8)'s "alias") of an existing link:
 * the kernel ignores one given at creation. */
int netlink_batch_link_set_alias(struct netlink_batch *b, int ifindex, const char *alias);
/* Delete by index, or by name when ifindex is 0. */
int netlink_batch_link_del(struct netlink_batch *b, const char *name, int ifindex);
/* IPv6 addresses are added with IFA_F_NODAD: usable at once. */
int netlink_batch_addr_add(struct netlink_batch *b, int ifindex, const struct ipaddr *a);
int netlink_batch_addr_del(struct netlink_batch *b, int ifindex, const struct ipaddr *a);
/* A default route of gw's family via gw on ifindex, in the main table. */
int netlink_batch_default_route(struct netlink_batch *b, int ifindex, const struct ipaddr *gw);
/* Send every request in one sendmsg() and read all the answers. Returns
 * 0 when every item succeeded; else the first failed item's -errno with
 * its index in failed, or -errno with failed = -1 when a request could
 * not be built or the conversation itself failed (then every item not
 * known to have succeeded has that error in err[], and unanswered[] marks
 * those that were sent: they may have been done). The batch is empty
 * afterwards (its results stay). */
int netlink_batch_commit(struct rtnl *sk, struct netlink_batch *b);
/* Drop the requests of a batch that was not committed. */
void netlink_batch_free(struct netlink_batch *b);

/* The ports of the bridge whose ifindex is master, up to max of them in
 * ret[]: how many there are (more than max when they do not fit), or
 * -errno. One dump, which the kernel filters by IFLA_MASTER
 * (rtnl_dump_ifinfo), so that it answers with these ports only. */
int netlink_link_ports(struct rtnl *sk, int master, struct netlink_link *ret, unsigned max);
/* Its request, packed into buf of size bytes, for the unit tests: 0 or
 * -EMSGSIZE. */
int netlink_build_ports_request(int master, void *buf, size_t size, struct rtnl_msg *ret);
/* Fill *ret from an RTM_NEWLINK message: 0, or -EBADMSG when it is
 * malformed (lengths, attributes of the wrong size). */
int netlink_parse_link(const struct nlmsghdr *h, struct netlink_link *ret);
/* Take one received datagram of the answers to a batch whose first
 * request had sequence number first_seq; *acked counts the items
 * answered. 0, or -EBADMSG for a malformed datagram (then the items it
 * did not answer stay unanswered). */
int netlink_batch_take(struct netlink_batch *b, const void *buf, size_t len, uint32_t first_seq,
		       unsigned *acked);
