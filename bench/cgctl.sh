#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# cgctl against libcgroup's tools (Debian's cgroup-tools) and against a
# floor: one small C process doing the same file operations (bench/cgctl-floor.c).
#
#  1. A cycle: create a group beneath our own cgroup, limit memory and pids,
#     run `true` in it, remove it:
#       cgctl exec --create --rm --parent self G --memory 64M --pids 64 -- true
#       cgcreate; cgset; cgexec; cgdelete (memory and pids only: less work
#       than cgctl's, which makes the group in every hierarchy it uses)
#       cgctl-floor cycle: the same mkdirs, writes, joins and rmdirs as cgctl
#  2. One `cgctl create` and one `cgctl delete` with 10, 1,000 and 10,000
#     sibling groups present, against mkdir/rmdir of the same directories
#     and against the floor's create (mkdir plus the v1 cpuset set-up, which
#     the kernel makes cost more as siblings grow: cpuset checks them all).
#
# Runs are interleaved; medians in microseconds, and ratios. Not a test.
# Usage: bench/cgctl.sh [BUILDDIR]   (RUNS=N, SIBLINGS="10 1000 10000",
#        CGCTL_FLOOR=a floor built beforehand, as bench/vm.sh passes one
#        into the test VM, which has no compiler)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-${NSKIT_BUILDDIR:-$top/build}}
CGCTL=$build/src/cgctl
RUNS=${RUNS:-31}
SIBLINGS=${SIBLINGS:-10 1000 10000}
[ -x "$CGCTL" ] || { echo "build cgctl first ($CGCTL)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }
NSKIT_BUILDDIR=$build NSKIT_SRCDIR=$top
export NSKIT_BUILDDIR NSKIT_SRCDIR
# the tests' readers of mountinfo and /proc/PID/cgroup, a temporary
# directory and clean-up at exit
# shellcheck source=tests/integration/lib.sh
. "$top/tests/integration/lib.sh"
TEST_NAME=bench
# shellcheck source=tests/integration/cgctl/layout.inc
. "$top/tests/integration/cgctl/layout.inc"

tmp=$TMP_DIR
G=nskit-bench-$$
cleanup() {
	set +e
	"$CGCTL" delete --parent self --kill "$G" 2>/dev/null
	for n in $SIBLINGS; do
		# shellcheck disable=SC2046 # one word per directory
		[ -x "$tmp/floor" ] && "$tmp/floor" rmdirs "$G-sib" "$n" $(cg_group_dirs "" | sed 's|/$||')
	done
}
on_exit cleanup
# libc alone, as cgctl since issue 19 (libsmartcols is opened for stat
# and list only, lib/dl)
if [ -z "${CGCTL_FLOOR:-}" ] && ! command -v cc >/dev/null; then
	CGCTL_FLOOR=$build/bench/cgctl-floor
fi
if [ -n "${CGCTL_FLOOR:-}" ]; then
	cp "$CGCTL_FLOOR" "$tmp/floor"
else
	cc -O2 -o "$tmp/floor" "$top/bench/cgctl-floor.c"
fi

median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}
# measure NAME: run $tmp/NAME.cmd once, append the microseconds to NAME.us
measure() {
	"$tmp/floor" time "$tmp/$1.cmd" >>"$tmp/$1.us" || { echo "$1 failed" >&2; exit 1; }
}

# self_of CONTROLLER: our own cgroup in that controller's hierarchy
self_of() {
	cg_get cgroup "$1"
}

echo "layout: $(cg_layout); $RUNS runs each, interleaved"

# ---- 1. the cycle --------------------------------------------------------
echo "$CGCTL exec --create --rm --parent self $G --memory 64M --pids 64 -- true" >"$tmp/cgctl.cmd"

floor="$tmp/floor cycle"
cpuset_v1=$(cg_v1_mount cpuset)
for d in $(cg_group_dirs "$G"); do
	case $d in
	"${cpuset_v1:-/nowhere}"/*) floor="$floor +$d" ;;
	*) floor="$floor $d" ;;
	esac
done
if cg_on_v1 memory; then memfile=memory.limit_in_bytes; else memfile=memory.max; fi
floor="$floor -w $(cg_dir memory "$G")/$memfile=67108864 $(cg_dir pids "$G")/pids.max=64 -- true"
echo "$floor" >"$tmp/floor.cmd"
# the fair floor (issue 19): the same with the rules every cgctl run follows
echo "$floor" | sed 's/ cycle / cycle -S /' >"$tmp/rules.cmd"

have_libcgroup=false
if command -v cgcreate >/dev/null && cg_on_v1 memory && cg_on_v1 pids; then
	have_libcgroup=true
	m=$(self_of memory) p=$(self_of pids)
	m=${m%/}/$G p=${p%/}/$G
	cat >"$tmp/libcgroup.cmd" <<-LIBCG
	cgcreate -g memory:$m -g pids:$p
	cgset -r memory.limit_in_bytes=67108864 $m
	cgset -r pids.max=64 $p
	cgexec -g memory:$m -g pids:$p true
	cgdelete -g memory:$m
	cgdelete -g pids:$p
	LIBCG
else
	echo "(no cgroup-tools, or memory/pids not on v1: libcgroup skipped)"
fi

i=0
while [ $i -lt "$RUNS" ]; do
	case $((i % 3)) in
	0) measure floor; measure rules; measure cgctl; $have_libcgroup && measure libcgroup ;;
	1) measure cgctl; $have_libcgroup && measure libcgroup; measure floor; measure rules ;;
	2) $have_libcgroup && measure libcgroup; measure rules; measure floor; measure cgctl ;;
	esac
	i=$((i + 1))
done
for d in $(cg_group_dirs "$G"); do
	[ ! -e "$d" ] || { echo "left behind: $d" >&2; exit 1; }
done

f=$(median "$tmp/floor.us") c=$(median "$tmp/cgctl.us")
echo
echo "cycle: create + memory/pids limits + run true + delete (median us, ratio to floor)"
printf '  %-44s %8s  %s\n' "floor (cgctl-floor cycle, $(cg_group_dirs "$G" | wc -l) dirs)" "$f" 1.00
s=$(median "$tmp/rules.us")
printf '  %-44s %8s  %s\n' "floor+rules (cycle -S: discovery, signals)" "$s" "$(ratio "$s" "$f")"
printf '  %-44s %8s  %s (%sx floor+rules)\n' "cgctl exec --create --rm" "$c" "$(ratio "$c" "$f")" \
	"$(ratio "$c" "$s")"
if $have_libcgroup; then
	l=$(median "$tmp/libcgroup.us")
	printf '  %-44s %8s  %s\n' "cgcreate+cgset x2+cgexec+cgdelete x2 (2 dirs)" "$l" "$(ratio "$l" "$f")"
	echo "  cgctl is $(ratio "$l" "$c")x faster than the libcgroup tools"
fi

# ---- 2. create/delete with siblings present ---------------------------------
dirs=$(cg_group_dirs "$G" | tr '\n' ' ')
echo "$CGCTL create --parent self $G" >"$tmp/create.cmd"
echo "$CGCTL delete --parent self $G" >"$tmp/delete.cmd"
echo "mkdir $dirs" >"$tmp/mkdir.cmd"
echo "$floor" | sed 's/ cycle / create /; s/ -w .*//' >"$tmp/fcreate.cmd"
echo "rmdir $dirs" >"$tmp/rmdir.cmd"
echo
echo "one create / delete with N sibling groups present (median us; ratios to mkdir/rmdir of the same $(echo "$dirs" | wc -w) dirs and to the floor's create)"
printf '  %6s %8s %8s %6s %8s %6s %8s %8s %6s\n' N create mkdir ratio floor ratio delete rmdir ratio
for n in $SIBLINGS; do
	# shellcheck disable=SC2046
	"$tmp/floor" mkdirs "$G-sib" "$n" $(cg_group_dirs "" | sed 's|/$||')
	rm -f "$tmp/create.us" "$tmp/delete.us" "$tmp/mkdir.us" "$tmp/rmdir.us" "$tmp/fcreate.us"
	i=0
	while [ $i -lt "$RUNS" ]; do
		measure create
		measure delete
		measure mkdir
		measure rmdir
		measure fcreate
		measure rmdir
		i=$((i + 1))
	done
	# shellcheck disable=SC2046
	"$tmp/floor" rmdirs "$G-sib" "$n" $(cg_group_dirs "" | sed 's|/$||')
	cr=$(median "$tmp/create.us") mk=$(median "$tmp/mkdir.us")
	de=$(median "$tmp/delete.us") rm=$(median "$tmp/rmdir.us") fc=$(median "$tmp/fcreate.us")
	printf '  %6s %8s %8s %6s %8s %6s %8s %8s %6s\n' "$n" "$cr" "$mk" "$(ratio "$cr" "$mk")" \
		"$fc" "$(ratio "$cr" "$fc")" "$de" "$rm" "$(ratio "$de" "$rm")"
done
