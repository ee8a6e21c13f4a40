#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The target as PID:INODE (pidfs inode of its pidfd), as "-t -" and as a
# handle piped to stdin; an inode that is not the process's is refused.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd perl

pid=$("$NSRUN" --user --map-root-user --net --uts --detach -- sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
want=$(ns_inode "$pid" net)

inode=$(pidfd_inode "$pid") || hard_error "no pidfd inode"

got=$("$NSJOIN" -t "$pid:$inode" -n -- stat -L -c %i /proc/self/ns/net) ||
	fail "-t PID:INODE: exit status $?"
assert_eq "$want" "$got" "-t PID:INODE"

# a living process, but not the inode the handle names: both inodes are
# named, and the command never runs
bad=$((inode + 1))
assert_status 125 "a wrong inode" -- "$NSJOIN" -t "$pid:$bad" -n -- touch "$TMP_DIR/ran"
assert_error_line "nsjoin: handle $pid:$bad: process $pid's pidfs inode is $inode, not $bad: not the process the handle named"
[ ! -e "$TMP_DIR/ran" ] || fail "the command ran for a wrong inode"

got=$(echo "$pid" | "$NSJOIN" -t - -n -- stat -L -c %i /proc/self/ns/net) || fail "-t -: exit status $?"
assert_eq "$want" "$got" "-t -"
got=$(echo "$pid" | "$NSJOIN" -n -u -- stat -L -c %i /proc/self/ns/net) || fail "stdin: exit status $?"
assert_eq "$want" "$got" "handle piped to stdin"
got=$(echo "$pid:$inode" | "$NSJOIN" -n -- stat -L -c %i /proc/self/ns/net) ||
	fail "stdin PID:INODE: exit status $?"
assert_eq "$want" "$got" "PID:INODE piped to stdin"

# only the handle line is consumed: the rest of stdin is the command's
got=$(printf '%s\nrest\n' "$pid" | "$NSJOIN" -n -- cat)
assert_eq rest "$got" "stdin after the handle"

assert_status 125 "an empty stdin" -- "$NSJOIN" -n -- true </dev/null
assert_one_line_error nsjoin "no handle on stdin$"
assert_status 125 "not a handle" -- "$NSJOIN" -t 12x -n -- true
assert_one_line_error nsjoin "handle 12x: not a handle \(expected PID or PID:INODE\)$"
