#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The default route inside: via --gateway (one per family, a link-local
# IPv6 gateway included), none with --gateway none, and by default via the
# first host address of each family that the inside has an address of.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

a=$(container)
assert_status 0 "--gateway IP" -- "$VETHUP" -t "$a" --addr 10.0.0.2/24 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --host-addr fd00::1/64 --gateway 10.0.0.254 --gateway fe80::1
assert_eq 10.0.0.254 "$(default_gw 4 "$a")" "IPv4 default route via --gateway"
assert_eq fe80::1 "$(default_gw 6 "$a")" "IPv6 default route via a link-local --gateway"

b=$(container)
assert_status 0 "--gateway none" -- "$VETHUP" -t "$b" --addr 10.0.0.2/24 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --host-addr fd00::1/64 --gateway none
assert_eq "" "$(default_gw 4 "$b")" "IPv4 default route with --gateway none"
assert_eq "" "$(default_gw 6 "$b")" "IPv6 default route with --gateway none"

# no IPv6 address inside: no IPv6 default route, though the host has one;
# the first host address of a family is the gateway, not a later one
c=$(container)
assert_status 0 "IPv4 only inside" -- "$VETHUP" -t "$c" --addr 10.0.0.2/24 \
	--host-addr fd00::1/64 --host-addr 10.0.0.1/24 --host-addr 10.0.0.9/24
assert_eq 10.0.0.1 "$(default_gw 4 "$c")" "IPv4 default route via the first IPv4 host address"
assert_eq "" "$(default_gw 6 "$c")" "IPv6 default route without an IPv6 address inside"
