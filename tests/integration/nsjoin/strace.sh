#!/bin/sh
# The debugging view as a user meets it: the host's strace, run through
# --pid --mount-proc, attaches to PID 2 of a container and follows it to
# its end.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd strace

pid=$("$NSRUN" --user --map-root-user --mount --pid --net --detach -- sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
wait_for "[ -n \"\$(children_of $pid)\" ]" || hard_error "the container's command did not start"
sleeper=$(children_of "$pid")

"$NSJOIN" -t "$pid" --pid --mount-proc -- strace -p 2 2>"$TMP_DIR/strace" &
tracer=$!
kill_later "$tracer"
wait_for "grep -q 'Process 2 attached' '$TMP_DIR/strace'" || fail "strace did not attach: $(cat "$TMP_DIR/strace")"
kill -TERM "$sleeper"
status=0
wait "$tracer" || status=$?
assert_eq 0 "$status" "strace's exit status"
grep -q '^+++ killed by SIGTERM +++$' "$TMP_DIR/strace" || fail "strace did not follow PID 2 to its end: $(cat "$TMP_DIR/strace")"
