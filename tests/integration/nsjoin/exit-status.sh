#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The command's exit status (also through the fork into a PID namespace),
# 128+N for a signal, 126, 127, and 125 for nsjoin's own failures.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

pid=$("$NSRUN" --pid --net --detach) || hard_error "nsrun --detach failed"
kill_later "$pid"

assert_status 0 "true" -- "$NSJOIN" -t "$pid" -n -- true
assert_status 7 "exit 7" -- "$NSJOIN" -t "$pid" -n -- sh -c 'exit 7'
assert_status 7 "exit 7 after the fork" -- "$NSJOIN" -t "$pid" -p -- sh -c 'exit 7'
assert_status 143 "killed by TERM, after the fork" -- "$NSJOIN" -t "$pid" -p -- sh -c 'kill -TERM $$'
assert_status 127 "not found" -- "$NSJOIN" -t "$pid" -n -- nskit-no-such-command
assert_one_line_error nsjoin "nskit-no-such-command: command not found$"
assert_status 127 "not found after the fork" -- "$NSJOIN" -t "$pid" -p -- nskit-no-such-command
: >"$TMP_DIR/not-executable"
assert_status 126 "not executable" -- "$NSJOIN" -t "$pid" -n -- "$TMP_DIR/not-executable"
assert_one_line_error nsjoin "not-executable: Permission denied$"

# a signal to nsjoin reaches the command in the PID namespace
"$NSJOIN" -t "$pid" -p -- sh -c 'trap "exit 42" USR1; echo ready; while :; do sleep 0.05; done' \
	>"$TMP_DIR/out" &
joiner=$!
kill_later "$joiner"
wait_for "[ -s '$TMP_DIR/out' ]" || fail "the command did not start"
kill -USR1 "$joiner"
status=0
wait "$joiner" || status=$?
assert_eq 42 "$status" "USR1 forwarded to the command"

# default command: $SHELL
got=$(echo 'echo in-shell' | SHELL=/bin/sh "$NSJOIN" -t "$pid" -n)
assert_eq in-shell "$got" "the default command"

assert_status 125 "an unknown option" -- "$NSJOIN" --bogus
assert_one_line_error nsjoin "unknown option '--bogus'"
assert_status 125 "nothing to join" -- "$NSJOIN" -t "$pid" -- true
assert_one_line_error nsjoin "nothing to join"
assert_status 125 "a bad uid" -- "$NSJOIN" -t "$pid" -n -S 99999999999 -- true
assert_one_line_error nsjoin "--setuid 99999999999: not an id, a name or .follow."
assert_status 0 "--help" -- "$NSJOIN" --help
assert_status 0 "--version" -- "$NSJOIN" --version
