#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# wait returns when the group becomes empty, and gives up with 124 after
# --timeout while it is still populated.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

assert_status 0 "create" -- "$CGCTL" create "$G"
assert_status 0 "wait on an empty group" -- "$CGCTL" wait "$G"

mkfifo "$TMP_DIR/go"
"$CGCTL" exec "$G" -- sh -c 'read -r x <"$1"' sh "$TMP_DIR/go" &
pid=$!
kill_later "$pid"
wait_for '[ -n "$(cat "$(cg_dir memory "$G")/cgroup.procs")" ]' || fail "not started"

assert_status 124 "wait --timeout" -- "$CGCTL" wait "$G" --timeout 0.3
assert_one_line_error cgctl "$G: still has processes after the timeout"

"$CGCTL" wait "$G" >"$TMP_DIR/waited" 2>&1 &
waiter=$!
kill_later "$waiter"
sleep 0.2
[ -d "/proc/$waiter" ] || fail "wait returned while the group was populated"
echo go >"$TMP_DIR/go"
status=0
wait "$waiter" || status=$?
assert_eq 0 "$status" "wait's status once empty ($(cat "$TMP_DIR/waited"))"
assert_eq "" "$(cat "$(cg_dir memory "$G")/cgroup.procs")" "cgroup.procs after wait"
