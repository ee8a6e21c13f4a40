/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vethup: what its parts share. vethup-opts.c parses and checks the
 * options; vethup.c opens the target namespace and makes the link;
 * vethup-delete.c deletes a link (and its bridge) or a bridge. */
#pragma once
#include <stdbool.h>
#include <sys/socket.h>

#include "netaddr.h"
#include "output.h"

#define MAX_ADDRS 8

/* The alias (IFLA_IFALIAS) of a bridge that vethup created: --delete of
 * its last port deletes it too. */
#define VETHUP_BRIDGE_ALIAS "vethup"

struct vethup_opts {
	const char *target, *netns, *name, *peer, *bridge, *delete;
	const char *addr_text[MAX_ADDRS], *host_addr_text[MAX_ADDRS];
	unsigned naddrs, nhost_addrs;
	struct ipaddr addrs[MAX_ADDRS], host_addrs[MAX_ADDRS];
	const char *gateway_text[2];		/* as given, at most one per family */
	unsigned ngateways;
	struct ipaddr gateway[2];		/* [0] IPv4, [1] IPv6 */
	bool has_gateway[2], no_gateway;
	unsigned mtu;
	const char *mac_text, *peer_mac_text;
	struct macaddr mac, peer_mac;
	struct out_opts out;			/* -o, --output-all, -n, -r, -J, -u: print
					 * what was made */
	struct out_selection columns;		/* their columns */
	long grace_ms;				/* --delete --grace; -1: none */
};

/* gateway[] and has_gateway[] are indexed by family: [0] IPv4, [1] IPv6. */
static inline int family_slot(int family)
{
	return family == AF_INET ? 0 : 1;
}

/* The columns of what was made, one row per link (host, peer, bridge). */
enum { VCOL_END, VCOL_IFNAME, VCOL_IFINDEX, VCOL_NETNS, VCOL_ADDRESS, VCOL_MTU, VCOL_ADDR,
       VCOL_COUNT };
extern const struct out_column vethup_columns[VCOL_COUNT];

/* Parse and check the command line into o; > 0 to go on, 0 after --help
 * or --version, < 0 after printing a usage error. */
int vethup_parse_args(int argc, char **argv, struct vethup_opts *o);

/* --delete NAME [--grace MS] (grace_ms -1: none): the exit status. */
int vethup_run_delete(const char *name, long grace_ms);

/* The one line "OBJECT: WHAT: CAUSE (the kernel's explanation)"; WHAT ""
 * leaves its part out. */
struct netlink_batch;
void report(const char *object, const char *what, int err, const char *ext);
/* The same, with the kernel's explanation of the batch's first failure. */
void report_item(const char *object, const char *what, const struct netlink_batch *b, int err);
