#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --proc covers files with the null device only: a /dev/null that is a
# regular file or another device is refused, in one line naming it, and
# every mount nsroot made (proc and the masks made before) is undone.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate			# the binds on /dev/null below stay in our own namespace
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"

refused='/dev/null: opening the null device to mask files with: not the null device \(character device 1:3\)$'
echo 'not empty' >"$TMP_DIR/notnull"
mount --bind "$TMP_DIR/notnull" /dev/null || hard_error "bind over /dev/null"
on_exit 'umount /dev/null'
fails_clean "$refused" --proc "$ROOT" -- /bin/true
umount /dev/null && mount --bind /dev/zero /dev/null || hard_error "bind /dev/zero over /dev/null"
fails_clean "$refused" --proc --dev --tmp "$ROOT" -- /bin/true

# the refusal is the mask's: unmasked, the same root works
no_leak_check_after_pivot
assert_status 0 "nsroot --proc-unmasked" -- "$NSRUN" --mount --pid -- \
	"$NSROOT" --proc-unmasked "$ROOT" -- /bin/true
