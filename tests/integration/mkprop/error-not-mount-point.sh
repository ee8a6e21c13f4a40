#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A path that is not a mount point: one line saying so and naming the
# mount it is on, exit 125, nothing changed.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree
mkdir "$A/sub/dir"
before=$(cat /proc/self/mountinfo)

assert_status 125 "not a mount point" -- "$MKPROP" --private "$A" "$A/sub/dir"
assert_one_line_error mkprop "$A/sub/dir: not a mount point \\(it is on the mount at $A/sub\\)\$"
assert_eq "$before" "$(cat /proc/self/mountinfo)" "mountinfo after the failure"

# the same through a relative path
mkdir "$TMP_DIR/plain"
(cd "$TMP_DIR" && "$MKPROP" --slave plain) 2>"$TMP_DIR/stderr" && fail "a relative non-mount-point was accepted"
assert_one_line_error mkprop "plain: not a mount point \\(it is on the mount at /[^ ]*\\)\$"
