#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgroup v2's no-internal-processes rule: a group holding processes cannot
# pass a controller to a child group. Where the controller is on v2,
# cgctl refuses in plain words naming the cgroup that holds processes and
# changes nothing; on v1 there is no such rule and it succeeds.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

# A domain controller: pids (and cpu) are threaded controllers on v2,
# which the kernel lets a cgroup with processes pass on.
if cg_on_v1 pids; then
	ctrl=pids key=pids.max=5
elif cg_v2_has memory; then
	ctrl=memory key=memory.max=64M
elif cg_v2_has hugetlb && [ -d /sys/kernel/mm/hugepages/hugepages-2048kB ]; then
	ctrl=hugetlb key=hugetlb.2MB.max=0
else
	skip "neither pids nor hugetlb is available"
fi

assert_status 0 "create" -- "$CGCTL" create "$G/child"
"$CGCTL" exec "$G" -- sleep 100 &
kill_later $!
wait_for '[ -n "$(cat "$(cg_dir "$ctrl" "$G")/cgroup.procs")" ]' || fail "not started"

if cg_on_v1 "$ctrl"; then
	assert_status 0 "a limit on the child (v1)" -- "$CGCTL" set "$G/child" "$key"
	assert_eq "${key#*=}" "$(cat "$(cg_dir "$ctrl" "$G/child")/${key%=*}")" "$key (v1)"
else
	assert_status 125 "a limit on the child (v2)" -- "$CGCTL" set "$G/child" "$key"
	assert_one_line_error cgctl "$G/child: cannot enable controllers below /.*/$G: that cgroup holds processes.*no internal processes"
	grep -qw "$ctrl" "$(cg_dir core "$G")/cgroup.subtree_control" &&
		fail "$ctrl left enabled in $G's subtree_control"
	assert_group "$G/child"

	# a group that passes controllers on cannot hold the command either
	H="$G-passes"
	cg_remove_later "$H"
	assert_status 0 "create $H/child" -- "$CGCTL" create "$H/child"
	assert_status 0 "a limit on $H/child" -- "$CGCTL" set "$H/child" "$key"
	assert_status 125 "exec into $H" -- "$CGCTL" exec "$H" -- true
	assert_one_line_error cgctl "$H: /.*/$H: cannot hold processes: it passes controllers to child groups.*no internal processes"

	# what a refused run enabled in an ancestor ($A), it disables again
	A="$G-a"
	cg_remove_later "$A"
	assert_status 0 "create $A/b/child" -- "$CGCTL" create "$A/b/child"
	"$CGCTL" exec "$A/b" -- sleep 100 &
	kill_later $!
	wait_for '[ -n "$(cat "$(cg_dir "$ctrl" "$A/b")/cgroup.procs")" ]' || fail "not started in $A/b"
	before=$(cat "$(cg_dir core "$A")/cgroup.subtree_control")
	assert_status 125 "a limit below $A/b" -- "$CGCTL" set "$A/b/child" "$key"
	assert_one_line_error cgctl "$A/b/child: cannot enable controllers below /.*/$A/b: that cgroup holds processes"
	assert_eq "$before" "$(cat "$(cg_dir core "$A")/cgroup.subtree_control")" \
		"$A's subtree_control after the refused set"
fi
exit 0
