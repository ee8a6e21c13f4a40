#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --sys mounts sysfs read-only on /sys; --tmp a tmpfs on /tmp, whose files
# are gone with the container.
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

assert_status 0 "nsroot --sys --tmp" -- "$NSRUN" --mount --pid -- "$NSROOT" --sys --tmp --proc "$ROOT" -- /bin/sh -c '
	awk "\$5 ~ /^\\/(sys|tmp)\$/ { split(\$6, o, \",\"); print \$5, o[1], \$(NF - 2) }" /proc/self/mountinfo
	test -d /sys/kernel && echo sys-ok
	mkdir /sys/x 2>/dev/null || echo sys-ro
	echo x >/tmp/x && echo tmp-ok'
assert_eq "/sys ro sysfs
/tmp rw tmpfs
sys-ok
sys-ro
tmp-ok" "$(cat "$TMP_DIR/stdout")" "inside"
[ ! -e "$ROOT/tmp/x" ] || fail "a file of the tmpfs /tmp is in the root"
