#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# create with limits: the group appears in every hierarchy (beneath our own
# cgroup), each limit lands in the file of the layout the controller lives
# on, get reads it back in v2 form, and delete removes every directory.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"
log "layout: $(cg_layout)"

# check KEY-FILE CONTROLLER EXPECTED
check() {
	_got=$(cat "$(cg_dir "$2" "$G")/$1") || fail "$1: cannot read"
	assert_eq "$3" "$_got" "$1"
}

assert_status 0 "create" -- "$CGCTL" create "$G" --memory 64M --memory-high 48M --pids 16 \
	--cpus 0.5 --cpu-weight 200 --cpuset 0 --cpuset-mems 0
assert_group "$G"

if cg_on_v1 memory; then
	check memory.limit_in_bytes memory 67108864
	check memory.soft_limit_in_bytes memory 50331648
else
	check memory.max memory 67108864
	check memory.high memory 50331648
fi
check pids.max pids 16
if cg_on_v1 cpu; then
	check cpu.cfs_quota_us cpu 50000
	check cpu.cfs_period_us cpu 100000
	check cpu.shares cpu 5220
else
	check cpu.max cpu "50000 100000"
	check cpu.weight cpu 200
fi
check cpuset.cpus cpuset 0
check cpuset.mems cpuset 0

# read back, in v2 form whatever the layout
assert_eq "67108864
16
50000 100000
200
0" "$("$CGCTL" get "$G" memory.max pids.max cpu.max cpu.weight cpuset.cpus)" "get"

# set changes a limit; "max" lifts it
assert_status 0 "set" -- "$CGCTL" set "$G" memory.max=max pids.max=32 --cpus 2
assert_eq "max" "$("$CGCTL" get "$G" memory.max)" "memory.max after set"
assert_eq "32" "$("$CGCTL" get "$G" pids.max)" "pids.max after set"
assert_eq "200000 100000" "$("$CGCTL" get "$G" cpu.max)" "cpu.max after set"
assert_status 0 "set --cpus max" -- "$CGCTL" set "$G" --cpus max
assert_match "^max( 100000)?\$" "$("$CGCTL" get "$G" cpu.max)" "cpu.max after --cpus max"

# a raw key of the layout's own version is written as given
if cg_on_v1 memory; then
	assert_status 0 "raw v1 key" -- "$CGCTL" set "$G" memory.swappiness=10
	check memory.swappiness memory 10
else
	assert_status 0 "raw v2 key" -- "$CGCTL" set "$G" memory.oom.group=1
	check memory.oom.group memory 1
fi

# io.max, on the first block device there is
dev=
for f in /sys/block/*/dev; do
	[ -r "$f" ] && { dev=$(cat "$f"); break; }
done
if [ -n "$dev" ] && { cg_on_v1 blkio || cg_v2_has io; }; then
	assert_status 0 "set --io-max" -- "$CGCTL" set "$G" --io-max "$dev:rbps=1M,wiops=100"
	if cg_on_v1 blkio; then
		check blkio.throttle.read_bps_device blkio "$dev 1048576"
		check blkio.throttle.write_iops_device blkio "$dev 100"
	else
		check io.max io "$dev rbps=1048576 wbps=max riops=max wiops=100"
	fi
	assert_eq "$dev rbps=1048576 wbps=max riops=max wiops=100" "$("$CGCTL" get "$G" io.max)" "get io.max"
else
	log "no block device or io controller: io.max not checked"
fi

# memory.swap.max: v1 counts memory + swap in one file; a later memory.max
# alone keeps the swap allowance, as on v2
if [ -e "$(cg_dir memory "$G")/memory.memsw.limit_in_bytes" ] ||
	[ -e "$(cg_dir memory "$G")/memory.swap.max" ]; then
	assert_status 0 "set --memory --swap" -- "$CGCTL" set "$G" --memory 16M --swap 1M
	if cg_on_v1 memory; then
		check memory.memsw.limit_in_bytes memory 17825792
	else
		check memory.swap.max memory 1048576
	fi
	assert_status 0 "set memory.max alone" -- "$CGCTL" set "$G" memory.max=32M
	assert_eq "33554432
1048576" "$("$CGCTL" get "$G" memory.max memory.swap.max)" "memory and swap after memory.max alone"
else
	log "no swap accounting: memory.swap.max not checked"
fi

assert_status 0 "delete" -- "$CGCTL" delete "$G"
assert_no_group "$G"
