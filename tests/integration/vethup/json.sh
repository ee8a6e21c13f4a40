#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --json prints what was made: for each end (and the bridge) its name,
# ifindex, network namespace, MAC, MTU and addresses, as the kernel has them,
# under iproute2's keys (ifname, ifindex, address, mtu).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
out=$("$VETHUP" -t "$pid" --json --bridge br0 --addr 10.0.0.2/24 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --mtu 1450) || fail "vethup --json: exit status $?"
row() {
	printf '%s\n' "$out" | jq -c ".vethup[] | select(.end == \"$1\")"
}
host=$(row host)
peer=$(row peer)
br=$(row bridge)

assert_eq "veth$pid" "$(printf '%s' "$host" | jq -r .ifname)" "host name"
assert_eq eth0 "$(printf '%s' "$peer" | jq -r .ifname)" "peer name"
assert_eq br0 "$(printf '%s' "$br" | jq -r .ifname)" "bridge name"
assert_eq "$(link_json "veth$pid" | jq -r .ifindex)" "$(printf '%s' "$host" | jq -r .ifindex)" "host ifindex"
assert_eq "$(link_json eth0 "$pid" | jq -r .ifindex)" "$(printf '%s' "$peer" | jq -r .ifindex)" "peer ifindex"
assert_eq "$(link_json br0 | jq -r .ifindex)" "$(printf '%s' "$br" | jq -r .ifindex)" "bridge ifindex"
assert_eq "$(link_json "veth$pid" | jq -r .address)" "$(printf '%s' "$host" | jq -r .address)" "host MAC"
assert_eq "$(link_json eth0 "$pid" | jq -r .address)" "$(printf '%s' "$peer" | jq -r .address)" "peer MAC"
assert_eq "$(link_json br0 | jq -r .address)" "$(printf '%s' "$br" | jq -r .address)" "bridge MAC"
assert_eq "$(ns_inode self net)" "$(printf '%s' "$host" | jq -r .netns)" "host netns"
assert_eq "$(ns_inode "$pid" net)" "$(printf '%s' "$peer" | jq -r .netns)" "peer netns"
assert_eq 1450 "$(printf '%s' "$peer" | jq -r .mtu)" "peer MTU"
assert_eq '10.0.0.2/24,fd00::2/64' "$(printf '%s' "$peer" | jq -r .addr)" "peer addresses"
assert_eq '10.0.0.1/24' "$(printf '%s' "$br" | jq -r .addr)" "bridge addresses"
assert_eq null "$(printf '%s' "$host" | jq -r '.addr | type')" "no address on the host end: null"
for k in ifindex netns mtu; do
	assert_eq number "$(printf '%s' "$peer" | jq -r ".$k | type")" "$k is a number"
done
