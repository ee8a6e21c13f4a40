#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A path that does not exist: one line naming it, exit 125, and no other
# path changed (every path is checked before any is changed).
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree
before=$(cat /proc/self/mountinfo)

assert_status 125 "missing path" -- "$MKPROP" --private -r "$A" "$TMP_DIR/nonexistent"
assert_one_line_error mkprop "$TMP_DIR/nonexistent: No such file or directory\$"
assert_eq "$before" "$(cat /proc/self/mountinfo)" "mountinfo after the failure"

assert_status 125 "--show of a missing path" -- "$MKPROP" --show "$TMP_DIR/nonexistent"
assert_one_line_error mkprop "$TMP_DIR/nonexistent: No such file or directory\$"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout after the failure"
