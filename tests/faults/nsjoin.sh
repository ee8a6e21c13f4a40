#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): nsjoin -a into a detached
# container with a user namespace mapped to root (the command forked into
# its PID namespace), and the same with --mount-proc. A failure leaves no
# process; the container stays as it was.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --net --pid --fork --mount-proc
require_tool nsrun
require_tool nsjoin
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"

pid=$("$NSRUN" -U -r -m -p -n -u -i --detach) || hard_error "nsrun --detach"
kill_later "$pid"

fault_state() {
	fault_processes
	awk '{ print $5, $7 }' "/proc/$pid/mountinfo"
}
FAULT_NO_CHANGE=1
fault_scan nsjoin -- "$NSJOIN" -t "$pid" -a -- "$EXIT0"
fault_scan nsjoin -- "$NSJOIN" -t "$pid" -a --mount-proc -- "$EXIT0"
