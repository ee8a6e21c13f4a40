#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A step that fails before the pivot: one line naming the path and the
# step, exit 125, and every mount nsroot made is gone again.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/nsroot/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/nsroot/helpers.sh"
require_root
isolate
require_tool nsroot
require_tool nsrun
ROOT=$TMP_DIR/root
make_root "$ROOT"
rmdir "$ROOT/tmp"
mkdir "$TMP_DIR/src"

# the last step fails, after a bind and dev (eight mounts) were mounted
fails_clean "$ROOT/tmp: mounting a tmpfs: No such file or directory\$" \
	--bind "$TMP_DIR/src:/data" --dev --tmp "$ROOT" -- /bin/true
fails_clean "$ROOT/nodir: bind mount: No such file or directory\$" \
	--bind "$TMP_DIR/src:/nodir" "$ROOT" -- /bin/true
fails_clean "$TMP_DIR/nosrc: opening the bind source: No such file or directory\$" \
	--ro-bind "$TMP_DIR/nosrc:/data" "$ROOT" -- /bin/true
fails_clean "$TMP_DIR/noroot: binding it onto itself: No such file or directory\$" \
	"$TMP_DIR/noroot" -- /bin/true
fails_clean "$TMP_DIR/noroot: mounting the overlay's tmpfs: No such file or directory\$" \
	--overlay "$ROOT" "$TMP_DIR/noroot" -- /bin/true
# a lower layer that is missing (or no directory) is named, not NEWROOT;
# nothing is mounted. layer_refused LAYERS PATH CAUSE: the exact line.
mkdir "$TMP_DIR/empty"
layer_refused() {
	fails_clean ": opening the overlay's lower layer: " --overlay "$1" "$TMP_DIR/empty" -- /bin/true
	assert_error_line "nsroot: $2: opening the overlay's lower layer: $3"
}
layer_refused "$TMP_DIR/nolayer" "$TMP_DIR/nolayer" "No such file or directory"
layer_refused "$ROOT:$TMP_DIR/nolayer" "$TMP_DIR/nolayer" "No such file or directory"
layer_refused "$ROOT/bin/busybox" "$ROOT/bin/busybox" "Not a directory"
[ -z "$(ls -A "$TMP_DIR/empty")" ] || fail "$TMP_DIR/empty is not empty after the refusals"
