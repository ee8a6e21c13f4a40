#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgctl attach of a process that has gone, its PID taken by another: the
# new one stays in its cgroups, and the group cgctl made is gone
# (lib-reuse.sh, reuse_cases). Then the window that only cgctl has: the
# kernel takes a process to move by its PID (cgroup.procs), so the target
# may end, and its PID be taken, after cgctl found it alive and before it
# writes the PID.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/reuse/lib-reuse.sh
. "$NSKIT_SRCDIR/tests/integration/reuse/lib-reuse.sh"
require_tool cgctl
reuse_isolate
# a group name of this run's own: another checkout may run this test at
# the same time in the same cgroup (TMP_DIR's suffix is unique)
BOX=reuse-box-${TMP_DIR##*.}

start_sleep() {
	start_sleeper sleep 1000
}
start_target() { start_sleep; }
start_successor() { start_sleep; }

# born here, in this test's cgroups: there it stays
assert_untouched() {
	assert_eq "$(cat /proc/self/cgroup)" "$(cat "/proc/$1/cgroup")" "the successor's cgroups"
	assert_status 125 "the group" -- "$CGCTL" stat "$BOX" --parent self
	assert_one_line_error cgctl "$BOX: no such group"
}

control() {
	"$CGCTL" attach "$BOX" --parent self --create -t "$1" || fail "attaching the successor: exit status $?"
	assert_ne "$(cat /proc/self/cgroup)" "$(cat "/proc/$1/cgroup")" "the attached successor's cgroups"
	"$CGCTL" delete "$BOX" --parent self --kill || hard_error "cgctl delete"
}
on_exit '"$CGCTL" delete "$BOX" --parent self --kill'

reuse_cases "$CGCTL" attach "$BOX" --parent self --create

# 3. the target ends after cgctl's last check that it lives (its second
# signal 0 through the pidfd, the first being target_open's): the PID
# that cgctl writes is the successor's
start_target
pid=$STARTED
paused pidfd_send_signal 2 "$pid" "$CGCTL" attach "$BOX" --parent self --create -t -
reap "$pid"
take_pid "$pid" start_successor
resume
assert_eq 125 "$PAUSED_STATUS" "exit status, the target gone before its PID was written"
assert_error_line "cgctl: handle $pid: no such process"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout"
assert_untouched "$pid"
control "$pid"
