#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# mkprop -t of a process that has gone, its PID taken by another in a
# mount namespace of its own whose mounts are shared: they stay shared
# (lib-reuse.sh, reuse_cases).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/reuse/lib-reuse.sh
. "$NSKIT_SRCDIR/tests/integration/reuse/lib-reuse.sh"
require_tool mkprop
reuse_isolate

start_mntns() {
	start_sleeper unshare --mount --propagation shared sleep 1000
}
start_target() { start_mntns; }
start_successor() { start_mntns; }

# the optional fields of / in its mount namespace
root_propagation() {
	awk '$5 == "/" { print $7; exit }' "/proc/$1/mountinfo"
}

assert_untouched() {
	assert_match '^shared:' "$(root_propagation "$1")" "the successor's / (propagation)"
}

control() {
	"$MKPROP" -t "$1" --private / || fail "mkprop -t the successor: exit status $?"
	assert_no_match '^shared:' "$(root_propagation "$1")" "the successor's /, made private"
}

reuse_cases "$MKPROP" --private /
