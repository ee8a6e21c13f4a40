#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# TERM (and the other forwarded signals) sent to a foreground nsrun reach
# the command, with the init and with --as-pid-1 (where the kernel would
# drop a TERM that PID 1 has no handler for): nsrun exits 143.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# term_status OPTS...: start `nsrun OPTS sleep`, TERM it once the sleep
# runs, print nsrun's exit status.
term_status() {
	"$NSRUN" "$@" -- sleep 4242.5 &
	_pid=$!
	kill_later "$_pid"
	wait_for '[ -n "$(pgrep_marker 4242.5)" ]' || fail "sleep did not start"
	kill -TERM "$_pid"
	_st=0
	wait "$_pid" || _st=$?
	wait_for '[ -z "$(pgrep_marker 4242.5)" ]' || fail "sleep survived TERM"
	echo "$_st"
}

# pgrep_marker ARG: PIDs of the sleep processes started with that argument.
pgrep_marker() {
	for _p in $(pids_with_arg "$1"); do
		[ "$(cat "/proc/$_p/comm" 2>/dev/null)" = sleep ] && echo "$_p"
	done
	return 0
}

assert_eq 143 "$(term_status -p -f)" "TERM with the init"
assert_eq 143 "$(term_status -p --as-pid-1)" "TERM with --as-pid-1"
assert_eq 143 "$(term_status -n -f)" "TERM without a PID namespace"
assert_eq 143 "$(term_status -U)" "TERM when nsrun execs the command"

# USR1 is forwarded to a command that handles it
"$NSRUN" -p -- sh -c 'trap "echo got-usr1; exit 5" USR1; echo ready; while :; do sleep 0.05; done' \
	>"$TMP_DIR/out" &
pid=$!
kill_later "$pid"
wait_for 'grep -q ready "$TMP_DIR/out"' || fail "command did not start"
kill -USR1 "$pid"
st=0
wait "$pid" || st=$?
assert_eq 5 "$st" "status after USR1"
assert_eq "got-usr1" "$(tail -1 "$TMP_DIR/out")" "USR1 reached the command"

# --kill-child: when nsrun dies of SIGKILL, the command gets the signal
"$NSRUN" -n --kill-child=TERM -- sleep 4242.6 &
pid=$!
kill_later "$pid"
wait_for '[ -n "$(pgrep_marker 4242.6)" ]' || fail "sleep did not start"
child=$(pgrep_marker 4242.6)
on_exit "kill -KILL $child"
kill -KILL "$pid"
wait_gone "$child" || fail "--kill-child: the command outlived nsrun"

# --kill-child in a new PID namespace (where getppid() is 0 in the child):
# the command starts, and goes when nsrun dies of SIGKILL
"$NSRUN" -p --kill-child -- sleep 4242.7 &
pid=$!
kill_later "$pid"
wait_for '[ -n "$(pgrep_marker 4242.7)" ]' || fail "-p --kill-child: sleep did not start"
child=$(pgrep_marker 4242.7)
on_exit "kill -KILL $child"
kill -KILL "$pid"
wait_gone "$child" || fail "-p --kill-child: the command outlived nsrun"
