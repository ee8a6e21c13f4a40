#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The state comes from the kernel's facts, not from names: a held process
# is "held" until nsrun --release, then its container is "running"; a
# detached nsrun with no command is "paused"; a stopped init "stopped".
# -t says whether the container is held.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/nsls/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsls/helpers.sh"

state() {
	"$NSLS" -J -o pid,state | jq -r --argjson p "$1" '.containers[] | select(.pid == $p) | .state'
}
held() {
	"$NSLS" -J -t "$1" | jq -r '.container[0].held'
}

mark=4243.25$$	# the commands' marker, unique to this run
for ns in "-U -p -n" "-u"; do
	# shellcheck disable=SC2086 # the namespace flags are words
	pid=$(detached $ns --hold -- sleep "$mark")
	assert_eq held "$(state "$pid")" "nsrun $ns --detach --hold: state"
	assert_eq yes "$(held "$pid")" "nsrun $ns --detach --hold: -t says held"
	"$NSRUN" --release -t "$pid" || fail "nsrun --release: exit status $?"
	wait_for "[ -n \"\$(pids_with_arg $mark)\" ]" || fail "the command did not start"
	wait_for '[ "$(state "$pid")" = running ]' ||
		fail "nsrun $ns: state after --release: $(state "$pid")"
	assert_eq no "$(held "$pid")" "nsrun $ns: -t after --release"
	kill -KILL "$pid"
	wait_gone "$pid" || fail "process $pid did not end"
done

# no command: the namespaces held by a pause
pid=$(detached -p -u)
assert_eq paused "$(state "$pid")" "nsrun --detach with no command"
assert_eq no "$(held "$pid")" "a pause is not held"
kill -STOP "$pid"
on_exit "kill -CONT $pid"
wait_for '[ "$(state "$pid")" = stopped ]' || fail "a stopped init: $(state "$pid")"

# nsrun names its holder for ps; nsls shows it, but does not go by it
pid=$(detached -p --hold -- sleep 4243.75)
assert_eq nsrun-held "$(cat "/proc/$pid/comm")" "comm while held"
assert_eq "nsrun-held sleep 4243.75" "$("$NSLS" -J -o pid,command |
	jq -r --argjson p "$pid" '.containers[] | select(.pid == $p) | .command')" "command while held"
"$NSRUN" --release -t "$pid" || fail "nsrun --release"
wait_for '[ "$(cat "/proc/$pid/comm")" = nsrun-init ]' || fail "comm after --release: $(cat "/proc/$pid/comm")"
