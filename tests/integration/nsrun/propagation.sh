#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A new mount namespace is private by default; --propagation sets the mode
# that mountinfo then shows for /.
# shellcheck source=tests/integration/lib.sh
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
require_root
isolate
# Make / shared in the test's own (isolated) namespace, so that each mode
# is visible as a change.
mount --make-rshared / || hard_error "cannot make / shared in the test namespace"

root_fields() {
	"$NSRUN" "$@" -- awk '$5 == "/" { for (i = 7; $i != "-"; i++) printf "%s ", $i; print "" }' /proc/self/mountinfo
}

out=$(root_fields --mount)
assert_no_match 'shared:|master:' "$out" "default propagation (private)"
out=$(root_fields --mount --propagation private)
assert_no_match 'shared:|master:' "$out" "--propagation private"
out=$(root_fields --mount --propagation shared)
assert_match 'shared:[0-9]+' "$out" "--propagation shared"
out=$(root_fields --mount --propagation slave)
assert_match 'master:[0-9]+' "$out" "--propagation slave"
assert_no_match 'shared:' "$out" "--propagation slave is not shared"
out=$(root_fields --mount --propagation unchanged)
assert_match 'shared:[0-9]+' "$out" "--propagation unchanged keeps shared"

# recursion: a submount becomes private too
mkdir "$TMP_DIR/sub"
mount -t tmpfs nskit-test "$TMP_DIR/sub"
on_exit "umount '$TMP_DIR/sub'"
out=$("$NSRUN" --mount -- awk -v p="$TMP_DIR/sub" '$5 == p' /proc/self/mountinfo)
assert_match 'nskit-test' "$out" "submount visible"
assert_no_match 'shared:' "$out" "submount made private recursively"

# a mount made inside a private namespace does not reach us
before=$(mount_count)
"$NSRUN" --mount -- mount -t tmpfs nskit-inner "$TMP_DIR/sub"
assert_eq "$before" "$(mount_count)" "mount inside did not propagate out"

assert_status 125 "bad mode" -- "$NSRUN" --mount --propagation sideways true
assert_one_line_error nsrun "--propagation sideways: not private, shared, slave or unchanged"
