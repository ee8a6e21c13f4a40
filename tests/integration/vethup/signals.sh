#!/bin/sh
# INT, TERM and HUP reaching vethup --delete --grace while it waits for
# the kernel to delete the pair cut the grace short: vethup deletes the
# pair itself, and then the signal ends it (128+N), nothing left.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
isolate
# shellcheck source=tests/integration/vethup/lib-vethup.sh
. "$NSKIT_SRCDIR/tests/integration/vethup/lib-vethup.sh"

pid=$(container)
host_before=$(links)
inner_before=$(links "$pid")
n=0
for sig in $(ending_signals); do
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
