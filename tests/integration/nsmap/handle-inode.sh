#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A PID:INODE handle (pidfs, Linux 6.9+) is checked: a wrong inode is
# refused, naming both inodes, and nothing is written; the right one works.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsmap/fixture.sh
. "$NSKIT_SRCDIR/tests/integration/nsmap/fixture.sh"
require_root
require_tool nsmap
require_cmd python3
isolate

hold_as_root sleep 60
h=$HELD
# the pidfs inode: fstat of a pidfd (python opens one for us); before
# pidfs (Linux 6.9) every pidfd shares one anonymous inode
inodes=$(python3 -c "import os; print(os.fstat(os.pidfd_open($h)).st_ino, os.fstat(os.pidfd_open(os.getpid())).st_ino)") ||
	hard_error "pidfd_open"
ino=${inodes% *}
[ "$ino" != "${inodes#* }" ] || skip "pidfds have no inodes of their own (pidfs, Linux 6.9+)"
assert_status 125 "a wrong inode" -- "$NSMAP" -t "$h:$((ino + 1))" --uid 0:0:1
assert_error_line "nsmap: handle $h:$((ino + 1)): process $h's pidfs inode is $ino, not $((ino + 1)): not the process the handle named"
assert_unmapped "$h"
out=$(echo "$h:$ino" | "$NSMAP" --uid 0:0:1) || fail "the right inode: exit status $?"
assert_eq "$h:$ino" "$out" "the PID:INODE handle echoed as given"
assert_eq "0 0 1" "$(map_text "$h" uid_map)" "uid_map via PID:INODE"
