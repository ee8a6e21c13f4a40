#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsrun vs util-linux unshare vs a floor program making the same system
# calls, on the same work, interleaved; medians and ratios to the floor.
#   bench/nsrun.sh [BUILD-DIR] [RUNS]
# Run as root. The 1,000-mount case runs inside a private mount namespace
# the benchmark creates, so the machine's own mounts are not touched.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-200}
nsrun=$build/src/nsrun
[ -x "$nsrun" ] || { echo "bench: build nsrun first ($nsrun)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/timeit" "$top/bench/timeit.c"
# "Linked the same way" (issue 2): nsrun links libc alone, and so does the
# floor (issue 19: capabilities go through the kernel's own interface).
cc -O2 -o "$work/floor" "$top/bench/nsrun-floor.c"
t=$work/timeit
f=$work/floor
true_bin=$(command -v true)

bench_cases() {
	# nsrun runs its init as PID 1 (3 processes), unshare --fork runs the
	# command as PID 1 (2 processes): each has its floor, and
	# nsrun --as-pid-1 compares with unshare's.
	# floor+rules: the floor with the system calls of the rules nsrun
	# follows (bench/nsrun-floor.c -S), the fair floor of issue 19
	echo "-Umpinu -r --fork true"
	"$t" "$runs" floor -- "$f" -r Umpinu "$true_bin" ";" \
		floor+rules -- "$f" -S -r Umpinu "$true_bin" ";" \
		nsrun -- "$nsrun" -Umpinu -r --fork "$true_bin" ";" \
		floor-as-pid-1 -- "$f" -r -1 Umpinu "$true_bin" ";" \
		floor+rules-as-pid-1 -- "$f" -S -r -1 Umpinu "$true_bin" ";" \
		nsrun-as-pid-1 -- "$nsrun" -Umpinu -r --fork --as-pid-1 "$true_bin" ";" \
		unshare -- unshare -Umpinu -r --fork "$true_bin"
	echo "-Umpinu -r --fork --mount-proc true"
	"$t" "$runs" floor -- "$f" -r -P Umpinu "$true_bin" ";" \
		floor+rules -- "$f" -S -r -P Umpinu "$true_bin" ";" \
		nsrun -- "$nsrun" -Umpinu -r --fork --mount-proc "$true_bin" ";" \
		floor-as-pid-1 -- "$f" -r -P -1 Umpinu "$true_bin" ";" \
		nsrun-as-pid-1 -- "$nsrun" -Umpinu -r --fork --as-pid-1 --mount-proc "$true_bin" ";" \
		unshare -- unshare -Umpinu -r --fork --mount-proc "$true_bin"
	echo "-n true"
	"$t" "$runs" floor -- "$f" n "$true_bin" ";" \
		floor+rules -- "$f" -S n "$true_bin" ";" \
		nsrun -- "$nsrun" -n "$true_bin" ";" \
		unshare -- unshare -n "$true_bin"
}

echo "== $(nproc) CPUs, $(uname -r), $runs runs each"
bench_cases
echo
echo
echo "== the same with 1,000 mounts in the parent mount namespace"
# the cases again, inside the namespace with 1,000 mounts
unshare --mount --propagation private -- sh -c '
	mkdir -p "$1/m"
	mount -t tmpfs bench "$1/m"
	i=0
	while [ $i -lt 1000 ]; do mkdir "$1/m/$i"; mount -t tmpfs b "$1/m/$i"; i=$((i + 1)); done
	echo "mounts in the parent namespace: $(wc -l </proc/self/mountinfo)"
	t=$2 f=$3 nsrun=$4 runs=$5 tb=$6
	echo "-Umpinu -r --fork true"
	"$t" "$runs" floor -- "$f" -r Umpinu "$tb" ";" nsrun -- "$nsrun" -Umpinu -r --fork "$tb" ";" \
		unshare -- unshare -Umpinu -r --fork "$tb"
	echo "-m true"
	"$t" "$runs" floor -- "$f" m "$tb" ";" nsrun -- "$nsrun" -m "$tb" ";" unshare -- unshare -m "$tb"
' sh "$work" "$t" "$f" "$nsrun" "$((runs / 2))" "$true_bin"
