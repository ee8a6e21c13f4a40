#!/bin/sh
# --delete HOST removes a pair by its host end, on both sides; it refuses
# an interface that is not a veth and one that does not exist.
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
ip link add br0 type bridge || hard_error "making br0"
expect_failure "br0: not a veth \\(bridge\\)$" "$VETHUP" --delete br0
assert_eq bridge "$(link_json br0 | jq -r .linkinfo.info_kind)" "br0 is left alone"
