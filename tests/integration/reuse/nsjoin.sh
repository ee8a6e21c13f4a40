#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsjoin -t of a process that has gone, its PID taken by another: the
# command never runs in the new process's namespaces (lib-reuse.sh,
# reuse_cases).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/reuse/lib-reuse.sh
. "$NSKIT_SRCDIR/tests/integration/reuse/lib-reuse.sh"
require_tool nsjoin
reuse_isolate

# a process in a UTS namespace of its own, named after its role
start_uts() {
	start_sleeper unshare --uts sh -c 'hostname "$1" && exec sleep 1000' sh "$1"
}
start_target() { start_uts target; }
start_successor() { start_uts successor; }

# the command wrote the hostname it saw
assert_untouched() {
	[ ! -e "$TMP_DIR/seen" ] || fail "the command ran, and saw the host name $(cat "$TMP_DIR/seen")"
}

control() {
	"$NSJOIN" -t "$1" --uts -- sh -c 'hostname >"$1"' sh "$TMP_DIR/seen" ||
		fail "nsjoin into the successor: exit status $?"
	assert_eq successor "$(cat "$TMP_DIR/seen")" "the successor's host name"
	rm -f "$TMP_DIR/seen"
}

# nsjoin names the process, as nsenter(1)
GONE_ERROR="process @PID@: no such process"
reuse_cases "$NSJOIN" --uts -- sh -c 'hostname >"$1"' sh "$TMP_DIR/seen"
