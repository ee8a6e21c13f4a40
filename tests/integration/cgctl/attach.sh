#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# attach moves a process we started into the group in every hierarchy; a
# handle piped in is echoed out (handle protocol); a missing group is not
# created without --create or limits, nor for a handle that is refused.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

sleep 100 &
p1=$!
kill_later "$p1"
sleep 100 &
p2=$!
kill_later "$p2"

assert_status 125 "attach to a missing group" -- "$CGCTL" attach "$G" -t "$p1"
assert_one_line_error cgctl "$G: no such group"
assert_no_group "$G"

# PID 2 (kthreadd) cannot be moved: the refused attach moves $p1 back
# where it was and removes the group it made
before=$(cat "/proc/$p1/cgroup")
assert_status 125 "attach kthreadd" -- "$CGCTL" attach "$G" --create -t "$p1" -t 2
assert_one_line_error cgctl "$G: moving process 2 into "
assert_no_group "$G"
assert_eq "$before" "$(cat "/proc/$p1/cgroup")" "/proc/$p1/cgroup after a refused attach"

# PID:INODE of a living process with another inode: refused before the
# group is made, both inodes named
if have_pidfs; then
	ino=$(pidfd_inode "$p1") || hard_error "no pidfd inode for $p1"
	bad=$((ino + 1))
	assert_status 125 "attach a wrong inode" -- "$CGCTL" attach "$G" --create -t "$p1:$bad"
	assert_error_line "cgctl: handle $p1:$bad: process $p1's pidfs inode is $ino, not $bad: not the process the handle named"
	assert_no_group "$G"
	assert_eq "$before" "$(cat "/proc/$p1/cgroup")" "/proc/$p1/cgroup after a wrong inode"
fi

assert_status 0 "attach --create" -- "$CGCTL" attach "$G" --create -t "$p1"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout of attach -t"
cg_hierarchies | while read -r c self v dir; do
	[ "$c" != core ] || c=""
	assert_eq "${self%/}/$G" "$(cg_get cgroup "$c" "$p1")" "$p1's cgroup in v$v $c"
	grep -qx "$p1" "$dir/$G/cgroup.procs" || fail "$dir/$G: $p1 not in cgroup.procs"
done || exit 1

# from stdin, with a limit: the handle comes back on stdout
out=$(echo "$p2" | "$CGCTL" attach "$G" --pids 10) || fail "attach from stdin"
assert_eq "$p2" "$out" "the echoed handle"
grep -qx "$p2" "$(cg_dir pids "$G")/cgroup.procs" || fail "$p2 not in the pids group"
assert_eq 10 "$("$CGCTL" get "$G" pids.max)" "pids.max set by attach"

# a handle that is not a process
assert_status 125 "attach a bad handle" -- "$CGCTL" attach "$G" -t 0
assert_one_line_error cgctl "handle 0: not a handle"
