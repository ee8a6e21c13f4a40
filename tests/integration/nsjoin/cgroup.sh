#!/bin/sh
# -c/--join-cgroup: the command runs in the target's cgroups, in the v2
# hierarchy and in each v1 one. The test makes its cgroups only beneath
# its own, puts its own container there, and removes them at exit.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root

# This test's own cgroup in the v2 hierarchy and in the v1 memory one (if
# mounted), and where those hierarchies are mounted.
v2_mnt=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
[ -n "$v2_mnt" ] || skip "no cgroup2 hierarchy mounted"
v2_own=$(sed -n 's/^0:://p' /proc/self/cgroup)
v2_dir="$v2_mnt${v2_own%/}/nskit-nsjoin-$$"
v1_mnt=$(awk '$9 == "cgroup" && $NF ~ /(^|,)memory(,|$)/ { print $5; exit }' /proc/self/mountinfo)
v1_own=$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup)

mkdir "$v2_dir" || skip "cannot create a cgroup beneath ours in $v2_mnt"
on_exit "rmdir '$v2_dir'"
want_v1=""
if [ -n "$v1_mnt" ]; then
	v1_dir="$v1_mnt${v1_own%/}/nskit-nsjoin-$$"
	mkdir "$v1_dir" || hard_error "cannot create $v1_dir"
	on_exit "rmdir '$v1_dir'"
	want_v1="${v1_own%/}/nskit-nsjoin-$$"
fi

pid=$("$NSRUN" --cgroup --detach) || hard_error "nsrun --detach failed"
# (run first at exit, before the rmdirs: kill and wait until it is gone)
on_exit "kill -KILL $pid; wait_gone $pid"
echo "$pid" >"$v2_dir/cgroup.procs" || hard_error "cannot move the container"
[ -z "$want_v1" ] || echo "$pid" >"$v1_dir/cgroup.procs" || hard_error "cannot move the container (v1)"

got=$("$NSJOIN" -t "$pid" -c -- cat /proc/self/cgroup) || fail "-c: exit status $?"
assert_eq "${v2_own%/}/nskit-nsjoin-$$" "$(printf '%s\n' "$got" | sed -n 's/^0:://p')" "-c: v2 cgroup"
[ -z "$want_v1" ] || assert_eq "$want_v1" "$(printf '%s\n' "$got" | sed -n 's/^[0-9]*:memory://p')" \
	"-c: v1 memory cgroup"
# with the cgroup namespace as well, seen from its root (the cgroup nsrun
# was in when it made it: ours)
got=$("$NSJOIN" -t "$pid" --join-cgroup -C -- cat /proc/self/cgroup | sed -n 's/^0:://p')
assert_eq "/nskit-nsjoin-$$" "$got" "--join-cgroup -C: seen from the target's cgroup namespace"
# without -c the command stays in ours: the root of that namespace
got=$("$NSJOIN" -t "$pid" -C -- cat /proc/self/cgroup | sed -n 's/^0:://p')
assert_eq / "$got" "-C alone: our cgroup, seen from the target's namespace"
# the cgroups were emptied of our commands: only the container is there
assert_eq "$pid" "$(cat "$v2_dir/cgroup.procs")" "what is left in the v2 cgroup"
