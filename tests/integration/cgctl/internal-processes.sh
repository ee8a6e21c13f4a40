#!/bin/sh
# cgroup v2's no-internal-processes rule: a group holding processes cannot
# pass a controller to a child group. Where the controller is on v2,
# cgctl refuses in plain words naming the cgroup that holds processes and
# leaves nothing behind; on v1 there is no such rule and it succeeds.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
cg_on_v1 pids || cg_v2_has pids || skip "no pids controller"

assert_status 0 "create" -- "$CGCTL" create "$G"
"$CGCTL" exec "$G" -- sleep 100 &
kill_later $!
wait_for '[ -n "$(cat "$(cg_dir pids "$G")/cgroup.procs")" ]' || fail "not started"

if cg_on_v1 pids; then
	assert_status 0 "child with a limit (v1)" -- "$CGCTL" create "$G/child" --pids 5
	assert_eq 5 "$(cat "$(cg_dir pids "$G/child")/pids.max")" "pids.max (v1)"
else
	assert_status 125 "child with a limit (v2)" -- "$CGCTL" create "$G/child" --pids 5
	assert_one_line_error cgctl "$G/child: cannot enable controllers below /.*/$G: that cgroup holds processes.*no internal processes"
	assert_no_group "$G/child"
	grep -qw pids "$(cg_dir core "$G")/cgroup.subtree_control" &&
		fail "pids left enabled in $G's subtree_control"
fi
exit 0
