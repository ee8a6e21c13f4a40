#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --handle-format pidfs prints PID:INODE, INODE being the inode of the
# holder's pidfd (pidfs, Linux 6.9+); nsmap, nsrun --release and nsjoin
# accept that handle. --handle-format pid (the default) prints the PID;
# bad uses are refused in one line.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd perl
require_tool nsmap
require_tool nsjoin

h=$("$NSRUN" --user --uts --detach --hold --handle-format=pidfs -- sleep 1000 2>"$TMP_DIR/err") || {
	grep -q "needs pidfs" "$TMP_DIR/err" && skip "no pidfs on $(uname -r): $(cat "$TMP_DIR/err")"
	fail "nsrun --detach --handle-format=pidfs: $(cat "$TMP_DIR/err")"
}
pid=${h%%:*}
kill_later "$pid"
assert_match '^[0-9]+:[0-9]+$' "$h" "--handle-format pidfs prints PID:INODE"
[ -s "$TMP_DIR/err" ] && fail "nsrun --detach wrote to stderr: $(cat "$TMP_DIR/err")"
ino=$(pidfd_inode "$pid") || hard_error "no pidfd inode for $pid"
assert_eq "$ino" "${h#*:}" "INODE is the inode of the holder's pidfd"

# the pipeline, with the PID:INODE handle
out=$(echo "$h" | "$NSMAP" --uid 0:100000:65536 --gid 0:100000:65536) || fail "nsmap: exit status $?"
assert_eq "$h" "$out" "nsmap echoes the PID:INODE handle"
assert_eq "0 100000 65536" "$(awk '{ print $1, $2, $3 }' "/proc/$pid/uid_map")" "nsmap wrote the map"
# an inode that is not the holder's: refused, and the holder stays held
# (the release below is its first)
assert_status 125 "nsrun --release with a wrong inode" -- "$NSRUN" --release -t "$pid:$((ino + 1))"
assert_error_line "nsrun: handle $pid:$((ino + 1)): process $pid's pidfs inode is $ino, not $((ino + 1)): not the process the handle named"
out=$(echo "$h" | "$NSRUN" --release) || fail "nsrun --release: exit status $?"
assert_eq "$h" "$out" "nsrun --release echoes the PID:INODE handle"
got=$("$NSJOIN" -t "$h" -u -- stat -L -c %i /proc/self/ns/uts) || fail "nsjoin -t PID:INODE: exit status $?"
assert_eq "$(ns_inode "$pid" uts)" "$got" "nsjoin -t PID:INODE joins the holder's namespace"
kill -KILL "$pid"

# the default, and --handle-format pid
for arg in "" "--handle-format=pid"; do
	# shellcheck disable=SC2086 # the option, or nothing
	pid=$("$NSRUN" --uts --detach $arg) || fail "nsrun --detach $arg: exit status $?"
	kill_later "$pid"
	assert_match '^[0-9]+$' "$pid" "nsrun --detach $arg prints the PID"
	kill -KILL "$pid"
done

# refusals
assert_status 125 "an unknown format" -- "$NSRUN" --uts --detach --handle-format=inode
assert_one_line_error nsrun "--handle-format inode: not pid or pidfs"
assert_status 125 "without --detach" -- "$NSRUN" --uts --handle-format=pidfs -- true
assert_one_line_error nsrun "--handle-format needs --detach"
