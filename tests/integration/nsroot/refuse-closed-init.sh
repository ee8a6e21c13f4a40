#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# When /proc/1/ns/mnt is closed to nsroot (PID 1 has capabilities nsroot
# lacks, and nsroot has no CAP_SYS_PTRACE), nsroot compares the mount ids of
# both mount tables instead: it still refuses to pivot PID 1's namespace,
# and still runs in a namespace of its own.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
no_leak_check_after_pivot

# PID 1: nsrun's init with every capability; the shell and nsroot: without
# sys_ptrace and sys_nice, so ptrace access to PID 1 is denied.
script='stat -L /proc/1/ns/mnt >/dev/null 2>&1 && echo "ns file open"
	cat /proc/self/mountinfo >"$1/before"
	"$2" "$3" -- /bin/true 2>"$1/nsroot.err"; echo "status $?"
	cat /proc/self/mountinfo >"$1/after"
	"$4" --mount -- "$2" "$3" -- /bin/echo pivoted'
assert_status 0 "closed /proc/1/ns/mnt" -- "$NSRUN" --mount --pid --mount-proc -- \
	"$NSRUN" --cap-drop sys_ptrace,sys_nice -- sh -c "$script" sh "$TMP_DIR" "$NSROOT" "$ROOT" "$NSRUN"
assert_eq "status 125
pivoted" "$(cat "$TMP_DIR/stdout")" "refused in PID 1's namespace, run in its own"
cp "$TMP_DIR/nsroot.err" "$TMP_DIR/stderr"
assert_one_line_error nsroot "mount namespace of PID 1: refusing to pivot it"
cmp -s "$TMP_DIR/before" "$TMP_DIR/after" || fail "the mount table changed: $(diff "$TMP_DIR/before" "$TMP_DIR/after")"
