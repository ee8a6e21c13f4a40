#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A name in use on either side is an error (NLM_F_EXCL: never reused), and
# the interface that has it is left exactly as it was.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
# outside: an existing bridge called like the host end
ip link add "veth$pid" type bridge && ip addr add 10.7.0.1/24 dev "veth$pid" && ip link set "veth$pid" up ||
	hard_error "making veth$pid"
# inside: an existing interface called like the peer
inside "$pid" ip link add eth0 type bridge && inside "$pid" ip addr add 10.8.0.1/24 dev eth0 ||
	hard_error "making eth0 inside"
host_before=$(links)
inner_before=$(links "$pid")
# what must not change (timers in the details do)
state() {
	link_json "$@" | jq -c '{ifindex, flags, mtu, address, kind: .linkinfo.info_kind, master}'
}
host_state=$(state "veth$pid")
inner_state=$(state eth0 "$pid")

expect_failure "veth$pid: name in use$" "$VETHUP" -t "$pid" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24
expect_failure "eth0: name in use in the network namespace of process $pid$" \
	"$VETHUP" -t "$pid" --name h0 --addr 10.0.0.2/24 --host-addr 10.0.0.1/24

assert_eq "$host_before" "$(links)" "host links"
assert_eq "$inner_before" "$(links "$pid")" "links inside"
assert_eq "$host_state" "$(state "veth$pid")" "the existing veth$pid"
assert_eq "$inner_state" "$(state eth0 "$pid")" "the existing eth0 inside"
assert_eq "10.7.0.1/24" "$(addrs "veth$pid")" "addresses of veth$pid"
assert_eq "10.8.0.1/24" "$(addrs eth0 "$pid")" "addresses of eth0 inside"
