#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Each refusal is one line naming the process and the namespace, with exit
# status 125: a missing PID, a dead process (a zombie), a namespace the
# caller may not enter, a process the caller may not touch.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_cmd setpriv

# a PID that is free: one of ours that has been reaped
sleep 0 &
gone=$!
wait "$gone"
[ ! -d "/proc/$gone" ] || skip "PID $gone was reused at once"
assert_status 125 "a missing PID" -- "$NSJOIN" -t "$gone" -n -- true
assert_one_line_error nsjoin "process $gone: no such process$"

# a zombie: the child of a process that never reaps it. The child ends only
# when told, once its parent is sleep: a shell still running could reap it.
mkfifo "$TMP_DIR/end-child"
sh -c 'read -r _ <"$1" & echo $!; exec sleep 100' sh "$TMP_DIR/end-child" >"$TMP_DIR/zombie" &
parent=$!
kill_later "$parent"
wait_for "[ -s '$TMP_DIR/zombie' ] && [ \"\$(cat /proc/$parent/comm)\" = sleep ]" ||
	hard_error "no child, or its parent not yet sleep"
zombie=$(cat "$TMP_DIR/zombie")
echo >"$TMP_DIR/end-child"
wait_for "grep -q '^State:.*Z' /proc/$zombie/status" || hard_error "$zombie is not a zombie"
assert_status 125 "a zombie, -n" -- "$NSJOIN" -t "$zombie" -n -- true
assert_one_line_error nsjoin "process $zombie: net namespace: the process has exited$"
assert_status 125 "a zombie, -a" -- "$NSJOIN" -t "$zombie" -a -- true
assert_one_line_error nsjoin "process $zombie: [a-z]+ namespace: the process has exited$"

# an unprivileged caller: the process is its own, the namespace is not
pid=$("$NSRUN" --net --detach -- setpriv --reuid=65534 --regid=65534 --clear-groups sleep 100) ||
	hard_error "nsrun --detach failed"
kill_later "$pid"
wait_for "grep -q '^Uid:.65534' /proc/$pid/status" || hard_error "the target did not become 65534"
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all "$@"
}
assert_status 125 "an unprivileged -n" -- as_nobody "$NSJOIN" -t "$pid" -n -- true
assert_one_line_error nsjoin "process $pid: net namespace: Operation not permitted$"
assert_status 125 "an unprivileged -a" -- as_nobody "$NSJOIN" -t "$pid" -a -- true
assert_one_line_error nsjoin "process $pid: net namespace: Operation not permitted$"
# a process of another user
assert_status 125 "someone else's process" -- as_nobody "$NSJOIN" -t "$$" -n -- true
assert_one_line_error nsjoin "process $$: net namespace: Permission denied$"

assert_status 125 "no target at all" -- "$NSJOIN" -n -- true </dev/null
assert_one_line_error nsjoin "no handle on stdin$"
