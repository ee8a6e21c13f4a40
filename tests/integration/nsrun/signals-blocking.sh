#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# INT, TERM and HUP at nsrun's blocking points end it with nothing left:
# a foreground nsrun waiting for its command passes the signal on and
# exits 128+N as the command did; a process held by --detach --hold,
# waiting for its release, ends with 128+N, its command never started,
# and its namespaces go with it.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
require_tool nsrun
require_cmd strace

n=0
for sig in $(ending_signals); do
	name=${sig%:*} want=${sig#*:}
	n=$((n + 1))

	# foreground, waiting for the command (the init's child)
	with_signals "$NSRUN" --pid --fork -- sleep "4245.$$$n" &
	pid=$!
	kill_later "$pid"
	wait_in_syscall "$pid" rt_sigtimedwait
	wait_for "[ -n \"\$(pids_with_arg 4245.$$$n)\" ]" || fail "the command did not start"
	init=$(children_of "$pid")
	assert_ended_by "$sig" "$pid" "foreground nsrun"
	wait_gone "$init" || fail "the init outlived SIG$name"
	[ -z "$(pids_with_arg "4245.$$$n")" ] || fail "the command outlived SIG$name"

	# held, waiting for the release: strace follows it to its end, to
	# tell its exit status (it is nobody's child here)
	held=$("$NSRUN" --pid --uts --detach --hold -- touch "$TMP_DIR/ran") ||
		hard_error "nsrun --detach --hold failed"
	kill_later "$held"
	pidns=$(ns_inode "$held" pid_for_children)
	strace -q -e trace=none -o "$TMP_DIR/strace" -p "$held" &
	tracer=$!
	kill_later "$tracer"
	wait_for "[ \"\$(awk '\$1 == \"TracerPid:\" { print \$2 }' /proc/$held/status)\" = $tracer ]" ||
		hard_error "strace did not attach"
	wait_in_syscall "$held" read
	kill -"$name" "$held"
	wait "$tracer" || hard_error "strace: exit status $?"
	assert_eq "+++ exited with $want +++" "$(tail -1 "$TMP_DIR/strace")" "the held process's end after SIG$name"
	[ ! -e "$TMP_DIR/ran" ] || fail "the held command ran after SIG$name"
	# (the held process may still be a zombie, reaped by whoever
	# inherited it: it holds nothing then)
	for f in /proc/[0-9]*/ns/pid; do
		[ "$(stat -L -c %i "$f" 2>/dev/null)" = "$pidns" ] || continue
		p=${f%/ns/pid}
		state=$(awk '$1 == "State:" { print $2 }' "$p/status" 2>/dev/null)
		[ -z "$state" ] || [ "$state" = Z ] ||
			fail "${p#/proc/}: left in the held PID namespace after SIG$name"
	done
done
