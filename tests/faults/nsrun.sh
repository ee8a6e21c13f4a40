#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): nsrun in the foreground (a user
# namespace mapped by the helper, a PID namespace under the init, a
# persisted network namespace), detached, and --release of a held one. A
# failure leaves no process, no bind mount and no file.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --net --pid --fork --mount-proc
require_tool nsrun
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"

d=$TMP_DIR/ns
mkdir "$d"
mount -t tmpfs nskit-ns "$d"
mount --make-private "$d"
on_exit "umount -l '$d'"

fault_state() {
	awk -v d="$d/" 'index($5, d) == 1 { print "mount", $5 }' /proc/self/mountinfo
	ls "$d"
	fault_processes
}
fault_undo() {
	for f in "$d"/*; do
		[ -e "$f" ] || continue
		umount "$f" 2>/dev/null
		rm -f "$f"
	done
}

fault_scan nsrun -- "$NSRUN" -U -r -m -p -n -u -i --mount-proc --hostname box \
	--net="$d/net" -- "$EXIT0"

# detached: the init lives until the command has exited (strace waits for
# it). An exec failure of a detached command is reported by the init's
# log, not by nsrun (being changed: issue 14, section 3): not injected.
FAULT_SKIP='^execve '
fault_scan nsrun -- "$NSRUN" --detach -m -p -n -u --mount-proc --uts="$d/uts" -- "$EXIT0"
# ... into a cgroup made beforehand (clone3 with CLONE_INTO_CGROUP, then
# the child joins the v1 hierarchies itself): its processes are the test's
# (fault_processes), the group stays ours
require_tool cgctl
g=nskit-faults-$$
"$CGCTL" create "$g" --parent self --pids 16 || hard_error "cgctl create $g"
on_exit "'$CGCTL' delete '$g' --parent self --kill"
fault_scan nsrun -- "$NSRUN" --detach -p -C -u --uts="$d/uts" --into-cgroup "$g" -- "$EXIT0"
FAULT_SKIP=

# --release of a held process (the handle on stdin): a failure before the
# release leaves it held; one after it, while --release waits for the
# command's exec (it cannot tell whether the command runs), leaves nothing:
# the process is ended, its namespaces with it
fault_acceptable() {
	! [ -s "$FAULT_DIR/state.after" ]
}
fault_setup() {
	held=$("$NSRUN" --detach --hold -p -n -- "$EXIT0") || hard_error "nsrun --detach --hold"
	echo "$held" >"$FAULT_DIR/stdin"
}
held=
# settled: the held process is gone (released), or waits still: asleep,
# nothing pending, no child. The release is a signal: give it time to land.
settled() {
	_i=0
	while [ -n "$held" ] && [ -d "/proc/$held" ] && [ $_i -lt 200 ]; do
		awk '/^State:/ { s = $2 } /^(SigPnd|ShdPnd):/ && $2 !~ /^0+$/ { p = 1 }
			END { exit !(s == "S" && !p) }' "/proc/$held/status" 2>/dev/null &&
			[ -z "$(cat "/proc/$held/task/$held/children" 2>/dev/null)" ] && return
		sleep 0.01
		_i=$((_i + 1))
	done
}
fault_state() {
	settled
	fault_processes
}
fault_teardown() {
	kill -KILL "$held" 2>/dev/null
	wait_gone "$held" || hard_error "the held process $held stays"
	held=
	rm -f "$FAULT_DIR/stdin"
}
fault_undo() { :; }
fault_scan nsrun -- "$NSRUN" --release
