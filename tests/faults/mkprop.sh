#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): mkprop --private --recursive
# on a tree of two mounts, then a command; and mkprop -t on a mount of a
# target's namespace. A failure leaves the propagation of every mount as
# it was.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --pid --fork --mount-proc
require_tool mkprop
require_tool nsrun
require_cmd nsenter
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
mount_tree

fault_state() {
	# the propagation of each mount of the tree, peer groups left out
	for m in "$A" "$A/sub"; do
		echo "$m $(optional_fields "$m" | sed 's/:[0-9]*//g')"
	done
	fault_processes
}
fault_undo() {
	mount --make-rshared "$A"
}

fault_scan mkprop -- "$MKPROP" --private --recursive "$A" -- "$EXIT0"

# -t: the mount namespace of a target (a pidfd, setns), handle on stdin
pid=$("$NSRUN" -m --propagation unchanged --detach) || hard_error "nsrun -m --detach"
kill_later "$pid"
B=$TMP_DIR/b
mkdir "$B"
nsenter -t "$pid" -m -- sh -c "mount -t tmpfs mkprop-b '$B' && mount --make-shared '$B'" ||
	hard_error "a shared mount in the target's namespace"
fault_setup() {
	echo "$pid" >"$FAULT_DIR/stdin"
}
fault_state() {
	awk -v p="$B" '$5 == p { o = ""; for (i = 7; $i != "-"; i++) o = o " " $i; print p, o }' \
		"/proc/$pid/mountinfo" | sed 's/:[0-9]*//g'
	fault_processes
}
fault_undo() {
	nsenter -t "$pid" -m -- mount --make-shared "$B"
}
fault_scan mkprop -- "$MKPROP" -t - --private "$B"
