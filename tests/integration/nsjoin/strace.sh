#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The debugging view as a user meets it: the host's strace, run through
# --pid --mount-proc, attaches to PID 2 of a container and follows it to
# its end.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd strace

# PID 1 holds the namespaces (and outlives PID 2, so that the end of PID 2
# does not end the namespace, strace with it)
pid=$("$NSRUN" --user --map-root-user --mount --pid --net --detach) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
"$NSJOIN" -t "$pid" -p -- sleep 100 &
joiner=$!
kill_later "$joiner"
wait_for "[ -n \"\$(children_of $joiner)\" ]" || hard_error "PID 2 did not start"
sleeper=$(children_of "$joiner")
assert_eq 2 "$(awk '$1 == "NSpid:" { print $3 }' "/proc/$sleeper/status")" "the sleeper's PID inside"

"$NSJOIN" -t "$pid" --pid --mount-proc -- strace -p 2 2>"$TMP_DIR/strace" &
tracer=$!
kill_later "$tracer"
wait_for "grep -q 'Process 2 attached' '$TMP_DIR/strace'" || fail "strace did not attach: $(cat "$TMP_DIR/strace")"
kill -TERM "$sleeper"
status=0
wait "$tracer" || status=$?
assert_eq 0 "$status" "strace's exit status"
status=0
wait "$joiner" || status=$?
assert_eq 143 "$status" "the end of PID 2, through nsjoin"
grep -q '^+++ killed by SIGTERM +++$' "$TMP_DIR/strace" || fail "strace did not follow PID 2 to its end: $(cat "$TMP_DIR/strace")"
