#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A second link into a namespace that has a default route already: its own
# default route is refused by the kernel (EEXIST); vethup says so in plain
# words and names --gateway none, undoes the second link and leaves the
# first one, its addresses and its route as they were. With --gateway none
# the second link is made.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
assert_status 0 "the first link" -- "$VETHUP" -t "$pid" --name h0 --addr 10.0.0.2/24 \
	--addr fd00::2/64 --host-addr 10.0.0.1/24 --host-addr fd00::1/64
remember_state "$pid"

already='the network namespace has a default route already (give --gateway none to skip it)'
expect_line "vethup: eth1: default route via 10.1.0.1: $already" \
	"$VETHUP" -t "$pid" --name h1 --peer eth1 --addr 10.1.0.2/24 --host-addr 10.1.0.1/24
check_unchanged "a second IPv4 default route"
expect_line "vethup: eth1: default route via fd01::1: $already" \
	"$VETHUP" -t "$pid" --name h1 --peer eth1 --addr fd01::2/64 --host-addr fd01::1/64
check_unchanged "a second IPv6 default route"
# on a bridge made for it: the bridge goes too
expect_line "vethup: eth1: default route via 10.1.0.1: $already" \
	"$VETHUP" -t "$pid" --name h1 --peer eth1 --bridge br1 --addr 10.1.0.2/24 \
	--host-addr 10.1.0.1/24
check_unchanged "a second default route, with a bridge"

assert_status 0 "--gateway none" -- "$VETHUP" -t "$pid" --name h1 --peer eth1 \
	--addr 10.1.0.2/24 --addr fd01::2/64 --host-addr 10.1.0.1/24 --host-addr fd01::1/64 \
	--gateway none
assert_eq "10.1.0.2/24 fd01::2/64" "$(addrs eth1 "$pid")" "addresses of the second link"
assert_eq 10.0.0.1 "$(default_gw 4 "$pid")" "the IPv4 default route stays the first link's"
assert_eq fd00::1 "$(default_gw 6 "$pid")" "the IPv6 default route stays the first link's"
