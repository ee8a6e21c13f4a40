#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# INT, TERM and HUP sent to nsjoin while it waits for its child (the
# command, forked into a joined PID namespace) reach the command: nsjoin
# exits 128+N as the command did, and no process is left.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool nsjoin

pid=$("$NSRUN" --pid --mount --mount-proc --detach) || hard_error "nsrun --detach failed"
kill_later "$pid"

n=0
for sig in $(ending_signals); do
	n=$((n + 1))
	with_signals "$NSJOIN" -t "$pid" --pid -- sleep "4244.$$$n" &
	joiner=$!
	kill_later "$joiner"
	# blocked in sigwaitinfo: by then the vfork'ed child has exec'd
	wait_in_syscall "$joiner" rt_sigtimedwait
	[ -n "$(pids_with_arg "4244.$$$n")" ] || fail "the command did not start"
	assert_ended_by "$sig" "$joiner" nsjoin
	wait_for "[ -z \"\$(pids_with_arg 4244.$$$n)\" ]" || fail "the command outlived SIG${sig%:*}"
done
# nothing of nsjoin's is left in the target's PID namespace
assert_eq "$pid" "$(in_pid_ns "$pid")" "the processes of the target's PID namespace"
