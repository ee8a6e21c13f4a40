#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): cgctl create, attach, exec
# --rm, set and delete, beneath our own cgroup. A failure leaves no group
# directory that was not there, limits as they were, and the target in the
# cgroup it was in.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --pid --fork --mount-proc
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"
G=nskit-faults-${TMP_DIR##*.}
cg_remove_later "$G"
DIRS=$(cg_group_dirs "$G")
LIMITS="--memory 64M --pids 16 --cpus 0.5"
target=
fault_clean() {
	cg_force_remove "$G"
}

fault_state() {
	for d in $DIRS; do
		[ -d "$d" ] || continue
		echo "dir $d"
		for f in memory.limit_in_bytes memory.max pids.max cpu.cfs_quota_us cpu.max; do
			[ -f "$d/$f" ] && echo "$f $(cat "$d/$f")"
		done
	done
	[ -z "$target" ] || echo "target in $(tr '\n' ' ' <"/proc/$target/cgroup")"
	fault_processes
}

# create
fault_undo() {
	"$CGCTL" delete "$G" || hard_error "cgctl delete $G"
}
# shellcheck disable=SC2086 # LIMITS: several words
fault_scan cgctl -- "$CGCTL" create "$G" $LIMITS

# exec --rm: a transient group, gone when the command has run
fault_undo() { :; }
FAULT_NO_CHANGE=1
# shellcheck disable=SC2086
fault_scan cgctl -- "$CGCTL" exec "$G" --create --rm $LIMITS -- "$EXIT0"
FAULT_NO_CHANGE=0

# attach --create: a process of ours, handle on stdin
fault_setup() {
	sleep 4243.25 &
	target=$!
	wait_for '[ "$(cat "/proc/$target/comm")" = sleep ]' || hard_error "sleep does not start"
	echo "$target" >"$FAULT_DIR/stdin"
}
fault_undo() {
	kill -KILL "$target"
	wait "$target"
	"$CGCTL" delete "$G" || hard_error "cgctl delete $G"
}
fault_teardown() {
	kill -KILL "$target" 2>/dev/null
	wait "$target"
	target=
	rm -f "$FAULT_DIR/stdin"
}
# shellcheck disable=SC2086
fault_scan cgctl -- "$CGCTL" attach "$G" --create $LIMITS

# set, on a group made for each run: all limits or none
fault_setup() {
	# shellcheck disable=SC2086
	"$CGCTL" create "$G" $LIMITS || hard_error "cgctl create $G"
}
fault_undo() { :; }
fault_teardown() {
	"$CGCTL" delete "$G" || hard_error "cgctl delete $G"
}
fault_scan cgctl -- "$CGCTL" set "$G" --memory 32M --pids 8 --cpus 1

# delete
fault_teardown() {
	cg_force_remove "$G"
}
fault_scan cgctl -- "$CGCTL" delete "$G"
