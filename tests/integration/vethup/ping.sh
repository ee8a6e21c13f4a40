#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# One command makes a container reachable from the host and the host from
# it, over IPv4 and IPv6.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"
require_cmd ping

pid=$(container)
assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --addr 10.0.0.2/24 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --host-addr fd00::1/64
ping -c 1 -W 5 10.0.0.2 >/dev/null || fail "host -> 10.0.0.2"
ping -c 1 -W 5 fd00::2 >/dev/null || fail "host -> fd00::2"
inside "$pid" ping -c 1 -W 5 10.0.0.1 >/dev/null || fail "container -> 10.0.0.1"
inside "$pid" ping -c 1 -W 5 fd00::1 >/dev/null || fail "container -> fd00::1"
# through the default route: an address of the host's on another link
ip link add lan0 type bridge && ip addr add 192.168.77.1/24 dev lan0 && ip link set lan0 up
inside "$pid" ping -c 1 -W 5 192.168.77.1 >/dev/null || fail "container -> 192.168.77.1 via the default route"
