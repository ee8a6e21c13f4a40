/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "netaddr.h"
#include "parse.h"

static unsigned family_bits(int family)
{
	return family == AF_INET ? 32 : 128;
}

/* inet_pton into ret, trying IPv4 then IPv6 (it rejects "10.0.0.300",
 * leading zeros and trailing garbage for us). */
static int parse_bare(const char *s, struct ipaddr *ret)
{
	memset(ret, 0, sizeof(*ret));
	if (inet_pton(AF_INET, s, &ret->v4) == 1)
		ret->family = AF_INET;
	else if (inet_pton(AF_INET6, s, &ret->v6) == 1)
		ret->family = AF_INET6;
	else
		return -NETADDR_ESYNTAX;
	ret->prefix = family_bits(ret->family);
	return 0;
}

static bool is_unspecified(const struct ipaddr *a)
{
	size_t n = a->family == AF_INET ? 4 : 16;

	for (size_t i = 0; i < n; i++)
		if (a->bytes[i])
			return false;
	return true;
}

static bool is_multicast(const struct ipaddr *a)
{
	if (a->family == AF_INET)
		return (a->bytes[0] & 0xf0) == 0xe0 || a->v4.s_addr == INADDR_BROADCAST;
	return a->bytes[0] == 0xff;
}

/* All host bits set: the directed broadcast of an IPv4 subnet of at
 * least four addresses (/31 and /32 have none, RFC 3021). */
static bool is_broadcast(const struct ipaddr *a)
{
	uint32_t host_mask;

	if (a->family != AF_INET || a->prefix >= 31)
		return false;
	host_mask = a->prefix == 0 ? UINT32_MAX : (UINT32_MAX >> a->prefix);
	return (ntohl(a->v4.s_addr) & host_mask) == host_mask;
}

static int check_host(const struct ipaddr *a)
{
	if (is_unspecified(a))
		return -NETADDR_EUNSPEC;
	if (is_multicast(a))
		return -NETADDR_EMULTICAST;
	if (is_broadcast(a))
		return -NETADDR_EBROADCAST;
	return 0;
}

int ipaddr_parse(const char *s, struct ipaddr *ret)
{
	int r;

	if (!s || (r = parse_bare(s, ret)) < 0)
		return -NETADDR_ESYNTAX;
	return check_host(ret);
}

int cidr_parse(const char *s, struct ipaddr *ret)
{
	char text[INET6_ADDRSTRLEN];
	const char *slash;
	uint64_t prefix;
	size_t n;
	int r;

	if (!s)
		return -NETADDR_ESYNTAX;
	slash = strchr(s, '/');
	n = slash ? (size_t)(slash - s) : strlen(s);
	if (n == 0 || n >= sizeof(text))
		return -NETADDR_ESYNTAX;
	memcpy(text, s, n);
	text[n] = '\0';
	if ((r = parse_bare(text, ret)) < 0)
		return r;
	if (!slash)
		return -NETADDR_ENOPREFIX;
	/* parse_uint refuses "", signs and garbage; a leading zero is
	 * refused here so that "/024" is not read as 24 by one tool and as
	 * octal by another. */
	if ((slash[1] == '0' && slash[2]) || parse_uint(slash + 1, 128, &prefix) < 0 ||
	    prefix > family_bits(ret->family))
		return -NETADDR_EPREFIX;
	ret->prefix = (unsigned)prefix;
	return check_host(ret);
}

bool ipaddr_same_subnet(const struct ipaddr *a, const struct ipaddr *b, unsigned prefix)
{
	unsigned full = prefix / 8, rest = prefix % 8;

	if (a->family != b->family || prefix > family_bits(a->family))
		return false;
	if (memcmp(a->bytes, b->bytes, full) != 0)
		return false;
	if (rest == 0)
		return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (a->bytes[full] & mask) == (b->bytes[full] & mask);
}

const char *ipaddr_format(const struct ipaddr *a, bool with_prefix, char *buf, size_t size)
{
	char text[INET6_ADDRSTRLEN];

	if (!inet_ntop(a->family, a->bytes, text, sizeof(text)))
		snprintf(text, sizeof(text), "?");
	if (with_prefix)
		snprintf(buf, size, "%s/%u", text, a->prefix);
	else
		snprintf(buf, size, "%s", text);
	return buf;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int mac_parse(const char *s, struct macaddr *ret)
{
	bool zero = true;

	if (!s || strlen(s) != MAC_STRLEN - 1)
		return -NETADDR_EMACSYNTAX;
	for (unsigned i = 0; i < MAC_LEN; i++) {
		const char *p = s + 3 * i;
		int hi = hex_value(p[0]), lo = hex_value(p[1]);
		if (hi < 0 || lo < 0 || (i < MAC_LEN - 1 && p[2] != ':'))
			return -NETADDR_EMACSYNTAX;
		ret->bytes[i] = (uint8_t)(hi << 4 | lo);
		zero = zero && ret->bytes[i] == 0;
	}
	if (zero)
		return -NETADDR_EMACZERO;
	/* The kernel refuses a group address on an Ethernet device
	 * (is_valid_ether_addr in include/linux/etherdevice.h). */
	if (ret->bytes[0] & 1)
		return -NETADDR_EMACMULTI;
	return 0;
}

const char *mac_format(const uint8_t *b, char *buf, size_t size)
{
	snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
	return buf;
}

/* The kernel's isspace (lib/ctype.c): the C locale's, plus 0xA0, the
 * Latin-1 no-break space, which the C locale's does not count. */
static bool kernel_isspace(unsigned char c)
{
	return isspace(c) || c == 0xa0;
}

/* The rules of dev_valid_name() in net/core/dev.c. */
int ifname_check(const char *s)
{
	if (!s || !*s)
		return -NETADDR_ENAMEEMPTY;
	if (strlen(s) > IFNAME_MAX)
		return -NETADDR_ENAMELONG;
	if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
		return -NETADDR_ENAMECHAR;
	for (const char *p = s; *p; p++)
		if (*p == '/' || *p == ':' || kernel_isspace((unsigned char)*p))
			return -NETADDR_ENAMECHAR;
	return 0;
}
