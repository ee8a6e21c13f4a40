#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A bad value is refused with one line naming the interface, the value and
# the cause, before anything is made: no interface on either side.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
host_before=$(links)
inner_before=$(links "$pid")

while IFS='|' read -r pattern args; do
	# shellcheck disable=SC2086 # args are words
	expect_failure "$pattern" "$VETHUP" -t "$pid" $args
done <<'END'
eth0: --addr 10.0.0.300/24: not an IPv4 or IPv6 address$|--addr 10.0.0.300/24
eth0: --addr 10.0.0.2/33: prefix length out of range|--addr 10.0.0.2/33
eth0: --addr fd00::2/129: prefix length out of range|--addr fd00::2/129
eth0: --addr 10.0.0.2: no prefix length|--addr 10.0.0.2
eth0: --addr 224.0.0.1/24: a multicast address|--addr 224.0.0.1/24
eth0: --addr 10.0.0.255/24: the broadcast address|--addr 10.0.0.255/24
in1: --addr 10.0.0.2/24x: prefix length out of range|--peer in1 --addr 10.0.0.2/24x
host end: --host-addr 10.0.0.1/-1: prefix length out of range|--host-addr 10.0.0.1/-1
br9: --host-addr 1.2.3/8: not an IPv4 or IPv6 address$|--bridge br9 --host-addr 1.2.3/8
eth0: --gateway 10.0.0.1/24: not an IPv4 or IPv6 address$|--gateway 10.0.0.1/24
--gateway none and --gateway 10.0.0.1 exclude each other|--gateway 10.0.0.1 --gateway none
--gateway 10.0.0.9: at most one per address family|--gateway 10.0.0.1 --gateway 10.0.0.9
h0: --mac 01:00:5e:00:00:01: a multicast MAC address|--name h0 --mac 01:00:5e:00:00:01
host end: --mac 02:00:00:00:00: not a MAC address|--mac 02:00:00:00:00
eth0: --peer-mac 00:00:00:00:00:00: the all-zero MAC address$|--peer-mac 00:00:00:00:00:00
eth0: --peer-mac 02-00-00-00-00-01: not a MAC address|--peer-mac 02-00-00-00-00-01
--name sixteen-bytes-16: interface name longer than 15 bytes$|--name sixteen-bytes-16
--peer sixteen-bytes-16: interface name longer than 15 bytes$|--peer sixteen-bytes-16
--bridge sixteen-bytes-16: interface name longer than 15 bytes$|--bridge sixteen-bytes-16
--name a/b: interface name with|--name a/b
--name and --peer are both x0|--name x0 --peer x0
--mtu 67: not a number from 68 to 65535|--mtu 67
--mtu 65536: not a number from 68 to 65535|--mtu 65536
--mtu 1000: IPv6 needs an MTU of at least 1280|--mtu 1000 --addr 10.0.0.2/24 --host-addr fd00::1/64
-t and --netns exclude each other|--netns lab
--delete takes no other option|--delete veth1
unexpected argument 'extra'|extra
END

assert_eq "$host_before" "$(links)" "host links"
assert_eq "$inner_before" "$(links "$pid")" "links inside"
