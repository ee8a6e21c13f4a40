#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --delete HOST removes a pair by its host end, on both sides; it refuses
# an interface that is neither a veth nor a bridge, and one that does not
# exist. With --grace it waits for the kernel to delete the pair first.
# (Bridges: delete-bridge.sh.)
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
host_before=$(links)
inner_before=$(links "$pid")
assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --name h0 --peer in0
assert_ne "$host_before" "$(links)" "host links after vethup"
assert_status 0 "--delete h0" -- "$VETHUP" --delete h0
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout of --delete"
assert_eq "$host_before" "$(links)" "host links after --delete"
assert_eq "$inner_before" "$(links "$pid")" "links inside after --delete"

expect_failure "h0: no such interface$" "$VETHUP" --delete h0
expect_line "vethup: lo: not a veth or a bridge (no kind)" "$VETHUP" --delete lo

# --grace: the kernel deletes the pair once the namespace of its peer has
# ended; vethup waits for that, and does not delete it itself meanwhile
host_before=$(links)
pid=$(container)
assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --name h1
grace_start h1
assert_match ":h1\$" "$(links)" "h1 while vethup --grace waits"
kill -KILL "$pid"
grace_end h1
assert_eq "$host_before" "$(links)" "host links once the namespace ended"

# a namespace that stays: deleted once the grace has run out
pid=$(container)
assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --name h2
assert_status 0 "--delete h2 --grace 100" -- "$VETHUP" --delete h2 --grace 100
assert_eq "$host_before" "$(links)" "host links after the grace ran out"
assert_eq "$inner_before" "$(links "$pid")" "links inside after the grace ran out"
# gone already: what --grace asks for, no error
assert_status 0 "--delete h2 --grace 100, again" -- "$VETHUP" --delete h2 --grace 100
expect_failure "--grace goes with --delete" "$VETHUP" -t "$pid" --grace 10
expect_failure "--grace x: not a number of milliseconds up to 3600000" "$VETHUP" --delete h2 --grace x

# a port leaving its bridge is announced as a deletion too (AF_BRIDGE):
# --grace is not fooled by it
host_before=$(links)
pid=$(container)
assert_status 0 "vethup --bridge" -- "$VETHUP" -t "$pid" --name h3 --bridge br3
grace_start h3
ip link delete br3 || hard_error "deleting br3"
sleep 0.3
kill -0 "$waiter" 2>/dev/null || fail "--grace ended with the bridge: $(cat "$TMP_DIR/grace.out")"
assert_match ":h3\$" "$(links)" "h3 after its bridge went"
kill -KILL "$pid"
# its bridge, which vethup made, is gone already: no error
grace_end h3
assert_eq "$host_before" "$(links)" "host links once h3's namespace ended"
