#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The pair is made with its default names (veth<PID> outside, eth0 inside),
# both ends up with the MTU, MACs and addresses asked for, lo up inside, and
# a default route via the first host address of each family.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
inside "$pid" ip link set lo down
assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --addr 10.0.0.2/24 --addr fd00::2/64 \
	--host-addr 10.0.0.1/24 --host-addr fd00::1/64 --host-addr 10.9.0.1/16 --mtu 1400 \
	--mac 02:00:00:00:01:01 --peer-mac 02:00:00:00:02:02
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout without --json and a piped handle"
[ -s "$TMP_DIR/stderr" ] && fail "stderr: $(cat "$TMP_DIR/stderr")"

host="veth$pid"
h=$(link_json "$host")
p=$(link_json eth0 "$pid")
assert_eq veth "$(printf '%s' "$h" | jq -r .linkinfo.info_kind)" "host end kind"
assert_eq veth "$(printf '%s' "$p" | jq -r .linkinfo.info_kind)" "peer kind"
assert_eq "$(printf '%s' "$p" | jq -r .ifindex)" "$(printf '%s' "$h" | jq -r .link_index)" "host end's peer index"
for j in "$h" "$p"; do
	assert_eq UP "$(printf '%s' "$j" | jq -r .operstate)" "operstate of $(printf '%s' "$j" | jq -r .ifname)"
	assert_eq 1400 "$(printf '%s' "$j" | jq -r .mtu)" "MTU of $(printf '%s' "$j" | jq -r .ifname)"
done
assert_eq 02:00:00:00:01:01 "$(printf '%s' "$h" | jq -r .address)" "host end MAC"
assert_eq 02:00:00:00:02:02 "$(printf '%s' "$p" | jq -r .address)" "peer MAC"
assert_match UP "$(link_json lo "$pid" | jq -r '.flags | join(",")')" "lo inside"

assert_eq "10.0.0.1/24 10.9.0.1/16 fd00::1/64" "$(addrs "$host")" "host addresses"
assert_eq "10.0.0.2/24 fd00::2/64" "$(addrs eth0 "$pid")" "inside addresses"
# IPv6 without DAD: not tentative, usable at once
assert_eq "" "$(inside "$pid" ip -j -6 addr show dev eth0 scope global | jq -r '.[0].addr_info[] | select(.tentative) | .local')" "tentative global addresses"
assert_eq 10.0.0.1 "$(default_gw 4 "$pid")" "IPv4 default route inside"
assert_eq fd00::1 "$(default_gw 6 "$pid")" "IPv6 default route inside"
assert_eq eth0 "$(inside "$pid" ip -j -4 route show default | jq -r '.[0].dev')" "default route device"
# the host gets no routes but its connected ones
assert_eq "" "$(ip -j route show default | jq -r '.[].gateway')" "host default route"
# the inner end never existed outside; only these two links are new
assert_eq "1:lo $(printf '%s' "$h" | jq -r .ifindex):$host" "$(links | tr '\n' ' ' | sed 's/ $//')" "host links"
