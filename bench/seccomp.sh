#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# What --seccomp adds to a container's start: nsrun -Umpiu -r true with no
# filter, with the default profile (compiled in), with the same profile read
# from its file, and with a one-rule profile; interleaved, medians and
# ratios to the run without a filter (target: default ≤ 1.05x).
#   bench/seccomp.sh [BUILD-DIR] [RUNS]
# Run as root (the namespaces are the benchmark's own).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-300}
nsrun=$build/src/nsrun
[ -x "$nsrun" ] || { echo "bench: build nsrun first ($nsrun)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/timeit" "$top/bench/timeit.c"
printf '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["keyctl"], "action": "SCMP_ACT_ERRNO" } ] }\n' \
	>"$work/one.json"
t=$work/timeit
true_bin=$(command -v true)

echo "== $(nproc) CPUs, $(uname -r), $runs runs each"
echo "-Umpiu -r true"
"$t" "$runs" none -- "$nsrun" -Umpiu -r "$true_bin" ";" \
	default -- "$nsrun" -Umpiu -r --seccomp default "$true_bin" ";" \
	default-file -- "$nsrun" -Umpiu -r --seccomp "$top/data/seccomp/default.json" "$true_bin" ";" \
	one-rule -- "$nsrun" -Umpiu -r --seccomp "$work/one.json" "$true_bin"
