#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The unified boot of the test VM (make check-vm) is a pure cgroup2 machine:
# one cgroup2 mount, at /sys/fs/cgroup, no v1 hierarchy; every controller
# is on it; a child group can enable memory and pids for its own children,
# and they are enforced there.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
[ "${NSKIT_VM_LAYOUT:-}" = unified ] || skip "runs only in the unified boot of make check-vm"

# The image's / is open to every user (mktemp made it 0700 once: a test
# running as another user could reach nothing).
assert_match '^drwxr-xr-x' "$(ls -ld /)" "the mode of /"

cg2=$(mounts | awk '$7 == "cgroup2" { print $5 }')
assert_eq /sys/fs/cgroup "$cg2" "cgroup2 mount points"
v1=$(mounts | awk '$7 == "cgroup" { print $5 }')
assert_eq "" "$v1" "cgroup v1 mount points"

# Every controller is on the v2 hierarchy (hierarchy 0 in /proc/cgroups)...
on_v1=$(awk '!/^#/ && $4 == 1 && $2 != 0 { print $1 }' /proc/cgroups)
assert_eq "" "$on_v1" "controllers bound to a v1 hierarchy"
controllers=" $(cat /sys/fs/cgroup/cgroup.controllers) "
for c in cpuset cpu io memory hugetlb pids rdma misc; do
	case $controllers in
	*" $c "*) ;;
	*) fail "controller $c missing from the root's cgroup.controllers:$controllers" ;;
	esac
done
# ...and this process belongs to that hierarchy alone.
assert_match '^0::/' "$(cat /proc/self/cgroup)" "/proc/self/cgroup"
assert_eq 1 "$(wc -l </proc/self/cgroup)" "lines of /proc/self/cgroup"

# A child of our own cgroup can hand memory and pids to its children.
self=$(cg_get cgroup)
child=/sys/fs/cgroup${self%/}/nskit-vm-layout.$$
mkdir "$child" || fail "mkdir $child"
on_exit "rmdir '$child'"
case " $(cat "$child/cgroup.controllers") " in
*" memory "*" pids "*) ;;
*) fail "memory and pids not available in $child: $(cat "$child/cgroup.controllers")" ;;
esac
echo "+memory +pids" >"$child/cgroup.subtree_control" || fail "enabling memory and pids in $child"
assert_eq "memory pids" "$(cat "$child/cgroup.subtree_control")" "$child/cgroup.subtree_control"
leaf=$child/leaf
mkdir "$leaf" || fail "mkdir $leaf"
on_exit "rmdir '$leaf'"
echo 64M >"$leaf/memory.max" || fail "writing $leaf/memory.max"
assert_eq 67108864 "$(cat "$leaf/memory.max")" "$leaf/memory.max"

# pids.max is enforced: with room for one process, a shell moved into the
# leaf cannot fork; with the limit lifted it can.
# shellcheck disable=SC2016 # expanded by the inner shell
fork_in_leaf='echo $$ >"$1/cgroup.procs" || exit 3; /bin/true & wait $!'
echo 1 >"$leaf/pids.max" || fail "writing $leaf/pids.max"
rc=0
sh -c "$fork_in_leaf" sh "$leaf" 2>/dev/null || rc=$?
case $rc in 0 | 3) fail "fork with pids.max=1: exit status $rc, expected a failed fork" ;; esac
wait_for "[ -z \"\$(cat '$leaf/cgroup.procs')\" ]" || fail "$leaf still has processes"
grep -q '^max [1-9]' "$leaf/pids.events" || fail "pids.events counts no refused fork: $(cat "$leaf/pids.events")"
echo max >"$leaf/pids.max"
sh -c "$fork_in_leaf" sh "$leaf" || fail "fork with pids.max=max: exit status $?"
wait_for "[ -z \"\$(cat '$leaf/cgroup.procs')\" ]" || fail "$leaf still has processes"
