#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A handle piped to vethup is used and written back to stdout, so vethup is
# one step of a pipeline; with --json the JSON follows the handle.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

out=$("$NSRUN" --net --detach | "$VETHUP" --addr 10.0.0.2/24 --host-addr 10.0.0.1/24) ||
	fail "nsrun | vethup: exit status $?"
pid=$out
kill_later "$pid"
assert_match '^[0-9]+$' "$out" "the echoed handle"
assert_eq "10.0.0.2/24" "$(addrs eth0 "$pid")" "eth0 of the piped handle's namespace"
assert_eq "10.0.0.1/24" "$(addrs "veth$pid")" "host end"

# "-t -" and the handle echoed before the JSON
b=$(container)
out=$(echo "$b" | "$VETHUP" -t - --json --addr 10.0.0.3/24) || fail "vethup -t -: exit status $?"
assert_eq "$b" "$(printf '%s\n' "$out" | head -n 1)" "first line: the handle"
assert_eq eth0 "$(printf '%s\n' "$out" | tail -n +2 | jq -r '.vethup[] | select(.end == "peer") | .ifname')" "JSON after the handle"

c=$(container)
# -t given: nothing echoed
assert_status 0 "-t PID" -- "$VETHUP" -t "$c"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout with -t"

# an empty pipe and a handle whose inode is not the process's: one line
# each, nothing made
before=$(links)
expect_failure "handle -: no handle on stdin" sh -c "\"$VETHUP\" </dev/null"
expect_failure "handle 1:1: (process 1's pidfs inode is [0-9]+, not 1: not the process the handle named|PID:INODE needs pidfs)" "$VETHUP" -t 1:1
assert_eq "$before" "$(links)" "host links after the failures"
