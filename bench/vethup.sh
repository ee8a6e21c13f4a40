#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Benchmark of vethup (not a test: prints medians and ratios, asserts
# nothing). Everything happens inside namespaces this script creates: it
# re-runs itself under `unshare --mount --net`, whose network namespace
# plays the host, with a tmpfs on /run/netns for the `ip netns` names.
#
#  1. One vethup against the equivalent ip(8) command sequence, two
#     `ip -batch` runs, and bench/vethup-floor (the same work in raw batched
#     netlink), interleaved, RUNS times each: medians and ratios to the floor.
#  2. vethup's time with 10, 1,000 and 5,000 interfaces already in the host
#     namespace (a fresh one per count): medians and the ratio to N=10.
#
# CPU time is the user + system time of the processes run, read with
# bash's `times` (millisecond steps, hence a mean over many runs).
#
#     bench/vethup.sh [BUILDDIR]     (default: ./build; RUNS=100, SCALE_RUNS=50)
set -eu

BUILD=$(cd "${1:-build}" && pwd)
VETHUP=$BUILD/src/vethup
FLOOR=$BUILD/bench/vethup-floor
RUNS=${RUNS:-100}
SCALE_RUNS=${SCALE_RUNS:-50}

if [ -z "${NSKIT_BENCH_ISOLATED:-}" ]; then
	[ "$(id -u)" = 0 ] || { echo "vethup.sh: needs root" >&2; exit 1; }
	for f in "$VETHUP" "$FLOOR"; do
		[ -x "$f" ] || { echo "vethup.sh: $f is not built (make in $BUILD)" >&2; exit 1; }
	done
	NSKIT_BENCH_ISOLATED=1 exec unshare --mount --net --propagation private -- "$0" "$BUILD"
fi

# (a --scale-one child shares the mount namespace, and its tmpfs)
if [ "${2:-}" != --scale-one ]; then
	if [ -d /run/netns ]; then
		mount -t tmpfs nskit-bench /run/netns
	else
		mount -t tmpfs nskit-bench /run && mkdir /run/netns
	fi
fi

# NOW_US = microseconds since the epoch. Nothing in the timed window
# forks (no date(1), no $(...)): a fork would count as a child's CPU.
now_us() {
	local t=$EPOCHREALTIME
	NOW_US=$((${t%.*} * 1000000 + 10#${t#*.}))
}

# children_cpu: CPU_US = user + system CPU time of every child so far
# (bash's `times`, run in this shell: a $(...) subshell has no children).
children_cpu() {
	local lines user sys
	times >"$TMP/times"
	mapfile -t lines <"$TMP/times"
	read -r user sys <<<"${lines[1]}"
	to_us "$user"
	CPU_US=$US
	to_us "$sys"
	CPU_US=$((CPU_US + US))
}
# US = 0m0.012s in microseconds: 12000 (arithmetic only, no fork)
to_us() {
	local m=${1%%m*} s=${1#*m}
	s=${s%s}
	US=$((m * 60000000 + ${s%.*} * 1000000 + 10#${s#*.} * 1000))
}

mean() {
	awk '{ s += $1 } END { print int(s / NR) }'
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# The work: a pair vh/eth0 into the namespace "box", 10.0.0.2/24 inside,
# 10.0.0.1/24 outside, both ends and lo up, a default route inside.
run_vethup() {
	"$VETHUP" --netns box --name vh --addr 10.0.0.2/24 --host-addr 10.0.0.1/24
}
run_ip() {
	ip link add vh type veth peer name eth0 netns box &&
		ip addr add 10.0.0.1/24 dev vh &&
		ip link set vh up &&
		ip -n box link set lo up &&
		ip -n box link set eth0 up &&
		ip -n box addr add 10.0.0.2/24 dev eth0 &&
		ip -n box route add default via 10.0.0.1
}
run_ip_batch() {
	printf '%s\n' 'link add vh type veth peer name eth0 netns box' \
		'addr add 10.0.0.1/24 dev vh' 'link set vh up' | ip -batch - &&
		printf '%s\n' 'link set lo up' 'link set eth0 up' 'addr add 10.0.0.2/24 dev eth0' \
			'route add default via 10.0.0.1' | ip -n box -batch -
}
run_floor() {
	"$FLOOR" /run/netns/box vh eth0 10.0.0.2/24 10.0.0.1/24
}

# time_once METHOD FILE: run it, append its wall-clock microseconds to
# FILE and its CPU microseconds to FILE.cpu, undo it (the deletion waits
# on the kernel: it is not timed).
time_once() {
	local t0 c0
	children_cpu
	c0=$CPU_US
	now_us
	t0=$NOW_US
	"run_$1" >/dev/null || { echo "vethup.sh: $1 failed" >&2; exit 1; }
	now_us
	children_cpu
	echo $((NOW_US - t0)) >>"$2"
	echo $((CPU_US - c0)) >>"$2.cpu"
	ip link del vh
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

compare() {
	local methods=(floor vethup ip_batch ip) i m floor_med floor_cpu
	ip netns add box
	for ((i = 0; i < RUNS; i++)); do
		# rotate the order, so that no method always runs first
		for ((m = 0; m < 4; m++)); do
			time_once "${methods[(i + m) % 4]}" "$TMP/${methods[(i + m) % 4]}"
		done
	done
	floor_med=$(median <"$TMP/floor")
	floor_cpu=$(mean <"$TMP/floor.cpu")
	echo "One link, $RUNS interleaved runs each: median wall-clock and mean CPU time"
	echo "(user + system of the processes), each with its ratio to the floor:"
	for m in floor vethup ip_batch ip; do
		local med cpu
		med=$(median <"$TMP/$m")
		cpu=$(mean <"$TMP/$m.cpu")
		printf '  %-10s %8d us  %5.2fx   cpu %7d us  %5.2fx\n' "$m" "$med" \
			"$(echo "$med $floor_med" | awk '{ print $1 / $2 }')" "$cpu" \
			"$(echo "$cpu $floor_cpu" | awk '{ print $1 / $2 }')"
	done
	if command -v strace >/dev/null; then
		strace -f -qq -e trace=sendmsg,sendto -o "$TMP/trace" "$VETHUP" --netns box --name vh \
			--addr 10.0.0.2/24 --host-addr 10.0.0.1/24
		ip link del vh
		echo "  vethup netlink round trips (sendmsg calls): $(grep -c '^[0-9]* *send' "$TMP/trace")"
	fi
	ip netns del box
}

# scale_one KIND N: in a fresh host namespace with N interfaces, the
# medians of vethup and of the floor (interleaved): what grows with N in
# both is the kernel's, what grows in vethup alone is vethup's.
scale_one() {
	local kind=$1 n=$2 i
	ip netns add box
	for ((i = 0; i < n; i++)); do
		echo "link add n$i type $kind"
	done | ip -batch -
	for ((i = 0; i < SCALE_RUNS; i++)); do
		time_once vethup "$TMP/scale-$n"
		time_once floor "$TMP/floor-$n"
	done
	ip netns del box
	echo "$(median <"$TMP/scale-$n") $(median <"$TMP/floor-$n") $(mean <"$TMP/scale-$n.cpu")"
}

# dummy interfaces when the kernel has them, else ifb, else bridges
interface_kind() {
	local k
	for k in dummy ifb bridge; do
		if unshare --net ip link add probe0 type "$k" 2>/dev/null; then
			echo "$k"
			return
		fi
	done
	echo "vethup.sh: no dummy, ifb or bridge interfaces" >&2
	exit 1
}

scale() {
	local kind base base_cpu n med floor_med cpu
	kind=$(interface_kind)
	echo "With N $kind interfaces already in the host namespace ($SCALE_RUNS runs each;"
	echo "median wall-clock, mean CPU time):"
	for n in 10 1000 5000; do
		# a host namespace of its own per N, dropped without waiting
		read -r med floor_med cpu < <(unshare --net -- "$0" "$BUILD" --scale-one "$kind" "$n")
		[ -n "${base:-}" ] || { base=$med; base_cpu=$cpu; }
		printf '  N=%-5d vethup %6d us %4.2fx of N=10, cpu %6d us %4.2fx;  floor %6d us, vethup/floor %4.2fx\n' \
			"$n" "$med" "$(echo "$med $base" | awk '{ print $1 / $2 }')" \
			"$cpu" "$(echo "$cpu $base_cpu" | awk '{ print $1 / $2 }')" \
			"$floor_med" "$(echo "$med $floor_med" | awk '{ print $1 / $2 }')"
	done
}

if [ "${2:-}" = --scale-one ]; then
	scale_one "$3" "$4"
	exit 0
fi
compare
scale
