#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A bridge that vethup created carries the alias "vethup"; --delete of its
# last port deletes it too, while one that still has ports, one made by
# someone else, or one whose alias was changed by hand stays. --delete
# BRIDGE deletes a bridge without ports by name and refuses one with ports,
# naming them. Nothing is left: no link, bridge, address or route.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

a=$(container)
b=$(container)
remember_state "$a"
b_before=$(net_state "$b")

# two containers on a bridge vethup makes, which holds the host address
assert_status 0 "vethup a" -- "$VETHUP" -t "$a" --name h1 --bridge br0 --addr 10.0.0.2/24 \
	--host-addr 10.0.0.1/24
assert_status 0 "vethup b" -- "$VETHUP" -t "$b" --name h2 --bridge br0 --addr 10.0.0.3/24 \
	--host-addr 10.0.0.1/24
assert_eq vethup "$(link_json br0 | jq -r .ifalias)" "alias of the bridge vethup made"
assert_status 0 "--delete h1" -- "$VETHUP" --delete h1
assert_eq "" "$(cat "$TMP_DIR/stdout" "$TMP_DIR/stderr")" "output of --delete h1"
assert_eq h2 "$(ip -j link show master br0 | jq -r '.[].ifname')" "br0 stays with a port"
assert_eq "10.0.0.1/24" "$(addrs br0)" "br0 keeps its address"
# the refusal names the ports; the bridge, its port and address stay
expect_line "vethup: br0: the bridge still has ports (h2)" "$VETHUP" --delete br0
assert_eq h2 "$(ip -j link show master br0 | jq -r '.[].ifname')" "br0 after the refusal"
assert_eq "10.0.0.1/24" "$(addrs br0)" "br0's address after the refusal"
# the last port: the bridge goes with it, and its address and routes
assert_status 0 "--delete h2" -- "$VETHUP" --delete h2
assert_eq "" "$(cat "$TMP_DIR/stdout" "$TMP_DIR/stderr")" "output of --delete h2"
check_unchanged "--delete of the last port"
assert_eq "$b_before" "$(net_state "$b")" "links, addresses, routes inside b"

# a bridge someone else made stays, empty; --delete BRIDGE deletes it
ip link add br1 type bridge || hard_error "making br1"
assert_status 0 "vethup onto br1" -- "$VETHUP" -t "$a" --name h1 --bridge br1
assert_eq "" "$(link_json br1 | jq -r '.ifalias // empty')" "alias of a bridge vethup did not make"
assert_status 0 "--delete h1 of br1" -- "$VETHUP" --delete h1
assert_eq bridge "$(link_json br1 | jq -r .linkinfo.info_kind)" "br1 stays"
assert_status 0 "--delete br1" -- "$VETHUP" --delete br1
assert_eq "" "$(cat "$TMP_DIR/stdout" "$TMP_DIR/stderr")" "output of --delete br1"
check_unchanged "--delete br1"

# an alias changed by hand keeps the bridge
assert_status 0 "vethup onto br2" -- "$VETHUP" -t "$a" --name h1 --bridge br2
ip link set br2 alias mine || hard_error "setting br2's alias"
assert_status 0 "--delete h1 of br2" -- "$VETHUP" --delete h1
assert_eq bridge "$(link_json br2 | jq -r .linkinfo.info_kind)" "br2, aliased by hand, stays"
assert_status 0 "--delete br2" -- "$VETHUP" --delete br2
check_unchanged "--delete br2"

# more ports than the line names
assert_status 0 "vethup onto br3" -- "$VETHUP" -t "$a" --name h1 --bridge br3
for i in 1 2 3 4; do
	ip link add "p$i" master br3 type veth peer name "q$i" || hard_error "making p$i"
done
expect_line "vethup: br3: the bridge still has ports (h1, p1, p2, p3, ...)" "$VETHUP" --delete br3
assert_eq 5 "$(ip -j link show master br3 | jq length)" "br3's ports after the refusal"
for i in 1 2 3 4; do
	ip link delete "p$i" || hard_error "deleting p$i"
done
assert_status 0 "--delete h1 of br3" -- "$VETHUP" --delete h1
check_unchanged "--delete of br3's last port"

# --grace: the kernel deletes the pair when the container ends, then vethup
# deletes the bridge
c=$(container)
assert_status 0 "vethup c" -- "$VETHUP" -t "$c" --name h4 --bridge br4
grace_start h4
kill -KILL "$c"
grace_end h4
check_unchanged "--delete --grace of the last port"

expect_line "vethup: br9: no such interface" "$VETHUP" --delete br9
