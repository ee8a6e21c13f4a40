#!/bin/sh
# Every bad input is refused with one line naming the group, key and value,
# exit 125, and nothing created (in any hierarchy) or changed.
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

# bad values, through every subcommand that creates
refused "$G: memory.max=12Q: bad value" create "$G" --memory 12Q
refused "$G: memory.max=-1: bad value" create "$G" --pids 5 --memory -1
refused "$G: pids.max=lots: bad value" create "$G" --pids lots
refused "$G: cpu.max=1.5x: bad value" create "$G" --cpus 1.5x
refused "$G: cpu.max=0: bad value" exec --rm "$G" --cpus 0 -- true
refused "$G: cpu.weight=0: bad value" exec --create "$G" --cpu-weight 0 -- true
refused "$G: cpuset.cpus=3-1: bad value" attach --create "$G" --cpuset 3-1 -t $$
refused "$G: io.max=sda:rbps=1: bad value" create "$G" --io-max sda:rbps=1
refused "$G: memory.swap.max=x: bad value" create "$G" --memory 1M --swap x
# a value longer than cgctl keeps is refused, not cut short
long=$(printf '%0200d' 1)
refused "$G: pids.max=$long: value too long" create "$G" --pids "$long"
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
