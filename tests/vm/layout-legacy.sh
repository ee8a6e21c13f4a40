#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The legacy boot of the test VM (make check-vm) is a v1-only machine: one
# hierarchy per controller at /sys/fs/cgroup/NAME (memory, pids, cpu,
# freezer and cpuset among them), no cgroup2 anywhere; groups made there
# take limits, freeze, and enforce pids.max.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
[ "${NSKIT_VM_LAYOUT:-}" = legacy ] || skip "runs only in the legacy boot of make check-vm"

# mounts_of TYPE: "MOUNTPOINT SUPEROPTS" of each mount of that type.
mounts_of() {
	mounts | awk -v t="$1" '$7 == t { print $5, $9 }'
}
assert_eq "" "$(mounts_of cgroup2)" "cgroup2 mounts"
v1=$(mounts_of cgroup)
for c in memory pids cpu freezer cpuset; do
	got=$(printf '%s\n' "$v1" | awk -v c="$c" '$1 == "/sys/fs/cgroup/" c')
	assert_match "^/sys/fs/cgroup/$c [^ ]*[ ,]$c(,|$)" "$got" "the $c hierarchy"
done
# Every enabled controller is bound to a v1 hierarchy, and this process is
# in no v2 group.
on_v2=$(awk '!/^#/ && $4 == 1 && $2 == 0 { print $1 }' /proc/cgroups)
assert_eq "" "$on_v2" "controllers left on the v2 hierarchy"
assert_no_match '^0::' "$(cat /proc/self/cgroup)" "/proc/self/cgroup"

# self_dir CONTROLLER: our own cgroup in that controller's hierarchy.
self_dir() {
	_s=$(cg_get cgroup "$1")
	printf '/sys/fs/cgroup/%s%s\n' "$1" "${_s%/}"
}
# new_group CONTROLLER: make a group below ours, removed at exit; its path
# is left in $group (not printed: on_exit must run in this shell).
new_group() {
	group=$(self_dir "$1")/nskit-vm-layout.$$
	mkdir "$group" || fail "mkdir $group"
	on_exit "rmdir '$group'"
}

new_group memory
mem=$group
echo 64M >"$mem/memory.limit_in_bytes" || fail "writing $mem/memory.limit_in_bytes"
assert_eq 67108864 "$(cat "$mem/memory.limit_in_bytes")" "$mem/memory.limit_in_bytes"

new_group cpu
cpu=$group
echo 50000 >"$cpu/cpu.cfs_quota_us" || fail "writing $cpu/cpu.cfs_quota_us"
assert_eq 50000 "$(cat "$cpu/cpu.cfs_quota_us")" "$cpu/cpu.cfs_quota_us"

# v1 cpusets start empty and must be filled before a task may join.
new_group cpuset
cs=$group
assert_eq "" "$(cat "$cs/cpuset.cpus")" "$cs/cpuset.cpus of a new group"
cat "$(dirname "$cs")/cpuset.cpus" >"$cs/cpuset.cpus" || fail "writing $cs/cpuset.cpus"
cat "$(dirname "$cs")/cpuset.mems" >"$cs/cpuset.mems" || fail "writing $cs/cpuset.mems"
assert_ne "" "$(cat "$cs/cpuset.cpus")" "$cs/cpuset.cpus"

new_group freezer
frz=$group
echo FROZEN >"$frz/freezer.state" || fail "writing $frz/freezer.state"
wait_for "[ \"\$(cat '$frz/freezer.state')\" = FROZEN ]" || fail "$frz did not freeze: $(cat "$frz/freezer.state")"
echo THAWED >"$frz/freezer.state" || fail "thawing $frz"
assert_eq THAWED "$(cat "$frz/freezer.state")" "$frz/freezer.state"

# pids.max is enforced: with room for one process, a shell moved into the
# group cannot fork; with the limit lifted it can.
new_group pids
pids=$group
# shellcheck disable=SC2016 # expanded by the inner shell
fork_in_group='echo $$ >"$1/cgroup.procs" || exit 3; /bin/true & wait $!'
echo 1 >"$pids/pids.max" || fail "writing $pids/pids.max"
rc=0
sh -c "$fork_in_group" sh "$pids" 2>/dev/null || rc=$?
case $rc in 0 | 3) fail "fork with pids.max=1: exit status $rc, expected a failed fork" ;; esac
wait_for "[ -z \"\$(cat '$pids/cgroup.procs')\" ]" || fail "$pids still has processes"
echo max >"$pids/pids.max"
sh -c "$fork_in_group" sh "$pids" || fail "fork with pids.max=max: exit status $?"
wait_for "[ -z \"\$(cat '$pids/cgroup.procs')\" ]" || fail "$pids still has processes"
