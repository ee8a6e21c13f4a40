#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# INT, TERM, HUP and USR1 reaching vethup --delete --grace while it waits
# for the kernel to delete the pair cut the grace short: vethup deletes the
# pair itself, and then the signal ends it (128+N), nothing left. And a
# TERM or a USR1 that comes while vethup makes a pair (strace holds it on
# its return from its second netlink request, the pair made) ends it
# (128+N) once it has undone the pair.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
host_before=$(links)
inner_before=$(links "$pid")
n=0
for sig in $(ending_signals) USR1:138; do
	name=${sig%:*}
	n=$((n + 1))
	assert_status 0 "vethup" -- "$VETHUP" -t "$pid" --name "hs$n" --peer "in$n"
	# the namespace of the peer stays: the kernel never deletes the pair
	with_signals "$VETHUP" --delete "hs$n" --grace 600000 >"$TMP_DIR/out" 2>&1 &
	waiter=$!
	kill_later "$waiter"
	wait_in_syscall "$waiter" poll
	assert_match ":hs$n\$" "$(links)" "hs$n while vethup waits"
	assert_ended_by "$sig" "$waiter" "vethup --delete --grace"
	assert_eq "" "$(cat "$TMP_DIR/out")" "output"
	assert_eq "$host_before" "$(links)" "host links after SIG$name"
	assert_eq "$inner_before" "$(links "$pid")" "links inside after SIG$name"
done

for sig in TERM:143 USR1:138; do
	name=${sig%:*}
	paused sendmsg 2 "" "$VETHUP" -t "$pid" --name hsx --addr 10.9.0.2/24 --host-addr 10.9.0.1/24
	assert_match ":hsx\$" "$(links)" "hsx while vethup is held"
	kill -"$name" "$PAUSED"
	resume
	assert_eq "${sig#*:}" "$PAUSED_STATUS" "vethup's exit status after $name"
	assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout (no handle)"
	assert_eq "$host_before" "$(links)" "host links after $name"
	assert_eq "$inner_before" "$(links "$pid")" "links inside after $name"
done
