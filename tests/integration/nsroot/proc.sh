#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --proc in a new PID namespace: /proc shows only that namespace's
# processes, and nsroot does not warn.
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

assert_status 0 "nsroot --proc" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc "$ROOT" -- /bin/sh -c '
	ls /proc | grep "^[0-9][0-9]*\$" | sort -n | tr "\n" " "; echo
	grep "^NSpid:" /proc/$$/status'
pids=$(sed -n 1p "$TMP_DIR/stdout")
# the init (1), the shell (2) and the ls (3 or so): nothing of the host
assert_match '^1 2 [0-9 ]*$' "$pids" "processes in the new /proc"
for p in $pids; do
	[ "$p" -lt 10 ] || fail "process $p in the new /proc (pids: $pids)"
done
assert_match '^NSpid:[[:space:]]+2$' "$(sed -n 2p "$TMP_DIR/stdout")" "NSpid seen through the new /proc"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr (no warning in a new PID namespace)"
