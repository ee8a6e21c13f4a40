#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --bind SRC:DST shows SRC at DST inside the new root, writable both ways,
# for a directory and for a file.
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
mkdir "$TMP_DIR/src"
echo from-outside >"$TMP_DIR/src/f"
echo host-name >"$TMP_DIR/hostname"
: >"$ROOT/etc/hostname"
before=$(mount_targets)

assert_status 0 "nsroot --bind" -- "$NSRUN" --mount -- "$NSROOT" \
	--bind "$TMP_DIR/src:/data" --bind "$TMP_DIR/hostname:/etc/hostname" "$ROOT" -- /bin/sh -c '
	cat /data/f /etc/hostname; echo from-inside >/data/g'
assert_eq "from-outside
host-name" "$(cat "$TMP_DIR/stdout")" "the bound files inside"
assert_eq from-inside "$(cat "$TMP_DIR/src/g")" "a file written inside, outside"
assert_eq "" "$(cat "$ROOT/etc/hostname")" "the file under the bind"
assert_eq "$before" "$(mount_targets)" "our mounts"
