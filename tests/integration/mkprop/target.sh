#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -t PID changes propagation inside that process's mount namespace, not
# ours; a handle read from stdin (-t -) is written back to stdout; a
# PID:INODE whose inode is not the process's is refused.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree

# a process in a mount namespace of its own (a copy of ours, with $A)
unshare --mount --propagation unchanged -- sleep 600 &
pid=$!
kill_later "$pid"
wait_for '[ "$(ns_inode "$pid" mnt 2>/dev/null)" != "$(ns_inode self mnt)" ]' ||
	hard_error "the target did not get its mount namespace"
theirs() {
	awk -v p="$1" '$5 == p { o = ""; for (i = 7; $i != "-"; i++) o = o " " $i; r = o }
		END { print substr(r, 2) }' "/proc/$pid/mountinfo"
}
ours=$(optional_fields "$A")
assert_match '^shared:[0-9]+$' "$(theirs "$A")" "target's $A before"

# PID:INODE of that process with another inode: refused, nothing changed
if have_pidfs; then
	ino=$(pidfd_inode "$pid") || hard_error "no pidfd inode for $pid"
	bad=$((ino + 1))
	assert_status 125 "mkprop -t PID:WRONG" -- "$MKPROP" -t "$pid:$bad" --private -r "$A"
	assert_error_line "mkprop: handle $pid:$bad: process $pid's pidfs inode is $ino, not $bad: not the process the handle named"
	assert_match '^shared:[0-9]+$' "$(theirs "$A")" "target's $A after a wrong inode"
fi

assert_status 0 "mkprop -t PID --private -r" -- "$MKPROP" -t "$pid" --private -r "$A"
assert_eq "" "$(theirs "$A")" "target's $A after"
assert_eq "" "$(theirs "$A/sub")" "target's $A/sub after"
assert_eq "$ours" "$(optional_fields "$A")" "our $A must not change"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout with -t PID"

# the handle from stdin, echoed
echo "$pid" >"$TMP_DIR/handle"
assert_status 0 "mkprop -t - --shared" -- sh -c '"$1" -t - --shared "$2" <"$3"' sh "$MKPROP" "$A" "$TMP_DIR/handle"
assert_eq "$pid" "$(cat "$TMP_DIR/stdout")" "echoed handle"
assert_match '^shared:[0-9]+$' "$(theirs "$A")" "target's $A after --shared"

# --show -t reads the target's table
assert_status 0 "mkprop --show -t PID" -- "$MKPROP" --show -t "$pid" "$A/sub"
assert_match " private +$A/sub\$" "$(sed -n 2p "$TMP_DIR/stdout")" "target's $A/sub in --show"
