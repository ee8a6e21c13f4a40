#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Ends that could not talk to each other are refused before anything is
# made, with one line: the same address on both ends, and addresses inside
# and outside of no common family while the default route is to go via the
# host address. No link, bridge, address or route is left on either side.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
remember_state "$pid"

nofamily='share no address family: no default route can go via the host address (give --gateway IP, or --gateway none)'
expect_line "vethup: eth0: --addr fd00::2/64 and --host-addr 10.0.0.1/24 $nofamily" \
	"$VETHUP" -t "$pid" --addr fd00::2/64 --host-addr 10.0.0.1/24
check_unchanged "IPv6 inside, IPv4 outside"
expect_line "vethup: in0: --addr 10.0.0.2/24 and --host-addr fd00::1/64 $nofamily" \
	"$VETHUP" -t "$pid" --peer in0 --bridge br0 --addr 10.0.0.2/24 --host-addr fd00::1/64
check_unchanged "IPv4 inside, IPv6 on a bridge"

same='(each end needs an address of its own)'
expect_line "vethup: eth0: --addr 10.0.0.2/24: also given as --host-addr 10.0.0.2/24 $same" \
	"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.2/24
check_unchanged "one IPv4 address on both ends"
# the address counts, not the prefix, nor how it is written
expect_line "vethup: eth0: --addr fd00::2/64: also given as --host-addr fd00:0:0::2/112 $same" \
	"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --addr fd00::2/64 --host-addr 10.0.0.1/24 \
	--host-addr fd00:0:0::2/112
check_unchanged "one IPv6 address on both ends"
expect_line "vethup: eth0: --addr 10.0.0.2/24: also given as --host-addr 10.0.0.2/16 $same" \
	"$VETHUP" -t "$pid" --bridge br0 --addr 10.0.0.2/24 --host-addr 10.0.0.2/16
check_unchanged "one address inside and on a bridge"

# where the route goes is said, or that there is none: no refusal
assert_status 0 "--gateway none" -- "$VETHUP" -t "$pid" --name h0 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --gateway none
assert_eq "" "$(default_gw 6 "$pid")" "no IPv6 default route with --gateway none"
assert_status 0 "--delete h0" -- "$VETHUP" --delete h0
assert_status 0 "--gateway IP" -- "$VETHUP" -t "$pid" --name h0 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --gateway fe80::1
assert_eq fe80::1 "$(default_gw 6 "$pid")" "IPv6 default route via --gateway"
assert_status 0 "--delete h0" -- "$VETHUP" --delete h0
check_unchanged "two pairs made and deleted"
