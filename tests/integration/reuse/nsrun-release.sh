#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun --release of a held process that has gone, its PID taken by
# another held process: the new one stays held (lib-reuse.sh, reuse_cases).
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/reuse/lib-reuse.sh
. "$NSKIT_SRCDIR/tests/integration/reuse/lib-reuse.sh"
require_tool nsrun
reuse_isolate

# a process held by nsrun --detach --hold, whose command leaves a mark
start_held() {
	STARTED=$("$NSRUN" --uts --detach --hold -- touch "$TMP_DIR/ran.$1") ||
		hard_error "nsrun --detach --hold failed"
}
start_target() { start_held target; }
start_successor() { start_held successor; }

# still held: nsrun's process, its command not started
assert_untouched() {
	assert_eq nsrun-held "$(cat "/proc/$1/comm" 2>/dev/null)" "process $1 (still held)"
	[ ! -e "$TMP_DIR/ran.successor" ] || fail "the successor's command ran"
}

control() {
	"$NSRUN" --release -t "$1" || fail "releasing the successor: exit status $?"
	wait_for "[ -e '$TMP_DIR/ran.successor' ]" || fail "the released successor did not run"
	rm -f "$TMP_DIR/ran.successor"
}

reuse_cases "$NSRUN" --release
