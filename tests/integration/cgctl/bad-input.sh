#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every bad input is refused with one line naming the group, the flag or key
# and the value as given, exit 125, and nothing created (in any hierarchy) or
# changed.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/cgctl/layout.inc
. "$NSKIT_SRCDIR/tests/integration/cgctl/layout.inc"
cg_require_usable
G=$CG_GROUP
cg_remove_later "$G"

# refused CMD-ARGS... -- PATTERN: exit 125, one line matching, nothing made
refused() {
	_pat=$1
	shift
	assert_status 125 "$*" -- "$CGCTL" "$@"
	assert_one_line_error cgctl "$_pat"
	assert_no_group "$G"
}

# refused_line LINE CMD-ARGS...: exit 125, exactly the line "cgctl: LINE",
# nothing made
refused_line() {
	_line=$1
	shift
	assert_status 125 "$*" -- "$CGCTL" "$@"
	assert_error_line "cgctl: $_line"
	assert_no_group "$G"
}

# a bad value of a flag is explained in the flag's own terms (--cpus takes
# CPUs, not cpu.max's microseconds), through every subcommand that creates
SIZE="not a size or max (e.g. 256M; suffixes K, M, G, T)"
CPUS="not a number of CPUs from 0.01 to 1000000 or max (e.g. 1.5)"
IO="not MAJ:MIN:LIMIT[,LIMIT]..., LIMIT being rbps=N, wbps=N, riops=N or wiops=N and N a number or max (e.g. 8:0:rbps=1M,wiops=100)"
refused_line "$G: --memory 12Q: $SIZE" create "$G" --memory 12Q
refused_line "$G: --memory -1: $SIZE" create "$G" --pids 5 --memory -1
refused_line "$G: --memory-high x: $SIZE" create "$G" --memory-high x
refused_line "$G: --swap x: $SIZE" create "$G" --memory 1M --swap x
refused_line "$G: --pids lots: not a number of processes or max (e.g. 64)" create "$G" --pids lots
refused_line "$G: --cpus abc: $CPUS" create "$G" --cpus abc
refused_line "$G: --cpus 1.5x: $CPUS" create "$G" --cpus 1.5x
refused_line "$G: --cpus 0: $CPUS" exec --rm "$G" --cpus 0 -- true
refused_line "$G: --cpus 1000001: $CPUS" create "$G" --cpus 1000001
# cpu.max's own syntax is not a number of CPUs
refused_line "$G: --cpus 50000 100000: $CPUS" create "$G" --cpus "50000 100000"
refused_line "$G: --cpu-weight 0: not a weight from 1 to 10000 (100 is the default)" \
	exec --create "$G" --cpu-weight 0 -- true
refused_line "$G: --cpuset 3-1: not a list of CPUs (e.g. 0-3,6)" \
	attach --create "$G" --cpuset 3-1 -t $$
refused_line "$G: --cpuset-mems x: not a list of memory nodes (e.g. 0-1,3)" \
	create "$G" --cpuset-mems x
refused_line "$G: --io-max sda:rbps=1: $IO" create "$G" --io-max sda:rbps=1
# io.max's own syntax (a space, not a colon) is not the flag's
refused_line "$G: --io-max 8:0 rbps=1: $IO" create "$G" --io-max "8:0 rbps=1"
if cg_on_v1 blkio || cg_v2_has io; then
	refused_line "$G: --io-max 8:0:bogus=1: $IO" create "$G" --io-max 8:0:bogus=1
fi
# a value longer than cgctl keeps is refused, not cut short
long=$(printf '%0200d' 1)
refused_line "$G: --pids $long: value too long (at most 159 characters)" create "$G" --pids "$long"
# KEY=VALUE keeps the key's own terms
refused_line "$G: cpu.max=abc: bad value (expected QUOTA|max [PERIOD] in microseconds)" \
	set "$G" cpu.max=abc
# bad names
G0=$G
G="$G0/../x"
refused "$G: not a group name" create "$G"
G="$G0//x"
refused "$G: not a group name" create "$G"
G=$G0
assert_status 125 "bad parent" -- "$CGCTL" create --parent 'self/../..' "$G"
assert_one_line_error cgctl "$G: not a group name"
assert_no_group "$G"
refused "$G: no such group" set "$G" pids.max=5
refused "pids.max: not KEY=VALUE" set "$G" pids.max
refused "$G: no such group" freeze "$G"

# on an existing group: nothing changed
assert_status 0 "create" -- "$CGCTL" create "$G" --pids 7
pids=$(cg_dir pids "$G")/pids.max
unchanged() {
	_pat=$1
	shift
	assert_status 125 "$*" -- "$CGCTL" "$@"
	assert_one_line_error cgctl "$_pat"
	assert_eq 7 "$(cat "$pids")" "pids.max after a refused set"
}
unchanged "$G: bogus.key=1: unknown key" set "$G" pids.max=9 bogus.key=1
unchanged "$G: memory.max=zz: bad value" set "$G" pids.max=9 memory.max=zz
unchanged "$G: memory.no_such_file=1: .*no such key here" set "$G" pids.max=9 memory.no_such_file=1
unchanged "$G: cgroup.freeze=2: bad value" set "$G" pids.max=9 cgroup.freeze=2
unchanged "$G: pids.max=$long: value too long" set "$G" "pids.max=$long"
# a value only the kernel refuses, after one it takes: the first is undone
if cg_on_v1 cpuset || cg_v2_has cpuset; then
	unchanged "$G: cpuset.cpus=999: .*cpuset.cpus: " set "$G" pids.max=9 cpuset.cpus=999
fi
# a controller that no hierarchy offers here
for c in rdma misc net_cls net_prio perf_event devices; do
	cg_on_v1 "$c" || cg_v2_has "$c" || { missing=$c; break; }
done
if [ -n "${missing:-}" ]; then
	unchanged "$G: $missing.max=1: the $missing controller is not available" \
		set "$G" pids.max=9 "$missing.max=1"
fi
assert_status 125 "create existing" -- "$CGCTL" create "$G"
assert_one_line_error cgctl "$G: already exists"
assert_status 125 "get unknown" -- "$CGCTL" get "$G" bogus
assert_one_line_error cgctl "$G: bogus: unknown key"
