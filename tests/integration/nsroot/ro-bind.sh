#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --ro-bind SRC:DST is read-only inside, with every mount beneath SRC.
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
mkdir "$TMP_DIR/src" "$TMP_DIR/src/sub"
echo from-outside >"$TMP_DIR/src/f"
mount -t tmpfs sub "$TMP_DIR/src/sub" || hard_error "mount tmpfs on src/sub"
on_exit "umount '$TMP_DIR/src/sub'"

assert_status 0 "nsroot --ro-bind" -- "$NSRUN" --mount --pid -- "$NSROOT" --proc \
	--ro-bind "$TMP_DIR/src:/data" "$ROOT" -- /bin/sh -c '
	cat /data/f
	touch /data/g 2>&1; touch /data/sub/g 2>&1
	awk "\$5 ~ /^\\/data/ { split(\$6, o, \",\"); print \$5, o[1] }" /proc/self/mountinfo'
assert_eq "from-outside
touch: /data/g: Read-only file system
touch: /data/sub/g: Read-only file system
/data ro
/data/sub ro" "$(cat "$TMP_DIR/stdout")" "inside"
[ ! -e "$TMP_DIR/src/g" ] || fail "a file was written through the read-only bind"
# the source itself stays writable outside
touch "$TMP_DIR/src/h" || fail "the source became read-only outside"
