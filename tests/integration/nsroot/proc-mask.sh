#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --proc masks as runc does: /proc/sys, /proc/sysrq-trigger, /proc/irq,
# /proc/bus, /proc/fs read-only binds of themselves (a write-open fails with
# EROFS), /proc/kcore, /proc/keys, /proc/timer_list, ... the null device
# (they read empty), /proc/acpi, /proc/scsi empty read-only tmpfs, where
# this kernel has them; --sys covers /sys/firmware with an empty tmpfs.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
# shellcheck source=tests/integration/procmask.inc
. "$NSKIT_SRCDIR/tests/integration/procmask.inc"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
no_leak_check_after_pivot

# shellcheck disable=SC2086 # the table, word by word
assert_status 0 "nsroot --proc --sys" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc --sys "$ROOT" -- \
	/bin/sh -c "$PROC_MASK_REPORT" sh $PROC_MASKS
assert_eq "$(proc_mask_expected)" "$(cat "$TMP_DIR/stdout")" "what the masked /proc shows"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"

# the proc itself still works, and /sys/firmware is an empty read-only tmpfs
assert_status 0 "nsroot --proc --sys" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc --sys "$ROOT" -- /bin/sh -c '
	[ "$(awk "/^NSpid:/ { print \$2 }" /proc/$$/status)" = $$ ] && echo pid ok
	awk "\$5 == \"/sys/firmware\" { split(\$6, o, \",\"); print o[1], \$(NF - 2) }" /proc/self/mountinfo
	ls -A /sys/firmware | wc -l'
assert_eq "pid ok
ro tmpfs
0" "$(cat "$TMP_DIR/stdout")" "the shell's PID in the proc, and /sys/firmware"
