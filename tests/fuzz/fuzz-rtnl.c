/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Routing netlink replies (lib/rtnl, lib/netlink): the input is one
 * datagram as the kernel would send it, read as the answers to a batch
 * (netlink_batch_take, which parses links and acks), as one part of a
 * dump (rtnl_dump_take) read by every reader of nsls's dumps (lib/netshow:
 * links, addresses, routes, devices' names, nsids), and message by
 * message with every attribute and nested attribute parsed. Nothing is read outside the datagram (ASan),
 * and what is taken stays in range. */
#include <errno.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "fuzz.h"
#include "netlink.h"
#include "netshow.h"
#include "rtnl.h"

static struct netshow_iface ifs[2];
static struct netshow_route rts[2];

static int each(const struct nlmsghdr *h, void *arg)
{
	const struct rtattr *tb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1];
	struct netshow_ifaces shown = { ifs, 2, 0 };
	struct netshow_routes routes = { rts, 2, 0 };
	struct netshow_nsid nsid = { -1, false };
	struct netlink_link l;
	unsigned *n = arg;

	FUZZ_CHECK(h->nlmsg_len >= NLMSG_HDRLEN);
	(*n)++;
	/* a link, then its addresses; a route, then its device */
	FUZZ_CHECK(netshow_take_link(h, &shown) == 0 && shown.count <= 1);
	FUZZ_CHECK(netshow_take_addr(h, &shown) == 0);
	for (unsigned i = 0; i < shown.count; i++)
		FUZZ_CHECK(strlen(ifs[i].addrs) < sizeof(ifs[i].addrs) &&
			   strlen(ifs[i].name) < sizeof(ifs[i].name));
	FUZZ_CHECK(netshow_take_route(h, &routes) == 0 && routes.count <= 1);
	FUZZ_CHECK(netshow_take_dev(h, &routes) == 0);
	for (unsigned i = 0; i < routes.count; i++)
		FUZZ_CHECK(strlen(rts[i].dst) > 0 && strlen(rts[i].dev) < sizeof(rts[i].dev));
	FUZZ_CHECK(netshow_take_nsid(h, &nsid) == 0);
	if (netlink_parse_link(h, &l) == 0) {
		FUZZ_CHECK(strlen(l.name) < sizeof(l.name));
		FUZZ_CHECK(strlen(l.kind) < sizeof(l.kind));
		FUZZ_CHECK(strlen(l.alias) < sizeof(l.alias));
	}
	if (rtnl_attrs(h, 0, tb, IFLA_MAX) == 0)
		for (unsigned i = 0; i <= IFLA_MAX; i++)
			if (tb[i])
				(void)rtnl_nested(tb[i], 0, info, IFLA_INFO_MAX);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct netlink_batch b;
	struct netlink_link links[3];
	const struct nlmsghdr *h;
	struct rtnl_ack ack;
	unsigned acked = 0, n = 0;
	size_t off = 0;
	char *buf;
	int r;

	/* a copy of its own size and alignment: ASan sees a read past it */
	if (!(buf = malloc(size ? size : 1)))
		return 0;
	if (size)
		memcpy(buf, data, size);

	netlink_batch_init(&b);
	netlink_batch_link_get(&b, "vh", 0, &links[0]);
	netlink_batch_link_set_up(&b, 1, true);
	netlink_batch_link_get(&b, NULL, 2, &links[1]);
	r = netlink_batch_take(&b, buf, size, 1, &acked);
	FUZZ_CHECK(r == 0 || r == -EBADMSG);
	FUZZ_CHECK(acked <= b.count);
	FUZZ_CHECK(b.failed >= -1 && b.failed < (int)b.count);
	FUZZ_CHECK(strlen(b.ext_msg) < sizeof(b.ext_msg));
	for (unsigned i = 0; i < b.count; i++)
		FUZZ_CHECK(b.err[i] <= 0);

	r = rtnl_dump_take(buf, size, 1, each, &n);
	FUZZ_CHECK(r <= 1 && r >= -4095);

	while (rtnl_next(buf, size, &off, &h) > 0) {
		FUZZ_CHECK(off <= size);
		if (h->nlmsg_type == NLMSG_ERROR && rtnl_parse_ack(h, &ack) == 0) {
			FUZZ_CHECK(ack.error <= 0 && ack.error >= -4095);
			if (ack.ext_msg)
				FUZZ_CHECK(ack.ext_msg >= buf && ack.ext_msg + ack.ext_len <= buf + size);
		}
	}
	free(buf);
	return 0;
}
