#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# INT, TERM and HUP at cgctl's blocking points: exec --rm waiting for its
# command passes the signal on, removes the group once the command has
# ended, and exits 128+N as the command did; wait, waiting for a group to
# empty, ends with 128+N and leaves the group as it was. A TERM that comes
# while attach moves its target (strace holds it on its return from its
# write of the target's PID to the group's cgroup.procs) ends it (143)
# with the target back where it was and the group gone; so do create and
# exec --rm, held after their first mkdir(2), with no group left, and
# create so for USR1, USR2 and ALRM too (their default ends a process).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool cgctl
require_cmd strace

on_exit '"$CGCTL" delete sig-rm-$$ --parent self --kill'
on_exit '"$CGCTL" delete sig-wait-$$ --parent self --kill'
on_exit '"$CGCTL" delete sig-attach-$$ --parent self --kill'
on_exit '"$CGCTL" delete sig-create-$$ --parent self --kill'

# no_group NAME: cgctl finds no such group beneath this test's cgroup
no_group() {
	assert_status 125 "group $1" -- "$CGCTL" stat "$1" --parent self
	assert_one_line_error cgctl "$1: no such group"
}

# cgctl wait sleeps in poll(2) on cgroup.events where the group has a v2
# directory, else between looks at the v1 hierarchies
if [ -n "$(cg_get dir)" ]; then
	blocking=poll
else
	blocking=clock_nanosleep
fi

n=0
for sig in $(ending_signals); do
	name=${sig%:*}
	n=$((n + 1))

	with_signals "$CGCTL" exec --rm sig-rm-$$ --parent self --pids 16 -- sleep "4246.$$$n" &
	pid=$!
	kill_later "$pid"
	wait_in_syscall "$pid" rt_sigtimedwait
	wait_for "[ -n \"\$(pids_with_arg 4246.$$$n)\" ]" || fail "the command did not start"
	assert_ended_by "$sig" "$pid" "exec --rm"
	[ -z "$(pids_with_arg "4246.$$$n")" ] || fail "exec --rm: the command outlived SIG$name"
	no_group sig-rm-$$

	"$CGCTL" create sig-wait-$$ --parent self || hard_error "cgctl create"
	"$CGCTL" exec sig-wait-$$ --parent self -- sleep "4247.$$$n" &
	sleeper=$!
	kill_later "$sleeper"
	wait_for "[ -n \"\$(pids_with_arg 4247.$$$n)\" ]" || fail "the group's process did not start"
	with_signals "$CGCTL" wait sig-wait-$$ --parent self &
	pid=$!
	kill_later "$pid"
	wait_in_syscall "$pid" "$blocking"
	assert_ended_by "$sig" "$pid" "wait"
	[ -n "$(pids_with_arg "4247.$$$n")" ] || fail "wait: the group's process is gone"
	"$CGCTL" delete sig-wait-$$ --parent self --kill || fail "cgctl delete --kill: exit status $?"
	no_group sig-wait-$$
done

sleep 1000 &
target=$!
kill_later "$target"
# held at the move in one hierarchy: v2's where there is one
dir=$(cg_get dir)
[ -n "$dir" ] || dir=$(cg_get dir memory)
paused "write@$dir/sig-attach-$$/cgroup.procs" 1 "" \
	"$CGCTL" attach sig-attach-$$ --parent self --create -t "$target"
assert_ne "$(cat /proc/self/cgroup)" "$(cat "/proc/$target/cgroup")" "the target's cgroups, cgctl held"
kill -TERM "$PAUSED"
resume
assert_eq 143 "$PAUSED_STATUS" "attach: exit status after TERM"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "attach: stdout (no handle)"
assert_eq "$(cat /proc/self/cgroup)" "$(cat "/proc/$target/cgroup")" "the target's cgroups after TERM"
no_group sig-attach-$$

# TERM, and the other signals whose default ends a process (USR1, ALRM
# ...): held back as well, each has the group undone before it ends cgctl
for sig in TERM:143 USR1:138 USR2:140 ALRM:142; do
	paused mkdir 1 "" "$CGCTL" create sig-create-$$ --parent self --pids 16
	kill -"${sig%:*}" "$PAUSED"
	resume
	assert_eq "${sig#*:}" "$PAUSED_STATUS" "create: exit status after ${sig%:*}"
	no_group sig-create-$$
done

# exec --rm, held after its first mkdir(2): the transient group is undone
# before the TERM ends cgctl, and the command never starts
on_exit '"$CGCTL" delete sig-exec-rm-$$ --parent self --kill'
paused mkdir 1 "" "$CGCTL" exec --rm sig-exec-rm-$$ --parent self -- touch "$TMP_DIR/exec-rm-ran"
kill -TERM "$PAUSED"
resume
assert_eq 143 "$PAUSED_STATUS" "exec --rm: exit status after TERM"
[ ! -e "$TMP_DIR/exec-rm-ran" ] || fail "exec --rm: the command ran after TERM"
no_group sig-exec-rm-$$
