#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Two containers on one bridge: the bridge is created (up) by the first
# vethup, holds the host address, both host ends are its ports, and the
# containers reach each other and the host.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"
require_cmd ping

a=$(container)
b=$(container)
assert_status 0 "vethup a" -- "$VETHUP" -t "$a" --bridge br0 --addr 10.0.0.2/24 \
	--addr fd00::2/64 --host-addr 10.0.0.1/24 --host-addr fd00::1/64
# the second names the same host address: the bridge has it already
assert_status 0 "vethup b" -- "$VETHUP" -t "$b" --bridge br0 --addr 10.0.0.3/24 \
	--addr fd00::3/64 --host-addr 10.0.0.1/24 --host-addr fd00::1/64

br=$(link_json br0)
assert_eq bridge "$(printf '%s' "$br" | jq -r .linkinfo.info_kind)" "br0 kind"
assert_match UP "$(printf '%s' "$br" | jq -r '.flags | join(",")')" "br0 flags"
assert_eq "10.0.0.1/24 fd00::1/64" "$(addrs br0)" "addresses on the bridge"
for pid in "$a" "$b"; do
	assert_eq br0 "$(link_json "veth$pid" | jq -r .master)" "master of veth$pid"
	assert_eq "" "$(addrs "veth$pid")" "addresses on veth$pid"
	assert_eq 10.0.0.1 "$(default_gw 4 "$pid")" "default route in $pid"
done
inside "$a" ping -c 1 -W 5 10.0.0.3 >/dev/null || fail "a -> b over IPv4"
inside "$b" ping -c 1 -W 5 fd00::2 >/dev/null || fail "b -> a over IPv6"
ping -c 1 -W 5 10.0.0.3 >/dev/null || fail "host -> b"
