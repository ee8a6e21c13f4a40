#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --proc outside a new PID namespace works, and warns (one line) that the
# new /proc shows every process of the host.
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
# 0xEFFFFFFC: the initial PID namespace (include/linux/proc_ns.h)
[ "$(ns_inode self pid)" = 4026531836 ] || skip "needs to run in the initial PID namespace"

assert_status 0 "nsroot --proc, no PID namespace" -- \
	"$NSRUN" --mount -- "$NSROOT" --proc "$ROOT" -- /bin/sh -c 'test -d /proc/$1 && echo seen' sh "$$"
assert_eq seen "$(cat "$TMP_DIR/stdout")" "the test's own process in the new /proc"
assert_one_line_error nsroot "warning: --proc: not in a new PID namespace: the new /proc shows every process of the host\$"
