#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun in the foreground, with a user namespace of id ranges and a PID
# namespace (nsrun -U --map-users --map-groups -p --mount-proc CMD), attacked
# by its command, the container's root: its init (PID 1) cannot be traced
# and its /proc files do not open. From the host, once the maps exist, the
# init has switched to the container's root (uid 100000), is not dumpable,
# and holds no descriptor but 0, 1, 2. DESIGN.md, "The security rule".
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
build_attack
SYNC=$TMPDIR/sync
mkdir "$SYNC" && chown 100000:100000 "$SYNC" || hard_error "mkdir $SYNC"
before=$(snapshot)

# nsrun gets only 0, 1 and 2, so that whatever else PID 1 holds is its own
only_stdio "$NSRUN" -U --map-users 0:100000:65536 --map-groups 0:100000:65536 -p --mount-proc -- \
	"$ATTACK" -s "$SYNC" -o $$ all >"$TMP_DIR/out" 2>&1 </dev/null &
job=$!
kill_at_exit job
wait_secs 60 '[ -e "$SYNC/attacked" ]' || fail "the attack did not finish: $(cat "$TMP_DIR/out")"

# PID 1 on the host: the process with our arguments that is 1 in its PID
# namespace (nsrun's child)
init=""
for p in $(pids_with_arg "$SYNC" 2>/dev/null); do
	[ "$(awk '/^NSpid:/ { print $NF }' "/proc/$p/status")" = 1 ] && init=$p
done
[ -n "$init" ] || hard_error "no PID 1 among the processes of nsrun"
kill_at_exit init
expect_mapped_root "$init" 100000
expect_no_host_fds "$init"

rm "$SYNC/attacked" || hard_error "cannot tell the attack to end"
status=0
wait "$job" || status=$?
job=""
expect_attack_clean "the command of nsrun -U --map-users -p" "$TMP_DIR/out" "$status"
wait_gone "$init" || fail "PID 1 ($init) outlived its command"
init=""
rm -r "$SYNC"
assert_nothing_left "$before"
finish
