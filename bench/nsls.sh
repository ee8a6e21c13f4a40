#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsls beside lsns(8) with N detached containers on the machine (each
# `nsrun -U -n -p -m --detach --hold`, as issue 15 asks), at N/10 and at N,
# so that the growth per container shows: medians of interleaved runs and
# ratios to lsns, then the peak memory of one run of each. Variants: lsns
# (its default view), nsls --namespaces (the same view), nsls -o with the
# columns lsns knows (PID, NS, NPROCS, COMMAND: the scan alone), and nsls's
# default view (maps, cgroup figures, links inside each network namespace,
# root, host name: what lsns does not read). Target: nsls <= 1.0x lsns,
# linear, memory flat per container.
#   bench/nsls.sh [BUILD-DIR] [N] [RUNS]      (N default 1000, RUNS 11)
# Run as root. Everything runs inside a network and mount namespace the
# benchmark creates; every container it made is killed on every exit.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
n=${2:-1000}
runs=${3:-11}
[ -x "$build/src/nsls" ] && [ -x "$build/src/nsrun" ] ||
	{ echo "bench: build the tools first ($build)" >&2; exit 1; }
command -v lsns >/dev/null || { echo "bench: needs lsns (util-linux)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (package time)" >&2; exit 1; }
if [ -z "${NSKIT_BENCH_ISOLATED:-}" ]; then
	NSKIT_BENCH_ISOLATED=1 exec unshare --net --mount --propagation private -- "$0" "$build" "$n" "$runs"
fi
work=$(mktemp -d)
pids=$work/pids
: >"$pids"
# Kill every container made, then wait until each is gone.
cleanup() {
	set +e
	while read -r p; do kill -KILL "$p" 2>/dev/null; done <"$pids"
	while read -r p; do
		while [ -d "/proc/$p" ]; do sleep 0.01; done
	done <"$pids"
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
cc -O2 -o "$work/timeit" "$top/bench/timeit.c"
nsls=$build/src/nsls nsrun=$build/src/nsrun

made=0
# grow K: detached, held containers until there are K
grow() {
	while [ "$made" -lt "$1" ]; do
		"$nsrun" -U -n -p -m --detach --hold -- true >>"$pids"
		made=$((made + 1))
	done
}
# peak NAME CMD...: the peak resident memory of one run (GNU time), in KiB
peak() {
	_name=$1
	shift
	/usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1
	printf '  %-30s peak %8d KiB\n' "$_name" "$(cat "$work/rss")"
}

for size in $((n / 10)) "$n"; do
	grow "$size"
	set -- /proc/[0-9]*
	echo "== $size containers ($(wc -l <"$pids") held processes, $# processes)"
	# nsls warns of the processes it may not read (the machine's own
	# sandbox, if any): kept apart, timeit's own lines shown
	"$work/timeit" "$runs" "lsns" -- lsns ";" \
		"nsls --namespaces" -- "$nsls" --namespaces ";" \
		"nsls -o pid,ns,nprocs,command" -- "$nsls" -o pid,ns,nprocs,command ";" \
		"nsls (default view)" -- "$nsls" 2>"$work/stderr" ||
		{ grep -v '^nsls: warning' "$work/stderr" >&2; exit 1; }
	peak "lsns" lsns
	peak "nsls --namespaces" "$nsls" --namespaces
	peak "nsls -o pid,ns,nprocs,command" "$nsls" -o pid,ns,nprocs,command
	peak "nsls (default view)" "$nsls"
done
