#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fault injection (tests/faults/README.md): nsmap writing uid and gid
# ranges for a held process, its handle on stdin. A failure leaves each map
# untouched or whole (a map is written once, by one write), and no process.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate --mount --net --pid --fork --mount-proc
require_tool nsrun
require_tool nsmap
# shellcheck source=tests/faults/lib-faults.sh
. "$NSKIT_SRCDIR/tests/faults/lib-faults.sh"
held=

fault_setup() {
	held=$("$NSRUN" -U --detach --hold -- "$EXIT0") || hard_error "nsrun --detach --hold"
	echo "$held" >"$FAULT_DIR/stdin"
}
# each map: empty, whole, or what it holds
map_view() {
	_m=$(awk '{ print $1 ":" $2 ":" $3 }' "/proc/$held/$1")
	case $_m in
	"") echo "$1 empty" ;;
	0:100000:65536) echo "$1 whole" ;;
	*) echo "$1 $_m" ;;
	esac
}
fault_state() {
	if [ -n "$held" ]; then
		map_view uid_map
		map_view gid_map
	fi
	fault_processes
}
fault_acceptable() {
	! grep -Evq ' (empty|whole)$|^nsrun(-held)?$' "$FAULT_DIR/state.after"
}
fault_teardown() {
	kill -KILL "$held"
	wait_gone "$held" || hard_error "the held process $held stays"
	held=
	rm -f "$FAULT_DIR/stdin"
}
fault_scan nsmap -- "$NSMAP" --uid 0:100000:65536 --gid 0:100000:65536
