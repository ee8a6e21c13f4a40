#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A failure after the pair exists deletes it, and a bridge made in the same
# run, and an address added to an existing bridge, and puts lo back down if
# it was: no interface is left on either side, and an existing bridge keeps
# what it had. The message names the interface, the value and the cause.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
inside "$pid" ip link set lo down
host_before=$(links)
inner_before=$(links "$pid")

check_clean() {
	assert_eq "$host_before" "$(links)" "host links after: $1"
	assert_eq "$inner_before" "$(links "$pid")" "links inside after: $1"
	assert_no_match UP "$(link_json lo "$pid" | jq -r '.flags | join(",")')" "lo inside after: $1"
}

# the same address twice inside: the second is refused by the kernel
expect_failure "eth0: address 10.0.0.2/24: File exists" \
	"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --addr 10.0.0.2/24
check_clean "an address given twice"

# a gateway no address of the inside reaches
expect_failure "eth0: default route via 10.9.9.9: Network is unreachable" \
	"$VETHUP" -t "$pid" --addr 10.0.0.2/24 --gateway 10.9.9.9
check_clean "an unreachable gateway"

# ... with a bridge made in this run: it goes too
expect_failure "eth0: default route via 10.9.9.9: Network is unreachable" \
	"$VETHUP" -t "$pid" --bridge br0 --host-addr 10.0.0.1/24 --addr 10.0.0.2/24 --gateway 10.9.9.9
check_clean "a failure with a new bridge"

# ... with a bridge that existed: it stays, with its own address only
ip link add br1 type bridge && ip addr add 10.5.0.1/24 dev br1 || hard_error "making br1"
host_before=$(links)
expect_failure "eth0: default route via 10.9.9.9: Network is unreachable" \
	"$VETHUP" -t "$pid" --bridge br1 --host-addr 10.5.0.1/24 --host-addr 10.6.0.1/24 \
	--addr 10.6.0.2/24 --gateway 10.9.9.9
check_clean "a failure with an existing bridge"
assert_eq "10.5.0.1/24" "$(addrs br1)" "br1 keeps its address and gets none"
assert_eq "" "$(ip -j link show master br1 | jq -r '.[].ifname')" "ports of br1"

# the host end's name belongs to something else: it is not a bridge
expect_failure "lo: not a bridge \\(no kind\\)$" "$VETHUP" -t "$pid" --bridge lo
check_clean "--bridge lo"
