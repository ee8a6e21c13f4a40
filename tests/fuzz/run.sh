#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Run libFuzzer harnesses for a bounded time each (make fuzz):
#   run.sh CORPUS-DIR BIN-DIR NAME...
# Each tests/fuzz/fuzz-NAME starts from the seeds of CORPUS-DIR/NAME (read
# only) and keeps what it finds in BIN-DIR/work/NAME; a crash, a sanitizer
# report, a broken invariant, a timeout or a leak leaves the input in
# BIN-DIR/artifacts/ and fails the run. FUZZ_SECONDS: seconds per harness
# (default: 66 s shared among them, at least 3 s each).
set -eu
corpus=$1 bin=$2
shift 2
count=$#
per=${FUZZ_SECONDS:-}
if [ -z "$per" ]; then
	per=$(((66 + count - 1) / count))
	[ "$per" -ge 3 ] || per=3
fi
case $per in
'' | *[!0-9]*) echo "fuzz: FUZZ_SECONDS=$per: not a number of seconds" >&2; exit 1 ;;
esac
mkdir -p "$bin/artifacts"
failed=""
total_runs=0
for name; do
	work=$bin/work/$name
	log=$bin/work/$name.log
	mkdir -p "$work"
	[ -d "$corpus/$name" ] || { echo "fuzz: $corpus/$name: no seed corpus" >&2; exit 1; }
	# -timeout: a parser that takes a second on one input is a bug too;
	# -rss_limit_mb: ASan's shadow counts, the harnesses stay far below.
	if "$bin/fuzz-$name" -max_total_time="$per" -timeout=5 -rss_limit_mb=1024 \
		-print_final_stats=1 -artifact_prefix="$bin/artifacts/$name-" \
		"$work" "$corpus/$name" >"$log" 2>&1; then
		status=ok
	else
		status=FAILED
		failed="$failed $name"
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(sed -n 's/^#[0-9]*[[:space:]]*DONE[[:space:]]*cov: \([0-9]*\).*/\1/p' "$log" | tail -1)
	total_runs=$((total_runs + ${runs:-0}))
	if [ "$status" = ok ]; then
		printf 'fuzz: %-10s ok: %s runs in %s s, coverage %s, corpus %s inputs\n' "$name" \
			"${runs:-?}" "$per" "${cov:-?}" "$(find "$work" -type f | wc -l)"
	else
		printf 'fuzz: %-10s FAILED after %s runs\n' "$name" "${runs:-?}"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*invariant broken|.*runtime error)' "$log" | head -5 || true
		sed -n 's/^.*Test unit written to /fuzz: input: /p' "$log"
		echo "fuzz: log: $log"
	fi
done
echo "fuzz: $count harnesses, $total_runs runs"
if [ -n "$failed" ]; then
	echo "fuzz: FAILED:$failed" >&2
	exit 1
fi
