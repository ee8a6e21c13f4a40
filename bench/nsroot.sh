#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsroot against a floor program making the same system calls
# (bench/nsroot-floor.c; -S: with the rules every nsroot run follows, the
# fair floor), interleaved; medians and ratios. Each run gets a mount
# namespace of its own from unshare -m, which the baseline runs alone (the
# namespace and the command, no switch): the ratios that matter are those
# of the increments over it, the switch of root itself.
#   bench/nsroot.sh [BUILD-DIR] [RUNS]     (as root; needs busybox-static)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-200}
nsroot=$build/src/nsroot
[ -x "$nsroot" ] || { echo "bench: build nsroot first ($nsroot)" >&2; exit 1; }
bb=$(command -v busybox) || { echo "bench: needs busybox-static" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/timeit" "$top/bench/timeit.c"
cc -O2 -o "$work/floor" "$top/bench/nsroot-floor.c"
root=$work/root
mkdir -p "$root/bin"
cp "$bb" "$root/bin/busybox"
t=$work/timeit f=$work/floor

echo "== $(nproc) CPUs, $(uname -r), $runs runs each, load $(cut -d' ' -f1-3 /proc/loadavg)"
out=$("$t" "$runs" base -- unshare -m -- "$root/bin/busybox" true ";" \
	floor -- unshare -m -- "$f" "$root" /bin/busybox true ";" \
	floor+rules -- unshare -m -- "$f" -S "$root" /bin/busybox true ";" \
	nsroot -- unshare -m -- "$nsroot" "$root" -- /bin/busybox true)
echo "$out"
# the increments over the baseline: the switch of root alone
echo "$out" | awk '$1 ~ /^(base|floor|floor\+rules|nsroot)$/ { v[$1] = $3 }
	END {
		b = v["base"]; f = v["floor"] - b; s = v["floor+rules"] - b; n = v["nsroot"] - b
		printf "the switch alone (over unshare -m): floor %.3f ms, floor+rules %.3f ms, nsroot %.3f ms\n", f, s, n
		printf "nsroot/floor %.2fx, nsroot/floor+rules %.2fx\n", n / f, n / s
	}'
