/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Network values (lib/netaddr): CIDR and bare addresses, MACs, interface
 * names. What parses formats back to text that parses to the same value. */
#include <ctype.h>
#include <strings.h>
#include <sys/socket.h>

#include "fuzz.h"
#include "netaddr.h"

static bool same_addr(const struct ipaddr *a, const struct ipaddr *b)
{
	size_t n = a->family == AF_INET ? 4 : 16;

	return a->family == b->family && a->prefix == b->prefix && !memcmp(a->bytes, b->bytes, n);
}

static void addresses(const char *s)
{
	struct ipaddr a, back;
	char text[IPADDR_STRLEN];

	if (cidr_parse(s, &a) == 0) {
		FUZZ_CHECK(a.family == AF_INET || a.family == AF_INET6);
		FUZZ_CHECK(a.prefix <= (a.family == AF_INET ? 32u : 128u));
		ipaddr_format(&a, true, text, sizeof(text));
		FUZZ_CHECK(cidr_parse(text, &back) == 0 && same_addr(&a, &back));
		FUZZ_CHECK(ipaddr_same_subnet(&a, &back, a.prefix));
	}
	if (ipaddr_parse(s, &a) == 0) {
		FUZZ_CHECK(a.prefix == (a.family == AF_INET ? 32u : 128u));
		ipaddr_format(&a, false, text, sizeof(text));
		FUZZ_CHECK(ipaddr_parse(text, &back) == 0 && same_addr(&a, &back));
	}
}

static void macs(const char *s)
{
	struct macaddr m, back;
	char text[MAC_STRLEN];

	if (mac_parse(s, &m) < 0)
		return;
	FUZZ_CHECK(!(m.bytes[0] & 1));
	mac_format(m.bytes, text, sizeof(text));
	FUZZ_CHECK(strlen(text) == MAC_STRLEN - 1 && !strcasecmp(text, s));
	FUZZ_CHECK(mac_parse(text, &back) == 0 && !memcmp(m.bytes, back.bytes, MAC_LEN));
}

/* The kernel's isspace (lib/ctype.c), which dev_valid_name() uses: the C
 * locale's, plus 0xA0, the Latin-1 no-break space. */
static bool kernel_isspace(unsigned char c)
{
	return isspace(c) || c == 0xa0;
}

/* A name passes when dev_valid_name() in net/core/dev.c would take it. */
static void ifnames(const char *s)
{
	if (ifname_check(s) < 0)
		return;
	FUZZ_CHECK(*s && strlen(s) <= IFNAME_MAX && strcmp(s, ".") && strcmp(s, ".."));
	for (const char *p = s; *p; p++)
		FUZZ_CHECK(*p != '/' && *p != ':' && !kernel_isspace((unsigned char)*p));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (size > 256 || !(s = fuzz_string(data, size)))
		return 0;
	addresses(s);
	macs(s);
	ifnames(s);
	free(s);
	return 0;
}
