#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --ro makes the new root read-only; mounts on it (--tmp) stay writable.
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

assert_status 0 "nsroot --ro --tmp" -- "$NSRUN" --mount --pid -- "$NSROOT" --ro --tmp --proc "$ROOT" -- /bin/sh -c '
	touch /x 2>&1; touch /tmp/x && echo tmp-ok
	awk "\$5 == \"/\" { split(\$6, o, \",\"); print o[1] }" /proc/self/mountinfo'
assert_eq "touch: /x: Read-only file system
tmp-ok
ro" "$(cat "$TMP_DIR/stdout")" "inside"
[ ! -e "$ROOT/x" ] || fail "a file was written into the read-only root"
[ ! -e "$ROOT/tmp/x" ] || fail "the file written to the tmpfs /tmp is in the root"
# and without --ro the root is writable (the test can fail)
assert_status 0 "nsroot without --ro" -- "$NSRUN" --mount -- "$NSROOT" "$ROOT" -- /bin/touch /y
[ -e "$ROOT/y" ] || fail "a file written into a writable root is missing"
