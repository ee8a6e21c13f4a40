/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Network values from the command line: IPv4/IPv6 addresses with and
 * without a prefix length, MAC addresses and interface names. Pure
 * functions from text to structs, so they test without root. */
#pragma once
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "errcode.h"	/* NETADDR_E*: errors beyond errno values, texts in nsk_strerror */

/* An address of either family; prefix is 32/128 for a bare address. */
struct ipaddr {
	int family;		/* AF_INET or AF_INET6 */
	unsigned prefix;
	union {
		struct in_addr v4;
		struct in6_addr v6;
		uint8_t bytes[16];
	};
};

#define MAC_LEN 6
struct macaddr {
	uint8_t bytes[MAC_LEN];
};

/* Longest interface name the kernel accepts (IFNAMSIZ - 1). */
#define IFNAME_MAX 15

/* "10.0.0.2/24" or "fd00::2/64": a host address with a prefix length,
 * neither unspecified nor multicast, and for IPv4 with a prefix shorter
 * than /31 not the subnet's broadcast address. */
int cidr_parse(const char *s, struct ipaddr *ret);
/* "10.0.0.1" or "fd00::1": a bare unicast host address (a gateway). */
int ipaddr_parse(const char *s, struct ipaddr *ret);
/* Whether a and b share their first `prefix` bits (same family). */
bool ipaddr_same_subnet(const struct ipaddr *a, const struct ipaddr *b, unsigned prefix);
/* "10.0.0.2/24" (with_prefix) or "10.0.0.2"; buf of INET6_ADDRSTRLEN + 4. */
#define IPADDR_STRLEN (INET6_ADDRSTRLEN + 4)
const char *ipaddr_format(const struct ipaddr *a, bool with_prefix, char *buf, size_t size);

/* "02:00:00:aa:bb:cc" (case insensitive): a unicast, non-zero MAC. */
int mac_parse(const char *s, struct macaddr *ret);
#define MAC_STRLEN 18
const char *mac_format(const uint8_t *bytes, char *buf, size_t size);

/* An interface name as the kernel's dev_valid_name() accepts it. */
int ifname_check(const char *s);
