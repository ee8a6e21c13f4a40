#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -c/--join-cgroup: the command runs in the target's cgroups, in the v2
# hierarchy and in each v1 one. The test makes its cgroups only beneath
# its own, puts its own container there, and removes them at exit.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# This test's own cgroup in the v2 hierarchy and in the v1 memory one (if
# mounted), and their directories.
v2_own=$(cg_get cgroup)
v2_here=$(cg_get dir)
[ -n "$v2_here" ] || skip "no cgroup2 hierarchy mounted"
v2_dir="$v2_here/nskit-nsjoin-$$"
v1_own=$(cg_get cgroup memory)
v1_here=$(cg_get dir memory)

mkdir "$v2_dir" || skip "cannot create a cgroup beneath ours in $v2_here"
on_exit "rmdir '$v2_dir'"
want_v1=""
if [ -n "$v1_here" ]; then
	v1_dir="$v1_here/nskit-nsjoin-$$"
	mkdir "$v1_dir" || hard_error "cannot create $v1_dir"
	on_exit "rmdir '$v1_dir'"
	want_v1="${v1_own%/}/nskit-nsjoin-$$"
fi

pid=$("$NSRUN" --cgroup --detach) || hard_error "nsrun --detach failed"
# (run first at exit, before the rmdirs: kill and wait until it is gone)
on_exit "kill -KILL $pid; wait_gone $pid"
echo "$pid" >"$v2_dir/cgroup.procs" || hard_error "cannot move the container"
[ -z "$want_v1" ] || echo "$pid" >"$v1_dir/cgroup.procs" || hard_error "cannot move the container (v1)"

got=$TMP_DIR/cgroup	# the command's own /proc/self/cgroup
"$NSJOIN" -t "$pid" -c -- cat /proc/self/cgroup >"$got" || fail "-c: exit status $?"
assert_eq "${v2_own%/}/nskit-nsjoin-$$" "$(cg_get cgroup "" "$got")" "-c: v2 cgroup"
[ -z "$want_v1" ] || assert_eq "$want_v1" "$(cg_get cgroup memory "$got")" "-c: v1 memory cgroup"
# with the cgroup namespace as well, seen from its root (the cgroup nsrun
# was in when it made it: ours)
"$NSJOIN" -t "$pid" --join-cgroup -C -- cat /proc/self/cgroup >"$got" || fail "-c -C: exit status $?"
assert_eq "/nskit-nsjoin-$$" "$(cg_get cgroup "" "$got")" \
	"--join-cgroup -C: seen from the target's cgroup namespace"
# without -c the command stays in ours: the root of that namespace
"$NSJOIN" -t "$pid" -C -- cat /proc/self/cgroup >"$got" || fail "-C: exit status $?"
assert_eq / "$(cg_get cgroup "" "$got")" "-C alone: our cgroup, seen from the target's namespace"
# the cgroups were emptied of our commands: only the container is there
assert_eq "$pid" "$(cat "$v2_dir/cgroup.procs")" "what is left in the v2 cgroup"
