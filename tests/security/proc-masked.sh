#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The /proc of nsroot --proc is masked: /proc/sys, /proc/sysrq-trigger,
# /proc/irq, /proc/bus and /proc/fs read-only; /proc/kcore, /proc/keys,
# /proc/timer_list, /proc/sched_debug and /proc/latency_stats empty
# (/dev/null bound on them); /proc/acpi and /proc/scsi empty; so opening
# /proc/sys/kernel/core_pattern or /proc/sysrq-trigger for writing fails,
# as the container's root and as root of the host in the container's mount
# namespace (what a process of ours that kept host credentials would be).
# Files this kernel lacks count as masked. Nothing is ever written: the
# attack opens for writing and closes at once.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# shellcheck source=tests/security/helpers.sh
. "$NSKIT_SRCDIR/tests/security/helpers.sh"
build_attack
ROOT=$TMP_DIR/root
make_root "$ROOT"
install -o 100000 -g 100000 -m 755 "$ATTACK" "$ROOT/bin/attack" || hard_error "install attack"
before=$(snapshot)
start_container "$ROOT" /bin/sleep 2147483647

run_inside "$TMP_DIR/out" /bin/attack proc
expect_attack_clean "/proc, seen by the container's root" "$TMP_DIR/out" "$STATUS"
status=0
nsjoin --target "$HOLDER" --mount --root -- /bin/attack proc >"$TMP_DIR/out" 2>&1 </dev/null ||
	status=$?
expect_attack_clean "/proc, seen by root of the host in the container's mount namespace" \
	"$TMP_DIR/out" "$status"

stop_container
assert_nothing_left "$before"
finish
