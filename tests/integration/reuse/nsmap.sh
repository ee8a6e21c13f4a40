#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsmap for a process that has gone, its PID taken by another in a user
# namespace without maps: the new one's maps stay unwritten (lib-reuse.sh,
# reuse_cases).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/reuse/lib-reuse.sh
. "$NSKIT_SRCDIR/tests/integration/reuse/lib-reuse.sh"
require_tool nsmap
reuse_isolate

start_userns() {
	start_sleeper unshare --user sleep 1000
}
start_target() { start_userns; }
start_successor() { start_userns; }

assert_untouched() {
	assert_eq "" "$(cat "/proc/$1/uid_map")" "the successor's uid_map"
	assert_eq "" "$(cat "/proc/$1/gid_map")" "the successor's gid_map"
}

control() {
	"$NSMAP" -t "$1" --uid 0:100000:1 --gid 0:100000:1 || fail "nsmap of the successor: exit status $?"
	assert_match '^ *0 +100000 +1$' "$(cat "/proc/$1/uid_map")" "the successor's uid_map"
}

reuse_cases "$NSMAP" --uid 0:100000:1 --gid 0:100000:1
