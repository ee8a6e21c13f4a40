#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Namespace files (nsrun --net=FILE) are joined with no target, or beside
# one; a file of the wrong kind, or not a namespace, is refused.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate

pid=$("$NSRUN" --net="$TMP_DIR/net" --uts="$TMP_DIR/uts" --ipc --detach -- sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
on_exit "umount '$TMP_DIR/net'; umount '$TMP_DIR/uts'"
net=$(ns_inode "$pid" net)
uts=$(ns_inode "$pid" uts)
assert_eq "$net" "$(stat -L -c %i "$TMP_DIR/net")" "the persisted file"

# files only: no target, and stdin (a pipe) is not read for one
got=$(echo unread | "$NSJOIN" --net="$TMP_DIR/net" -u"$TMP_DIR/uts" -- sh -c \
	'stat -L -c %i /proc/self/ns/net /proc/self/ns/uts; cat') || fail "files: exit status $?"
assert_eq "$net
$uts
unread" "$got" "--net=FILE -uFILE"

# a file beside a target: ipc from the target, net from the file
kill -KILL "$pid"
wait_gone "$pid" || hard_error "the container did not die"
other=$("$NSRUN" --ipc --detach) || hard_error "nsrun --detach failed"
kill_later "$other"
got=$("$NSJOIN" -t "$other" -i -n"$TMP_DIR/net" -- stat -L -c %i /proc/self/ns/ipc /proc/self/ns/net) ||
	fail "-t with a file: exit status $?"
assert_eq "$(ns_inode "$other" ipc)
$net" "$got" "-i from the target, -n from the file, after the holder died"
# -a takes every differing namespace but the one given as a file
got=$("$NSJOIN" -t "$other" -a --net="$TMP_DIR/net" -- stat -L -c %i /proc/self/ns/ipc /proc/self/ns/net) ||
	fail "-a with a file: exit status $?"
assert_eq "$(ns_inode "$other" ipc)
$net" "$got" "-a with --net=FILE"

assert_status 125 "a file of another kind" -- "$NSJOIN" --net="$TMP_DIR/uts" -- true
assert_one_line_error nsjoin "$TMP_DIR/uts: a uts namespace, not net$"
: >"$TMP_DIR/plain"
assert_status 125 "not a namespace file" -- "$NSJOIN" --ipc="$TMP_DIR/plain" -- true
assert_one_line_error nsjoin "$TMP_DIR/plain: not a namespace file \(for --ipc\)$"
assert_status 125 "a missing file" -- "$NSJOIN" --uts="$TMP_DIR/none" -- true
assert_one_line_error nsjoin "$TMP_DIR/none: No such file or directory$"
assert_status 125 "an empty file name" -- "$NSJOIN" --uts= -- true
assert_one_line_error nsjoin "--uts=: empty file name"
