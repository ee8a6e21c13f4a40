#!/bin/sh
# Fault injection (tests/faults/README.md): mkprop --private --recursive
# on a tree of two mounts, then a command. A failure leaves the
# propagation of every mount as it was.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --pid --fork --mount-proc
require_tool mkprop
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
