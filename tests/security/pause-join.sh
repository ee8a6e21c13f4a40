#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A pause (nsrun --detach with no command) whose user namespace nsmap maps
# afterwards, entered with nsjoin --all --mount-proc by the container's
# root: the pause (PID 1) cannot be traced and its /proc files do not open;
# from the host, it holds no descriptor but 0, 1, 2. DESIGN.md, "The
# security rule".
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
build_attack
SYNC=$TMPDIR/sync
mkdir "$SYNC" && chown 100000:100000 "$SYNC" || hard_error "mkdir $SYNC"
before=$(snapshot)

pause=$(nsrun --user --mount --pid --detach) || fail "nsrun --detach: $pause"
kill_at_exit pause
nsmap -t "$pause" --uid 0:100000:65536 --gid 0:100000:65536 >/dev/null ||
	fail "nsmap -t $pause"
nsjoin -t "$pause" --all --mount-proc -- "$ATTACK" -s "$SYNC" -o $$ all >"$TMP_DIR/out" 2>&1 </dev/null &
job=$!
kill_at_exit job
wait_secs 60 '[ -e "$SYNC/attacked" ]' || fail "the attack did not finish: $(cat "$TMP_DIR/out")"
expect_no_host_fds "$pause"

rm "$SYNC/attacked" || hard_error "cannot tell the attack to end"
status=0
wait "$job" || status=$?
job=""
expect_attack_clean "nsjoin --all --mount-proc into a pause" "$TMP_DIR/out" "$status"
kill -KILL "$pause"
wait_gone "$pause" || fail "the pause ($pause) outlived a KILL"
pause=""
rm -r "$SYNC"
assert_nothing_left "$before"
finish
