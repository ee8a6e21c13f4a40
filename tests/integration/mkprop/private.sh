#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --private removes a mount from its peer group; -r does so beneath too.
. "${NSKIT_SRCDIR:-.}/tests/integration/lib.sh"
# shellcheck source=tests/integration/mkprop/helpers.sh
. "$NSKIT_SRCDIR/tests/integration/mkprop/helpers.sh"
require_root
isolate
require_tool mkprop
mount_tree

assert_match '^shared:[0-9]+$' "$(optional_fields "$A")" "before: $A"
assert_status 0 "mkprop --private" -- "$MKPROP" --private "$A"
assert_eq "" "$(cat "$TMP_DIR/stdout")" "stdout"
assert_eq "" "$(optional_fields "$A")" "$A after --private"
assert_match '^shared:[0-9]+$' "$(optional_fields "$A/sub")" "$A/sub after --private (not recursive)"

assert_status 0 "mkprop --private -r" -- "$MKPROP" --private -r "$A"
assert_eq "" "$(optional_fields "$A")" "$A after --private -r"
assert_eq "" "$(optional_fields "$A/sub")" "$A/sub after --private -r"
