/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vethup's command line: the options, --help, and the checks of every
 * value before anything is made (so that a bad value changes nothing). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "err.h"
#include "opts.h"
#include "parse.h"
#include "vethup.h"

enum {
	OPT_NETNS = CHAR_MAX + 1, OPT_NAME, OPT_PEER, OPT_ADDR, OPT_HOST_ADDR, OPT_GATEWAY,
	OPT_BRIDGE, OPT_MTU, OPT_MAC, OPT_PEER_MAC, OPT_DELETE, OPT_GRACE,
};

static const struct option longopts[] = {
	{ "target", required_argument, NULL, 't' },
	{ "netns", required_argument, NULL, OPT_NETNS },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "peer", required_argument, NULL, OPT_PEER },
	{ "addr", required_argument, NULL, OPT_ADDR },
	{ "host-addr", required_argument, NULL, OPT_HOST_ADDR },
	{ "gateway", required_argument, NULL, OPT_GATEWAY },
	{ "bridge", required_argument, NULL, OPT_BRIDGE },
	{ "mtu", required_argument, NULL, OPT_MTU },
	{ "mac", required_argument, NULL, OPT_MAC },
	{ "peer-mac", required_argument, NULL, OPT_PEER_MAC },
	OUT_LONGOPTS('r'),
	{ "delete", required_argument, NULL, OPT_DELETE },
	{ "grace", required_argument, NULL, OPT_GRACE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* iproute2's names where ip -j link shows the same (ifname, ifindex,
 * address, mtu); numbers left aligned: vethup's sources do without
 * libsmartcols.h (lib/output draws the table) */
const struct out_column vethup_columns[VCOL_COUNT] = {
	[VCOL_END] = { "END", 0, 0, false, "host, peer (inside) or bridge" },
	[VCOL_IFNAME] = { "IFNAME", 0, 0, false, "interface name" },
	[VCOL_IFINDEX] = { "IFINDEX", 0, 0, true, "interface index, in its namespace" },
	[VCOL_NETNS] = { "NETNS", 0, 0, true, "its network namespace (nsfs inode)" },
	[VCOL_ADDRESS] = { "ADDRESS", 0, 0, false, "MAC address, as the kernel has it" },
	[VCOL_MTU] = { "MTU", 0, 0, true, "MTU, as the kernel has it" },
	[VCOL_ADDR] = { "ADDR", 0, 0, false, "addresses given to it (CIDR), comma separated" },
};

static void usage(void)
{
	fputs("Usage:\n"
	      " vethup [-t PID|PID:INODE|- | --netns NAME|PATH] [options]\n"
	      " vethup --delete HOST|BRIDGE [--grace MS]\n"
	      "\n"
	      "Give a network namespace a veth link: the peer is created inside it, addressed\n"
	      "and routed; the host end stays outside. One netlink conversation, no ip(8).\n"
	      "\n"
	      "Target (default: a handle on stdin when it is not a terminal):\n"
	      " -t, --target PID           the network namespace of this process\n"
	      "     --netns NAME|PATH      an ip-netns name (/run/netns/NAME) or a netns file\n"
	      "\n"
	      "Link:\n"
	      "     --name HOST            the host end (default veth<PID>, or veth<INODE>\n"
	      "                            of the namespace with --netns)\n"
	      "     --peer NAME            the end inside the namespace (default eth0)\n"
	      "     --addr CIDR            an address inside, e.g. 10.0.0.2/24 (repeatable)\n"
	      "     --host-addr CIDR       an address of the host end, or of the bridge\n"
	      "                            (repeatable)\n"
	      "     --gateway IP|none      the default route inside (default: via the first\n"
	      "                            host address of each family)\n"
	      "     --bridge BRIDGE        enslave the host end to BRIDGE (created if missing)\n"
	      "     --mtu N                MTU of both ends\n"
	      "     --mac MAC              MAC address of the host end\n"
	      "     --peer-mac MAC         MAC address of the end inside\n"
	      "     --delete HOST|BRIDGE   delete the pair whose host end is HOST, and the\n"
	      "                            bridge vethup made for it once it has no port\n"
	      "                            left; or BRIDGE, a bridge without ports\n"
	      "     --grace MS             with --delete: first give the kernel MS milliseconds\n"
	      "                            to delete it (as it does when the peer's namespace\n"
	      "                            ends); a pair already gone is no error\n"
	      "\n"
	      " -h, --help                 show this help\n"
	      " -V, --version              show the version\n"
	      "\n"
	      "Output options (any of them prints what was made, after the handle):\n",
	      stdout);
	out_help_options(stdout, true, 28);
	out_help_columns(stdout, "Available output columns:", vethup_columns, VCOL_COUNT);
	fputs("\nExit status: 0 on success, 125 on failure (after undoing what was made).\n"
	      "See vethup(1) and nskit(7).\n",
	      stdout);
}

static int add_text(const char **list, unsigned *n, const char *opt, const char *arg)
{
	if (*n == MAX_ADDRS)
		return nsk_usage_err("%s %s: at most %d addresses", opt, arg, MAX_ADDRS);
	list[(*n)++] = arg;
	return 0;
}

static int parse_option(void *opts, int c, const char *arg)
{
	struct vethup_opts *o = opts;

	uint64_t v;

	switch (c) {
	case 't': o->target = arg; return 0;
	case OPT_NETNS: o->netns = arg; return 0;
	case OPT_NAME: o->name = arg; return 0;
	case OPT_PEER: o->peer = arg; return 0;
	case OPT_BRIDGE: o->bridge = arg; return 0;
	case OPT_DELETE: o->delete = arg; return 0;
	case OPT_MAC: o->mac_text = arg; return 0;
	case OPT_PEER_MAC: o->peer_mac_text = arg; return 0;
	case OPT_ADDR: return add_text(o->addr_text, &o->naddrs, "--addr", arg);
	case OPT_HOST_ADDR: return add_text(o->host_addr_text, &o->nhost_addrs, "--host-addr", arg);
	case OPT_GATEWAY:
		if (strcmp(arg, "none") == 0)
			o->no_gateway = true;
		else if (o->ngateways == 2)
			return nsk_usage_err("--gateway %s: at most one per address family", arg);
		else
			o->gateway_text[o->ngateways++] = arg;
		return 0;
	case OPT_GRACE:
		if (parse_uint(arg, 3600000, &v) < 0)
			return nsk_usage_err("--grace %s: not a number of milliseconds up to 3600000",
					     arg);
		o->grace_ms = (long)v;
		return 0;
	case OPT_MTU:
		/* ETH_MIN_MTU .. ETH_MAX_MTU, the range of a veth */
		if (parse_uint(arg, 65535, &v) < 0 || v < 68)
			return nsk_usage_err("--mtu %s: not a number from 68 to 65535", arg);
		o->mtu = (unsigned)v;
		return 0;
	}
	return out_opts_option(&o->out, c, arg) ? 0 : -EINVAL;
}

/* ---- checking values (after parsing, when every name is known) ---- */

static int check_name(const char *opt, const char *name)
{
	int r = ifname_check(name);

	if (r < 0)
		nsk_err("%s %s: %s", opt, name, nsk_strerror(r));
	return r;
}

static int check_cidrs(const char *ifname, const char *opt, const char *const *text, unsigned n,
		       struct ipaddr *ret)
{
	for (unsigned i = 0; i < n; i++) {
		int r = cidr_parse(text[i], &ret[i]);
		if (r < 0) {
			nsk_err("%s: %s %s: %s", ifname, opt, text[i], nsk_strerror(r));
			return r;
		}
	}
	return 0;
}

static int check_gateways(struct vethup_opts *o)
{
	if (o->no_gateway && o->ngateways)
		return nsk_usage_err("--gateway none and --gateway %s exclude each other",
				     o->gateway_text[0]);
	for (unsigned i = 0; i < o->ngateways; i++) {
		struct ipaddr gw;
		int r = ipaddr_parse(o->gateway_text[i], &gw);
		if (r < 0) {
			nsk_err("%s: --gateway %s: %s", o->peer, o->gateway_text[i], nsk_strerror(r));
			return r;
		}
		if (o->has_gateway[family_slot(gw.family)])
			return nsk_usage_err("--gateway %s: at most one per address family",
					     o->gateway_text[i]);
		o->has_gateway[family_slot(gw.family)] = true;
		o->gateway[family_slot(gw.family)] = gw;
	}
	return 0;
}

static int check_mac(const char *ifname, const char *opt, const char *text, struct macaddr *ret)
{
	int r = text ? mac_parse(text, ret) : 0;

	if (r < 0)
		nsk_err("%s: %s %s: %s", ifname, opt, text, nsk_strerror(r));
	return r;
}

/* The kernel disables IPv6 on a link whose MTU is below IPV6_MIN_MTU and
 * then refuses its addresses with a bare EINVAL: say why, up front. */
static int check_ipv6_mtu(const struct vethup_opts *o)
{
	const struct ipaddr *lists[] = { o->addrs, o->host_addrs };
	const unsigned counts[] = { o->naddrs, o->nhost_addrs };

	if (!o->mtu || o->mtu >= 1280)
		return 1;
	for (unsigned l = 0; l < ELEMENTSOF(lists); l++)
		for (unsigned i = 0; i < counts[l]; i++)
			if (lists[l][i].family == AF_INET6)
				return nsk_usage_err("--mtu %u: IPv6 needs an MTU of at least 1280",
						     o->mtu);
	return 1;
}

static bool same_address(const struct ipaddr *a, const struct ipaddr *b)
{
	return a->family == b->family &&
	       ipaddr_same_subnet(a, b, a->family == AF_INET ? 32 : 128);
}

/* What the kernel would accept but leaves the namespace unreachable: an
 * address on both ends (each end answers for it locally), or addresses
 * inside and outside of no common family, when the default route goes via
 * the host address (it cannot). */
static int check_ends(const struct vethup_opts *o)
{
	bool common = false;

	for (unsigned i = 0; i < o->naddrs; i++)
		for (unsigned k = 0; k < o->nhost_addrs; k++) {
			if (same_address(&o->addrs[i], &o->host_addrs[k])) {
				nsk_err("%s: --addr %s: also given as --host-addr %s (each end needs "
					"an address of its own)", o->peer, o->addr_text[i],
					o->host_addr_text[k]);
				return -EINVAL;
			}
			common = common || o->addrs[i].family == o->host_addrs[k].family;
		}
	if (common || !o->naddrs || !o->nhost_addrs || o->no_gateway || o->ngateways)
		return 0;
	nsk_err("%s: --addr %s and --host-addr %s share no address family: no default route "
		"can go via the host address (give --gateway IP, or --gateway none)", o->peer,
		o->addr_text[0], o->host_addr_text[0]);
	return -EINVAL;
}

static int check_values(struct vethup_opts *o)
{
	const char *host = o->name ? o->name : "host end";
	const char *host_addr_on = o->bridge ? o->bridge : host;

	if ((o->name && check_name("--name", o->name) < 0) || check_name("--peer", o->peer) < 0 ||
	    (o->bridge && check_name("--bridge", o->bridge) < 0))
		return -EINVAL;
	if (o->name && strcmp(o->name, o->peer) == 0)
		return nsk_usage_err("--name and --peer are both %s", o->name);
	if (check_cidrs(o->peer, "--addr", o->addr_text, o->naddrs, o->addrs) < 0 ||
	    check_cidrs(host_addr_on, "--host-addr", o->host_addr_text, o->nhost_addrs,
			o->host_addrs) < 0 ||
	    check_gateways(o) < 0 || check_mac(host, "--mac", o->mac_text, &o->mac) < 0 ||
	    check_mac(o->peer, "--peer-mac", o->peer_mac_text, &o->peer_mac) < 0)
		return -EINVAL;
	/* each value first, then how they go together */
	if (check_ipv6_mtu(o) < 0 || check_ends(o) < 0)
		return -EINVAL;
	return 1;
}

static int check_options(struct vethup_opts *o, int argc, char **argv)
{
	if (optind < argc)
		return nsk_usage_err("unexpected argument '%s'", argv[optind]);
	if (o->delete) {
		if (o->target || o->netns || o->name || o->peer || o->bridge || o->naddrs ||
		    o->nhost_addrs || o->ngateways || o->no_gateway || o->mtu || o->mac_text ||
		    o->peer_mac_text || o->out.first)
			return nsk_usage_err("--delete takes no other option");
		return check_name("--delete", o->delete) < 0 ? -EINVAL : 1;
	}
	if (o->grace_ms >= 0)
		return nsk_usage_err("--grace goes with --delete");
	if (o->target && o->netns)
		return nsk_usage_err("-t and --netns exclude each other");
	if (o->netns && !*o->netns)
		return nsk_usage_err("--netns: empty name");
	if (!o->peer)
		o->peer = "eth0";
	return check_values(o);
}

int vethup_parse_args(int argc, char **argv, struct vethup_opts *o)
{
	static const unsigned all[VCOL_COUNT] = { 0, 1, 2, 3, 4, 5, 6 };
	int r = opts_parse(argc, argv, ":t:o:nrJuhV", longopts, usage, parse_option, o);

	if (r <= 0)
		return r;
	/* checked before anything is made */
	if (o->out.first && opts_output_select(&o->out, vethup_columns, VCOL_COUNT, all, VCOL_COUNT,
					       &o->columns) < 0)
		return -EINVAL;
	return check_options(o, argc, argv);
}
