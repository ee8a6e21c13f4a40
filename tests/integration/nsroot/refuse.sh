#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nsroot refuses to pivot the mount namespace it shares with PID 1 of its
# PID namespace, with one line and nothing changed; in a mount namespace
# of its own, under the same PID 1, it runs.
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

# PID 1 is nsrun's init, in the mount namespace nsrun made; /proc is the
# namespace's own, so /proc/1 is that init. The shell and nsroot share it.
script='cat /proc/self/mountinfo >"$1/before"
	"$2" "$3" -- /bin/true 2>"$1/nsroot.err"; echo "status $?"
	cat /proc/self/mountinfo >"$1/after"'
assert_status 0 "refusal" -- "$NSRUN" --mount --pid --mount-proc -- \
	sh -c "$script" sh "$TMP_DIR" "$NSROOT" "$ROOT"
assert_eq "status 125" "$(cat "$TMP_DIR/stdout")" "nsroot's status"
cp "$TMP_DIR/nsroot.err" "$TMP_DIR/stderr"
assert_one_line_error nsroot "mount namespace of PID 1: refusing to pivot it"
cmp -s "$TMP_DIR/before" "$TMP_DIR/after" || fail "the mount table changed: $(diff "$TMP_DIR/before" "$TMP_DIR/after")"

# the same PID 1, but nsroot in a mount namespace of its own: it runs
assert_status 0 "own mount namespace" -- "$NSRUN" --mount --pid --mount-proc -- \
	"$NSRUN" --mount -- "$NSROOT" "$ROOT" -- /bin/echo pivoted
assert_eq pivoted "$(cat "$TMP_DIR/stdout")" "the command in the new root"
