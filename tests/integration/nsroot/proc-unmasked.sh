#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --proc-unmasked mounts proc with nothing on it (as --proc did before
# masking), /proc/timer_list readable; --sys still masks /sys/firmware.
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

assert_status 0 "nsroot --proc-unmasked" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc-unmasked --sys "$ROOT" -- /bin/sh -c '
	awk "\$5 == \"/proc\" || \$5 ~ /^\\/proc\\// { print \$5, \$(NF - 2) }" /proc/self/mountinfo
	[ "$(awk "/^NSpid:/ { print \$2 }" /proc/$$/status)" = $$ ] && echo pid ok
	if [ ! -e /proc/timer_list ] || [ "$(head -c 8 /proc/timer_list | wc -c)" = 8 ]; then
		echo timer_list read
	fi
	[ ! -c /proc/keys ] && echo keys not a device
	awk "\$5 == \"/sys/firmware\" { print \$5, \$(NF - 2) }" /proc/self/mountinfo'
assert_eq "/proc proc
pid ok
timer_list read
keys not a device
/sys/firmware tmpfs" "$(cat "$TMP_DIR/stdout")" "inside"
assert_eq "" "$(cat "$TMP_DIR/stderr")" "stderr"
