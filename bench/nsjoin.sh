#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsjoin against util-linux nsenter, and against a floor program that makes
# only the essential calls (pidfd_open, one setns(pidfd, mask), a fork only
# for a PID namespace, exec), on the same target, for `-a -- true` and
# `-n -- true`. Runs are interleaved in rounds (nsjoin, nsenter, floor, ...)
# so that drift in the machine's load hits all three alike; each round
# times a batch of runs, and the medians of the per-run times are printed
# with their ratios.
#
#   bench/nsjoin.sh [ROUNDS [BATCH]]     (as root, from a build directory or
#                                         with NSKIT_BUILDDIR set)
#
# Not a test: nothing here asserts a time.
set -eu

rounds=${1:-31}
batch=${2:-20}
build=${NSKIT_BUILDDIR:-$(pwd)}
here=$(cd "$(dirname "$0")" && pwd)
nsjoin=$build/src/nsjoin
nsrun=$build/src/nsrun
floor=$build/bench/nsjoin-floor

[ "$(id -u)" = 0 ] || { echo "nsjoin.sh: needs root" >&2; exit 1; }
command -v nsenter >/dev/null || { echo "nsjoin.sh: needs nsenter (util-linux)" >&2; exit 1; }
[ -x "$nsjoin" ] && [ -x "$nsrun" ] || { echo "nsjoin.sh: build nskit first (in $build)" >&2; exit 1; }
tmp=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# the floor: the built one, or compiled here
if [ ! -x "$floor" ]; then
	floor=$tmp/nsjoin-floor
	${CC:-cc} -O2 -D_GNU_SOURCE -o "$floor" "$here/nsjoin-floor.c"
fi

pid=$("$nsrun" --user --map-root-user --mount --pid --net --uts --ipc --cgroup --time --detach)

# The kinds of namespace of the target that differ from ours: what -a joins.
all=""
for ns in user mnt pid net uts ipc cgroup time; do
	[ -e "/proc/self/ns/$ns" ] || continue
	[ "$(stat -L -c %i "/proc/self/ns/$ns")" = "$(stat -L -c %i "/proc/$pid/ns/$ns")" ] ||
		all=${all:+$all,}$ns
done

now_ns() { date +%s%N; }

# time_batch CMD...: nanoseconds per run over $batch runs of CMD
time_batch() {
	_t0=$(now_ns)
	_i=0
	while [ $_i -lt "$batch" ]; do
		"$@" >/dev/null || { echo "nsjoin.sh: failed: $*" >&2; exit 1; }
		_i=$((_i + 1))
	done
	_t1=$(now_ns)
	echo $(((_t1 - _t0) / batch))
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# bench NAME NSJOIN-ARGS NSENTER-ARGS FLOOR-MASK
# shellcheck disable=SC2086 # the option words are split on purpose
bench() {
	: >"$tmp/nsjoin" && : >"$tmp/nsenter" && : >"$tmp/floor" && : >"$tmp/rules"
	# warm the caches once
	"$nsjoin" -t "$pid" $2 -- true && nsenter -t "$pid" $3 -- true && "$floor" "$pid" "$4" true &&
		"$floor" -S "$pid" "$4" true
	r=0
	while [ $r -lt "$rounds" ]; do
		time_batch "$nsjoin" -t "$pid" $2 -- true >>"$tmp/nsjoin"
		time_batch nsenter -t "$pid" $3 -- true >>"$tmp/nsenter"
		time_batch "$floor" "$pid" "$4" true >>"$tmp/floor"
		time_batch "$floor" -S "$pid" "$4" true >>"$tmp/rules"
		r=$((r + 1))
	done
	j=$(median "$tmp/nsjoin")
	e=$(median "$tmp/nsenter")
	f=$(median "$tmp/floor")
	s=$(median "$tmp/rules")
	awk -v n="$1" -v j="$j" -v e="$e" -v f="$f" -v s="$s" 'BEGIN {
		printf "%-14s %10.1f %10.1f %10.1f %10.1f %13.3f %13.3f %13.3f\n", n, j / 1000, e / 1000,
			f / 1000, s / 1000, j / f, j / s, j / e }'
}

printf 'target %s (namespaces differing from ours: %s); %s rounds of %s runs each\n' \
	"$pid" "$all" "$rounds" "$batch"
# floor+rules: the floor with the system calls of the rules nsjoin follows
# (bench/nsjoin-floor.c -S), the fair floor of issue 19
printf '%-14s %10s %10s %10s %10s %13s %13s %13s\n' case "nsjoin us" "nsenter us" "floor us" \
	"f+rules us" nsjoin/floor nsjoin/f+rules nsjoin/nsenter
bench "-a -- true" "-a" "-a" "$all"
bench "-n -- true" "-n" "-n" "net"
